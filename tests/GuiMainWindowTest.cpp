// The window as a user drives it, under the offscreen platform, on a temporary database: first run, a real
// quick suite started from the Run dialog, every page, Stop in the middle of a run, a corrupt file, and
// History's edits. Tables and charts are checked against what the store holds.

#include "LegendNames.h"
#include "ChartPanel.h"
#include "CompareTableModel.h"
#include "ComparisonTableModel.h"
#include "DataTable.h"
#include "ErrorBanner.h"
#include "ForeignLoad.h"
#include "HistoryPage.h"
#include "CapacityTableModel.h"
#include "LoadSweepPage.h"
#include "LoadTableModel.h"
#include "ServerRows.h"
#include "Inventory.h"
#include "MainWindow.h"
#include "MemoryPage.h"
#include "OverviewPage.h"
#include "PerformancePage.h"
#include "ResultSession.h"
#include "ResultSetTableModel.h"
#include "ResultStore.h"
#include "RunDialog.h"
#include "SampleTableModel.h"
#include "SummaryTableModel.h"
#include "WindowPages.h"

#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QAbstractAxis>
#include <QChart>
#include <QComboBox>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTabWidget>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QRegularExpression>
#include <QProcess>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace showdown;

namespace {

QByteArray digest(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

/// Every live process below this one (children, grandchildren, ...), read from /proc.
QList<qint64> descendants()
{
    QHash<qint64, qint64> parentOf;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(0) != "Z")
            parentOf.insert(pid, fields.at(1).toLongLong());
    }
    QList<qint64> found;
    QList<qint64> frontier{qint64(::getpid())};
    while (!frontier.isEmpty()) {
        const qint64 parent = frontier.takeFirst();
        for (auto it = parentOf.begin(); it != parentOf.end(); ++it) {
            if (it.value() == parent) {
                found.append(it.key());
                frontier.append(it.key());
            }
        }
    }
    return found;
}

/// The page with this title (Concurrency and Real-time are both LoadSweepPages).
Page *pageTitled(MainWindow &window, const QString &title)
{
    for (Page *candidate : window.pages()) {
        if (candidate->title() == title)
            return candidate;
    }
    return nullptr;
}

/// Brings a chart panel's tab to the front (a panel builds its chart once it is on screen) and waits for the
/// chart, or the sentence in its place, that names `subject` (a panel keeps its previous chart until then).
QChart *chartOf(ChartPanel *panel, const QString &subject)
{
    for (QWidget *w = panel->parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentIndex(tabs->indexOf(panel));
            break;
        }
    }
    const bool settled = QTest::qWaitFor([&] {
        return panel->chart() ? panel->chart()->title().contains(subject) : panel->explanation().contains(subject);
    }, 10000);
    return settled ? panel->chart() : nullptr;
}

/// Waits until the window has read its database and detected the runtimes.
bool settle(MainWindow &window)
{
    return QTest::qWaitFor([&] { return !window.session()->loading() && window.inventory()->ready(); }, 60000);
}

} // namespace

class GuiMainWindowTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // settings and recent files go to a throw-away place
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("gui.sqlite"));
    }

    void firstRunExplainsAndOffersTheQuickSuite()
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        QCOMPARE(window.session()->databasePath(), m_db);
        QVERIFY(window.session()->resultSets().isEmpty());
        auto *overview = page<OverviewPage>(window);
        QVERIFY(overview);
        QVERIFY(overview->isVisible());
        QVERIFY(overview->runQuickButton()->isVisible());
        QVERIFY(overview->runQuickButton()->isEnabled());
        QVERIFY2(overview->headline().contains(QLatin1String("holds no result set yet")), qPrintable(overview->headline()));
        // Every other data page says there is nothing open rather than drawing an empty chart.
        window.showPage(1);
        QVERIFY(page<PerformancePage>(window)->explanation().contains(QLatin1String("No result set is open")));
    }

    void quickSuiteFromTheRunDialogFillsTablesAndCharts()
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        window.runAction()->trigger();
        auto *dialog = window.findChild<RunDialog *>();
        QVERIFY(dialog);
        dialog->setSuite(QStringLiteral("quick"));
        dialog->setBenchmarks({QStringLiteral("startup"), QStringLiteral("nbody")});
        const RunRequest chosen = dialog->request();
        QCOMPARE(chosen.only, (QStringList{QStringLiteral("startup"), QStringLiteral("nbody")}));
        QVERIFY(std::any_of(chosen.runtimes.begin(), chosen.runtimes.end(), [](const RuntimeInfo &r) { return r.isNode(); }));
        QVERIFY(std::any_of(chosen.runtimes.begin(), chosen.runtimes.end(), [](const RuntimeInfo &r) { return r.isPython(); }));

        QSignalSpy finished(window.runController(), &RunController::finished);
        QSignalSpy progressed(window.runController(), &RunController::progressed);
        QPushButton *start = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(window.stopAction()->isEnabled());
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("complete"));
        QVERIFY2(finished.first().at(2).toString().isEmpty(), qPrintable(finished.first().at(2).toString()));
        const qint64 id = finished.first().at(0).toLongLong();
        QVERIFY(progressed.count() > 2);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() == id && window.session()->snapshot().info.status == QLatin1String("complete")
                                     && !window.session()->loading(),
                                 30000);

        // What the store holds, analysed independently of the window.
        ResultStore store;
        QString error;
        QVERIFY(store.open(m_db, &error));
        const QList<Sample> samples = store.samples(id, &error);
        const QList<SummaryRow> expected = ResultAnalysis::rows(samples, store.runtimes(id, &error));
        QVERIFY(error.isEmpty());
        QCOMPARE(expected.size(), 4);  // startup and nbody, each on node and python

        // Pages draw when they are on screen: a hidden page has not spent anything on this set yet.
        auto *performance = page<PerformancePage>(window);
        QVERIFY(performance->summaryModel()->rows().isEmpty());
        window.showPage(1);
        QVERIFY(performance->isVisible());
        const QList<SummaryRow> &cpu = performance->summaryModel()->rows();
        QCOMPARE(cpu.size(), 2);
        for (const SummaryRow &row : cpu) {
            QCOMPARE(row.benchmark, QStringLiteral("nbody"));
            const auto match = std::find_if(expected.begin(), expected.end(), [&](const SummaryRow &e) {
                return e.benchmark == row.benchmark && e.runtime == row.runtime;
            });
            QVERIFY(match != expected.end());
            QCOMPARE(row.stats.n, match->stats.n);
            QCOMPARE(row.stats.median, match->stats.median);
        }
        QCOMPARE(performance->summaryModel()->rowCount(), 2);
        QCOMPARE(performance->summaryModel()->index(0, 0).data().toString(), QStringLiteral("nbody"));
        const qsizetype nbodyProcesses = std::count_if(samples.begin(), samples.end(), [](const Sample &s) { return s.benchmark == QLatin1String("nbody"); });
        QCOMPARE(performance->sampleModel()->rowCount(), int(nbodyProcesses));
        QCOMPARE(performance->comparisonModel()->rowCount(), 1);

        // The bar chart draws the same medians: one set per runtime, and their ratio is the medians' ratio.
        QChart *chart = performance->barsPanel()->chart();
        QVERIFY(chart);
        QBarSeries *bars = nullptr;
        for (QAbstractSeries *series : chart->series()) {
            if (auto *candidate = qobject_cast<QBarSeries *>(series))
                bars = candidate;
        }
        QVERIFY(bars);
        QCOMPARE(bars->count(), 2);
        QCOMPARE(bars->barSets().at(0)->label(), cpu.at(0).runtime);
        QCOMPARE(bars->barSets().at(1)->label(), cpu.at(1).runtime);
        QCOMPARE(bars->barSets().at(0)->count(), 1);
        QVERIFY(qFuzzyCompare(bars->barSets().at(0)->at(0) / bars->barSets().at(1)->at(0), cpu.at(0).stats.median / cpu.at(1).stats.median));

        auto *memory = page<MemoryPage>(window);
        window.showPage(5);
        QCOMPARE(memory->model()->rowCount(), 4);
        QVERIFY(memory->explanation().isEmpty());
        window.showPage(0);
        QVERIFY(page<OverviewPage>(window)->headline().contains(QLatin1String("of 2 comparisons")));

        // The window shows the stored foreign-load verdict: a red warning on the Overview, a marker in History.
        const ForeignLoad load = ForeignLoad::fromEnvironment(window.session()->snapshot().info.environment);
        QVERIFY(load.verdict != ForeignLoad::Verdict::Unknown);  // the run recorded the machine's state at its end
        auto *warning = page<OverviewPage>(window)->findChild<QLabel *>(QStringLiteral("foreignLoadWarning"));
        QVERIFY(warning);
        QCOMPARE(warning->isVisible(), load.flagged());
        QCOMPARE(ResultSetTableModel::foreignLoad(window.session()->snapshot().info),
                 load.flagged() ? QStringLiteral("⚠ foreign load") : QStringLiteral("quiet"));
    }

    void everyPageShowsDataOrSaysWhatIsMissing()
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() != 0 && !window.session()->loading(), 30000);
        QCOMPARE(window.navigation()->count(), 11);  // ten built-in pages, then Your benchmarks
        for (int i = 0; i < window.pages().size(); ++i) {
            QTest::mouseClick(window.navigation()->viewport(), Qt::LeftButton, {}, window.navigation()->visualItemRect(window.navigation()->item(i)).center());
            Page *shown = window.pages().at(i);
            QVERIFY2(shown->isVisible(), qPrintable(shown->title()));
            QCOMPARE(window.navigation()->item(i)->text(), shown->title());
            // Either real content or an explanation in words; never a blank page.
            const QString explanation = shown->explanation();
            if (!explanation.isEmpty())
                QVERIFY2(explanation.size() > 40, qPrintable(shown->title() + QLatin1String(": ") + explanation));
        }
        QVERIFY(page<PerformancePage>(window)->explanation().isEmpty());
        QVERIFY(window.pages().at(2)->explanation().contains(QLatin1String("no HTTP server measurements")));
        // Keyboard: Ctrl+0 is the tenth page (History).
        QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(window.navigation()->currentRow(), 9);
    }

    void stopMidRunLeavesNoProcessBehind()
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        RunRequest request;
        request.suite = QStringLiteral("quick");
        request.only = {QStringLiteral("nbody")};
        request.runs = 20;
        request.runtimes = window.inventory()->defaultSelection();
        QSignalSpy finished(window.runController(), &RunController::finished);
        QSignalSpy progressed(window.runController(), &RunController::progressed);
        QVERIFY(window.startRun(request));
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 2, 60000);  // one process done, the next one running
        QTRY_VERIFY_WITH_TIMEOUT(!descendants().isEmpty(), 10000);
        // The window's run is the command line's: a `showdown run --events` child does the work.
        const QList<qint64> running = descendants();
        QVERIFY(std::any_of(running.begin(), running.end(), [](qint64 pid) {
            QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
            const QList<QByteArray> argv = file.open(QIODevice::ReadOnly) ? file.readAll().split('\0') : QList<QByteArray>();
            return argv.size() > 2 && argv.at(0).endsWith("/showdown") && argv.at(1) == "run" && argv.contains("--events");
        }));
        QElapsedTimer clock;
        clock.start();
        window.stopAction()->trigger();
        QVERIFY(finished.wait(10000));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("interrupted"));
        QTRY_VERIFY_WITH_TIMEOUT(descendants().isEmpty(), 3000);
        QVERIFY(!window.stopAction()->isEnabled());
        QVERIFY(window.runAction()->isEnabled());
    }

    void serverPagesDrawOneEndpointPerChartWithWholeNames()
    {
        // A real quick run of the HTTP servers and the chat room, on a database of its own.
        const QString db = m_dir.filePath(QStringLiteral("servers.sqlite"));
        QProcess cli;
        cli.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                  {QStringLiteral("run"), QStringLiteral("--suite"), QStringLiteral("quick"), QStringLiteral("--only"), QStringLiteral("http,chat"),
                   QStringLiteral("--db"), db});
        QVERIFY(cli.waitForFinished(300000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        MainWindow window(db);
        window.show();
        QVERIFY(settle(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() != 0 && !window.session()->loading(), 30000);
        const ResultSnapshot snapshot = window.session()->snapshot();
        QVERIFY(!ServerRows::realtime(snapshot.loadRows).isEmpty());

        auto *concurrency = qobject_cast<LoadSweepPage *>(pageTitled(window, QStringLiteral("Concurrency")));
        QVERIFY(concurrency);
        window.showPage(int(window.pages().indexOf(concurrency)));
        QVERIFY(concurrency->explanation().isEmpty());
        const QList<LoadRow> http = concurrency->model()->rows();
        QCOMPARE(http.size(), ServerRows::concurrency(snapshot.loadRows).size());
        for (const LoadRow &row : http)
            QCOMPARE(row.kind, QStringLiteral("http"));  // the chat room never reaches an HTTP chart or table
        QCOMPARE(concurrency->capacityModel()->rows().size(), ServerRows::capacity(snapshot.capacityRows, QStringLiteral("http")).size());
        const QStringList endpoints = ServerRows::endpoints(http, ServerRows::capacity(snapshot.capacityRows, QStringLiteral("http")));
        QCOMPARE(concurrency->endpointSelector()->count(), int(endpoints.size()));
        const QRegularExpression wholeName(QStringLiteral("^[a-z0-9-]+ \\([a-z0-9.-]+\\)$"));
        for (const QString &endpoint : endpoints) {
            concurrency->endpointSelector()->setCurrentText(endpoint);
            const QList<LoadRow> rows = ServerRows::ofEndpoint(http, endpoint);
            const QList<QStringList> groups = ServerRows::seriesGroups(rows, ServerRows::ofEndpoint(concurrency->capacityModel()->rows(), endpoint));
            QCOMPARE(concurrency->serverSelector()->count(), int(groups.size()));
            QCOMPARE(concurrency->serverSelector()->isVisibleTo(concurrency), groups.size() > 1);
            QChart *throughput = chartOf(concurrency->charts().at(0), endpoint);
            QVERIFY2(throughput, qPrintable(concurrency->charts().at(0)->explanation()));
            QVERIFY(throughput->title().startsWith(endpoint + QLatin1Char(':')));
            const QStringList names = legendNames(throughput);
            QCOMPARE(names, groups.first());
            QVERIFY(names.size() <= ServerRows::kMaxSeries);
            for (const QString &name : names) {
                QVERIFY2(wholeName.match(name).hasMatch(), qPrintable(name));
                QVERIFY2(!name.startsWith(QLatin1String("chat")), qPrintable(name));
            }
            QVERIFY(throughput->axes(Qt::Vertical).first()->titleText().contains(QLatin1String("/s")));
            QVERIFY(throughput->axes(Qt::Horizontal).first()->titleText().contains(QLatin1String("connections")));
            // The lines draw the table's figures: each point is a row's connections and requests per second.
            for (QAbstractSeries *series : throughput->series()) {
                if (series->name().isEmpty())
                    continue;
                for (const QPointF &point : static_cast<QLineSeries *>(series)->points()) {
                    QVERIFY(std::any_of(rows.begin(), rows.end(), [&](const LoadRow &row) {
                        return ServerRows::seriesName(row.server, row.runtime) == series->name() && row.connections == int(point.x())
                            && row.requestsPerSec == point.y();
                    }));
                }
            }
            QChart *latency = chartOf(concurrency->charts().at(1), endpoint);
            QVERIFY(latency);
            QCOMPARE(legendNames(latency), groups.first());
            QVERIFY(latency->axes(Qt::Vertical).first()->titleText().contains(QLatin1String("ms")));
            // Capacity: the bars when the set searched it, else a sentence saying there was no search.
            const QList<CapacityRow> capacity = ServerRows::ofEndpoint(concurrency->capacityModel()->rows(), endpoint);
            QChart *bars = chartOf(concurrency->charts().at(3), endpoint);
            QCOMPARE(bars != nullptr, !capacity.isEmpty());
            if (!bars)
                QVERIFY(concurrency->charts().at(3)->explanation().contains(QLatin1String("No capacity search")));
            }

        auto *realtime = qobject_cast<LoadSweepPage *>(pageTitled(window, QStringLiteral("Real-time")));
        QVERIFY(realtime);
        window.showPage(int(window.pages().indexOf(realtime)));
        const QList<LoadRow> chat = realtime->model()->rows();
        QCOMPARE(chat.size(), ServerRows::realtime(snapshot.loadRows).size());
        for (const LoadRow &row : chat)
            QCOMPARE(row.kind, QStringLiteral("chat"));
        QChart *delivered = chartOf(realtime->charts().at(0), QString());
        const bool offered = std::any_of(chat.begin(), chat.end(), [](const LoadRow &row) { return row.valid() && row.offeredPerSec > 0; });
        QCOMPARE(delivered != nullptr, offered);
        if (delivered) {
            for (const QString &name : legendNames(delivered))
                QVERIFY2(name.startsWith(QLatin1String("chat")) || name.contains(QLatin1String("offered")), qPrintable(name));
        } else {
            QVERIFY(realtime->charts().at(0)->explanation().contains(QLatin1String("offered rate")));
        }
    }

    void corruptFileShowsTheErrorAndChangesNothing()
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() != 0 && !window.session()->loading(), 30000);
        const qint64 openSet = window.session()->currentId();
        const QString corrupt = m_dir.filePath(QStringLiteral("broken.showdown"));
        {
            QFile file(corrupt);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("this is not a database at all\n").repeated(200));
        }
        const QByteArray before = digest(corrupt);
        QSignalSpy shown(window.errorBanner(), &ErrorBanner::errorShown);
        window.openDatabase(corrupt);
        QVERIFY(shown.wait(10000));
        const QString message = window.errorBanner()->message();
        QVERIFY2(message.contains(corrupt) && message.contains(QLatin1String("not a Showdown database")), qPrintable(message));
        QCOMPARE(digest(corrupt), before);
        QCOMPARE(window.session()->databasePath(), m_db);
        QCOMPARE(window.session()->currentId(), openSet);
    }

    void historyRenamesAnnotatesComparesAndDeletes()
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->resultSets().size() >= 2 && !window.session()->loading(), 30000);
        const QList<ResultSetInfo> sets = window.session()->resultSets();
        auto *history = page<HistoryPage>(window);
        QCOMPARE(history->model()->rowCount(), int(sets.size()));
        const qint64 complete = sets.at(0).id;
        const qint64 interrupted = sets.at(1).id;
        QCOMPARE(sets.at(1).status, QStringLiteral("interrupted"));
        QCOMPARE(history->model()->index(1, 4).data().toString(), QStringLiteral("interrupted"));

        window.session()->rename(complete, QStringLiteral("first quick run"));
        window.session()->setNotes(complete, QStringLiteral("offscreen test"));
        QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() > 0 && history->model()->rows().at(0).name == QLatin1String("first quick run")
                                     && history->model()->rows().at(0).notes == QLatin1String("offscreen test"),
                                 10000);

        QSignalSpy compared(history, &HistoryPage::comparisonShown);
        history->compare(complete, interrupted);
        QVERIFY(compared.wait(30000));
        const QList<ResultChange> rows = history->compareModel()->rows();
        QVERIFY(!rows.isEmpty());
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const ResultChange &r) { return r.benchmark == QLatin1String("nbody") && r.baselineN > 0 && r.candidateN > 0; }));

        const QString tsv = history->table()->toTsv();
        QCOMPARE(tsv.count(QLatin1Char('\n')), int(sets.size()) + 1);
        QVERIFY(tsv.startsWith(QStringLiteral("ID\tName\t")));

        window.session()->remove(interrupted);
        QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() == int(sets.size()) - 1, 10000);
        QVERIFY(std::none_of(window.session()->resultSets().begin(), window.session()->resultSets().end(),
                             [&](const ResultSetInfo &s) { return s.id == interrupted; }));
    }
};

QTEST_MAIN(GuiMainWindowTest)
#include "GuiMainWindowTest.moc"
