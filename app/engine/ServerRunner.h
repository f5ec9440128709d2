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

/// Runs one server benchmark step: starts the server on a free loopback port, waits for its ready line,
/// measures every load point of the suite against it (server CPU and memory read from /proc around each),
/// and stops it. Whatever goes wrong (never ready, died, wrong answers) ends up in the Sample, never hangs.
class ServerRunner {
public:
    ServerRunner(const Catalog &catalog, Executor &executor, LoadDriver &driver);

    [[nodiscard]] Sample run(const RunStep &step, std::stop_token stop);
    /// Replaces the free-port choice; tests use it to hand the server a port that is already taken.
    void setPortChooser(std::function<quint16()> choosePort);

    /// A port on 127.0.0.1 that was free a moment ago (the kernel picks it); 0 if none could be had.
    [[nodiscard]] static quint16 freePort();
    /// Seconds the load points of a step take, without server start-up: for suite time estimates.
    [[nodiscard]] static double loadSeconds(const Benchmark &benchmark, const BenchmarkSize &size);

private:
    const Catalog &m_catalog;
    Executor &m_executor;
    LoadDriver &m_driver;
    std::function<quint16()> m_choosePort;
};

} // namespace showdown
