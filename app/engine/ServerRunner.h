#pragma once

#include "Catalog.h"
#include "Executor.h"
#include "LoadDriver.h"
#include "RuntimeInfo.h"
#include "Sample.h"

#include <stop_token>

namespace showdown {

struct RunStep;

/// Runs one server benchmark step: starts the server (it binds port 0 of 127.0.0.1 itself, so no other
/// program can take the port between a choice and the bind), waits for its ready line and reads the port
/// and the configuration in use from it, measures every load point of the suite against it (server CPU
/// and memory read from /proc around each), and stops it. Whatever goes wrong (never ready, a bad ready
/// line, died, wrong answers) ends up in the Sample, never hangs.
class ServerRunner {
public:
    ServerRunner(const Catalog &catalog, Executor &executor, LoadDriver &driver);

    [[nodiscard]] Sample run(const RunStep &step, std::stop_token stop);

    /// Seconds the load points of a step take, without server start-up: for suite time estimates.
    [[nodiscard]] static double loadSeconds(const Benchmark &benchmark, const BenchmarkSize &size);

private:
    const Catalog &m_catalog;
    Executor &m_executor;
    LoadDriver &m_driver;
};

} // namespace showdown
