#include "MainWindow.h"

#include "ResultAnalysis.h"
#include "ResultJson.h"
#include "ResultStore.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace showdown {
namespace {

QTableWidgetItem *item(const QString &text)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(cell->flags() & ~Qt::ItemIsEditable);
    return cell;
}

} // namespace

struct MainWindow::Loaded {
    QString error;
    QList<ResultSetInfo> sets;
    QList<SummaryRow> rows;
};

/// Runs on a pool thread with a connection of its own: SQLite connections must not cross threads.
MainWindow::Loaded MainWindow::load(const QString &path, qint64 resultSetId)
{
    Loaded loaded;
    ResultStore store;
    if (!store.open(path, &loaded.error))
        return loaded;
    if (resultSetId == 0) {
        loaded.sets = store.resultSets(&loaded.error);
    } else {
        loaded.rows = ResultAnalysis::rows(store.samples(resultSetId, &loaded.error), store.runtimes(resultSetId, &loaded.error));
    }
    return loaded;
}

void MainWindow::fetch(qint64 resultSetId, const std::function<void(const Loaded &)> &apply)
{
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, apply] {
        watcher->deleteLater();
        const Loaded loaded = watcher->result();
        if (!loaded.error.isEmpty())
            return showError(loaded.error);
        apply(loaded);
    });
    watcher->setFuture(QtConcurrent::run(&MainWindow::load, m_databasePath, resultSetId));
}

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_databasePath(ResultStore::defaultPath())
{
    setWindowTitle(tr("Showdown — Node.js vs Python, measured here"));
    createLayout();
    statusBar()->showMessage(tr("Database: %1").arg(m_databasePath));
    loadResultSets();
    resize(1200, 760);
}

void MainWindow::createLayout()
{
    m_header = new QLabel(tr("Result sets in this database. Run `showdown run` to add one; pick one to see its statistics."));
    m_header->setWordWrap(true);

    m_sets = new QTableWidget(0, 5);
    m_sets->setHorizontalHeaderLabels({tr("ID"), tr("Created (UTC)"), tr("Suite"), tr("Status"), tr("Samples")});
    m_sets->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sets->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sets->horizontalHeader()->setStretchLastSection(true);
    m_sets->verticalHeader()->hide();
    connect(m_sets, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto selected = m_sets->selectedItems();
        if (!selected.isEmpty())
            loadRows(m_sets->item(selected.first()->row(), 0)->text().toLongLong());
    });

    m_rows = new QTableWidget(0, 8);
    m_rows->setHorizontalHeaderLabels({tr("Benchmark"), tr("Runtime"), tr("n"), tr("Median"), tr("SD"), tr("CV"),
                                       tr("Peak RSS"), tr("Notes")});
    m_rows->horizontalHeader()->setStretchLastSection(true);
    m_rows->verticalHeader()->hide();
    // Rows arrive in the order they ran; sorting starts only when the user clicks a header.
    m_rows->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_rows->setSortingEnabled(true);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_sets);
    splitter->addWidget(m_rows);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
}

void MainWindow::loadResultSets()
{
    fetch(0, [this](const Loaded &loaded) {
        m_sets->setRowCount(int(loaded.sets.size()));
        for (int i = 0; i < loaded.sets.size(); ++i) {
            const ResultSetInfo &set = loaded.sets.at(i);
            m_sets->setItem(i, 0, item(QString::number(set.id)));
            m_sets->setItem(i, 1, item(set.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            m_sets->setItem(i, 2, item(set.suite));
            m_sets->setItem(i, 3, item(set.status));
            m_sets->setItem(i, 4, item(QString::number(set.sampleCount)));
        }
        m_sets->resizeColumnsToContents();
        if (!loaded.sets.isEmpty())
            m_sets->selectRow(int(loaded.sets.size()) - 1);
    });
}

void MainWindow::loadRows(qint64 resultSetId)
{
    fetch(resultSetId, [this](const Loaded &loaded) {
        m_rows->setSortingEnabled(false);
        m_rows->setRowCount(int(loaded.rows.size()));
        for (int i = 0; i < loaded.rows.size(); ++i) {
            const SummaryRow &row = loaded.rows.at(i);
            const bool any = row.stats.n > 0;
            QStringList notes = row.warnings;
            if (!row.error.isEmpty())
                notes.prepend(row.error);
            m_rows->setItem(i, 0, item(row.benchmark));
            m_rows->setItem(i, 1, item(row.runtime));
            m_rows->setItem(i, 2, item(QString::number(row.stats.n)));
            m_rows->setItem(i, 3, item(any ? ResultJson::formatDuration(row.stats.median) : tr("no valid samples")));
            m_rows->setItem(i, 4, item(any ? ResultJson::formatDuration(row.stats.sd) : QString()));
            m_rows->setItem(i, 5, item(any ? QStringLiteral("%1%").arg(row.stats.cv * 100, 0, 'f', 1) : QString()));
            m_rows->setItem(i, 6, item(any ? QStringLiteral("%1 MB").arg(double(row.peakRssKb) / 1024, 0, 'f', 1) : QString()));
            m_rows->setItem(i, 7, item(notes.join(QStringLiteral("; "))));
        }
        m_rows->resizeColumnsToContents();
        m_rows->setSortingEnabled(true);
    });
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message);
    QMessageBox::warning(this, tr("Showdown"), message);
}

} // namespace showdown
