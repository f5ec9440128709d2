#pragma once

#include "Catalog.h"
#include "Executor.h"
#include "LoadDriver.h"
#include "RuntimeInfo.h"
#include "Sample.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <stop_token>

namespace showdown {

/// One process to start: which benchmark (and variant or server), on which runtime, which repetition.
struct RunStep {
    Benchmark benchmark;
    BenchmarkSize size;
    RuntimeInfo runtime;
    int runIndex = 0;
    BenchmarkVariant variant;
    int workers = 0;  ///< passed as --workers when > 0
};

/// A benchmark variant that cannot run on a runtime of the selection, and why; shown, never silently dropped.
struct SkippedRun {
    QString benchmark;
    QString variant;
    QString runtime;
    QString reason;  ///< names the missing library and the package that provides it
};

/// Plans and executes a suite: fresh process per sample, runtimes interleaved so drift hits both sides.
class SuiteRunner {
public:
    /// `driver` puts load on server benchmarks; without one, server steps are recorded as errors.
    SuiteRunner(const Catalog &catalog, Executor &executor, LoadDriver *driver = nullptr);

    /// The ordered list of processes for a suite. `only` empty means every benchmark; `runs` > 0 overrides
    /// the manifest's process count. Unknown names in `only` are reported through `error`; variants whose
    /// runtime lacks a library go to `skipped` (may be null).
    [[nodiscard]] QList<RunStep> plan(const QString &suite, const QStringList &only, const QList<RuntimeInfo> &runtimes,
                                      int runs, QString *error, QList<SkippedRun> *skipped = nullptr) const;

    /// Runs the steps in order on the calling thread, calling `onSample` after each; stops early (with the
    /// running child killed) when `stop` is requested. Returns the number of steps that ran.
    int execute(const QList<RunStep> &steps, std::stop_token stop,
                const std::function<void(const RunStep &, const Sample &)> &onSample);

    /// The argument vector for one step: `<script> --size N --iterations K --warmup W [--workers N] [--variant V]`.
    [[nodiscard]] ProcessSpec processSpec(const RunStep &step) const;

    /// Why a variant cannot run on a runtime (a missing library and how to install it); empty if it can.
    [[nodiscard]] static QString unavailableReason(const BenchmarkVariant &variant, const RuntimeInfo &runtime);
    /// Rough seconds the steps will take: server load points from their durations; programs from `secondsPerProcess`
    /// (timingKey → typical seconds of one process on this machine, from earlier runs), else from the manifest's
    /// reference timing (BenchmarkSize::expectedS), else 1 s.
    /// The key of a benchmark's process timings at one size, shared by the store's history and the estimate.
    [[nodiscard]] static QString timingKey(const QString &benchmark, qint64 size) { return benchmark + QLatin1Char('/') + QString::number(size); }
    [[nodiscard]] static double estimateSeconds(const QList<RunStep> &steps, const QMap<QString, double> &secondsPerProcess);

private:
    const Catalog &m_catalog;
    Executor &m_executor;
    LoadDriver *m_driver;
};

} // namespace showdown
