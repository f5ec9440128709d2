#pragma once

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace showdown {

/// A fixture server child (tests/fixtures): started, the port read from its ready line, killed by the destructor.
class FixtureProcess {
public:
    FixtureProcess(const QString &program, const QStringList &arguments)
    {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return;
        QElapsedTimer waited;
        waited.start();
        while (!m_process.canReadLine() && waited.elapsed() < 10000 && m_process.state() == QProcess::Running)
            m_process.waitForReadyRead(100);
        const QJsonObject ready = QJsonDocument::fromJson(m_process.readLine()).object();
        if (ready.value(QStringLiteral("ready")).toBool())
            m_port = ready.value(QStringLiteral("port")).toInt();
    }
    ~FixtureProcess() { stop(); }
    FixtureProcess(const FixtureProcess &) = delete;
    FixtureProcess &operator=(const FixtureProcess &) = delete;

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] bool running() { return m_process.state() == QProcess::Running; }
    [[nodiscard]] QString url(const QString &scheme, const QString &path) const
    {
        return QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(m_port).arg(path);
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool waitForExit(int ms) { return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(ms); }

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace showdown
