#pragma once

#include "Catalog.h"
#include "Executor.h"
#include "LoadDriver.h"
#include "RuntimeInfo.h"
#include "Sample.h"

#include <functional>
#include <stop_token>

namespace showdown {

struct RunStep;

/// Runs one server benchmark step: starts the server (it binds port 0 of 127.0.0.1 itself, so no other
/// program can take the port between a choice and the bind), waits for its ready line and reads the port
/// and the configuration in use from it, measures every load point of the suite against it (server CPU
/// and memory read from /proc around each), and stops it. Whatever goes wrong (never ready, a bad ready
/// line, died, wrong answers) ends up in the Sample, never hangs. A user's server (Benchmark::ready set) is
/// started with a free port in place of `{port}` and waited for by its own ReadyRule (UserServerProcess); its
/// load points are then measured and judged exactly as a built-in server's.
class ServerRunner {
public:
    ServerRunner(const Catalog &catalog, Executor &executor, LoadDriver &driver);

    [[nodiscard]] Sample run(const RunStep &step, std::stop_token stop);

    /// Seconds the load points of a step take, without server start-up: for suite time estimates.
    [[nodiscard]] static double loadSeconds(const Benchmark &benchmark, const BenchmarkSize &size);

private:
    /// A user's server (USER_BENCHMARKS.md): its own command on a port chosen here, its own readiness rule.
    [[nodiscard]] Sample runUserServer(const RunStep &step, std::stop_token stop);
    /// Every load point of the step (sweep, then capacity searches) against the server listening on `port`, whose
    /// process group `group` (0: unknown) gives its CPU and memory; each point judged by checkAnswers.
    [[nodiscard]] QList<LoadPoint> measurePoints(const RunStep &step, quint16 port, qint64 group,
                                                 const std::function<bool()> &serverEnded, std::stop_token stop);

    const Catalog &m_catalog;
    Executor &m_executor;
    LoadDriver &m_driver;
};

} // namespace showdown
