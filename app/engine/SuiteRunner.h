#pragma once

#include "Catalog.h"
#include "Executor.h"
#include "RuntimeInfo.h"
#include "Sample.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <stop_token>

namespace showdown {

/// One process to start: which benchmark, on which runtime, which repetition.
struct RunStep {
    Benchmark benchmark;
    BenchmarkSize size;
    RuntimeInfo runtime;
    int runIndex = 0;
};

/// Plans and executes a suite: fresh process per sample, runtimes interleaved so drift hits both sides.
class SuiteRunner {
public:
    SuiteRunner(const Catalog &catalog, Executor &executor);

    /// The ordered list of processes for a suite. `only` empty means every benchmark; `runs` > 0 overrides
    /// the manifest's process count. Unknown names in `only` are reported through `error`.
    [[nodiscard]] QList<RunStep> plan(const QString &suite, const QStringList &only, const QList<RuntimeInfo> &runtimes,
                                      int runs, QString *error) const;

    /// Runs the steps in order on the calling thread, calling `onSample` after each; stops early (with the
    /// running child killed) when `stop` is requested. Returns the number of steps that ran.
    int execute(const QList<RunStep> &steps, std::stop_token stop,
                const std::function<void(const RunStep &, const Sample &)> &onSample);

    /// The argument vector for one step: `<script> --size N --iterations K --warmup W`.
    [[nodiscard]] ProcessSpec processSpec(const RunStep &step) const;

private:
    const Catalog &m_catalog;
    Executor &m_executor;
};

} // namespace showdown
