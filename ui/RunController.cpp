#include "RunController.h"

#include "AsioLoadDriver.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "ResultStore.h"
#include "SuiteRecorder.h"
#include "SuiteRunner.h"

#include <QFileInfo>

namespace showdown {
namespace {

QString describe(const RunStep &step)
{
    return QStringLiteral("%1 on %2").arg(step.benchmark.name, step.runtime.name);
}

} // namespace

RunController::RunController(QObject *parent) : QObject(parent) {}

RunController::~RunController()
{
    m_stop.request_stop();
    if (m_thread.joinable())
        m_thread.join();
}

void RunController::post(std::function<void()> call)
{
    QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
}

qint64 RunController::etaMs() const
{
    if (!m_running || m_done == 0)
        return -1;
    return m_clock.elapsed() * (m_total - m_done) / m_done;
}

bool RunController::start(const RunRequest &request, const Catalog &catalog, const QString &databasePath, QString *error)
{
    if (m_running) {
        *error = tr("A run is already in progress; stop it before starting another.");
        return false;
    }
    for (const QString &kind : {QStringLiteral("node"), QStringLiteral("python")}) {
        if (std::none_of(request.runtimes.begin(), request.runtimes.end(), [&](const RuntimeInfo &r) { return r.kind == kind && r.available; })) {
            *error = tr("Choose at least one available %1 runtime: every result compares Node.js with Python.").arg(kind);
            return false;
        }
    }
    const QString helper = ResourceLocator::execHelper();
    if (!QFileInfo(helper).isExecutable()) {
        *error = tr("The process helper %1 is missing; rebuild Showdown (cmake --build build).").arg(helper);
        return false;
    }
    if (m_thread.joinable())
        m_thread.join();  // the previous run has already posted finished(); its thread is at its end
    m_stop = std::stop_source();
    m_running = true;
    m_resultSetId = 0;
    m_done = 0;
    m_total = 0;
    m_clock.start();
    m_thread = std::jthread([this, request, catalog, databasePath, helper, stop = m_stop] {
        ProcessRunner runner(helper);
        AsioLoadDriver loadDriver;
        SuiteRunner suiteRunner(catalog, runner, &loadDriver);
        QString problem;
        QList<SkippedRun> skippedRuns;
        QList<RunStep> steps = suiteRunner.plan(request.suite, request.only, request.runtimes, request.runs, &problem, &skippedRuns);
        if (!skippedRuns.isEmpty()) {
            QStringList reasons;
            for (const SkippedRun &skip : skippedRuns)
                reasons.append(QStringLiteral("%1%2 on %3: %4").arg(skip.benchmark, skip.variant.isEmpty() ? QString() : QLatin1Char('/') + skip.variant,
                                                                   skip.runtime, skip.reason));
            post([this, reasons] { emit skipped(reasons); });
        }
        if (problem.isEmpty() && steps.isEmpty())
            problem = tr("The %1 suite has nothing to run with this choice of benchmarks.").arg(request.suite);
        if (!problem.isEmpty())
            return post([this, problem] { onFinished(0, QStringLiteral("failed"), problem); });
        if (request.timeoutSeconds > 0) {
            for (RunStep &step : steps)
                step.benchmark.timeoutSeconds = request.timeoutSeconds;
        }
        ResultStore store;
        if (!store.open(databasePath, &problem))
            return post([this, problem] { onFinished(0, QStringLiteral("failed"), problem); });
        SuiteRecorder recorder(store, suiteRunner);
        const qint64 id = recorder.begin(request.suite, request.only, request.runs, request.runtimes, steps.size(), &problem);
        if (id == 0)
            return post([this, problem] { onFinished(0, QStringLiteral("failed"), problem); });
        const int total = int(steps.size());
        const QString first = describe(steps.first());
        post([this, id, total, first] {
            m_resultSetId = id;
            m_total = total;
            emit started(id, total);
            emit progressed(0, total, first, true, QString());
        });
        const SuiteRecorder::Outcome outcome = recorder.record(id, steps, stop, [&](int done, const RunStep &, const Sample &sample) {
            const QString next = done < total ? describe(steps.at(done)) : QString();
            const bool valid = sample.valid() || sample.status == QLatin1String("cancelled");
            const QString sampleError = valid ? QString() : QStringLiteral("%1 on %2: %3").arg(sample.benchmark, sample.runtime, sample.error);
            post([this, done, total, next, valid, sampleError] {
                m_done = done;
                emit progressed(done, total, next, valid, sampleError);
            });
        }, &problem);
        if (problem.isEmpty() && !outcome.storeError.isEmpty())
            problem = outcome.storeError;
        post([this, id, status = outcome.status, problem] { onFinished(id, status, problem); });
    });
    return true;
}

void RunController::onFinished(qint64 id, const QString &status, const QString &error)
{
    m_running = false;
    emit finished(id, status, error);
}

void RunController::stop()
{
    m_stop.request_stop();
}

} // namespace showdown
