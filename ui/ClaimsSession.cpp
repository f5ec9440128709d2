#include "ClaimsSession.h"

#include "ClaimEvaluator.h"
#include "ResourceLocator.h"
#include "ResultSession.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace showdown {

ClaimsSession *ClaimsSession::shared()
{
    static ClaimsSession *instance = new ClaimsSession(QCoreApplication::instance());
    return instance;
}

ClaimsSession::ClaimsSession(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<State>::finished, this, [this] {
        m_state = m_watcher.result();
        m_ready = true;
        emit changed();
        if (m_pending) {
            m_pending = false;
            start();
        }
    });
    start();
}

void ClaimsSession::update(const ResultSnapshot &snapshot)
{
    // Several pages pass the same snapshot on; and while a suite runs, thousands of bootstrap resamples a
    // second would compete with the benchmarks for the CPU, so verdicts wait for the run to end.
    const bool same = m_snapshot.info.id == snapshot.info.id && m_snapshot.info.status == snapshot.info.status
                      && m_snapshot.samples.size() == snapshot.samples.size() && m_snapshot.databasePath == snapshot.databasePath;
    if ((same && m_ready) || snapshot.info.status == QLatin1String("running"))
        return;
    m_snapshot = snapshot;
    start();
}

void ClaimsSession::reloadDatasets()
{
    start();
}

void ClaimsSession::start()
{
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    const ResultSnapshot snapshot = m_snapshot;
    m_watcher.setFuture(QtConcurrent::run([snapshot] {
        State state;
        state.resultSetId = snapshot.info.id;
        state.datasets = DatasetCatalog::load(ResourceLocator::dataDir(), DatasetCatalog::userDir());
        state.sourceSizes = SourceSizeProxy::measure(ResourceLocator::benchmarksDir());
        const std::optional<ClaimRules> rules = ClaimRules::loadShipped(&state.rulesError);
        if (!rules)
            return state;
        state.rules = rules->claims();
        ClaimInputs inputs;
        inputs.runtimes = snapshot.runtimes;
        // The ratio figures bootstrap raw values at the rules' confidence; a snapshot read with its stored
        // analysis has none, so they are read here, off the GUI thread.
        QString samplesError;
        inputs.rows = snapshot.timingsLoaded ? snapshot.rows : ResultSession::measuredRows(snapshot.databasePath, snapshot.info.id, &samplesError);
        if (!samplesError.isEmpty())
            inputs.rows = snapshot.rows;  // the file went away meanwhile: figures without values say so
        // The same derivation as `showdown claims`, so the window and the CLI give the same verdicts even
        // before (or without) the snapshot carrying load and scaling rows of its own.
        inputs.loadRows = snapshot.loadRows.isEmpty() ? ResultAnalysis::loadRows(snapshot.samples, snapshot.runtimes) : snapshot.loadRows;
        inputs.scalingRows = snapshot.scalingRows.isEmpty() ? ResultAnalysis::scalingRows(snapshot.rows) : snapshot.scalingRows;
        inputs.capacityRows = snapshot.capacityRows.isEmpty() ? ResultAnalysis::capacityRows(snapshot.samples, snapshot.runtimes) : snapshot.capacityRows;
        // The Holm-corrected p the Performance page shows is the one the claims report.
        inputs.comparisons = snapshot.comparisons;
        inputs.datasets = state.datasets;
        inputs.sourceSizes = state.sourceSizes;
        inputs.loadShippedBenchmarks();
        state.matrix = ClaimEvaluator::evaluateMatrix(*rules, inputs);
        state.verdicts = ClaimEvaluator::baselineVerdicts(state.matrix, *rules, inputs);
        return state;
    }));
}

void ClaimsSession::importDataset(const QString &path)
{
    auto *watcher = new QFutureWatcher<QPair<QString, QString>>(this);
    connect(watcher, &QFutureWatcher<QPair<QString, QString>>::finished, this, [this, watcher] {
        const auto [stored, error] = watcher->result();
        watcher->deleteLater();
        if (stored.isEmpty()) {
            emit importFailed(error);
            return;
        }
        emit imported(stored);
        reloadDatasets();
    });
    watcher->setFuture(QtConcurrent::run([path] {
        QString stored;
        QString error;
        if (!DatasetCatalog::importFile(path, DatasetCatalog::userDir(), &stored, &error))
            stored.clear();
        return qMakePair(stored, error);
    }));
}

const DatasetTable *ClaimsSession::usableTable(const QString &name, const std::function<void(const QString &)> &explain) const
{
    if (!m_ready)
        return nullptr;
    const DatasetTable *table = m_state.datasets.table(name);
    if (table && !table->rows().isEmpty())
        return table;
    explain(tr("The dataset %1 could not be loaded: %2").arg(name, m_state.datasets.issues().join(QStringLiteral("; "))));
    return nullptr;
}

std::optional<ClaimVerdict> ClaimsSession::verdict(const QString &id) const
{
    for (const ClaimVerdict &verdict : m_state.verdicts) {
        if (verdict.id == id)
            return verdict;
    }
    return std::nullopt;
}

QString ClaimsSession::verdictByPairing(const QString &id) const
{
    return ClaimEvaluator::verdictByPairing(m_state.matrix, id);
}

QString ClaimsSession::verdictPairing() const
{
    return m_state.matrix.size() > 1 ? m_state.matrix.first().pairing.label() : QString();
}

} // namespace showdown
