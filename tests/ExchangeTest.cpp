// Result sets out of and back into databases: JSON round trips, .showdown save/open (read-only, byte for
// byte unchanged), merges deduplicated by uuid, and CSV that a spreadsheet cannot turn into a formula.

#include "CsvExporter.h"
#include "ExchangeFixtures.h"
#include "JsonExporter.h"
#include "JsonImporter.h"
#include "RawSql.h"
#include "ResultSetFile.h"
#include "ResultStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;
using namespace showdown::fixtures;
using showdown::test::downgradeTo;
using showdown::test::execRaw;

namespace {

QList<ResultSetBundle> everySet(const ResultStore &store)
{
    QList<ResultSetBundle> bundles;
    QString error;
    for (const ResultSetInfo &info : store.resultSets()) {
        std::optional<ResultSetBundle> bundle = ResultSetBundle::fromStore(store, info.id, &error);
        if (bundle)
            bundles.append(*bundle);
        else
            qWarning() << error;
    }
    return bundles;
}

} // namespace

class ExchangeTest : public QObject {
    Q_OBJECT

private slots:
    void jsonCarriesEveryFieldThroughParse()
    {
        // Load points are not in the database yet on every branch; the JSON itself must carry them.
        ResultSetBundle original = bundle(QStringLiteral("with servers"));
        original.samples.append(serverSample(QStringLiteral("node")));
        original.samples.last().points[1].sloP99Ms = 12.5;  // a capacity-search step
        const QByteArray first = JsonExporter::toJson({original});
        QString error;
        const std::optional<QList<ResultSetBundle>> parsed = JsonImporter::parse(first, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->size(), 1);
        const Sample &server = parsed->first().samples.last();
        QCOMPARE(server.workers, 2);
        QCOMPARE(server.points.size(), 2);
        QCOMPARE(server.points.at(0).rate, 1500.5);
        QCOMPARE(server.points.at(0).serverPssKb, 30210);
        QCOMPARE(server.points.at(1).error, QStringLiteral("server exited"));
        QCOMPARE(server.points.at(0).sloP99Ms, 0.0);
        QCOMPARE(server.points.at(1).sloP99Ms, 12.5);
        QCOMPARE(server.points.at(0).latency, original.samples.last().points.at(0).latency);
        QCOMPARE(parsed->first().info.notes, original.info.notes);
        QCOMPARE(parsed->first().runtimes.at(1).gilEnabled, std::optional<bool>(true));
        QCOMPARE(JsonExporter::toJson(*parsed), first);
    }

    void jsonRoundTripsThroughTwoDatabasesByteForByte()
    {
        QTemporaryDir dir;
        QString error;
        ResultSetBundle original = bundle(QStringLiteral("round trip"));
        original.samples.append(serverSample(QStringLiteral("node")));
        original.samples.append(serverSample(QStringLiteral("python3")));
        original.samples.last().points[1].sloP99Ms = 12.5;  // a capacity-search step
        ResultStore a;
        QVERIFY2(a.open(dir.filePath(QStringLiteral("a.sqlite")), &error), qPrintable(error));
        QVERIFY2(a.importResultSets({original}, &error), qPrintable(error));
        const QByteArray first = JsonExporter::toJson(everySet(a));
        QVERIFY(first.contains("\"schema_version\": 1"));

        const std::optional<QList<ResultSetBundle>> parsed = JsonImporter::parse(first, &error);
        QVERIFY2(parsed, qPrintable(error));
        ResultStore b;
        QVERIFY2(b.open(dir.filePath(QStringLiteral("b.sqlite")), &error), qPrintable(error));
        QVERIFY2(b.importResultSets(*parsed, &error), qPrintable(error));
        const QByteArray second = JsonExporter::toJson(everySet(b));
        QCOMPARE(second, first);

        // And the values are the measured ones, not just self-consistent.
        const ResultSetBundle back = everySet(b).first();
        QCOMPARE(back.info.uuid, original.info.uuid);
        QCOMPARE(back.samples.size(), original.samples.size());
        QCOMPARE(back.samples.at(4).iterationsNs, original.samples.at(4).iterationsNs);
        QCOMPARE(back.samples.at(4).warmupNs, original.samples.at(4).warmupNs);
        QCOMPARE(back.samples.last().error, original.samples.last().error);
        QCOMPARE(back.info.created, original.info.created);
        QCOMPARE(back.info.environment, original.info.environment);
        QCOMPARE(back.samples.last().workers, 2);
        QCOMPARE(back.samples.last().points.size(), 2);
        QCOMPARE(back.samples.last().points.at(0).rate, original.samples.last().points.at(0).rate);
        QCOMPARE(back.samples.last().points.at(0).latency, original.samples.last().points.at(0).latency);
        QCOMPARE(back.samples.last().points.at(1).error, QStringLiteral("server exited"));
        QCOMPARE(back.samples.last().points.at(0).sloP99Ms, 0.0);
        QCOMPARE(back.samples.last().points.at(1).sloP99Ms, 12.5);
    }

    void importDeduplicatesOnUuid()
    {
        QTemporaryDir dir;
        QString error;
        ResultStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("r.sqlite")), &error));
        const ResultSetBundle one = bundle(QStringLiteral("one"));
        const ResultSetBundle two = bundle(QStringLiteral("two"));
        std::optional<QList<ImportOutcome>> first = store.importResultSets({one, one}, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->size(), 2);
        QVERIFY(first->at(0).added);
        QVERIFY(!first->at(1).added);  // the same uuid twice in one file counts once
        QCOMPARE(first->at(1).id, first->at(0).id);
        std::optional<QList<ImportOutcome>> second = store.importResultSets({two, one}, &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(second->at(0).added);
        QVERIFY(!second->at(1).added);
        QCOMPARE(store.resultSets().size(), 2);
    }

    void runningSetsArriveInterrupted()
    {
        QTemporaryDir dir;
        QString error;
        ResultStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("r.sqlite")), &error));
        ResultSetBundle running = bundle(QStringLiteral("running"));
        running.info.status = QStringLiteral("running");
        running.info.finished = QDateTime();
        const auto outcome = store.importResultSets({running}, &error);
        QVERIFY2(outcome, qPrintable(error));
        QCOMPARE(store.resultSet(outcome->first().id)->status, QStringLiteral("interrupted"));
    }

    void aFailingImportRollsBackEverySet()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        QString error;
        {
            ResultStore store;
            QVERIFY(store.open(path, &error));
            QVERIFY(store.importResultSets({bundle(QStringLiteral("kept"))}, &error));
        }
        // Make the database itself refuse one process half-way through the second set.
        QVERIFY(execRaw(path, {QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON processes WHEN NEW.benchmark = 'boom'"
                                              " BEGIN SELECT RAISE(ABORT, 'refused by test'); END")}));
        ResultSetBundle good = bundle(QStringLiteral("good"));
        ResultSetBundle bad = bundle(QStringLiteral("bad"));
        bad.samples[3].benchmark = QStringLiteral("boom");
        const QByteArray before = sha256(path);
        ResultStore store;
        QVERIFY(store.open(path, &error));
        QVERIFY(!store.importResultSets({good, bad}, &error));
        QVERIFY2(error.contains(QLatin1String("refused by test")), qPrintable(error));
        QCOMPARE(store.resultSets().size(), 1);
        QCOMPARE(store.resultSetIdForUuid(good.info.uuid), 0);
        store.close();
        QCOMPARE(sha256(path), before);
    }

    void showdownFileOpensReadOnlyAndUnchanged()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("results.showdown"));
        QString error;
        const QList<ResultSetBundle> sets = {bundle(QStringLiteral("a")), bundle(QStringLiteral("b"), 3e6, 8e6, 2)};
        QVERIFY2(ResultSetFile::save(file, sets, &error), qPrintable(error));
        QVERIFY(ResultSetFile::looksLikeDatabase(file));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("results.showdown")});  // one self-contained file
        const QByteArray before = sha256(file);

        const std::optional<QList<ResultSetBundle>> loaded = ResultSetFile::load(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(JsonExporter::toJson(*loaded), JsonExporter::toJson(sets));
        QCOMPARE(sha256(file), before);

        ResultStore reader;
        QVERIFY2(reader.openReadOnly(file, &error), qPrintable(error));
        QVERIFY(reader.isReadOnly());
        QVERIFY(!reader.importResultSets({bundle(QStringLiteral("c"))}, &error));
        QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
        QString finishError;
        QVERIFY(!reader.finishResultSet(1, QStringLiteral("failed"), &finishError));  // SQLite itself refuses
        reader.close();
        QCOMPARE(sha256(file), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void savingReplacesAFileWhole()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("r.showdown"));
        QString error;
        QVERIFY(ResultSetFile::save(file, {bundle(QStringLiteral("old"))}, &error));
        const ResultSetBundle fresh = bundle(QStringLiteral("new"));
        QVERIFY2(ResultSetFile::save(file, {fresh}, &error), qPrintable(error));
        const auto loaded = ResultSetFile::load(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->size(), 1);
        QCOMPARE(loaded->first().info.uuid, fresh.info.uuid);
    }

    void aNewerShowdownFileSaysSo()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("future.showdown"));
        QString error;
        QVERIFY(ResultSetFile::save(file, {bundle(QStringLiteral("a"))}, &error));
        QVERIFY(execRaw(file, {QStringLiteral("PRAGMA user_version = %1").arg(ResultStore::kSchemaVersion + 7)}));
        const QByteArray before = sha256(file);
        QVERIFY(!ResultSetFile::load(file, &error));
        QVERIFY2(error.contains(QLatin1String("newer Showdown")), qPrintable(error));
        QCOMPARE(sha256(file), before);
    }

    void anOlderShowdownFileIsUpgradedInACopy()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("old.showdown"));
        QString error;
        const ResultSetBundle original = bundle(QStringLiteral("from schema 1"));
        QVERIFY(ResultSetFile::save(file, {original}, &error));
        // Turn it into what Showdown's first schema wrote.
        QVERIFY(execRaw(file, downgradeTo(1)));
        const QByteArray before = sha256(file);
        const std::optional<QList<ResultSetBundle>> loaded = ResultSetFile::load(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->size(), 1);
        QCOMPARE(loaded->first().info.uuid, original.info.uuid);
        QCOMPARE(loaded->first().samples.at(2).iterationsNs, original.samples.at(2).iterationsNs);
        QCOMPARE(sha256(file), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("old.showdown")});
    }

    void aViewPosingAsATableIsRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("hostile.showdown"));
        QString error;
        QVERIFY(ResultSetFile::save(file, {bundle(QStringLiteral("a"))}, &error));
        QVERIFY(execRaw(file, {QStringLiteral("DROP TABLE samples"),
                               QStringLiteral("CREATE VIEW samples AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
                                              " SELECT x AS process_id, 1 AS phase, x AS idx, x AS ns FROM n")}));
        const QByteArray before = sha256(file);
        QVERIFY(!ResultSetFile::load(file, &error));
        QVERIFY2(error.contains(QLatin1String("no samples table")), qPrintable(error));
        QCOMPARE(sha256(file), before);
    }

    void csvHasOneRowPerTimingAndNoFormulas()
    {
        ResultSetBundle b = bundle(QStringLiteral("=HYPERLINK(\"http://x\",\"click\")"));
        b.samples[0].error = QStringLiteral("@SUM(A1:A9)");
        b.samples[0].result = QStringLiteral("-0.169075164");
        b.samples[1].result = QStringLiteral("+cmd|' /C calc'!A0");
        const QString csv = QString::fromUtf8(CsvExporter::toCsv({b}));
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        qsizetype timings = 0;
        for (const Sample &s : b.samples)
            timings += std::max<qsizetype>(1, s.warmupNs.size() + s.iterationsNs.size());
        // stderr tails hold a newline inside quotes, so count records by their first column instead.
        QCOMPARE(csv.count(b.info.uuid), timings);
        QVERIFY(lines.first().startsWith(QLatin1String("result_set_uuid,result_set_name,benchmark")));
        QVERIFY(csv.contains(QLatin1String(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",")));
        QVERIFY(csv.contains(QLatin1String(",'@SUM(A1:A9)")));
        QVERIFY(csv.contains(QLatin1String(",-0.169075164,")));  // a plain number stays a number
        QVERIFY(csv.contains(QLatin1String(",'+cmd|' /C calc'!A0,")));
        QVERIFY(!csv.contains(QLatin1String(",=")));
        QCOMPARE(CsvExporter::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(CsvExporter::field(QStringLiteral("-")), QStringLiteral("'-"));
    }
};

QTEST_GUILESS_MAIN(ExchangeTest)
#include "ExchangeTest.moc"
