// The window on a team store: opened on a PostgreSQL URL (a throwaway cluster, tests/PgCluster.h), History lists
// the sets of several machines, each named by its machine, and compares two of them across machines.

#include "CompareTableModel.h"
#include "ExchangeFixtures.h"
#include "HistoryPage.h"

#include <QComboBox>
#include "Inventory.h"
#include "MainWindow.h"
#include "PgCluster.h"
#include "ResultSession.h"
#include "ResultSetTableModel.h"
#include "ResultStore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace showdown;
using namespace showdown::fixtures;
using showdown::test::PgCluster;

class TeamStoreGuiTest : public QObject {
    Q_OBJECT

private:
    PgCluster m_cluster;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // settings and recent files go to a throw-away place
        QVERIFY2(PgCluster::available(), "PostgreSQL 15 is not installed: packaging/bootstrap.sh installs postgresql-15");
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void historyListsMachinesAndComparesAcrossThem()
    {
        QVERIFY(m_cluster.createDatabase(QStringLiteral("team")));
        const QString team = m_cluster.url(QStringLiteral("team"));
        const ResultSetBundle laptop = onMachine(bundle(QStringLiteral("laptop"), 2e6, 9e6, 5), QStringLiteral("ada-laptop"));
        const ResultSetBundle prod = onMachine(bundle(QStringLiteral("prod"), 1e6, 4e6, 6), QStringLiteral("ip-10-0-0-7"), QStringLiteral("prod-c7i.large"));
        QString error;
        {
            ResultStore store;
            QVERIFY2(store.open(team, ResultStore::OpenMode::Write, &error), qPrintable(error));
            QVERIFY2(store.importResultSets({laptop, prod}, &error), qPrintable(error));
        }

        MainWindow window(team);
        window.show();
        QVERIFY(QTest::qWaitFor([&] { return !window.session()->loading() && window.inventory()->ready(); }, 60000));
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->resultSets().size(), qsizetype(2), 30000);
        QCOMPARE(window.session()->databasePath(), team);
        HistoryPage *history = nullptr;
        for (Page *candidate : window.pages()) {
            if (auto *typed = qobject_cast<HistoryPage *>(candidate))
                history = typed;
        }
        QVERIFY(history);
        int machineColumn = -1;
        for (int column = 0; column < history->model()->columnCount(); ++column) {
            if (history->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString() == QLatin1String("Machine"))
                machineColumn = column;
        }
        QVERIFY(machineColumn >= 0);
        QVERIFY(history->model()->index(0, machineColumn).data().toString().contains(QLatin1String("ada-laptop")));
        QVERIFY(history->model()->index(1, machineColumn).data().toString().contains(QLatin1String("prod-c7i.large")));
        // The machine chooser: every machine, and one machine's sets alone.
        QComboBox *machines = history->machineChooser();
        QCOMPARE(machines->count(), 3);
        QCOMPARE(machines->itemText(0), QStringLiteral("All machines (2)"));
        const int prodIndex = machines->findText(QStringLiteral("prod-c7i.large"), Qt::MatchContains);
        QVERIFY(prodIndex > 0);
        machines->setCurrentIndex(prodIndex);
        emit machines->activated(prodIndex);
        QCOMPARE(history->model()->rowCount(), 1);
        QVERIFY(history->model()->index(0, machineColumn).data().toString().contains(QLatin1String("prod-c7i.large")));
        machines->setCurrentIndex(0);
        emit machines->activated(0);
        QCOMPARE(history->model()->rowCount(), 2);

        const QList<ResultSetInfo> sets = window.session()->resultSets();
        QSignalSpy compared(history, &HistoryPage::comparisonShown);
        history->compare(sets.at(0).id, sets.at(1).id);
        QVERIFY(compared.wait(30000));
        const QList<ResultChange> rows = history->compareModel()->rows();
        QVERIFY(!rows.isEmpty());
        // prod's fixture is about twice as fast: every valid nbody row says the candidate took less time.
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const ResultChange &r) {
            return r.benchmark == QLatin1String("nbody") && r.baselineN > 0 && r.candidateN > 0 && r.ratio.ratio < 1;
        }));
    }
};

QTEST_MAIN(TeamStoreGuiTest)
#include "TeamStoreGuiTest.moc"
