// The result store on real SQLite files in a temporary folder: schema, samples, change signals, recovery
// of interrupted runs, and refusal (without a single byte changed) of files that are not ours.

#include "ExchangeFixtures.h"
#include "RawSql.h"
#include "ResultStore.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "RawSql.h"

using namespace showdown;

namespace {

Sample sample(const QString &runtime, QList<qint64> iterations, const QString &status = Sample::kOk)
{
    Sample s;
    s.benchmark = QStringLiteral("nbody");
    s.runtime = runtime;
    s.size = 1000;
    s.started = QDateTime::currentDateTimeUtc();
    s.warmupNs = {999};
    s.iterationsNs = std::move(iterations);
    s.status = status;
    s.result = QStringLiteral("-0.169075164");
    s.wallNs = 42000000;
    s.peakRssKb = 12345;
    s.extra = QJsonObject{{QStringLiteral("version"), QStringLiteral("v20")}};
    if (status != Sample::kOk)
        s.error = QStringLiteral("exited with status 1: Traceback 'quoted' \"text\"; DROP TABLE samples;--");
    return s;
}

RuntimeInfo node()
{
    RuntimeInfo info;
    info.name = QStringLiteral("node");
    info.kind = QStringLiteral("node");
    info.path = QStringLiteral("/usr/bin/node");
    info.version = QStringLiteral("v20.20.2");
    info.available = true;
    return info;
}

qint64 newSet(ResultStore &store)
{
    ResultSetInfo info;
    info.suite = QStringLiteral("quick");
    info.appVersion = QStringLiteral("test");
    info.environment = QJsonObject{{QStringLiteral("cores"), 2}};
    QString error;
    const qint64 id = store.createResultSet(info, {node()}, &error);
    if (id == 0)
        qWarning() << error;
    return id;
}

/// Runs statements on a raw connection of the test's own, behind the store's back (to set up files the
/// store must cope with); returns the first column of the last statement's first row, invalid on failure.
QVariant execRaw(const QString &path, const QStringList &statements)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            for (const QString &statement : statements) {
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    value = QVariant();
                    break;
                }
                value = query.next() ? query.value(0) : QVariant(true);
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return value;
}

QVariant pragma(const QString &path, const QString &name)
{
    return execRaw(path, {QStringLiteral("PRAGMA %1").arg(name)});
}

/// Two running sets, the second handed to `deadPid` (a process that no longer exists); {0, 0} on failure.
std::pair<qint64, qint64> setsWithAnOrphan(const QString &path, qint64 deadPid)
{
    QString error;
    ResultStore store;
    if (!store.open(path, &error))
        return {};
    const qint64 mine = newSet(store);
    const qint64 orphan = newSet(store);
    if (!store.addSample(orphan, sample(QStringLiteral("node"), {1, 2}), &error))
        return {};
    store.close();
    if (!execRaw(path, {QStringLiteral("UPDATE result_sets SET owner_pid = %1 WHERE id = %2").arg(deadPid).arg(orphan)}).isValid())
        return {};
    return {mine, orphan};
}

/// A database of schema version 1 holding one finished set with one sample; its id, 0 on failure.
qint64 version1Database(const QString &path)
{
    qint64 id = 0;
    {
        ResultStore store;
        QString error;
        if (!store.open(path, &error))
            return 0;
        id = newSet(store);
        if (!store.addSample(id, sample(QStringLiteral("node"), {100, 200}), &error) || !store.finishResultSet(id, QStringLiteral("complete"), &error))
            return 0;
    }
    // What migrations 1 -> 2 and 2 -> 3 added is taken away again.
    const bool downgraded = execRaw(path, test::downgradeTo(1))
                                .isValid();
    return downgraded ? id : 0;
}

} // namespace

class ResultStoreTest : public QObject {
    Q_OBJECT

private slots:
    void createsAVersionedWalDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/folder/results.sqlite"));
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
        }
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), ResultStore::kSchemaVersion);
        QCOMPARE(pragma(path, QStringLiteral("application_id")).toUInt(), ResultStore::kApplicationId);
        QCOMPARE(pragma(path, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    }

    void upgradesAnEmptyFileInPlace()
    {
        // Version 0 (an empty file) is the oldest schema; opening migrates it forward.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        ResultStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QVERIFY(newSet(store) > 0);
        store.close();
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), ResultStore::kSchemaVersion);
        // Reopening an up-to-date database changes nothing.
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(store.resultSets().size(), 1);
    }

    void storesEverySampleAsItArrives()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        ResultStore store;
        QString error;
        QVERIFY(store.open(path, &error));
        QSignalSpy added(&store, &ResultStore::resultSetAdded);
        QSignalSpy sampled(&store, &ResultStore::sampleAdded);
        QSignalSpy changed(&store, &ResultStore::resultSetChanged);
        const qint64 id = newSet(store);
        QVERIFY(id > 0);
        QCOMPARE(added.count(), 1);
        QVERIFY2(store.addSample(id, sample(QStringLiteral("node"), {100, 200, 300}), &error), qPrintable(error));
        QVERIFY2(store.addSample(id, sample(QStringLiteral("node"), {}, QStringLiteral("exit")), &error), qPrintable(error));
        QCOMPARE(sampled.count(), 2);
        QCOMPARE(sampled.first().at(0).toLongLong(), id);

        // Visible to another connection at once: committed, not buffered.
        ResultStore reader;
        QVERIFY(reader.open(path, &error));
        const QList<Sample> read = reader.samples(id, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.size(), 2);
        QCOMPARE(read.at(0).iterationsNs, (QList<qint64>{100, 200, 300}));
        QCOMPARE(read.at(0).warmupNs, (QList<qint64>{999}));
        QCOMPARE(read.at(0).peakRssKb, 12345);
        QCOMPARE(read.at(0).wallNs, 42000000);
        QCOMPARE(read.at(0).extra.value(QLatin1String("version")).toString(), QStringLiteral("v20"));
        QVERIFY(read.at(0).valid());
        QCOMPARE(read.at(1).status, QStringLiteral("exit"));
        QCOMPARE(read.at(1).error, sample(QStringLiteral("node"), {}, QStringLiteral("exit")).error);  // hostile text stays inert

        const std::optional<ResultSetInfo> info = reader.resultSet(id);
        QVERIFY(info);
        QCOMPARE(info->status, QStringLiteral("running"));
        QCOMPARE(info->sampleCount, 3);
        QCOMPARE(info->environment.value(QLatin1String("cores")).toInt(), 2);
        QCOMPARE(reader.runtimes(id).first().version, QStringLiteral("v20.20.2"));

        QVERIFY(store.finishResultSet(id, QStringLiteral("complete"), &error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reader.resultSet(id)->status, QStringLiteral("complete"));
        QVERIFY(!reader.resultSet(id + 100, &error));
        QVERIFY2(error.contains(QLatin1String("no result set")), qPrintable(error));
    }

    void storesWorkersAndLoadPoints()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        ResultStore store;
        QString error;
        QVERIFY(store.open(path, &error));
        const qint64 id = newSet(store);
        Sample server = fixtures::serverSample(QStringLiteral("node"));
        const LoadPoint point = server.points.first();
        server.points[1].connections = 1024;
        server.points[1].error = QStringLiteral("the server exited during this point");
        server.points[1].sloP99Ms = 20;  // a capacity-search step
        QVERIFY2(store.addSample(id, server, &error), qPrintable(error));

        const QList<Sample> stored = store.samples(id, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().workers, server.workers);
        QCOMPARE(stored.first().variant, server.variant);
        QCOMPARE(stored.first().points.size(), 2);
        const LoadPoint &back = stored.first().points.first();
        QCOMPARE(back.kind, point.kind);
        QCOMPARE(back.endpoint, point.endpoint);
        QCOMPARE(back.connections, point.connections);
        QCOMPARE(back.workers, point.workers);
        QCOMPARE(back.rate, point.rate);
        QCOMPARE(back.durationS, point.durationS);
        QCOMPARE(back.completed, point.completed);
        QCOMPARE(back.sent, point.sent);
        QCOMPARE(back.errors, point.errors);
        QCOMPARE(back.latency, point.latency);
        QCOMPARE(back.generatorCpuNs, point.generatorCpuNs);
        QCOMPARE(back.serverCpuNs, point.serverCpuNs);
        QCOMPARE(back.serverPssKb, point.serverPssKb);
        QVERIFY(back.error.isEmpty());
        QCOMPARE(stored.first().points.at(1).connections, 1024);
        QCOMPARE(stored.first().points.at(1).error, server.points.at(1).error);
        QCOMPARE(back.sloP99Ms, 0.0);
        QCOMPARE(stored.first().points.at(1).sloP99Ms, 20.0);
    }

    void upgradesAVersion1DatabaseKeepingItsSamples()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        const qint64 id = version1Database(path);
        QVERIFY(id > 0);
        ResultStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), ResultStore::kSchemaVersion);
        const QList<Sample> stored = store.samples(id, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().iterationsNs, (QList<qint64>{100, 200}));
        QCOMPARE(stored.first().workers, 0);
        QVERIFY(stored.first().points.isEmpty());
    }

    void upgradesAVersion2DatabaseStoringEachSetsAnalysis()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v2.sqlite"));
        qint64 id = 0;
        {
            ResultStore store;
            QString error;
            QVERIFY(store.open(path, &error));
            id = newSet(store);
            for (const QString &runtime : {QStringLiteral("node"), QStringLiteral("node")})
                QVERIFY(store.addSample(id, sample(runtime, {100, 200, 150, 120, 180, 130, 170}), &error));
            QVERIFY(store.finishResultSet(id, QStringLiteral("complete"), &error));
        }
        // Turn the file back into a version 2 database: migration 2 -> 3 added only the analyses table, 3 -> 4
        // only a column.
        QVERIFY(execRaw(path, test::downgradeTo(2)).isValid());
        ResultStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), ResultStore::kSchemaVersion);
        // Opening for writing analysed the finished set, from the samples it already had.
        QCOMPARE(execRaw(path, {QStringLiteral("SELECT analysis_version FROM analyses WHERE result_set_id = %1").arg(id)}).toInt(),
                 ResultSetAnalysis::kVersion);
        const std::optional<ResultSetAnalysis> stored = store.storedAnalysis(id);
        QVERIFY(stored);
        QCOMPARE(stored->rows.size(), 1);
        QCOMPARE(stored->rows.first().stats.n, std::size_t(14));
        QCOMPARE(stored->rows.first().stats.median, 150.0);
        QCOMPARE(stored->processes.size(), 2);
        // Deleting the set takes its analysis with it.
        QVERIFY(store.deleteResultSet(id, &error));
        QCOMPARE(execRaw(path, {QStringLiteral("SELECT count(*) FROM analyses")}).toInt(), 0);
    }

    void upgradesAVersion4DatabaseToRuntimeKindsAndComparesThem()
    {
        // A set recorded before runtime kinds: `kind` and the details hold the family word, PyPy is told apart
        // only by the implementation its probe reported.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
        RuntimeInfo cpython = node();
        cpython.name = QStringLiteral("python3");
        cpython.kind = QStringLiteral("python");
        cpython.path = QStringLiteral("/usr/bin/python3");
        cpython.implementation = QStringLiteral("cpython");
        RuntimeInfo pypy = cpython;
        pypy.name = QStringLiteral("pypy3");
        pypy.path = QStringLiteral("/usr/bin/pypy3");
        pypy.implementation = QStringLiteral("pypy");
        qint64 id = 0;
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            ResultSetInfo info;
            info.suite = QStringLiteral("quick");
            info.appVersion = QStringLiteral("test");
            id = store.createResultSet(info, {node(), cpython, pypy}, &error);
            QVERIFY2(id > 0, qPrintable(error));
            for (int process = 0; process < 3; ++process) {
                QVERIFY2(store.addSample(id, sample(QStringLiteral("python3"), {1000 + process, 1010, 990, 1005}), &error), qPrintable(error));
                QVERIFY2(store.addSample(id, sample(QStringLiteral("pypy3"), {100 + process, 101, 99, 100}), &error), qPrintable(error));
            }
            QVERIFY(store.finishResultSet(id, QStringLiteral("complete"), &error));
        }
        QCOMPARE(execRaw(path, {QStringLiteral("SELECT runtime_kind FROM runtimes WHERE name = 'pypy3'")}).toString(), QStringLiteral("pypy"));
        // Back to version 4: the columns go, and the details say what version 4 wrote (the family word as kind).
        QVERIFY(execRaw(path, test::downgradeTo(4)
                                  << QStringLiteral("UPDATE runtimes SET details = json_remove(json_set(details, '$.kind', kind), '$.family')"))
                    .isValid());
        QCOMPARE(execRaw(path, {QStringLiteral("SELECT json_extract(details, '$.kind') FROM runtimes WHERE name = 'pypy3'")}).toString(),
                 QStringLiteral("python"));
        {
            // Read-only: the file stays at version 4, and its runtimes still read with their kinds.
            ResultStore reader;
            QString error;
            QVERIFY2(reader.open(path, ResultStore::OpenMode::Read, &error), qPrintable(error));
            const QList<RuntimeInfo> runtimes = reader.runtimes(id, &error);
            QCOMPARE(runtimes.size(), 3);
            QCOMPARE(runtimes.at(2).resolvedKind(), std::optional<RuntimeKind>(RuntimeKind::PyPy));
        }
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), 4);
        ResultStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), ResultStore::kSchemaVersion);
        const auto column = [&](const QString &sql) { return execRaw(path, {sql}).toString(); };
        QCOMPARE(column(QStringLiteral("SELECT family || '/' || runtime_kind FROM runtimes WHERE name = 'node'")), QStringLiteral("javascript/node"));
        QCOMPARE(column(QStringLiteral("SELECT family || '/' || runtime_kind FROM runtimes WHERE name = 'python3'")), QStringLiteral("python/cpython"));
        QCOMPARE(column(QStringLiteral("SELECT family || '/' || runtime_kind FROM runtimes WHERE name = 'pypy3'")), QStringLiteral("python/pypy"));
        // The upgraded set compares PyPy with its family's baseline, the system CPython, from the same samples.
        const std::optional<ResultSetAnalysis> analysis = store.analysis(id, &error);
        QVERIFY2(analysis, qPrintable(error));
        QCOMPARE(analysis->runtimeComparisons.size(), 1);
        const RuntimeComparison &comparison = analysis->runtimeComparisons.first();
        QCOMPARE(comparison.family, RuntimeFamily::Python);
        QCOMPARE(comparison.runtime, QStringLiteral("pypy3"));
        QCOMPARE(comparison.baseline, QStringLiteral("python3"));
        QVERIFY2(comparison.ratio.ratio > 0.09 && comparison.ratio.ratio < 0.11, qPrintable(QString::number(comparison.ratio.ratio)));
        // A set recorded after the upgrade writes the columns itself.
        RuntimeInfo bun = node();
        bun.name = QStringLiteral("bun");
        bun.setKind(RuntimeKind::Bun);
        ResultSetInfo info;
        info.suite = QStringLiteral("quick");
        info.appVersion = QStringLiteral("test");
        QVERIFY2(store.createResultSet(info, {bun}, &error) > 0, qPrintable(error));
        QCOMPARE(column(QStringLiteral("SELECT kind || '/' || family || '/' || runtime_kind FROM runtimes WHERE name = 'bun'")),
                 QStringLiteral("node/javascript/bun"));
    }

    void upgradesAVersion3DatabaseKeepingItsLoadPoints()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
        qint64 id = 0;
        const Sample server = fixtures::serverSample(QStringLiteral("node"));
        {
            ResultStore store;
            QString error;
            QVERIFY(store.open(path, &error));
            id = newSet(store);
            QVERIFY2(store.addSample(id, server, &error), qPrintable(error));
            QVERIFY(store.finishResultSet(id, QStringLiteral("complete"), &error));
        }
        // Turn the file back into a version 3 database: migration 3 -> 4 added only load_points.slo_p99_ms.
        QVERIFY(execRaw(path, test::downgradeTo(3))
                    .isValid());
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), 3);
        {
            // Read-only, the file stays at version 3 and its points read as sweep points.
            ResultStore reader;
            QString error;
            QVERIFY2(reader.open(path, ResultStore::OpenMode::Read, &error), qPrintable(error));
            const QList<Sample> stored = reader.samples(id, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(stored.first().points.size(), 2);
            QCOMPARE(stored.first().points.first().sloP99Ms, 0.0);
        }
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), 3);
        ResultStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), ResultStore::kSchemaVersion);
        QList<Sample> stored = store.samples(id, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(stored.first().points.size(), 2);
        QCOMPARE(stored.first().points.first().completed, server.points.first().completed);
        QCOMPARE(stored.first().points.first().latency, server.points.first().latency);
        QCOMPARE(stored.first().points.first().sloP99Ms, 0.0);
        // The upgraded file takes capacity steps.
        Sample search = server;
        search.points[0].sloP99Ms = 10;
        QVERIFY2(store.addSample(id, search, &error), qPrintable(error));
        stored = store.samples(id, &error);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.last().points.first().sloP99Ms, 10.0);
    }

    void marksRunsOfDeadProcessesInterrupted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        QString error;
        // Hand the second set to a process that has since exited.
        QProcess child;
        child.start(QStringLiteral("/bin/true"));
        QVERIFY(child.waitForFinished());
        const auto [mine, orphan] = setsWithAnOrphan(path, child.processId() > 0 ? child.processId() : 999999);
        QVERIFY(orphan > 0);

        ResultStore reopened;
        QVERIFY2(reopened.open(path, &error), qPrintable(error));
        QCOMPARE(reopened.resultSet(orphan)->status, QStringLiteral("interrupted"));
        QCOMPARE(reopened.resultSet(orphan)->sampleCount, 2);  // finished samples are intact
        QCOMPARE(reopened.resultSet(mine)->status, QStringLiteral("running"));  // this process is alive
    }

    void readingNeverWrites()
    {
        // A set left running by a dead process reads as interrupted, but only a writing open records it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        QString error;
        const auto [mine, orphan] = setsWithAnOrphan(path, 2147483647);  // above any pid_max
        QVERIFY(orphan > 0);
        const QByteArray before = fixtures::sha256(path);
        {
            ResultStore reader;
            QVERIFY2(reader.open(path, ResultStore::OpenMode::Read, &error), qPrintable(error));
            QVERIFY(reader.isReadOnly());
            QCOMPARE(reader.resultSet(orphan)->status, QStringLiteral("interrupted"));
            QCOMPARE(reader.resultSets().at(1).status, QStringLiteral("interrupted"));
            QCOMPARE(reader.resultSet(orphan)->sampleCount, 2);
            QCOMPARE(reader.resultSet(mine)->status, QStringLiteral("running"));  // this process is alive
            QVERIFY(!reader.renameResultSet(orphan, QStringLiteral("x"), &error));
            QVERIFY2(error.contains(QLatin1String("open read-only")), qPrintable(error));
            QVERIFY(!reader.deleteResultSet(orphan, &error));
        }
        QCOMPARE(fixtures::sha256(path), before);
        QCOMPARE(execRaw(path, {QStringLiteral("SELECT status FROM result_sets WHERE id = %1").arg(orphan)}).toString(), QStringLiteral("running"));
        {
            ResultStore writer;
            QVERIFY2(writer.open(path, &error), qPrintable(error));
        }
        QCOMPARE(execRaw(path, {QStringLiteral("SELECT status FROM result_sets WHERE id = %1").arg(orphan)}).toString(), QStringLiteral("interrupted"));
    }

    void readingAMissingFileCreatesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not/yet/results.sqlite"));
        ResultStore reader;
        QString error;
        QVERIFY2(reader.open(path, ResultStore::OpenMode::Read, &error), qPrintable(error));
        QVERIFY(reader.resultSets(&error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!reader.resultSet(1, &error));
        QVERIFY2(error.contains(QLatin1String("no result set 1")), qPrintable(error));
        QCOMPARE(reader.path(), path);
        reader.close();
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("not"))));
    }

    void readingAnOlderSchemaLeavesItAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        const qint64 id = version1Database(path);
        QVERIFY(id > 0);
        const QByteArray before = fixtures::sha256(path);
        ResultStore reader;
        QString error;
        QVERIFY2(reader.open(path, ResultStore::OpenMode::Read, &error), qPrintable(error));
        QCOMPARE(reader.samples(id, &error).size(), 1);
        QCOMPARE(reader.resultSet(id)->status, QStringLiteral("complete"));
        QVERIFY(reader.isReadOnly());
        reader.close();
        QCOMPARE(fixtures::sha256(path), before);
        QCOMPARE(pragma(path, QStringLiteral("user_version")).toInt(), 1);
    }

    void refusesFilesThatAreNotOurs_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("text") << QByteArray("name,value\nnode,1\n") << "is not a Showdown database (it is not an SQLite file)";
        QTest::newRow("random") << QByteArray(4096, '\xA5') << "is not a Showdown database";
        QTest::newRow("truncated header") << QByteArray("SQLite format 3\0", 16) << "is not a Showdown database";
    }

    void refusesFilesThatAreNotOurs()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("foreign.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = fixtures::sha256(path);
        ResultStore store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!store.isOpen());
        QCOMPARE(fixtures::sha256(path), before);
    }

    void refusesAForeignSqliteDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        QVERIFY(execRaw(path, {QStringLiteral("CREATE TABLE contacts (name TEXT)"), QStringLiteral("INSERT INTO contacts VALUES ('Ada')")}).isValid());
        const QByteArray before = fixtures::sha256(path);
        ResultStore store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY2(error.contains(QLatin1String("is an SQLite database but not a Showdown one")), qPrintable(error));
        QCOMPARE(fixtures::sha256(path), before);
    }

    void refusesANewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        {
            ResultStore store;
            QString error;
            QVERIFY(store.open(path, &error));
            QVERIFY(newSet(store) > 0);
        }
        QVERIFY(execRaw(path, {QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), QStringLiteral("PRAGMA user_version = 99"),
                               QStringLiteral("PRAGMA journal_mode = DELETE")})
                    .isValid());
        const QByteArray before = fixtures::sha256(path);
        ResultStore store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY2(error.contains(QLatin1String("written by a newer Showdown (schema version 99")), qPrintable(error));
        QCOMPARE(fixtures::sha256(path), before);
    }

    void refusesACorruptDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("corrupt.sqlite"));
        {
            ResultStore store;
            QString error;
            QVERIFY(store.open(path, &error));
            const qint64 id = newSet(store);
            for (int i = 0; i < 200; ++i)
                QVERIFY(store.addSample(id, sample(QStringLiteral("node"), {100, 200, 300, 400, 500}), &error));
        }
        // Fold the WAL into the main file so the damage below hits the only copy.
        QCOMPARE(execRaw(path, {QStringLiteral("PRAGMA journal_mode = DELETE")}).toString(), QStringLiteral("delete"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 16384);
        file.seek(4096 + 100);  // inside page 2: the header stays valid, the b-trees do not
        file.write(QByteArray(8000, '\x7F'));
        file.close();
        const QByteArray before = fixtures::sha256(path);
        ResultStore store;
        QString error;
        QVERIFY(!store.open(path, &error));
        QVERIFY2(error.contains(QLatin1String("is corrupt")), qPrintable(error));
        QCOMPARE(fixtures::sha256(path), before);
    }

    void renamesAnnotatesAndDeletesResultSets()
    {
        QTemporaryDir dir;
        ResultStore store;
        QString error;
        QVERIFY(store.open(dir.filePath(QStringLiteral("edit.sqlite")), &error));
        const qint64 id = newSet(store);
        const qint64 other = newSet(store);
        QVERIFY(store.addSample(id, sample(QStringLiteral("node"), {100, 200}), &error));
        QSignalSpy changed(&store, &ResultStore::resultSetChanged);
        QSignalSpy removed(&store, &ResultStore::resultSetRemoved);

        QVERIFY(store.renameResultSet(id, QStringLiteral("  laptop on battery  "), &error));
        QVERIFY(store.setResultSetNotes(id, QStringLiteral("fans loud; 'quoted'"), &error));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(store.resultSet(id)->name, QStringLiteral("laptop on battery"));
        QCOMPARE(store.resultSet(id)->notes, QStringLiteral("fans loud; 'quoted'"));
        QVERIFY(!store.renameResultSet(999, QStringLiteral("x"), &error));
        QVERIFY2(error.contains(QLatin1String("no result set 999")), qPrintable(error));

        // A running set is refused; once finished it goes, with its samples, and the other set stays.
        QVERIFY(!store.deleteResultSet(id, &error));
        QVERIFY2(error.contains(QLatin1String("still running")), qPrintable(error));
        QVERIFY(store.finishResultSet(id, QStringLiteral("complete"), &error));
        QVERIFY(store.deleteResultSet(id, &error));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toLongLong(), id);
        QVERIFY(!store.resultSet(id));
        QVERIFY(store.samples(id).isEmpty());
        QCOMPARE(execRaw(store.path(), {QStringLiteral("SELECT count(*) FROM processes")}).toInt(), 0);
        QVERIFY(store.resultSet(other));
        QVERIFY(!store.deleteResultSet(id, &error));
    }
};

QTEST_GUILESS_MAIN(ResultStoreTest)
#include "ResultStoreTest.moc"
