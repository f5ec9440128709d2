#pragma once

#include "ResultSetInfo.h"
#include "ResultSnapshot.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace showdown {

/// The window's view of one database: its result sets and the open one's snapshot. Every read and write
/// runs on a pool thread with a connection of its own (SQLite connections must not cross threads); the
/// results arrive here as signals, so the GUI thread never waits on the file.
class ResultSession : public QObject {
    Q_OBJECT
public:
    explicit ResultSession(QObject *parent = nullptr);

    [[nodiscard]] QString databasePath() const { return m_databasePath; }
    [[nodiscard]] const QList<ResultSetInfo> &resultSets() const { return m_sets; }
    [[nodiscard]] const ResultSnapshot &snapshot() const { return m_snapshot; }
    [[nodiscard]] qint64 currentId() const { return m_snapshot.info.id; }
    /// True until the first listing of the current database has arrived.
    [[nodiscard]] bool loading() const { return m_pending > 0; }

    /// Switches to another database after checking it in the background; a file that is not a Showdown
    /// database (or is corrupt) is refused with errorOccurred and the current one stays open. Of several
    /// opens in flight, an earlier one that lands after a later one is dropped.
    void openDatabase(const QString &path);
    /// Re-reads the list of result sets; with `openLatest`, opens the newest one afterwards.
    void refreshSets(bool openLatest = false);
    /// Loads and analyses one result set; snapshotChanged follows.
    void openResultSet(qint64 id);
    /// Reloads and fully analyses the open set.
    void reload();
    /// While a run writes the open set: reads only the processes stored since the last read and refreshes
    /// the cheap summaries (medians, load rows). Comparisons and their bootstraps wait for reload() at the
    /// run's end, so the window never competes with the benchmark being timed.
    void readNew();

    void rename(qint64 id, const QString &name);
    void setNotes(qint64 id, const QString &notes);
    void remove(qint64 id);

    /// Reads one set with its analysis (stored with the set, or for a set without one, computed from its
    /// samples and never written); public so the report and tests can build the same snapshot.
    [[nodiscard]] static ResultSnapshot load(const QString &databasePath, qint64 id, QString *error);
    /// The set's summary rows with their raw values, for what bootstraps them against another set or at
    /// another confidence (comparing two sets, the claims); reads every sample, so call it off the GUI thread.
    [[nodiscard]] static QList<SummaryRow> measuredRows(const QString &databasePath, qint64 id, QString *error);

signals:
    void databaseOpened(const QString &path);
    void setsChanged();
    void snapshotChanged();
    void errorOccurred(const QString &message);
    /// A load finished (successfully or not); tests and busy indicators wait on it.
    void idle();

private:
    /// Runs `work` on a pool thread and `done` with its error text on the GUI thread.
    void background(const std::function<QString()> &work, const std::function<void()> &done);
    void edit(qint64 id, const std::function<bool(class ResultStore &, QString *)> &change);

    QString m_databasePath;
    QList<ResultSetInfo> m_sets;
    ResultSnapshot m_snapshot;
    int m_pending = 0;
    quint64 m_opensRequested = 0;  ///< openDatabase() calls so far
    quint64 m_openApplied = 0;     ///< the latest of them whose database is the one shown
    quint64 m_generation = 0;   ///< snapshot requests issued; a slower, older one must not overwrite a newer one
    bool m_readingNew = false;  ///< a readNew() is in flight; another request only marks m_readAgain
    bool m_readAgain = false;   ///< readNew() was asked for meanwhile: read again once the one in flight lands
};

} // namespace showdown
