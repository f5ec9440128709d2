#pragma once

#include "BenchmarkBound.h"
#include "BenchmarkCategory.h"
#include "CapacityPlan.h"
#include "HttpRequestSpec.h"
#include "ReadyRule.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace showdown {

/// Which targets of a server benchmark get a capacity search in one suite (issue 11), after its sweep and in
/// the same server process, and how each search steps.
struct CapacitySettings {
    QStringList endpoints;   ///< http: endpoint names, each with a declared objective; chat: empty (the room)
    QList<int> connections;  ///< one search per count: generator connections (http) or clients in the room (chat)
    /// plan.startRate as declared: requests per second (http, used when the sweep did not measure the
    /// endpoint); chat: deliveries per second, so each room starts at startRate / clients messages per second.
    CapacityPlan plan;
};

/// The workload of one benchmark in one suite, with the result both programs must print.
struct BenchmarkSize {
    qint64 size = 0;
    int runs = 1;        ///< fresh processes per runtime (per variant and worker count)
    int iterations = 1;  ///< measured iterations inside each process
    int warmup = 0;      ///< in-process warm-up iterations, timed but kept apart
    QString checksum;
    /// Mean wall seconds of one process at this size on the reference 2-core machine (tests/perf/calibrate_estimates.py
    /// writes it from a stored run); only for the first estimate on a database without earlier runs. 0: unknown.
    double expectedS = 0;
    QList<int> workers;  ///< worker counts to run at; empty: the benchmark takes no --workers

    // Server benchmarks only.
    QStringList endpoints;   ///< names from Benchmark::endpoints, in order
    QList<int> connections;  ///< load points: keep-alive connections (http), idle connections (idle), clients (chat)
    double rate = 0;         ///< open loop: requests (chat: messages) per second in total; 0 = closed loop
    double durationS = 0;    ///< measured seconds per load point
    double warmupS = 0;      ///< load applied and discarded before each point
    std::optional<CapacitySettings> capacity;  ///< http and chat: capacity searches after the sweep
    /// The servers this suite runs, by name; empty: every server. A short suite measures the servers its
    /// verdicts read (with repeats) rather than every server once, to stay within its time budget.
    QStringList servers;
    /// http: connection counts for named endpoints that differ from `connections` (a single point for an
    /// endpoint that needs no full sweep), so a suite spends its time where the verdicts and charts need it.
    QMap<QString, QList<int>> endpointConnections;

    /// The connection counts an http endpoint is swept at.
    [[nodiscard]] QList<int> connectionsFor(const QString &endpoint) const { return endpointConnections.value(endpoint, connections); }
};

/// One way of running a benchmark on one kind of runtime: numpy vs pure Python, or one HTTP server.
struct BenchmarkVariant {
    QString name;         ///< empty for the single implicit variant of a plain benchmark
    QString runtimeKind;  ///< "node" or "python"
    QString script;       ///< servers: the program; empty: the benchmark's program for this runtime, given --variant
    QStringList args;     ///< extra arguments from the manifest
    QStringList libraries; ///< optional libraries that must be importable (RuntimeInfo::libraries)
    QString description;  ///< servers: what the server does per request, so a reader can judge fairness
    std::optional<BenchmarkBound> bound = std::nullopt;  ///< overrides the benchmark's (numpy is library-bound, plain loops are not)
    /// Servers: variables added to the server's environment (NODE_ENV=production for Express), as deployed.
    QMap<QString, QString> environment = {};
    /// Servers: the configuration the manifest claims (server, parser, loop, ...); the server's ready line
    /// must report exactly this, read from what really runs, or the run is a protocol error.
    QJsonObject config = {};
    /// Servers: the configuration claimed on a runtime kind whose ready line differs from `config` (Bun and
    /// Deno serve node:http from their own HTTP stacks), by kind name ("bun", "deno", "pypy", ...).
    QMap<QString, QJsonObject> configByKind = {};
    /// Runtime kinds that cannot run this program, each with the reason found by trying (PROTOCOL.md,
    /// "unsupported"): the harness skips the program there and shows the reason instead of a failure.
    QMap<QString, QString> unsupported = {};
    /// A user benchmark (USER_BENCHMARKS.md, `"measure": "command"`): the argument vector after the runtime's launch
    /// prefix, placeholders already expanded; it replaces the script and the protocol's arguments.
    QStringList command = {};
    /// A user benchmark: the folder it runs in (its definition's `directory`); empty: the catalogue's base folder.
    QString workingDirectory = {};

    /// The environment as JSON, for the benchmark's description and for each server sample's record.
    [[nodiscard]] QJsonObject environmentJson() const;
    /// Servers: what the ready line must report when the server runs on a runtime of `kind`.
    [[nodiscard]] QJsonObject configFor(const QString &kind) const { return configByKind.value(kind, config); }
    /// Why this program cannot run on a runtime of `kind`; empty when nothing says it cannot.
    [[nodiscard]] QString unsupportedReason(const QString &kind) const { return unsupported.value(kind); }
};

/// An HTTP endpoint every server of a benchmark serves, with the exact body each must return.
struct Endpoint {
    QString name;
    QString path;
    QByteArray body;
    /// The latency objective a capacity search holds this endpoint to: p99 in milliseconds; 0 undeclared.
    double sloP99Ms = 0;
    /// What is sent and the status the answer must have: a bare GET answered 2xx for the built-in servers; a
    /// user's request (method, headers, body, declared status, body SHA-256 instead of `body`) for theirs.
    HttpRequestSpec request = {};
};

/// One entry of the manifest: programs that compute the same thing (or serve the same endpoints) on Node
/// and Python, and how much of it each suite runs.
struct Benchmark {
    QString name;
    QString title;
    BenchmarkCategory category;
    QString description;
    QStringList claims;
    /// What dominates the time of both programs; absent only for servers, whose variants say what they do.
    std::optional<BenchmarkBound> bound;
    /// What differs between the Node and the Python program, so a reader can judge the pair's fairness.
    QString notes;
    /// "iterations": the program times itself; "process": the harness times the whole process; "command": a user's
    /// program (USER_BENCHMARKS.md) timed as a whole process, its stdout's SHA-256 checked against the size's checksum;
    /// "http", "idle", "chat": a server the harness loads with its own generator.
    QString measure;
    int timeoutSeconds = 60;
    QString nodeScript;    ///< relative to the benchmarks folder
    QString pythonScript;
    QList<BenchmarkVariant> variants;  ///< servers, or named variants; empty: one implicit variant per runtime
    /// A benchmark without variants: runtime kinds that cannot run its program (its implicit variants get them).
    QMap<QString, QString> unsupported;
    QList<Endpoint> endpoints;
    QMap<QString, BenchmarkSize> sizes;  ///< by suite name
    /// A user's server (USER_BENCHMARKS.md): started with `{port}` in its variant's command and ready by this rule,
    /// where a built-in server binds port 0 itself and says so on a PROTOCOL.md ready line.
    std::optional<ReadyRule> ready;

    [[nodiscard]] bool measuresProcess() const { return measure == QLatin1String("process") || measure == QLatin1String("command"); }
    [[nodiscard]] bool isServer() const
    {
        return measure == QLatin1String("http") || measure == QLatin1String("idle") || measure == QLatin1String("chat");
    }
    [[nodiscard]] QString scriptFor(const QString &runtimeKind) const
    {
        return runtimeKind == QLatin1String("node") ? nodeScript : pythonScript;
    }
    /// The variants that run on a runtime kind; a plain benchmark yields one unnamed variant.
    [[nodiscard]] QList<BenchmarkVariant> variantsFor(const QString &runtimeKind) const;
    /// The variant's own bound where it declares one, else the benchmark's.
    [[nodiscard]] std::optional<BenchmarkBound> boundOf(const BenchmarkVariant &variant) const
    {
        return variant.bound ? variant.bound : bound;
    }
    [[nodiscard]] const Endpoint *endpoint(const QString &name) const;
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace showdown
