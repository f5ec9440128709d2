#include "CommandProcess.h"

#include "ResourceLocator.h"

#include <QFileInfo>

namespace showdown {
namespace {

constexpr qsizetype kStderrTailBytes = 4096;
constexpr int kGraceMs = 3000;  ///< how long a child has to finish cleanly after SIGTERM when the window closes

} // namespace

CommandProcess::CommandProcess(QObject *parent) : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &CommandProcess::readLines);
    connect(&m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderrTail.append(m_process.readAllStandardError());
        if (m_stderrTail.size() > kStderrTailBytes)
            m_stderrTail = m_stderrTail.right(kStderrTailBytes);
    });
    connect(&m_process, &QProcess::finished, this, &CommandProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &CommandProcess::onError);
}

CommandProcess::~CommandProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    // The window is going away: the child gets what Ctrl+C gives it, time to record that it was
    // interrupted, and then no choice.
    disconnect(&m_process, nullptr, this, nullptr);
    m_process.terminate();
    if (!m_process.waitForFinished(kGraceMs)) {
        m_process.kill();
        m_process.waitForFinished(kGraceMs);
    }
}

bool CommandProcess::start(const QStringList &arguments, QString *error)
{
    if (running()) {
        *error = tr("Showdown is still busy with the previous command.");
        return false;
    }
    const QString program = ResourceLocator::showdownCommand();
    if (!QFileInfo(program).isExecutable()) {
        *error = tr("The showdown command %1 is missing; rebuild Showdown (cmake --build build).").arg(program);
        return false;
    }
    m_pending.clear();
    m_stderrTail.clear();
    m_reported = false;
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setStandardInputFile(QProcess::nullDevice());
    m_process.start(QIODevice::ReadOnly);
    return true;
}

void CommandProcess::terminate()
{
    if (running())
        m_process.terminate();
}

bool CommandProcess::running() const
{
    return m_process.state() != QProcess::NotRunning;
}

void CommandProcess::readLines()
{
    m_pending.append(m_process.readAllStandardOutput());
    qsizetype newline;
    while ((newline = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(newline);
        m_pending.remove(0, newline + 1);
        if (!line.trimmed().isEmpty())
            emit lineRead(line);
    }
}

void CommandProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readLines();
    m_stderrTail.append(m_process.readAllStandardError());
    if (m_reported)
        return;
    m_reported = true;
    QString problem;
    if (status == QProcess::CrashExit)
        problem = tr("showdown %1 ended abnormally (%2).").arg(m_process.arguments().value(0), m_process.errorString());
    else if (exitCode != 0)
        problem = tr("showdown %1 ended with exit code %2.").arg(m_process.arguments().value(0)).arg(exitCode);
    const QString tail = QString::fromUtf8(m_stderrTail).trimmed();
    if (!problem.isEmpty() && !tail.isEmpty())
        problem += QLatin1Char(' ') + tail.section(QLatin1Char('\n'), -3);
    emit ended(status == QProcess::CrashExit ? -1 : exitCode, problem);
}

void CommandProcess::onError(QProcess::ProcessError error)
{
    // A child that never started gets no finished(): report it here. Crashes arrive through finished().
    if (error != QProcess::FailedToStart || m_reported)
        return;
    m_reported = true;
    emit ended(-1, tr("Cannot start %1: %2").arg(m_process.program(), m_process.errorString()));
}

} // namespace showdown
