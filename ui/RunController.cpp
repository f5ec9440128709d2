#include "RunController.h"

#include "CommandProcess.h"
#include "RunEvent.h"

namespace showdown {

QStringList RunRequest::arguments(const QString &databasePath) const
{
    // A re-run repeats what the stored set ran, on its definitions as stored; the user has seen its commands.
    if (!rerun.isEmpty())
        return {QStringLiteral("rerun"), rerun, QStringLiteral("--yes"), QStringLiteral("--events"), QStringLiteral("--db"), databasePath};
    QStringList arguments{QStringLiteral("run"), QStringLiteral("--events"), QStringLiteral("--suite"), suite,
                          QStringLiteral("--db"), databasePath};
    if (!benchmarks.isEmpty())
        arguments << QStringLiteral("--benchmarks") << benchmarks;
    if (!only.isEmpty())
        arguments << QStringLiteral("--only") << only.join(QLatin1Char(','));
    arguments << runtimeArguments();
    if (runs > 0)
        arguments << QStringLiteral("--runs") << QString::number(runs);
    if (timeoutSeconds > 0)
        arguments << QStringLiteral("--timeout") << QString::number(timeoutSeconds);
    return arguments;
}

QStringList RunRequest::runtimeArguments() const
{
    // Paths, not names: the child labels a path it also detects with the detected name, and probes any other.
    // A runtime made by an environment (PYTHON_GIL=1 on a free-threaded build) shares its path: it goes by name.
    QStringList arguments;
    for (const RuntimeInfo &runtime : runtimes)
        arguments << QStringLiteral("--runtime") << (runtime.environment.isEmpty() ? runtime.path : runtime.name);
    return arguments;
}

RunController::RunController(QObject *parent) : QObject(parent), m_child(new CommandProcess(this))
{
    connect(m_child, &CommandProcess::lineRead, this, &RunController::handleLine);
    connect(m_child, &CommandProcess::ended, this, &RunController::onEnded);
}

RunController::~RunController() = default;  // m_child's destructor stops a run still going

qint64 RunController::etaMs() const
{
    if (!m_running || m_done == 0)
        return -1;
    return m_clock.elapsed() * (m_total - m_done) / m_done;
}

bool RunController::start(const RunRequest &request, const QString &databasePath, QString *error)
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
    if (!m_child->start(request.arguments(databasePath), error))
        return false;
    m_running = true;
    m_finishedSeen = false;
    m_protocolError.clear();
    m_resultSetId = 0;
    m_done = 0;
    m_total = 0;
    m_clock.start();
    return true;
}

void RunController::stop()
{
    m_child->terminate();
}

void RunController::handleLine(const QByteArray &line)
{
    QString error;
    const std::optional<RunEvent> event = RunEvent::fromLine(line, &error);
    if (!event) {
        // A surprise from the child is an error, never guessed at; the run itself goes on and is stored.
        if (m_protocolError.isEmpty())
            m_protocolError = error;
        return;
    }
    handleEvent(*event);
}

void RunController::handleEvent(const RunEvent &event)
{
    switch (event.kind) {
    case RunEvent::Kind::Skipped:
        emit skipped(event.reasons);
        break;
    case RunEvent::Kind::Waiting:
        emit waited(event.message);
        break;
    case RunEvent::Kind::Started:
        m_resultSetId = event.resultSetId;
        m_total = event.total;
        m_clock.start();  // the ETA counts from the first process, not from a wait for the machine
        emit started(event.resultSetId, event.total);
        emit progressed(0, event.total, event.next, true, QString(), false);
        break;
    case RunEvent::Kind::Progressed:
        m_done = event.done;
        emit progressed(event.done, event.total, event.next, event.valid, event.error, event.benchmarkEnded);
        break;
    case RunEvent::Kind::Finished:
        m_finishedSeen = true;
        m_running = false;
        if (event.resultSetId != 0)
            m_resultSetId = event.resultSetId;
        emit finished(m_resultSetId, event.status, event.error.isEmpty() ? m_protocolError : event.error);
        break;
    }
}

void RunController::onEnded(int exitCode, const QString &problem)
{
    Q_UNUSED(exitCode)
    if (m_finishedSeen)
        return;  // the run said how it ended; its exit code only repeats that
    m_running = false;
    // The child ended without its last word (killed, crashed, or failed before the run began).
    QString error = problem;
    if (error.isEmpty())
        error = m_protocolError.isEmpty() ? tr("The run ended without reporting how.") : m_protocolError;
    emit finished(m_resultSetId, m_resultSetId != 0 ? QStringLiteral("interrupted") : QStringLiteral("failed"), error);
}

} // namespace showdown
