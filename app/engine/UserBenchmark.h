#pragma once

#include "Benchmark.h"
#include "BenchmarkCategory.h"
#include "ReadyRule.h"
#include "RuntimeInfo.h"
#include "RuntimeKind.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// What a program's output or a response's body must be (USER_BENCHMARKS.md): exact bytes, or their SHA-256.
/// Neither given: the runtimes of the pair must agree with each other.
struct ExpectedBytes {
    std::optional<QByteArray> exact;
    QByteArray sha256;  ///< lower-case hex; empty when not declared

    [[nodiscard]] bool declared() const { return exact || !sha256.isEmpty(); }
    /// Why `actual` is not what was declared (naming what differs); empty when it is, or nothing was declared.
    [[nodiscard]] QString mismatch(const QByteArray &actual) const;
};

/// One request a user server must answer, in its check and under load.
struct UserRequest {
    QString name;
    QByteArray method = "GET";
    QString path = QStringLiteral("/");  ///< starts with '/', may carry a query
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int expectedStatus = 200;
    ExpectedBytes expectedBody;
};

/// A server's load points where its definition overrides the suite's (USER_BENCHMARKS.md "load"); whatever it
/// leaves out is what the built-in HTTP servers get in the same suite.
struct UserLoad {
    QList<int> connections;            ///< keep-alive connections per sweep point; empty: the suite's
    std::optional<double> durationS;   ///< measured seconds per point
    std::optional<double> warmupS;     ///< load applied and discarded before each point
    /// The p99 latency objective in milliseconds of a capacity search of every request after the sweep (at the
    /// suite's capacity connections and steps); absent: no search, as nothing says what latency is acceptable.
    std::optional<double> sloP99Ms;
    std::optional<int> runs;           ///< the entry's "runs" when given: server processes per runtime; else the suite's
};

/// One benchmark of a user's definition file (BenchmarkDefinitionFile parses it): a program or a server, with
/// the argument vector that runs it per runtime family. Nothing here runs anything.
struct UserBenchmark {
    enum class Form { Program, Server };

    QString name;
    BenchmarkCategory category;
    QString description;
    Form form = Form::Program;
    /// The argument vector per family, placeholders unexpanded; `{runtime}` is always the first element.
    QMap<RuntimeFamily, QStringList> commands;
    QMap<QString, QString> environment;  ///< added to every child's environment
    QList<RuntimeKind> runtimes;         ///< the kinds it may run on; empty: every kind of each family it has a command for
    QString workingDirectory;            ///< absolute: the definition file's folder, or `directory` under it
    int timeoutSeconds = 60;             ///< programs: per process; servers: the wait for readiness
    int runs = 10;                       ///< processes per runtime in a run

    // Programs.
    bool protocol = false;               ///< speaks PROTOCOL.md (gets --size/--iterations/--warmup, prints one JSON line)
    std::optional<qint64> size;          ///< `{size}`, and --size for protocol programs
    int iterations = 10;                 ///< protocol programs only
    int warmup = 2;                      ///< protocol programs only
    ExpectedBytes expectedOutput;        ///< whole-process: stdout; protocol: the `result` string

    // Servers.
    ReadyRule ready;
    QList<UserRequest> requests;
    UserLoad load;

    int line = 0;  ///< where its entry starts in the file, for messages about it

    [[nodiscard]] bool isServer() const { return form == Form::Server; }
    /// Whether it runs on a runtime of this kind at all (its family has a command, and `runtimes` allows the kind).
    [[nodiscard]] bool runsOn(RuntimeKind kind) const;
    /// The argument vector (after the executable, which is runtime.path) for this runtime: `{runtime}` becomes
    /// the kind's launch prefix (deno: run -A; bun: --no-install), `{size}` and `{port}` their values.
    [[nodiscard]] QStringList arguments(const RuntimeInfo &runtime, quint16 port = 0) const;
    /// A program as the suite runner measures it, with the same size in every suite: a whole process
    /// (`"measure": "command"`) must print `reference` (the output its check agreed on; held by its SHA-256); a
    /// protocol program (`"measure": "iterations"`) reports its own iterations and must give `reference` as its result.
    [[nodiscard]] Benchmark toBenchmark(const QStringList &suites, const QByteArray &reference) const;
    /// A server as the suite runner loads it (`"measure": "http"`, one endpoint per request): in each suite of
    /// `suiteLoads` (the built-in HTTP servers' sizes) with its `load` overrides. `bodies`: each request's body as
    /// its check agreed on it, required of every response to a request that declares no expected body.
    [[nodiscard]] Benchmark toServerBenchmark(const QMap<QString, BenchmarkSize> &suiteLoads, const QList<QByteArray> &bodies) const;

private:
    /// One variant per family with a command: its argument vector after `{runtime}`, its environment and folder.
    [[nodiscard]] QList<BenchmarkVariant> variants() const;
};

} // namespace showdown
