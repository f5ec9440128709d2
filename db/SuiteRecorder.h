#pragma once

#include "ResultStore.h"
#include "SuiteRunner.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <stop_token>

namespace showdown {

/// Runs a planned suite into the store: one result set, every sample committed as it arrives, and an
/// honest final status. Shared by the CLI and the window so both record runs the same way.
class SuiteRecorder {
public:
    /// How a recorded run ended.
    struct Outcome {
        QString status;      ///< complete, interrupted or failed
        int stored = 0;      ///< samples committed
        int invalid = 0;     ///< stored samples that failed (cancelled ones not counted)
        QString storeError;  ///< why recording stopped early, when the store refused a sample
        QString analysisError;  ///< why the set's analysis could not be stored (readers then compute it)
    };
    /// Called on the recording thread after each sample is stored; `done` counts the steps run so far.
    using SampleCallback = std::function<void(int done, const RunStep &step, const Sample &sample)>;

    SuiteRecorder(ResultStore &store, SuiteRunner &runner);

    /// Creates the result set describing the run (environment, runtimes, parameters); 0 on failure.
    [[nodiscard]] qint64 begin(const QString &suite, const QStringList &only, int runs, const QList<RuntimeInfo> &runtimes,
                               qsizetype processes, QString *error);
    /// Executes `steps`, stores each sample, and finishes the set with its status. A stop request (or a
    /// store failure, which requests one) ends the run with the running child killed. Then the set's
    /// analysis (summaries, comparisons, bootstraps) is computed once and stored with it.
    [[nodiscard]] Outcome record(qint64 resultSetId, const QList<RunStep> &steps, std::stop_source stop,
                                 const SampleCallback &onSample, QString *error);

private:
    ResultStore &m_store;
    SuiteRunner &m_runner;
};

} // namespace showdown
