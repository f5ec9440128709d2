#include "SuiteRecorder.h"

#include "BenchmarkEnvironment.h"
#include "Environment.h"
#include "MachineIdentity.h"

#include <QJsonArray>

namespace showdown {

SuiteRecorder::SuiteRecorder(ResultStore &store, SuiteRunner &runner) : m_store(store), m_runner(runner) {}

qint64 SuiteRecorder::begin(const QString &suite, const QStringList &only, int runs, const QList<RuntimeInfo> &runtimes,
                            qsizetype processes, QString *error)
{
    ResultSetInfo info;
    info.suite = suite;
    info.appVersion = QStringLiteral(SHOWDOWN_VERSION);
    info.environment = Environment::capture();
    info.environment.insert(MachineState::kKey, m_machine.start());
    if (!m_label.isEmpty())
        info.environment.insert(MachineIdentity::kLabelKey, m_label);
    m_environment = info.environment;
    QJsonArray runtimeNames;
    for (const RuntimeInfo &runtime : runtimes)
        runtimeNames.append(runtime.name);
    info.parameters = QJsonObject{{QStringLiteral("suite"), suite},
                                  {QStringLiteral("only"), QJsonArray::fromStringList(only)},
                                  {QStringLiteral("runs"), runs > 0 ? QJsonValue(runs) : QJsonValue()},
                                  {QStringLiteral("runtimes"), runtimeNames},
                                  {QStringLiteral("processes"), qint64(processes)},
                                  // What every child started with (BLAS threads pinned), so a reader knows numpy ran on one core.
                                  {QStringLiteral("child_environment"), BenchmarkEnvironment::toJson()}};
    return m_store.createResultSet(info, runtimes, error, m_definitions);
}

SuiteRecorder::Outcome SuiteRecorder::record(qint64 resultSetId, const QList<RunStep> &steps, std::stop_source stop,
                                             const SampleCallback &onSample, QString *error)
{
    Outcome outcome;
    int done = 0;
    QString refusal;
    Sample refused;
    m_runner.execute(steps, stop.get_token(), [&](const RunStep &step, const Sample &sample) {
        if (!m_store.addSample(resultSetId, sample, &refusal)) {
            // Cannot record: stop at once rather than measure for nothing, and report it once, below.
            refused = sample;
            stop.request_stop();
            return;
        }
        ++done;
        ++outcome.stored;
        if (!sample.valid() && sample.status != QLatin1String("cancelled"))
            ++outcome.invalid;
        if (onSample)
            onSample(done, step, sample);
    });
    const bool allFailed = outcome.invalid == outcome.stored && outcome.stored > 0;
    outcome.status = stop.stop_requested() ? QStringLiteral("interrupted")
                     : allFailed           ? QStringLiteral("failed")
                                           : QStringLiteral("complete");
    // The status first: it is what keeps the samples trustworthy, and on a full disk an update of one column
    // in place still fits where the larger environment text may not.
    QString finishError;
    const bool finished = m_store.finishResultSet(resultSetId, outcome.status, &finishError);
    // Then the machine's end state and the foreign-load verdict; a set without them is still finished.
    m_environment.insert(MachineState::kKey, m_machine.finish());
    QString environmentError;
    if (!m_store.setResultSetEnvironment(resultSetId, m_environment, &environmentError) && refusal.isEmpty())
        qWarning("showdown: %s", qPrintable(environmentError));
    if (!refusal.isEmpty()) {
        outcome.storeError = refusedMessage(resultSetId, refused, refusal, outcome.stored, finished ? QString() : finishError);
    } else if (!finished) {
        // Everything was stored but the end could not be: readers see the set as interrupted once this
        // process has gone, and the next writing open records that.
        outcome.status = QStringLiteral("interrupted");
        *error = QStringLiteral("all %1 samples of result set %2 are stored in %3, but the set could not be marked finished (%4); "
                                "the next run or import into that database marks it interrupted")
                     .arg(outcome.stored)
                     .arg(resultSetId)
                     .arg(m_store.path(), finishError);
    }
    // After the run, so no bootstrap competes with a measurement; every reader then shows these figures.
    if (finished && outcome.stored > 0)
        (void)m_store.storeAnalysis(resultSetId, &outcome.analysisError);
    return outcome;
}

QString SuiteRecorder::refusedMessage(qint64 resultSetId, const Sample &sample, const QString &reason, int stored,
                                      const QString &finishError) const
{
    QString what = sample.benchmark + (sample.variant.isEmpty() ? QString() : QLatin1Char('/') + sample.variant);
    const QString kept = finishError.isEmpty()
                             ? QStringLiteral("result set %1, now marked interrupted").arg(resultSetId)
                             : QStringLiteral("result set %1, which could not be marked interrupted either (%2): the next run or "
                                              "import into that database marks it")
                                   .arg(resultSetId)
                                   .arg(finishError);
    return QStringLiteral("%1 in %2, so the run stopped at %3 on %4, run %5. The %6 samples before it are safely stored in %7. "
                          "Free space on that disk, or store results in another database (--db FILE, or Settings in the window), "
                          "and run again.")
        .arg(reason, m_store.path(), what, sample.runtime)
        .arg(sample.runIndex + 1)
        .arg(stored)
        .arg(kept);
}

} // namespace showdown
