#pragma once

#include "MachineState.h"
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
        /// When the store refused a sample (full disk, I/O error): the one message for the user, saying what
        /// failed, how many samples are safely stored, and what to do. The set ends `interrupted`.
        QString storeError;
        QString analysisError;  ///< why the set's analysis could not be stored (readers then compute it)
    };
    /// Called on the recording thread after each sample is stored; `done` counts the steps run so far.
    using SampleCallback = std::function<void(int done, const RunStep &step, const Sample &sample)>;

    SuiteRecorder(ResultStore &store, SuiteRunner &runner);

    /// What the user calls this machine (`run --label prod-c7i.large`), recorded with the set by begin().
    void setMachineLabel(const QString &label) { m_label = label; }
    /// The user's definition files the run measures (`run --benchmarks`, `rerun`), stored by begin() with the set.
    void setDefinitions(const QList<StoredDefinitionFile> &definitions) { m_definitions = definitions; }

    /// Creates the result set describing the run (environment with the machine's state now, runtimes,
    /// parameters); 0 on failure.
    [[nodiscard]] qint64 begin(const QString &suite, const QStringList &only, int runs, const QList<RuntimeInfo> &runtimes,
                               qsizetype processes, QString *error);
    /// Executes `steps`, stores each sample, and finishes the set with its status. A stop request ends the
    /// run with the running child killed; a sample the store refuses ends it at once (no further steps), keeps
    /// what was stored and ends the set `interrupted` (see Outcome::storeError). `error` is set only when the
    /// set's final status could not be written after a run that otherwise stored everything.
    /// Then the set's analysis (summaries, comparisons, bootstraps) is computed once and stored with it.
    [[nodiscard]] Outcome record(qint64 resultSetId, const QList<RunStep> &steps, std::stop_source stop,
                                 const SampleCallback &onSample, QString *error);

private:
    /// The message for a sample the store refused; `finishError` is why the set could not be marked, if so.
    [[nodiscard]] QString refusedMessage(qint64 resultSetId, const Sample &sample, const QString &reason, int stored,
                                         const QString &finishError) const;

    ResultStore &m_store;
    SuiteRunner &m_runner;
    MachineState m_machine;     ///< read at begin() and before the set is finished
    QJsonObject m_environment;  ///< as stored by begin(), completed with the machine's end state
    QString m_label;            ///< MachineIdentity::label; empty: none given
    QList<StoredDefinitionFile> m_definitions;  ///< empty: built-in benchmarks
};

} // namespace showdown
