#pragma once

#include "Executor.h"
#include "RuntimeInfo.h"
#include "UserBenchmark.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <stop_token>

namespace showdown {

/// What `benchmarks check` found for one user benchmark.
struct UserCheckResult {
    QString benchmark;
    int line = 0;          ///< its entry in the definition file
    bool passed = false;
    QString message;       ///< the first failure (the check stops there), or what it ran on when it passed
    QStringList runtimes;  ///< the runtimes it ran on, up to and including the failing one
    /// Programs that passed: the output every runtime agreed on (or the result, for protocol programs), which a
    /// run then requires of every sample.
    QByteArray reference;
    /// Servers that passed: each request's body as every runtime answered it, which a run then requires of every
    /// response to a request declared with no expected body of its own.
    QList<QByteArray> bodies;
};

/// Runs each user benchmark once on each present runtime of its families, the way a run would start it, and
/// stops a definition at its first failure: a program that exits non-zero or prints something other than
/// expected (or other than the other runtimes printed), a server that is never ready, answers a request with
/// the wrong status or body, or ends early. Servers get a port on 127.0.0.1 and are stopped (SIGTERM, 2 s,
/// then their process group is killed), so nothing is left behind. Blocks its (worker) thread.
class UserBenchmarkCheck {
public:
    /// @param runtimes the runtimes to try (unavailable ones are ignored); typically the detected defaults.
    UserBenchmarkCheck(Executor &executor, QList<RuntimeInfo> runtimes);

    /// How long a check waits for each HTTP response.
    static constexpr std::chrono::seconds kRequestTimeout{10};

    [[nodiscard]] UserCheckResult check(const UserBenchmark &benchmark, std::stop_token stop = {}) const;

private:
    /// Runs a program once; on success sets *output to what is compared (stdout, or a protocol program's result).
    [[nodiscard]] QString checkProgram(const UserBenchmark &benchmark, const RuntimeInfo &runtime, QByteArray *output,
                                       std::stop_token stop) const;
    /// Starts a server, waits for it to be ready, sends each request once, stops it; *bodies gets each response body.
    [[nodiscard]] QString checkServer(const UserBenchmark &benchmark, const RuntimeInfo &runtime, QList<QByteArray> *bodies,
                                      std::stop_token stop) const;

    Executor &m_executor;
    QList<RuntimeInfo> m_runtimes;
};

} // namespace showdown
