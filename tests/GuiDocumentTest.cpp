// Result files as documents, under the offscreen platform: `showdown FILE` and `showdown --db FILE` read as
// main() reads them (LaunchRequest) and opened in a real window, the recent list, a drop, and the promise
// that opening a file runs nothing from it and changes nothing in it: its bytes (SHA-256) and its mtime are
// compared before and after, for a current file, a file of an older schema and a file in a read-only folder
// (opened by the real binary, bound by the folder's permissions even as root).

#include "ExchangeFixtures.h"

#include "AppSettings.h"
#include "ErrorBanner.h"
#include "LaunchRequest.h"
#include "MainWindow.h"
#include "RawSql.h"
#include "ResourceLocator.h"
#include "ResultSession.h"
#include "ResultSetFile.h"
#include "ResultStore.h"
#include "RunController.h"
#include "Inventory.h"

#include <QAction>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace showdown;
using showdown::test::downgradeTo;
using showdown::test::execRaw;
using showdown::fixtures::bundle;
using showdown::fixtures::sha256;

namespace {

/// What opening must leave alone: the file's bytes and modification time, and the folder's list of files.
struct FileState {
    QByteArray digest;
    QDateTime modified;
    QStringList folder;
    bool operator==(const FileState &) const = default;
};

FileState stateOf(const QString &path)
{
    const QFileInfo info(path);
    return {sha256(path), info.lastModified(), QDir(info.absolutePath()).entryList(QDir::Files | QDir::Hidden, QDir::Name)};
}

/// A saved result set whose text fields hold shell commands: opening the file must run none of them.
ResultSetBundle hostileSet(const QString &marker)
{
    ResultSetBundle set = bundle(QStringLiteral("$(touch %1)").arg(marker));
    set.info.notes = QStringLiteral("`touch %1`; touch %1").arg(marker);
    set.info.parameters.insert(QStringLiteral("command"), QStringLiteral("sh -c 'touch %1'").arg(marker));
    set.samples[0].stderrTail = QStringLiteral("$(touch %1)").arg(marker);
    return set;
}

/// Waits until `window` shows `path` with one of its sets open (its snapshot read).
bool showsFile(MainWindow &window, const QString &path)
{
    return QTest::qWaitFor([&] {
        return window.session()->databasePath() == path && !window.session()->loading() && !window.session()->snapshot().isEmpty();
    }, 30000);
}

QStringList launchWords(const QStringList &arguments)
{
    return QStringList{QStringLiteral("showdown")} + arguments;
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text().contains(text))
            return action;
    }
    return nullptr;
}

} // namespace

class GuiDocumentTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;  ///< the window's own database: never created by these tests

    [[nodiscard]] QString savedFile(const QString &name, const ResultSetBundle &set)
    {
        const QString path = m_dir.filePath(name);
        QString error;
        if (!ResultSetFile::save(path, {set}, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);  // settings and recent files go to a throw-away place
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("own.sqlite"));
        AppSettings::clearRecentFiles();
    }

    void launchWordsAreReadAsMainReadsThem()
    {
        using Kind = LaunchRequest::Kind;
        QCOMPARE(LaunchRequest::parse(launchWords({})).kind(), Kind::Window);
        for (const QString &verb : {QStringLiteral("run"), QStringLiteral("report"), QStringLiteral("list"), QStringLiteral("import")})
            QCOMPARE(LaunchRequest::parse(launchWords({verb})).kind(), Kind::Cli);
        // A path after a verb is the verb's argument, not a file to open.
        QCOMPARE(LaunchRequest::parse(launchWords({QStringLiteral("import"), QStringLiteral("x.showdown")})).kind(), Kind::Cli);
        QCOMPARE(LaunchRequest::parse(launchWords({QStringLiteral("bogusverb")})).kind(), Kind::Cli);
        QCOMPARE(LaunchRequest::parse(launchWords({QStringLiteral("--help")})).kind(), Kind::Cli);
        QCOMPARE(LaunchRequest::parse(launchWords({QStringLiteral("--db"), m_db, QStringLiteral("list")})).kind(), Kind::Cli);

        const LaunchRequest missing = LaunchRequest::parse(launchWords({m_dir.filePath(QStringLiteral("missing.showdown"))}));
        QCOMPARE(missing.kind(), Kind::OpenFile);
        QVERIFY2(missing.problem().contains(QLatin1String("no such file")) && missing.problem().contains(missing.path()), qPrintable(missing.problem()));

        const LaunchRequest equals = LaunchRequest::parse(launchWords({QStringLiteral("--db=") + m_db}));
        QCOMPARE(equals.kind(), Kind::OpenDatabase);
        QCOMPARE(equals.databasePath(), m_db);
        QVERIFY2(equals.problem().contains(QLatin1String("--new")), qPrintable(equals.problem()));
        const LaunchRequest fresh = LaunchRequest::parse(launchWords({QStringLiteral("--db"), m_db, QStringLiteral("--new")}));
        QCOMPARE(fresh.kind(), Kind::OpenDatabase);
        QVERIFY2(fresh.problem().isEmpty(), qPrintable(fresh.problem()));
        const LaunchRequest nowhere = LaunchRequest::parse(launchWords({QStringLiteral("--db"), QStringLiteral("/nonexistent-dir/x.sqlite"), QStringLiteral("--new")}));
        QVERIFY2(nowhere.problem().contains(QLatin1String("does not exist")), qPrintable(nowhere.problem()));

        const QString text = m_dir.filePath(QStringLiteral("notes.showdown"));
        {
            QFile file(text);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"schema_version\": 1}\n");
        }
        const LaunchRequest notDatabase = LaunchRequest::parse(launchWords({text}));
        QCOMPARE(notDatabase.kind(), Kind::OpenFile);
        QVERIFY2(notDatabase.problem().contains(QLatin1String("not an SQLite database")), qPrintable(notDatabase.problem()));
        QVERIFY(LaunchRequest::parse(launchWords({m_dir.path()})).problem().contains(QLatin1String("is a folder")));
    }

    void showdownFileOpensItReadOnlyAndRunsNothing()
    {
        const QString marker = m_dir.filePath(QStringLiteral("ran-something"));
        const ResultSetBundle set = hostileSet(marker);
        const QString file = savedFile(QStringLiteral("results.showdown"), set);
        const FileState before = stateOf(file);

        const LaunchRequest launch = LaunchRequest::parse(launchWords({file}));
        QCOMPARE(launch.kind(), LaunchRequest::Kind::OpenFile);
        QVERIFY2(launch.problem().isEmpty(), qPrintable(launch.problem()));
        MainWindow window(launch.databasePath().isEmpty() ? m_db : launch.databasePath());
        window.show();
        launch.openIn(window);
        QVERIFY(showsFile(window, file));
        QCOMPARE(window.session()->snapshot().info.uuid, set.info.uuid);
        QVERIFY2(window.windowTitle().contains(QLatin1String("read-only")), qPrintable(window.windowTitle()));
        QCOMPARE(AppSettings::recentFiles().value(0), file);

        QVERIFY(!window.runController()->running());
        QTest::qWait(500);  // anything the open might have set off has had its chance
        QVERIFY2(!QFileInfo::exists(marker), "opening the file ran a command stored in it");
        QVERIFY(stateOf(file) == before);
        QVERIFY2(!QFileInfo::exists(m_db), "opening a file created the window's own database");
    }

    void aRunIsRefusedOnASavedFile()
    {
        const ResultSetBundle set = bundle(QStringLiteral("refuse runs"));
        const QString file = savedFile(QStringLiteral("norun.showdown"), set);
        const FileState before = stateOf(file);
        MainWindow window(m_db);
        window.show();
        window.openFile(file);
        QVERIFY(showsFile(window, file));
        // The runtimes must be known before a run can be asked for at all.
        QVERIFY(QTest::qWaitFor([&] { return window.inventory()->ready(); }, 60000));
        RunRequest request;
        request.suite = QStringLiteral("quick");
        request.runtimes = window.inventory()->defaultSelection();
        QVERIFY(!window.startRun(request));
        QVERIFY2(window.errorBanner()->message().contains(QLatin1String("saved result file")), qPrintable(window.errorBanner()->message()));
        QVERIFY(!window.runController()->running());
        QVERIFY(stateOf(file) == before);
    }

    void anOlderSchemaIsReadFromACopyAndTheFileIsLeftAlone()
    {
        const ResultSetBundle set = bundle(QStringLiteral("from schema 1"));
        const QString file = savedFile(QStringLiteral("old.showdown"), set);
        // What Showdown's first schema wrote.
        QVERIFY(execRaw(file, downgradeTo(1)));
        QTest::qWait(1100);  // a write from here on would show in the mtime too, not only in the bytes
        const FileState before = stateOf(file);
        MainWindow window(m_db);
        window.show();
        LaunchRequest::parse(launchWords({file})).openIn(window);
        QVERIFY(showsFile(window, file));
        QCOMPARE(window.session()->snapshot().info.uuid, set.info.uuid);
        QVERIFY(window.session()->snapshot().processSummaries.size() > 0);
        QVERIFY(stateOf(file) == before);
    }

    void aFileInAReadOnlyFolderOpensThroughTheRealBinary()
    {
        // The real `showdown FILE`, with the test hook that reports what the window opened. As root the folder's
        // permissions bind only once the capabilities that override them are gone, so the child drops them.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString folder = m_dir.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir().mkpath(folder));
        const ResultSetBundle set = bundle(QStringLiteral("read-only folder"));
        const QString file = folder + QStringLiteral("/shared.showdown");
        QString error;
        QVERIFY2(ResultSetFile::save(file, {set}, &error), qPrintable(error));
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0444) == 0);
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
        const FileState before = stateOf(file);

        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("SHOWDOWN_DB"), home.filePath(QStringLiteral("own.sqlite")));
        environment.insert(QString::fromLatin1(LaunchRequest::kTestQuitWhenOpenVariable), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        process.setChildProcessModifier([] {
            for (const int capability : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER}) {
                if (::prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0)
                    ::_exit(125);
            }
        });
        process.start(ResourceLocator::executableDir() + QStringLiteral("/showdown"), {file});
        QVERIFY(process.waitForFinished(120000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(err));
        QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()).trimmed(), QStringLiteral("opened %1 (read-only)").arg(file));
        QVERIFY(stateOf(file) == before);
        QVERIFY2(!QFileInfo::exists(home.filePath(QStringLiteral("own.sqlite"))), "opening a file created the window's own database");
        ::chmod(QFile::encodeName(folder).constData(), 0755);
    }

    void dbOptionOpensTheWindowOnThatDatabase()
    {
        // A database with a set, written as a run would write it.
        const QString database = m_dir.filePath(QStringLiteral("team.sqlite"));
        const ResultSetBundle set = bundle(QStringLiteral("team database"));
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(database, &error), qPrintable(error));
            QVERIFY2(store.importResultSets({set}, &error), qPrintable(error));
        }
        for (const QStringList &words : {QStringList{QStringLiteral("--db"), database}, QStringList{QStringLiteral("--db=") + database}}) {
            const LaunchRequest launch = LaunchRequest::parse(launchWords(words));
            QCOMPARE(launch.kind(), LaunchRequest::Kind::OpenDatabase);
            QVERIFY2(launch.problem().isEmpty(), qPrintable(launch.problem()));
            MainWindow window(launch.databasePath());
            window.show();
            launch.openIn(window);
            QVERIFY(showsFile(window, database));
            QCOMPARE(window.session()->resultSets().size(), 1);
            QCOMPARE(window.session()->snapshot().info.uuid, set.info.uuid);
            QVERIFY(!window.windowTitle().contains(QLatin1String("read-only")));
        }
        // --new: the window shows the new database empty and creates nothing until something is recorded.
        const QString fresh = m_dir.filePath(QStringLiteral("fresh.sqlite"));
        const LaunchRequest launch = LaunchRequest::parse(launchWords({QStringLiteral("--db"), fresh, QStringLiteral("--new")}));
        MainWindow window(launch.databasePath());
        window.show();
        QVERIFY(QTest::qWaitFor([&] { return window.session()->databasePath() == fresh && !window.session()->loading(); }, 30000));
        QVERIFY(window.session()->resultSets().isEmpty());
        QVERIFY(!QFileInfo::exists(fresh));
    }

    void recentFilesAreNewestFirstOncePerFileAndAtMostTen()
    {
        AppSettings::clearRecentFiles();
        QVERIFY(AppSettings::recentFiles().isEmpty());
        const QString folder = m_dir.filePath(QStringLiteral("recent"));
        QVERIFY(QDir().mkpath(folder));
        QStringList files;
        for (int i = 0; i < 12; ++i) {
            files.append(folder + QStringLiteral("/set-%1.showdown").arg(i));
            QFile file(files.last());
            QVERIFY(file.open(QIODevice::WriteOnly));
            AppSettings::addRecentFile(files.last());
        }
        QStringList expected;
        for (int i = 11; i >= 2; --i)
            expected.append(files.at(i));
        QCOMPARE(AppSettings::recentFiles(), expected);
        // The same file by another path (a symbolic link, a `..`) counts once, and moves to the top as named.
        const QString link = m_dir.filePath(QStringLiteral("link.showdown"));
        QVERIFY(QFile::link(files.at(5), link));
        AppSettings::addRecentFile(link);
        AppSettings::addRecentFile(folder + QStringLiteral("/../recent/set-7.showdown"));
        const QStringList recent = AppSettings::recentFiles();
        QCOMPARE(recent.size(), AppSettings::kMaxRecentFiles);
        QCOMPARE(recent.at(0), files.at(7));
        QCOMPARE(recent.at(1), link);
        QCOMPARE(recent.count(files.at(5)), 0);
        QSet<QString> keys;
        for (const QString &path : recent)
            keys.insert(AppSettings::recentKey(path));
        QCOMPARE(keys.size(), recent.size());
    }

    void aFileThatIsGoneShowsAsMissingAndNeverAsAnErrorOnStart()
    {
        AppSettings::clearRecentFiles();
        const ResultSetBundle kept = bundle(QStringLiteral("kept"));
        const QString present = savedFile(QStringLiteral("present.showdown"), kept);
        const QString gone = savedFile(QStringLiteral("gone.showdown"), bundle(QStringLiteral("gone")));
        AppSettings::addRecentFile(gone);
        AppSettings::addRecentFile(present);
        QVERIFY(QFile::remove(gone));

        MainWindow window(m_db);
        window.show();
        QVERIFY(QTest::qWaitFor([&] { return window.session()->databasePath() == m_db && !window.session()->loading(); }, 30000));
        QVERIFY2(window.errorBanner()->message().isEmpty(), qPrintable(window.errorBanner()->message()));

        QMenu *menu = window.recentMenu();
        emit menu->aboutToShow();
        QAction *missing = actionNamed(menu, QStringLiteral("gone.showdown"));
        QVERIFY(missing);
        QVERIFY(!missing->isEnabled());
        QVERIFY2(missing->text().contains(QLatin1String("missing")), qPrintable(missing->text()));
        QAction *available = actionNamed(menu, QStringLiteral("present.showdown"));
        QVERIFY(available && available->isEnabled());
        QVERIFY(actionNamed(menu, QStringLiteral("Clear recent"))->isEnabled());

        // Picking a file from the list opens it through the same path as the others.
        available->trigger();
        QVERIFY(showsFile(window, present));
        QCOMPARE(window.session()->snapshot().info.uuid, kept.info.uuid);

        // A file that went away between the menu and the click: said in the banner, dropped from the list.
        window.openFile(gone);
        QVERIFY2(window.errorBanner()->message().contains(gone) && window.errorBanner()->message().contains(QLatin1String("no longer exists")),
                 qPrintable(window.errorBanner()->message()));
        QVERIFY(!AppSettings::recentFiles().contains(gone));
        QCOMPARE(window.session()->databasePath(), present);

        actionNamed(menu, QStringLiteral("Clear recent"))->trigger();
        QVERIFY(AppSettings::recentFiles().isEmpty());
        emit menu->aboutToShow();
        QVERIFY(!actionNamed(menu, QStringLiteral("Clear recent"))->isEnabled());
    }

    void aDroppedFileOpensAndJoinsTheRecentList()
    {
        AppSettings::clearRecentFiles();
        const ResultSetBundle set = bundle(QStringLiteral("dropped"));
        const QString file = savedFile(QStringLiteral("dropped.showdown"), set);
        const FileState before = stateOf(file);
        MainWindow window(m_db);
        window.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(showsFile(window, file));
        QCOMPARE(window.session()->snapshot().info.uuid, set.info.uuid);
        QCOMPARE(AppSettings::recentFiles().value(0), file);
        QVERIFY(stateOf(file) == before);
    }
};

QTEST_MAIN(GuiDocumentTest)
#include "GuiDocumentTest.moc"
