#include "SuiteRecorder.h"

#include "BenchmarkEnvironment.h"
#include "Environment.h"

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
    return m_store.createResultSet(info, runtimes, error);
}

SuiteRecorder::Outcome SuiteRecorder::record(qint64 resultSetId, const QList<RunStep> &steps, std::stop_source stop,
                                             const SampleCallback &onSample, QString *error)
{
    Outcome outcome;
    int done = 0;
    m_runner.execute(steps, stop.get_token(), [&](const RunStep &step, const Sample &sample) {
        ++done;
        if (!sample.valid() && sample.status != QLatin1String("cancelled"))
            ++outcome.invalid;
        if (m_store.addSample(resultSetId, sample, &outcome.storeError))
            ++outcome.stored;
        else
            stop.request_stop();  // cannot record: stop rather than measure for nothing
        if (onSample)
            onSample(done, step, sample);
    });
    const bool allFailed = outcome.invalid == outcome.stored && outcome.stored > 0;
    outcome.status = !outcome.storeError.isEmpty() ? QStringLiteral("failed")
                     : stop.stop_requested()       ? QStringLiteral("interrupted")
                     : allFailed                   ? QStringLiteral("failed")
                                                   : QStringLiteral("complete");
    if (!m_store.finishResultSet(resultSetId, outcome.status, error))
        outcome.status = QStringLiteral("failed");
    return outcome;
}

} // namespace showdown
