#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace showdown {

class CommandProcess;

/// A `showdown VERB ...` child whose whole stdout is the answer (`benchmarks check --json`, `rerun ID` listing its
/// commands): the window asks the command line rather than doing the work itself, so both give the same answer,
/// and the work (running a definition once per runtime) happens in another process, never on the GUI thread.
class CommandOutput : public QObject {
    Q_OBJECT
public:
    explicit CommandOutput(QObject *parent = nullptr);

    /// Starts `showdown` with `arguments`; false (with `error`) when the previous command is still going.
    [[nodiscard]] bool start(const QStringList &arguments, QString *error);
    /// Ends the child now (SIGTERM; the destructor kills it after a grace period).
    void terminate();
    [[nodiscard]] bool running() const;

signals:
    /// The child is gone: its exit code (-1: crashed or never started), everything it wrote on stdout, and the
    /// problem CommandProcess describes for a non-zero exit (empty after exit code 0).
    void finished(int exitCode, const QByteArray &output, const QString &problem);

private:
    CommandProcess *m_child;
    QByteArray m_output;
};

} // namespace showdown
