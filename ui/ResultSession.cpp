#include "ResultSession.h"

#include "BenchmarkDefinitionFile.h"
#include "ResultSetFile.h"
#include "ResultStore.h"

#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace showdown {
namespace {

/// Opens `store` to read (or, with `forEditing`, to change a set), retrying briefly on the transient errors
/// SQLite gives a reader while a run's writer checkpoints or closes the WAL (it reports them as I/O errors),
/// so a live run never shows a false alarm.
bool openStore(ResultStore &store, const QString &path, QString *error, bool forEditing = false)
{
    for (int attempt = 0;; ++attempt) {
        error->clear();
        // Reading never writes: no migration, recovery or whole-file check while a run may be measuring.
        if (forEditing ? ResultSetFile::openForEditing(store, path, error) : ResultSetFile::openForViewing(store, path, error))
            return true;
        const bool transient = error->contains(QLatin1String("disk I/O error")) || error->contains(QLatin1String("locked"))
                               || error->contains(QLatin1String("unable to open"));
        if (!transient || attempt == 5)
            return false;
        QThread::msleep(100);
    }
}

QString listSets(const QString &path, QList<ResultSetInfo> *sets)
{
    QString error;
    ResultStore store;
    if (openStore(store, path, &error))
        *sets = store.resultSets(&error);
    return error;
}

} // namespace

ResultSession::ResultSession(QObject *parent) : QObject(parent) {}

void ResultSession::background(const std::function<QString()> &work, const std::function<void()> &done)
{
    ++m_pending;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        --m_pending;
        const QString error = watcher->result();
        if (!error.isEmpty())
            emit errorOccurred(error);
        else
            done();
        emit idle();
    });
    watcher->setFuture(QtConcurrent::run(work));
}

ResultSnapshot ResultSession::load(const QString &databasePath, qint64 id, QString *error)
{
    ResultSnapshot snapshot;
    snapshot.databasePath = databasePath;
    ResultStore store;
    if (!openStore(store, databasePath, error))
        return snapshot;
    const std::optional<ResultSetInfo> info = store.resultSet(id, error);
    if (!info)
        return snapshot;
    snapshot.runtimes = store.runtimes(id, error);
    // A stored analysis spares reading every timing: the process records are all the pages need besides it.
    std::optional<ResultSetAnalysis> analysis = store.storedAnalysis(id);
    if (analysis && error->isEmpty()) {
        snapshot.samples = store.samples(id, error, ResultStore::SampleDetail::ProcessesOnly);
        snapshot.timingsLoaded = false;
        if (analysis->processes.size() != snapshot.samples.size())
            analysis.reset();  // not the analysis of these processes: compute it below instead
    }
    if (!analysis && error->isEmpty()) {
        snapshot.samples = store.samples(id, error);
        snapshot.timingsLoaded = true;
        analysis = ResultSetAnalysis::compute(snapshot.samples, snapshot.runtimes);
    }
    if (!error->isEmpty())
        return snapshot;
    snapshot.info = *info;
    snapshot.rows = analysis->rows;
    snapshot.comparisons = analysis->comparisons;
    snapshot.runtimeComparisons = analysis->runtimeComparisons;
    snapshot.loadRows = analysis->loadRows;
    snapshot.scalingRows = analysis->scalingRows;
    snapshot.capacityRows = analysis->capacityRows;
    snapshot.processSummaries = analysis->processes;
    // The categories come from this build's manifest; a benchmark it no longer knows shows under Performance.
    QString catalogError;
    // The set's own benchmarks (a user's definition files) are placed by the categories they declare.
    snapshot.definitions = store.definitionFiles(id);
    snapshot.userBenchmarks = BenchmarkDefinitionFile::benchmarksOf(snapshot.definitions);
    snapshot.categories = PagePlan::withUserBenchmarks(PagePlan::shipped(&catalogError), snapshot.userBenchmarks);
    return snapshot;
}

QList<SummaryRow> ResultSession::measuredRows(const QString &databasePath, qint64 id, QString *error)
{
    ResultStore store;
    if (!openStore(store, databasePath, error))
        return {};
    const QList<RuntimeInfo> runtimes = store.runtimes(id, error);
    const QList<Sample> samples = error->isEmpty() ? store.samples(id, error) : QList<Sample>();
    return error->isEmpty() ? ResultAnalysis::rows(samples, runtimes) : QList<SummaryRow>();
}

void ResultSession::openDatabase(const QString &path)
{
    auto sets = std::make_shared<QList<ResultSetInfo>>();
    const quint64 request = ++m_opensRequested;
    background(
        [path, sets] { return listSets(path, sets.get()); },
        [this, path, sets, request] {
            // Opens run side by side (the window's database, then `showdown FILE`): one asked for later that
            // has already landed wins over an earlier one landing after it.
            if (request < m_openApplied)
                return;
            m_openApplied = request;
            m_databasePath = path;
            m_sets = *sets;
            ++m_generation;
            m_snapshot = ResultSnapshot();
            m_snapshot.databasePath = path;
            emit databaseOpened(path);
            emit setsChanged();
            emit snapshotChanged();
            if (!m_sets.isEmpty())
                openResultSet(m_sets.last().id);
        });
}

void ResultSession::refreshSets(bool openLatest)
{
    const QString path = m_databasePath;
    auto sets = std::make_shared<QList<ResultSetInfo>>();
    background(
        [path, sets] { return listSets(path, sets.get()); },
        [this, path, sets, openLatest] {
            if (path != m_databasePath)
                return;  // the user switched databases meanwhile
            m_sets = *sets;
            emit setsChanged();
            const bool currentGone = currentId() != 0
                                     && std::none_of(m_sets.begin(), m_sets.end(), [this](const ResultSetInfo &set) { return set.id == currentId(); });
            if ((openLatest || currentGone || currentId() == 0) && !m_sets.isEmpty())
                openResultSet(m_sets.last().id);
            else if (currentGone || m_sets.isEmpty()) {
                ++m_generation;
                m_snapshot = ResultSnapshot();
                m_snapshot.databasePath = m_databasePath;
                emit snapshotChanged();
            }
        });
}

void ResultSession::openResultSet(qint64 id)
{
    const QString path = m_databasePath;
    const quint64 generation = ++m_generation;
    auto snapshot = std::make_shared<ResultSnapshot>();
    background(
        [path, id, snapshot] {
            QString error;
            *snapshot = load(path, id, &error);
            return error;
        },
        [this, generation, snapshot] {
            if (generation != m_generation)
                return;
            m_snapshot = *snapshot;
            emit snapshotChanged();
        });
}

void ResultSession::reload()
{
    if (currentId() != 0)
        openResultSet(currentId());
}

void ResultSession::readNew()
{
    if (currentId() == 0)
        return;
    if (!m_snapshot.timingsLoaded)
        return reload();  // a snapshot from a stored analysis has no timings to add new ones to
    if (m_readingNew) {
        m_readAgain = true;
        return;
    }
    m_readingNew = true;
    m_readAgain = false;
    const QString path = m_databasePath;
    const quint64 generation = m_generation;
    auto next = std::make_shared<ResultSnapshot>(m_snapshot);  // implicitly shared: the copy is cheap
    auto failure = std::make_shared<QString>();
    // The error travels beside the result so the in-flight flag is always cleared.
    background(
        [path, next, failure] {
            ResultStore store;
            if (!openStore(store, path, failure.get()))
                return QString();
            const qint64 after = next->samples.isEmpty() ? 0 : next->samples.constLast().id;
            const QList<Sample> fresh = store.samples(next->info.id, failure.get(), ResultStore::SampleDetail::Everything, after);
            if (!failure->isEmpty() || fresh.isEmpty())
                return QString();
            next->samples.append(fresh);
            for (const Sample &sample : fresh)
                next->processSummaries.append(ProcessSummary::of(sample));
            next->rows = ResultAnalysis::rows(next->samples, next->runtimes);
            next->loadRows = ResultAnalysis::loadRows(next->samples, next->runtimes);
            next->capacityRows = ResultAnalysis::capacityRows(next->samples, next->runtimes);
            next->comparisons.clear();
            next->scalingRows.clear();
            return QString();
        },
        [this, generation, next, failure] {
            m_readingNew = false;
            if (!failure->isEmpty())
                emit errorOccurred(*failure);
            else if (generation == m_generation && next->info.id == m_snapshot.info.id && next->samples.size() != m_snapshot.samples.size()) {
                m_snapshot = *next;
                emit snapshotChanged();
            }
            if (m_readAgain)
                readNew();
        });
}

void ResultSession::edit(qint64 id, const std::function<bool(ResultStore &, QString *)> &change)
{
    const QString path = m_databasePath;
    background(
        [path, id, change] {
            QString error;
            ResultStore store;
            if (openStore(store, path, &error, true))
                change(store, &error);
            return error;
        },
        [this, id] {
            refreshSets();  // also clears the snapshot when the open set was deleted
            if (id == currentId())
                reload();
        });
}

void ResultSession::rename(qint64 id, const QString &name)
{
    edit(id, [id, name](ResultStore &store, QString *error) { return store.renameResultSet(id, name, error); });
}

void ResultSession::setNotes(qint64 id, const QString &notes)
{
    edit(id, [id, notes](ResultStore &store, QString *error) { return store.setResultSetNotes(id, notes, error); });
}

void ResultSession::remove(qint64 id)
{
    // Forget the open set first so the refresh after the delete opens another instead of re-reading it.
    if (id == currentId()) {
        ++m_generation;
        m_snapshot = ResultSnapshot();
        m_snapshot.databasePath = m_databasePath;
        emit snapshotChanged();
    }
    edit(id, [id](ResultStore &store, QString *error) { return store.deleteResultSet(id, error); });
}

} // namespace showdown
