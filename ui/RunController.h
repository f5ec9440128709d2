#pragma once

#include "RuntimeInfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

namespace showdown {

class CommandProcess;
struct RunEvent;

/// What the user asked the Run dialog for.
struct RunRequest {
    QString suite = QStringLiteral("quick");
    QStringList only;             ///< empty: every benchmark of the suite
    QList<RuntimeInfo> runtimes;  ///< at least one node and one python for comparisons
    int runs = 0;                 ///< processes per benchmark and runtime; 0 keeps the suite's
    int timeoutSeconds = 0;       ///< per process; 0 keeps each benchmark's own
    QString benchmarks;           ///< a user's definition file (or folder): run its benchmarks instead of Showdown's
    QString rerun;                ///< a stored set's id: run its stored definitions again (`showdown rerun ID --yes`)

    /// The `showdown run` (or `rerun`) arguments that ask for exactly this run, in the window's database.
    [[nodiscard]] QStringList arguments(const QString &databasePath) const;
    /// `--runtime X` for each runtime, as both the run and `benchmarks check` take them.
    [[nodiscard]] QStringList runtimeArguments() const;
};

/// Runs one suite at a time by starting `showdown run --events` as a child process and relaying its
/// events as signals. The run is the command line's own orchestration, in its own process: nothing the
/// window does (drawing, reading, hanging) competes with it or can disturb it.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    /// Starts a run into `databasePath`; false (with `error`) when one is already running or the request is unusable.
    [[nodiscard]] bool start(const RunRequest &request, const QString &databasePath, QString *error);
    /// Asks the run to stop, as Ctrl+C does on the command line: the running benchmark is killed at once,
    /// what was measured is kept, and finished() follows with status "interrupted".
    void stop();
    [[nodiscard]] bool running() const { return m_running; }
    /// Id of the result set being written, 0 before it exists.
    [[nodiscard]] qint64 resultSetId() const { return m_resultSetId; }
    /// Milliseconds left by the mean step time so far; -1 before the first step ends.
    [[nodiscard]] qint64 etaMs() const;

signals:
    void started(qint64 resultSetId, int total);
    /// After each stored sample; `next` names the step that runs now (empty at the end); `benchmarkEnded`
    /// says the stored sample completed its benchmark, the moment a live view may read without missing half a pair.
    void progressed(int done, int total, const QString &next, bool lastValid, const QString &lastError, bool benchmarkEnded);
    void finished(qint64 resultSetId, const QString &status, const QString &error);
    /// Variants the runtimes cannot run (a missing library), each with the reason and the package to install.
    void skipped(const QStringList &reasons);
    /// Another run holds this machine; this one starts when it ends. `message` names the holder.
    void waited(const QString &message);

private:
    void handleLine(const QByteArray &line);
    void handleEvent(const RunEvent &event);
    void onEnded(int exitCode, const QString &problem);

    CommandProcess *m_child;
    bool m_running = false;
    bool m_finishedSeen = false;
    qint64 m_resultSetId = 0;
    int m_done = 0;
    int m_total = 0;
    QString m_protocolError;  ///< the first malformed line, which makes the run's report untrustworthy
    QElapsedTimer m_clock;
};

} // namespace showdown
