#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace showdown {

/// One `showdown VERB ...` child started by the window. Runs and reports happen in that child, exactly
/// as on the command line, so the window and the CLI cannot drift and a window that hangs or crashes never
/// touches what the child is doing. Everything is asynchronous: the GUI thread never waits on it.
class CommandProcess : public QObject {
    Q_OBJECT
public:
    explicit CommandProcess(QObject *parent = nullptr);
    /// Ends a child still running (SIGTERM, a grace period, then SIGKILL): nothing outlives the window.
    ~CommandProcess() override;

    /// Starts `showdown` with `arguments`; false (with `error`) when one is already running.
    [[nodiscard]] bool start(const QStringList &arguments, QString *error);
    /// Asks the child to stop the way Ctrl+C does (SIGTERM): it ends its work cleanly and reports.
    void terminate();
    [[nodiscard]] bool running() const;

signals:
    /// One complete line the child wrote on stdout (without its newline).
    void lineRead(const QByteArray &line);
    /// The child is gone. `problem` is empty after exit code 0; otherwise it says what went wrong, with
    /// the last lines the child wrote on stderr.
    void ended(int exitCode, const QString &problem);

private:
    void readLines();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);

    QProcess m_process;
    QByteArray m_pending;      ///< stdout bytes after the last newline
    QByteArray m_stderrTail;   ///< the last few KiB of stderr, for the error message
    bool m_reported = false;   ///< ended() was emitted for the current child
};

} // namespace showdown
