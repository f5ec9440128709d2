#pragma once

#include "Catalog.h"
#include "RuntimeInfo.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <stop_token>
#include <thread>

namespace showdown {

/// What the user asked the Run dialog for.
struct RunRequest {
    QString suite = QStringLiteral("quick");
    QStringList only;             ///< empty: every benchmark of the suite
    QList<RuntimeInfo> runtimes;  ///< at least one node and one python for comparisons
    int runs = 0;                 ///< processes per benchmark and runtime; 0 keeps the suite's
    int timeoutSeconds = 0;       ///< per process; 0 keeps each benchmark's own
};

/// Runs one suite at a time on a worker thread with its own ResultStore connection, exactly as the CLI
/// does (SuiteRunner + SuiteRecorder), and reports progress as queued signals so the window stays live.
class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    /// Stops a run in progress and waits for its child to be killed: nothing outlives the window.
    ~RunController() override;

    /// Starts a run into `databasePath`; false (with `error`) when one is already running or the request is unusable.
    [[nodiscard]] bool start(const RunRequest &request, const Catalog &catalog, const QString &databasePath, QString *error);
    /// Asks the run to stop; the running child is killed at once and finished() follows.
    void stop();
    [[nodiscard]] bool running() const { return m_running; }
    /// Id of the result set being written, 0 before it exists.
    [[nodiscard]] qint64 resultSetId() const { return m_resultSetId; }
    /// Milliseconds left by the mean step time so far; -1 before the first step ends.
    [[nodiscard]] qint64 etaMs() const;

signals:
    void started(qint64 resultSetId, int total);
    /// After each stored sample; `next` names the step that runs now (empty at the end).
    void progressed(int done, int total, const QString &next, bool lastValid, const QString &lastError);
    void finished(qint64 resultSetId, const QString &status, const QString &error);
    /// Variants the runtimes cannot run (a missing library), each with the reason and the package to install.
    void skipped(const QStringList &reasons);

private:
    void post(std::function<void()> call);
    void onFinished(qint64 id, const QString &status, const QString &error);

    std::jthread m_thread;
    std::stop_source m_stop;
    bool m_running = false;
    qint64 m_resultSetId = 0;
    int m_done = 0;
    int m_total = 0;
    QElapsedTimer m_clock;
};

} // namespace showdown
