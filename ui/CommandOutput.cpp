#include "CommandOutput.h"

#include "CommandProcess.h"

namespace showdown {

CommandOutput::CommandOutput(QObject *parent) : QObject(parent), m_child(new CommandProcess(this))
{
    connect(m_child, &CommandProcess::lineRead, this, [this](const QByteArray &line) {
        m_output.append(line);
        m_output.append('\n');
    });
    connect(m_child, &CommandProcess::ended, this, [this](int exitCode, const QString &problem) {
        emit finished(exitCode, m_output, problem);
    });
}

bool CommandOutput::start(const QStringList &arguments, QString *error)
{
    if (!m_child->start(arguments, error))
        return false;
    m_output.clear();
    return true;
}

void CommandOutput::terminate()
{
    m_child->terminate();
}

bool CommandOutput::running() const
{
    return m_child->running();
}

} // namespace showdown
