#pragma once

#include "Benchmark.h"
#include "BenchmarkCategory.h"
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

/// One request a user server must answer (and, in a later round, the load generator sends).
struct UserRequest {
    QString name;
    QByteArray method = "GET";
    QString path = QStringLiteral("/");  ///< starts with '/', may carry a query
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int expectedStatus = 200;
    ExpectedBytes expectedBody;
};

/// How a user server says it is listening.
struct ReadyRule {
    enum class Kind { StdoutLine, Url };
    Kind kind = Kind::StdoutLine;
    QRegularExpression pattern;  ///< StdoutLine: matched against each complete stdout line
    QString path;                ///< Url: a path on 127.0.0.1:{port} that answers with any HTTP response
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

    int line = 0;  ///< where its entry starts in the file, for messages about it

    [[nodiscard]] bool isServer() const { return form == Form::Server; }
    /// Whether it runs on a runtime of this kind at all (its family has a command, and `runtimes` allows the kind).
    [[nodiscard]] bool runsOn(RuntimeKind kind) const;
    /// The argument vector (after the executable, which is runtime.path) for this runtime: `{runtime}` becomes
    /// the kind's launch prefix (deno: run -A; bun: --no-install), `{size}` and `{port}` their values.
    [[nodiscard]] QStringList arguments(const RuntimeInfo &runtime, quint16 port = 0) const;
    /// A whole-process program as the suite runner measures it (`"measure": "command"`), with the same size in
    /// every suite and `reference` (the output its check agreed on) as the SHA-256 every sample must print.
    [[nodiscard]] Benchmark toBenchmark(const QStringList &suites, const QByteArray &reference) const;
};

} // namespace showdown
