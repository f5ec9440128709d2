// The window with the user's own benchmarks (issue 15): "Add benchmarks…" checks a definition file in a child
// (`showdown benchmarks check --json`) and shows its result before anything runs; Run records a set through the run
// wiring; "Your benchmarks" and Performance show that set's rows with the figures `show --json` gives; a set without
// user benchmarks explains how to add some; Re-run lists every command and runs nothing until confirmed.
// Real processes throughout: node, /usr/bin/python3 and the showdown binary.

#include "AddBenchmarksDialog.h"
#include "BenchmarkFormDialog.h"
#include "CommandRun.h"
#include "ComparisonTableModel.h"
#include "ErrorBanner.h"
#include "Inventory.h"
#include "LoadSweepPage.h"
#include "LoadTableModel.h"
#include "ChartPanel.h"
#include "MainWindow.h"
#include "PerformancePage.h"
#include "RerunDialog.h"
#include "ResultSession.h"
#include "SummaryTableModel.h"
#include "UserBenchmarkTableModel.h"
#include "UserBenchmarksPage.h"
#include "UserCheckTableModel.h"
#include "WindowPages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QChart>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

namespace {

QString showdownBinary()
{
    return qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
}

QString cpuPair()
{
    return QDir::cleanPath(QStringLiteral(SHOWDOWN_TESTS_DIR "/../resources/examples/cpu-pair"));
}

/// Waits until the window has read its database and detected the runtimes.
bool settle(MainWindow &window)
{
    return QTest::qWaitFor([&] { return !window.session()->loading() && window.inventory()->ready(); }, 60000);
}

/// Opens Add benchmarks… from its toolbar action, as a user would.
AddBenchmarksDialog *openAddBenchmarks(MainWindow &window)
{
    const QList<QAction *> actions = window.findChildren<QAction *>();
    const auto action = std::find_if(actions.begin(), actions.end(), [](QAction *a) { return a->text() == QStringLiteral("&Add benchmarks…"); });
    if (action == actions.end())
        return nullptr;
    (*action)->trigger();
    return window.findChild<AddBenchmarksDialog *>();
}

/// Checks `path` in the dialog and waits for the check's end.
bool check(AddBenchmarksDialog *dialog, const QString &path)
{
    QSignalSpy ended(dialog, &AddBenchmarksDialog::checkEnded);
    dialog->checkFile(path);
    return ended.count() > 0 || ended.wait(120000);
}

QJsonObject showJson(const QString &db, qint64 id)
{
    const CommandRun run = runCommand(showdownBinary(), {QStringLiteral("show"), QString::number(id), QStringLiteral("--db"), db, QStringLiteral("--json")});
    return run.code == 0 ? QJsonDocument::fromJson(run.out.toUtf8()).object() : QJsonObject();
}

} // namespace

class GuiUserBenchmarksTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;       ///< holds the cpu-pair set once runFromTheDialogRecordsASet has run
    qint64 m_userSet = 0;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(showdownBinary()).isExecutable(), qPrintable(showdownBinary()));
        QVERIFY2(QFileInfo(cpuPair() + QStringLiteral("/showdown.json")).isFile(), qPrintable(cpuPair()));
        m_db = m_dir.filePath(QStringLiteral("user.sqlite"));
    }

    void brokenFileShowsItsLineAndNoRun_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("misspelt key") << QByteArray("{\n  \"showdown_benchmarks\": 1,\n  \"benchmarks\": [\n    {\n      \"name\": \"x\",\n"
                                                    "      \"category\": \"cpu\",\n      \"form\": \"program\",\n"
                                                    "      \"commands\": {\"javascript\": [\"{runtime}\", \"a.js\"]},\n"
                                                    "      \"descripton\": \"misspelt\"\n    }\n  ]\n}\n")
                                      << 9 << QStringLiteral("benchmarks[0].descripton") << QStringLiteral("unknown key");
        QTest::newRow("not JSON") << QByteArray("{\n  \"showdown_benchmarks\": 1,\n  \"benchmarks\": [\n    {,\n  ]\n}\n") << 4 << QString()
                                  << QStringLiteral("not valid JSON");
    }

    void brokenFileShowsItsLineAndNoRun()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("broken-%1.json").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();

        MainWindow window(m_dir.filePath(QStringLiteral("broken.sqlite")));
        window.show();
        QVERIFY(settle(window));
        AddBenchmarksDialog *dialog = openAddBenchmarks(window);
        QVERIFY(dialog);
        QVERIFY(!dialog->runButton()->isEnabled());
        QVERIFY(check(dialog, path));
        QVERIFY(dialog->report().has_value());
        QVERIFY(!dialog->report()->passed);
        const QList<UserCheckLine> &rows = dialog->model()->rows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().where, QStringLiteral("%1:%2").arg(path).arg(line));
        QCOMPARE(rows.first().what, field);
        QVERIFY(!rows.first().passed);
        QVERIFY2(rows.first().message.contains(message), qPrintable(rows.first().message));
        // As shown: FILE:LINE, then the field, then "failed" in red with the message.
        QCOMPARE(dialog->model()->index(0, 0).data().toString(), QStringLiteral("%1:%2").arg(path).arg(line));
        QCOMPARE(dialog->model()->index(0, 2).data().toString(), QStringLiteral("failed"));
        QVERIFY(dialog->model()->index(0, 3).data(Qt::ForegroundRole).isValid());
        QVERIFY2(dialog->statusText().contains(QLatin1String("nothing was run")), qPrintable(dialog->statusText()));
        // A file that is not JSON at all is also said in the window's error banner; a mistake inside one is not.
        QCOMPARE(window.errorBanner()->message().contains(QLatin1String("not valid JSON")), field.isEmpty());
        QVERIFY(!dialog->runButton()->isEnabled());
        QVERIFY(!window.runController()->running());
    }

    void missingFileGoesToTheErrorBanner()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("missing.sqlite")));
        window.show();
        QVERIFY(settle(window));
        AddBenchmarksDialog *dialog = openAddBenchmarks(window);
        QVERIFY(dialog);
        const QString gone = m_dir.filePath(QStringLiteral("no-such-folder/showdown.json"));
        QVERIFY(check(dialog, gone));
        QVERIFY(!dialog->report().has_value());
        QVERIFY2(window.errorBanner()->message().contains(gone) && window.errorBanner()->message().contains(QLatin1String("does not exist")),
                 qPrintable(window.errorBanner()->message()));
        QVERIFY(!dialog->runButton()->isEnabled());
    }

    void aCheckThatCrashesOrBabblesIsAnError_data()
    {
        QTest::addColumn<QByteArray>("script");
        QTest::addColumn<QString>("error");
        QTest::newRow("crashes") << QByteArray("#!/bin/sh\nprintf '{\"file\": '\nkill -SEGV $$\n") << QStringLiteral("could not run");
        QTest::newRow("babbles") << QByteArray("#!/bin/sh\necho 'all fine, trust me'\nexit 1\n") << QStringLiteral("gave no usable answer");
    }

    void aCheckThatCrashesOrBabblesIsAnError()
    {
        QFETCH(QByteArray, script);
        QFETCH(QString, error);
        MainWindow window(m_dir.filePath(QStringLiteral("crash.sqlite")));
        window.show();
        QVERIFY(settle(window));
        AddBenchmarksDialog *dialog = openAddBenchmarks(window);
        QVERIFY(dialog);
        // The window finds `showdown` through SHOWDOWN_COMMAND first: a stand-in that fails the way a broken build might.
        const QString fake = m_dir.filePath(QStringLiteral("fake-showdown-%1").arg(QTest::currentDataTag()));
        QFile file(fake);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script);
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("SHOWDOWN_COMMAND", fake.toLocal8Bit());
        const bool checked = check(dialog, cpuPair());
        qunsetenv("SHOWDOWN_COMMAND");
        QVERIFY(checked);
        QVERIFY(!dialog->report().has_value());
        QVERIFY2(window.errorBanner()->message().contains(error) && window.errorBanner()->message().contains(cpuPair()),
                 qPrintable(window.errorBanner()->message()));
        QCOMPARE(dialog->statusText(), window.errorBanner()->message());
        QVERIFY(!dialog->runButton()->isEnabled());
    }

    void theFormWritesAFileTheCheckReads()
    {
        MainWindow window(m_dir.filePath(QStringLiteral("form.sqlite")));
        window.show();
        QVERIFY(settle(window));
        AddBenchmarksDialog *dialog = openAddBenchmarks(window);
        QVERIFY(dialog);
        // The form writes next to the cpu example's programs, so its relative commands find them.
        QTemporaryDir project;
        QVERIFY(project.isValid());
        for (const QString &name : {QStringLiteral("primes.js"), QStringLiteral("primes.py")})
            QVERIFY(QFile::copy(cpuPair() + QLatin1Char('/') + name, project.filePath(name)));
        BenchmarkFormDialog form(dialog);
        form.nameEdit()->setText(QStringLiteral("primes-form"));
        form.javascriptEdit()->setText(QStringLiteral("{runtime} primes.js 20000"));
        form.pythonEdit()->setText(QStringLiteral("{runtime} primes.py 20000"));
        form.expectedOutputEdit()->setText(QStringLiteral("2262"));
        QSignalSpy ended(dialog, &AddBenchmarksDialog::checkEnded);
        connect(&form, &BenchmarkFormDialog::saved, dialog, &AddBenchmarksDialog::checkFile);
        form.saveTo(project.filePath(QStringLiteral("showdown.json")));
        QVERIFY(ended.wait(120000));
        QVERIFY(dialog->report().has_value());
        QVERIFY2(dialog->report()->passed, qPrintable(dialog->statusText()));
        QCOMPARE(dialog->model()->rows().size(), 1);
        QCOMPARE(dialog->model()->rows().first().what, QStringLiteral("primes-form"));
        QVERIFY(dialog->runButton()->isEnabled());
    }

    void cpuPairPassesAndRunRecordsASet()
    {
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        AddBenchmarksDialog *dialog = openAddBenchmarks(window);
        QVERIFY(dialog);
        QVERIFY(check(dialog, cpuPair()));
        QVERIFY2(dialog->report().has_value() && dialog->report()->passed, qPrintable(dialog->statusText()));
        QCOMPARE(dialog->model()->rows().size(), 1);
        QCOMPARE(dialog->model()->rows().first().what, QStringLiteral("primes"));
        QCOMPARE(dialog->model()->index(0, 2).data().toString(), QStringLiteral("passed"));
        QVERIFY2(dialog->statusText().startsWith(QLatin1String("Passed")), qPrintable(dialog->statusText()));
        QVERIFY(window.session()->resultSets().isEmpty());  // the check measured nothing

        QSignalSpy finished(window.runController(), &RunController::finished);
        QVERIFY(dialog->runButton()->isEnabled());
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(window.runController()->running());
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("complete"));
        QVERIFY2(finished.first().at(2).toString().isEmpty(), qPrintable(finished.first().at(2).toString()));
        m_userSet = finished.first().at(0).toLongLong();
        QVERIFY(m_userSet > 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() == m_userSet && window.session()->snapshot().info.status == QLatin1String("complete")
                                     && !window.session()->loading(),
                                 30000);

        const QJsonObject shown = showJson(m_db, m_userSet);
        const QJsonArray rows = shown.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 2);  // primes on node and on python3

        auto *yours = page<UserBenchmarksPage>(window);
        QVERIFY(yours);
        window.showPage(int(window.pages().indexOf(yours)));
        QVERIFY(yours->isVisible());
        QVERIFY2(yours->explanation().isEmpty(), qPrintable(yours->explanation()));
        // What the set says it ran: the example's entry and its stored file.
        QCOMPARE(yours->definitionModel()->rowCount(), 1);
        const UserBenchmarkRow &definition = yours->definitionModel()->rows().first();
        QCOMPARE(definition.benchmark.name, QStringLiteral("primes"));
        QCOMPARE(definition.benchmark.category.name(), QStringLiteral("cpu"));
        QCOMPARE(definition.file.path, cpuPair() + QStringLiteral("/showdown.json"));
        QFile stored(definition.file.path);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(definition.file.sha256, StoredDefinitionFile::sha256Of(stored.readAll()));
        QCOMPARE(yours->definitionModel()->index(0, 3).data().toString(), QStringLiteral("{runtime} primes.js {size}"));
        QCOMPARE(yours->definitionModel()->index(0, 4).data().toString(), QStringLiteral("{runtime} primes.py {size}"));

        // The same figures on both pages and from `show --json`.
        auto *performance = page<PerformancePage>(window);
        window.showPage(int(window.pages().indexOf(performance)));
        for (const SummaryTableModel *model : {yours->summaryModel(), performance->summaryModel()}) {
            QCOMPARE(model->rows().size(), 2);
            for (const SummaryRow &row : model->rows()) {
                const auto match = std::find_if(rows.begin(), rows.end(), [&](const QJsonValue &v) {
                    return v[QStringLiteral("benchmark")].toString() == row.benchmark && v[QStringLiteral("runtime")].toString() == row.runtime;
                });
                QVERIFY(match != rows.end());
                QCOMPARE(row.benchmark, QStringLiteral("primes"));
                QCOMPARE(row.stats.n, (*match)[QStringLiteral("n")].toInt());
                QVERIFY(qFuzzyCompare(row.stats.median, (*match)[QStringLiteral("median_ns")].toDouble()));
            }
        }
        const QJsonArray comparisons = shown.value(QStringLiteral("comparisons")).toArray();
        QCOMPARE(comparisons.size(), 1);
        QCOMPARE(yours->comparisonModel()->rowCount(), 1);
        QVERIFY(qFuzzyCompare(yours->comparisonModel()->rows().first().ratio.ratio, comparisons.first()[QStringLiteral("ratio")].toDouble()));
        QCOMPARE(performance->comparisonModel()->rowCount(), 1);
    }

    void aSetWithoutUserBenchmarksExplainsHowToAddSome()
    {
        const QString db = m_dir.filePath(QStringLiteral("builtin.sqlite"));
        const CommandRun run = runCommand(showdownBinary(), {QStringLiteral("run"), QStringLiteral("--db"), db, QStringLiteral("--suite"), QStringLiteral("quick"),
                                                             QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"), QStringLiteral("1")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        MainWindow window(db);
        window.show();
        QVERIFY(settle(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() != 0 && !window.session()->loading(), 30000);
        auto *yours = page<UserBenchmarksPage>(window);
        window.showPage(int(window.pages().indexOf(yours)));
        const QString text = yours->explanation();
        QVERIFY2(text.contains(QLatin1String("holds none of your own benchmarks")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Add benchmarks…")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("showdown run --benchmarks resources/examples/cpu-pair")), qPrintable(text));
        QCOMPARE(yours->definitionModel()->rowCount(), 0);
        QVERIFY(!yours->rerunButton()->isEnabled());
    }

    void userServersShowTheirLoadRows()
    {
        // The http-pair example (Express and FastAPI); measured once user servers run under load (issue15-servers).
        const QString db = m_dir.filePath(QStringLiteral("servers.sqlite"));
        const QString example = QDir::cleanPath(QStringLiteral(SHOWDOWN_TESTS_DIR "/../resources/examples/http-pair"));
        const CommandRun run = runCommand(showdownBinary(), {QStringLiteral("run"), QStringLiteral("--db"), db, QStringLiteral("--benchmarks"), example,
                                                             QStringLiteral("--runs"), QStringLiteral("1")});
        if (run.code != 0 && run.err.contains(QLatin1String("Not measured")))
            QSKIP("this build checks user servers but does not measure them yet");
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonArray expected = showJson(db, 1).value(QStringLiteral("load_rows")).toArray();
        QVERIFY(!expected.isEmpty());

        MainWindow window(db);
        window.show();
        QVERIFY(settle(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() == 1 && !window.session()->loading(), 30000);
        auto *yours = page<UserBenchmarksPage>(window);
        window.showPage(int(window.pages().indexOf(yours)));
        QVERIFY2(yours->explanation().isEmpty(), qPrintable(yours->explanation()));
        QCOMPARE(yours->definitionModel()->rows().first().benchmark.name, QStringLiteral("order-summary"));
        QCOMPARE(yours->loadModel()->rowCount(), int(expected.size()));
        for (const LoadRow &row : yours->loadModel()->rows()) {
            const auto match = std::find_if(expected.begin(), expected.end(), [&](const QJsonValue &v) {
                return v[QStringLiteral("runtime")].toString() == row.runtime && v[QStringLiteral("endpoint")].toString() == row.endpoint
                    && v[QStringLiteral("connections")].toInt() == row.connections;
            });
            QVERIFY(match != expected.end());
            QCOMPARE(row.benchmark, QStringLiteral("order-summary"));
            QVERIFY(qFuzzyCompare(row.requestsPerSec, (*match)[QStringLiteral("requests_per_sec")].toDouble()));
        }
        // No process times to plot: the page opens on the servers' chart, drawn from the same rows.
        QVERIFY(yours->throughputPanel()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(yours->throughputPanel()->chart() != nullptr, 20000);
        QVERIFY2(yours->throughputPanel()->chart()->title().contains(QLatin1String("throughput against connections")),
                 qPrintable(yours->throughputPanel()->chart()->title()));
        // And on Concurrency, with the built-in servers' rows.
        auto *concurrency = page<LoadSweepPage>(window);
        window.showPage(int(window.pages().indexOf(concurrency)));
        QCOMPARE(concurrency->model()->rowCount(), int(expected.size()));
    }

    void rerunShowsTheCommandsAndRunsOnlyOnceConfirmed()
    {
        if (m_userSet == 0)
            QSKIP("needs the set of cpuPairPassesAndRunRecordsASet");
        MainWindow window(m_db);
        window.show();
        QVERIFY(settle(window));
        window.session()->openResultSet(m_userSet);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() == m_userSet && !window.session()->loading(), 30000);
        auto *yours = page<UserBenchmarksPage>(window);
        window.showPage(int(window.pages().indexOf(yours)));
        QTRY_VERIFY(yours->rerunButton()->isEnabled());
        const qsizetype setsBefore = window.session()->resultSets().size();

        // Cancelled: the commands were shown, nothing ran.
        QTest::mouseClick(yours->rerunButton(), Qt::LeftButton);
        RerunDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = yours->findChild<RerunDialog *>()) != nullptr, 60000);
        const QString listing = dialog->listing();
        QVERIFY2(listing.contains(QLatin1String("primes.js")) && listing.contains(QLatin1String("primes.py")), qPrintable(listing));
        QVERIFY2(listing.contains(cpuPair()), qPrintable(listing));  // the working directory
        QVERIFY(!window.runController()->running());
        dialog->reject();
        QTest::qWait(500);
        QVERIFY(!window.runController()->running());
        window.session()->refreshSets();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->loading(), 30000);
        QCOMPARE(window.session()->resultSets().size(), setsBefore);

        // Confirmed: a new set of the same benchmark.
        QTRY_VERIFY_WITH_TIMEOUT(yours->findChild<RerunDialog *>() == nullptr, 5000);
        QTest::mouseClick(yours->rerunButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT((dialog = yours->findChild<RerunDialog *>()) != nullptr, 60000);
        QSignalSpy finished(window.runController(), &RunController::finished);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        QVERIFY(window.runController()->running());
        QVERIFY(finished.wait(300000));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("complete"));
        const qint64 rerun = finished.first().at(0).toLongLong();
        QVERIFY(rerun != m_userSet);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentId() == rerun && !window.session()->loading(), 30000);
        QCOMPARE(window.session()->snapshot().userBenchmarks.size(), 1);
        QCOMPARE(window.session()->snapshot().userBenchmarks.first().name, QStringLiteral("primes"));
    }
};

QTEST_MAIN(GuiUserBenchmarksTest)
#include "GuiUserBenchmarksTest.moc"
