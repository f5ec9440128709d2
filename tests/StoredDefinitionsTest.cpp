// Self-describing result sets (issue 15, part 4): a run of the user's own benchmarks stores the definition file it ran
// (schema 7), byte for byte; show, exports, imports and merges carry it; a tampered one is refused; an older database
// upgrades without losing anything; and `rerun` shows the commands and runs them only when asked.
// Real runs of the cpu-pair example through the showdown binary, real SQLite files.

#include "BenchmarkDefinitionFile.h"
#include "CommandRun.h"
#include "PagePlan.h"
#include "RawSql.h"
#include "ResourceLocator.h"
#include "ResultSession.h"
#include "ResultStore.h"
#include "StoredDefinitionFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

namespace {

QString showdownBinary()
{
    return qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
}

/// A copy of resources/examples/cpu-pair, so a test may change or delete it.
bool copyExample(const QString &target)
{
    const QDir source(ResourceLocator::resourcesDir() + QStringLiteral("/examples/cpu-pair"));
    if (!QDir().mkpath(target))
        return false;
    for (const QString &name : source.entryList(QDir::Files)) {
        if (!QFile::copy(source.filePath(name), QDir(target).filePath(name)))
            return false;
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// The result sets of a database, read as `list` would.
QList<ResultSetInfo> setsIn(const QString &db)
{
    ResultStore store;
    QString error;
    if (!store.open(db, ResultStore::OpenMode::Read, &error))
        return {};
    return store.resultSets();
}

QList<StoredDefinitionFile> definitionsIn(const QString &db, qint64 id)
{
    ResultStore store;
    QString error;
    if (!store.open(db, ResultStore::OpenMode::Read, &error))
        return {};
    return store.definitionFiles(id, &error);
}

} // namespace

class StoredDefinitionsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_example;     ///< the copied example's folder
    QString m_definition;  ///< its showdown.json
    QString m_db;          ///< the database the example ran into
    qint64 m_id = 0;       ///< the set it recorded

    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// A copy of the recorded database, so a test that adds to it leaves the others' starting point alone.
    QString copyOfDatabase(const QString &name) const
    {
        const QString copy = path(name);
        return QFile::copy(m_db, copy) ? copy : QString();
    }

    /// `showdown run --benchmarks FOLDER --runs N --db DB`: the id of the set it recorded, 0 on failure.
    static qint64 runExample(const QString &folder, const QString &db, int runs)
    {
        const CommandRun run = runCommand(showdownBinary(), {QStringLiteral("run"), QStringLiteral("--benchmarks"), folder, QStringLiteral("--runs"),
                                                            QString::number(runs), QStringLiteral("--db"), db, QStringLiteral("--no-wait"),
                                                            QStringLiteral("--json")});
        if (run.code != 0) {
            qWarning("%s", qPrintable(run.err));
            return 0;
        }
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("result_set")).toInteger();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_example = path(QStringLiteral("cpu-pair"));
        m_definition = QDir(m_example).filePath(QStringLiteral("showdown.json"));
        QVERIFY(copyExample(m_example));
        m_db = path(QStringLiteral("results.sqlite"));
        m_id = runExample(m_example, m_db, 2);
        QVERIFY(m_id > 0);
    }

    /// The set holds the very bytes that were checked and run, their SHA-256 and the file's absolute path.
    void definitionsStoredByteIdentical()
    {
        const QList<StoredDefinitionFile> stored = definitionsIn(m_db, m_id);
        QCOMPARE(stored.size(), 1);
        const QByteArray bytes = readAll(m_definition);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(stored.first().text, bytes);
        QCOMPARE(stored.first().sha256, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(stored.first().path, QFileInfo(m_definition).absoluteFilePath());
        QVERIFY(stored.first().intact());
        // Parsed again from the stored text, it declares what the file declares.
        const BenchmarkDefinitionFile parsed = BenchmarkDefinitionFile::fromStored(stored.first());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.benchmarks().size(), BenchmarkDefinitionFile::load(m_example).benchmarks().size());
        QCOMPARE(parsed.stored(), stored.first());
    }

    /// `show --json` lists each definition file with the benchmarks it declares; the text says where they came from.
    void showCarriesThem()
    {
        const CommandRun json = runCommand(showdownBinary(), {QStringLiteral("show"), QString::number(m_id), QStringLiteral("--db"), m_db,
                                                             QStringLiteral("--json")});
        QVERIFY2(json.code == 0, qPrintable(json.err));
        const QJsonArray definitions = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("definitions")).toArray();
        QCOMPARE(definitions.size(), 1);
        const QJsonObject file = definitions.first().toObject();
        QCOMPARE(file.value(QLatin1String("path")).toString(), QFileInfo(m_definition).absoluteFilePath());
        QCOMPARE(file.value(QLatin1String("sha256")).toString(), StoredDefinitionFile::sha256Of(readAll(m_definition)));
        const QJsonArray benchmarks = file.value(QLatin1String("benchmarks")).toArray();
        QCOMPARE(benchmarks.size(), 1);
        const QJsonObject primes = benchmarks.first().toObject();
        QCOMPARE(primes.value(QLatin1String("name")).toString(), QStringLiteral("primes"));
        QCOMPARE(primes.value(QLatin1String("category")).toString(), QStringLiteral("cpu"));
        QCOMPARE(primes.value(QLatin1String("form")).toString(), QStringLiteral("program"));
        const QJsonObject commands = primes.value(QLatin1String("commands")).toObject();
        QCOMPARE(commands.value(QLatin1String("javascript")).toArray().first().toString(), QStringLiteral("{runtime}"));
        QVERIFY(commands.value(QLatin1String("javascript")).toArray().contains(QStringLiteral("primes.js")));
        QVERIFY(commands.value(QLatin1String("python")).toArray().contains(QStringLiteral("primes.py")));

        const CommandRun text = runCommand(showdownBinary(), {QStringLiteral("show"), QString::number(m_id), QStringLiteral("--db"), m_db});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        QVERIFY2(text.out.contains(QStringLiteral("Your benchmarks came from:\n  %1").arg(QFileInfo(m_definition).absoluteFilePath())), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("primes (cpu program)")), qPrintable(text.out));
    }

    /// The window's snapshot parses the stored definitions (never runs them) and places primes by its category.
    void snapshotPlacesThemByCategory()
    {
        QString error;
        const ResultSnapshot snapshot = ResultSession::load(m_db, m_id, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(snapshot.definitions, definitionsIn(m_db, m_id));
        QCOMPARE(snapshot.userBenchmarks.size(), 1);
        QCOMPARE(snapshot.userBenchmarks.first().name, QStringLiteral("primes"));
        QVERIFY(snapshot.categories.contains(QStringLiteral("primes")));
        QCOMPARE(PagePlan::pageOf(snapshot.categories, QStringLiteral("primes")), PagePlan::Page::Performance);
        // A user benchmark of another category goes where that category goes, even named like a built-in.
        UserBenchmark startup;
        startup.name = QStringLiteral("fib");
        startup.category = *BenchmarkCategory::parse(QStringLiteral("startup"));
        const PagePlan::Categories merged = PagePlan::withUserBenchmarks(snapshot.categories, {startup});
        QCOMPARE(PagePlan::pageOf(merged, QStringLiteral("fib")), PagePlan::Page::StartUp);
        QCOMPARE(PagePlan::pageOf(merged, QStringLiteral("primes")), PagePlan::Page::Performance);
    }

    /// JSON and .showdown exports carry the definitions; importing and merging them into a fresh database keeps them.
    void exportsAndImportsKeepThem()
    {
        const QString json = path(QStringLiteral("export.json"));
        const QString saved = path(QStringLiteral("export.showdown"));
        for (const QStringList &arguments : {QStringList{QStringLiteral("--json"), json}, QStringList{QStringLiteral("--showdown"), saved}}) {
            const CommandRun exported = runCommand(showdownBinary(), QStringList{QStringLiteral("export"), QString::number(m_id), QStringLiteral("--db"), m_db}
                                                                         + arguments);
            QVERIFY2(exported.code == 0, qPrintable(exported.err));
        }
        const QJsonObject set = QJsonDocument::fromJson(readAll(json)).object().value(QLatin1String("result_sets")).toArray().first().toObject();
        const QJsonObject definition = set.value(QLatin1String("definitions")).toArray().first().toObject();
        QCOMPARE(definition.value(QLatin1String("text")).toString().toUtf8(), readAll(m_definition));
        QCOMPARE(definition.value(QLatin1String("sha256")).toString(), StoredDefinitionFile::sha256Of(readAll(m_definition)));

        const QList<StoredDefinitionFile> original = definitionsIn(m_db, m_id);
        int n = 0;
        for (const auto &[verb, file] : {std::pair{QStringLiteral("import"), json}, std::pair{QStringLiteral("import"), saved},
                                         std::pair{QStringLiteral("merge"), saved}}) {
            const QString fresh = path(QStringLiteral("fresh-%1.sqlite").arg(++n));
            const CommandRun imported = runCommand(showdownBinary(), {verb, file, QStringLiteral("--db"), fresh});
            QVERIFY2(imported.code == 0, qPrintable(imported.err));
            const QList<ResultSetInfo> sets = setsIn(fresh);
            QCOMPARE(sets.size(), 1);
            QCOMPARE(definitionsIn(fresh, sets.first().id), original);
        }
        // Exported again from where it landed, the JSON is the same bytes.
        const QString again = path(QStringLiteral("again.json"));
        const CommandRun reexported = runCommand(showdownBinary(), {QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--db"),
                                                                    path(QStringLiteral("fresh-1.sqlite")), QStringLiteral("--json"), again});
        QVERIFY2(reexported.code == 0, qPrintable(reexported.err));
        QCOMPARE(readAll(again), readAll(json));
    }

    /// A definition whose text no longer matches its SHA-256 is refused, in JSON and in a .showdown file, and nothing lands.
    void tamperedDefinitionRefused()
    {
        const QString json = path(QStringLiteral("tampered.json"));
        const CommandRun exported = runCommand(showdownBinary(), {QStringLiteral("export"), QString::number(m_id), QStringLiteral("--db"), m_db,
                                                                  QStringLiteral("--json"), json});
        QVERIFY2(exported.code == 0, qPrintable(exported.err));
        QByteArray bytes = readAll(json);
        // One more program in the text, the hash left as it was: the file now claims to have run something it did not.
        QVERIFY(bytes.contains("primes.js"));
        bytes.replace("primes.js", "primes2.js");
        QVERIFY(writeAll(json, bytes));
        const QString target = path(QStringLiteral("tampered-target.sqlite"));
        const CommandRun refused = runCommand(showdownBinary(), {QStringLiteral("import"), json, QStringLiteral("--db"), target});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("does not match its SHA-256")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QFileInfo(m_definition).absoluteFilePath()), qPrintable(refused.err));
        QVERIFY(setsIn(target).isEmpty());

        const QString saved = path(QStringLiteral("tampered.showdown"));
        const CommandRun savedRun = runCommand(showdownBinary(), {QStringLiteral("export"), QString::number(m_id), QStringLiteral("--db"), m_db,
                                                                  QStringLiteral("--showdown"), saved});
        QVERIFY2(savedRun.code == 0, qPrintable(savedRun.err));
        QVERIFY(test::execRaw(saved, {QStringLiteral("UPDATE definition_files SET sha256 = '%1'").arg(QString(64, QLatin1Char('0')))}));
        const CommandRun refusedSaved = runCommand(showdownBinary(), {QStringLiteral("import"), saved, QStringLiteral("--db"), target});
        QCOMPARE(refusedSaved.code, 1);
        QVERIFY2(refusedSaved.err.contains(QStringLiteral("does not match its SHA-256")), qPrintable(refusedSaved.err));
        QVERIFY(setsIn(target).isEmpty());
    }

    /// A database written by schema 6 (no definitions table) upgrades to 7 keeping every set and sample; its sets have
    /// no definitions, and show and rerun say so rather than fail.
    void upgradeFromSchemaSix()
    {
        const QString old = copyOfDatabase(QStringLiteral("schema6.sqlite"));
        QVERIFY(!old.isEmpty());
        QVERIFY(test::execRaw(old, test::downgradeTo(6)));
        QList<Sample> before;
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(m_db, ResultStore::OpenMode::Read, &error), qPrintable(error));
            before = store.samples(m_id, &error);
        }
        // Read-only first: an upgraded private copy, the file itself untouched.
        const QByteArray oldBytes = readAll(old);
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(old, ResultStore::OpenMode::Read, &error), qPrintable(error));
            QCOMPARE(store.resultSets().size(), 1);
            QVERIFY(store.definitionFiles(m_id, &error).isEmpty());
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QCOMPARE(readAll(old), oldBytes);
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(old, &error), qPrintable(error));
            const QList<Sample> after = store.samples(m_id, &error);
            QCOMPARE(after.size(), before.size());
            for (qsizetype i = 0; i < after.size(); ++i) {
                QCOMPARE(after.at(i).iterationsNs, before.at(i).iterationsNs);
                QCOMPARE(after.at(i).wallNs, before.at(i).wallNs);
            }
            QVERIFY(store.definitionFiles(m_id, &error).isEmpty());
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const CommandRun show = runCommand(showdownBinary(), {QStringLiteral("show"), QString::number(m_id), QStringLiteral("--db"), old,
                                                             QStringLiteral("--json")});
        QVERIFY2(show.code == 0, qPrintable(show.err));
        QVERIFY(QJsonDocument::fromJson(show.out.toUtf8()).object().value(QLatin1String("definitions")).toArray().isEmpty());
        const CommandRun rerun = runCommand(showdownBinary(), {QStringLiteral("rerun"), QString::number(m_id), QStringLiteral("--db"), old});
        QCOMPARE(rerun.code, 1);
        QVERIFY2(rerun.err.contains(QStringLiteral("stores no definition file")), qPrintable(rerun.err));
    }

    /// Without --yes, rerun prints every command with its runtime and folder and runs nothing; with it, a new set is
    /// recorded from the stored text, which it stores again.
    void rerunShowsFirstAndRunsOnlyWithYes()
    {
        const QString db = copyOfDatabase(QStringLiteral("rerun.sqlite"));
        QVERIFY(!db.isEmpty());
        ResultStore store;
        QString error;
        QVERIFY2(store.open(db, ResultStore::OpenMode::Read, &error), qPrintable(error));
        const QList<RuntimeInfo> runtimes = store.runtimes(m_id, &error);
        store.close();
        QCOMPARE(runtimes.size(), 2);

        const CommandRun shown = runCommand(showdownBinary(), {QStringLiteral("rerun"), QString::number(m_id), QStringLiteral("--db"), db});
        QVERIFY2(shown.code == 0, qPrintable(shown.err));
        QVERIFY2(shown.out.contains(QStringLiteral("in %1:").arg(QFileInfo(m_example).absoluteFilePath())), qPrintable(shown.out));
        for (const RuntimeInfo &runtime : runtimes) {
            const QString script = runtime.kind == QLatin1String("node") ? QStringLiteral("primes.js") : QStringLiteral("primes.py");
            QVERIFY2(shown.out.contains(QStringLiteral("%1: %2 %3 200000").arg(runtime.name, runtime.path, script)), qPrintable(shown.out));
        }
        QVERIFY2(shown.out.contains(QStringLiteral("Nothing was run")), qPrintable(shown.out));
        QVERIFY2(shown.out.contains(QStringLiteral("--yes")), qPrintable(shown.out));
        QCOMPARE(setsIn(db).size(), 1);

        const CommandRun ran = runCommand(showdownBinary(), {QStringLiteral("rerun"), QString::number(m_id), QStringLiteral("--db"), db,
                                                            QStringLiteral("--yes"), QStringLiteral("--runs"), QStringLiteral("1")});
        QVERIFY2(ran.code == 0, qPrintable(ran.err + ran.out));
        const QList<ResultSetInfo> sets = setsIn(db);
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets.last().status, QStringLiteral("complete"));
        QCOMPARE(sets.last().sampleCount, 2);  // one process of primes on each of the two runtimes
        QCOMPARE(definitionsIn(db, sets.last().id), definitionsIn(db, m_id));
    }

    /// A set whose folder has gone is not re-run: the error names the folder, and no set is added.
    void rerunOfVanishedFolderNamesIt()
    {
        const QString folder = path(QStringLiteral("vanishing"));
        QVERIFY(copyExample(folder));
        const QString db = path(QStringLiteral("vanishing.sqlite"));
        const qint64 id = runExample(folder, db, 1);
        QVERIFY(id > 0);
        QVERIFY(QDir(folder).removeRecursively());
        for (const QStringList &extra : {QStringList(), QStringList{QStringLiteral("--yes")}}) {
            const CommandRun rerun = runCommand(showdownBinary(), QStringList{QStringLiteral("rerun"), QString::number(id), QStringLiteral("--db"), db}
                                                                      + extra);
            QCOMPARE(rerun.code, 1);
            QVERIFY2(rerun.err.contains(QStringLiteral("the folder %1, which no longer exists").arg(QFileInfo(folder).absoluteFilePath())),
                     qPrintable(rerun.err));
            QCOMPARE(setsIn(db).size(), 1);
        }
        // Showing the set still works: its definitions are data, not a folder.
        const CommandRun show = runCommand(showdownBinary(), {QStringLiteral("show"), QString::number(id), QStringLiteral("--db"), db,
                                                             QStringLiteral("--json")});
        QVERIFY2(show.code == 0, qPrintable(show.err));
        QCOMPARE(QJsonDocument::fromJson(show.out.toUtf8()).object().value(QLatin1String("definitions")).toArray().first()
                     .toObject().value(QLatin1String("benchmarks")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(StoredDefinitionsTest)
#include "StoredDefinitionsTest.moc"
