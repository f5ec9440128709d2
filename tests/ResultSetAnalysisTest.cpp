// The stored analysis: its JSON keeps every figure, a stored analysis and one computed from the raw samples
// give the same JSON, reading never writes one, a stale version is ignored by readers and replaced by the next
// write path. Real SQLite files in a temporary folder.

#include "ExchangeFixtures.h"
#include "RawSql.h"
#include "ResultSetAnalysis.h"
#include "ResultStore.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;
using showdown::test::execRaw;

namespace {

QByteArray text(const ResultSetAnalysis &analysis)
{
    return QJsonDocument(analysis.toJson()).toJson(QJsonDocument::Compact);
}

/// The fixture set plus what only some sets have: a server with load points, the same variant at 1 and 2
/// workers (a scaling row), and rows of over Statistics::kResamplingLimit values (the order-statistic bootstrap).
ResultSetBundle richBundle()
{
    ResultSetBundle bundle = fixtures::bundle(QStringLiteral("rich"));
    bundle.samples.append(fixtures::serverSample(QStringLiteral("node")));
    for (int workers : {1, 2}) {
        for (const RuntimeInfo &runtime : bundle.runtimes) {
            Sample s = bundle.samples.first();
            s.benchmark = QStringLiteral("matmul");
            s.runtime = runtime.name;
            s.workers = workers;
            s.iterationsNs = fixtures::timings((runtime.isNode() ? 4e6 : 7e6) / workers, 1200, 77 + workers);
            bundle.samples.append(s);
        }
    }
    return bundle;
}

qint64 countRows(const QString &path, const QString &sql)
{
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                count = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return count;
}

} // namespace

class ResultSetAnalysisTest : public QObject {
    Q_OBJECT

private slots:
    void jsonKeepsEveryFigure()
    {
        const ResultSetBundle bundle = richBundle();
        const ResultSetAnalysis analysis = ResultSetAnalysis::compute(bundle.samples, bundle.runtimes);
        QVERIFY(!analysis.loadRows.isEmpty());
        QVERIFY(!analysis.scalingRows.isEmpty());
        QVERIFY(analysis.comparisons.size() >= 3);
        QCOMPARE(analysis.processes.size(), bundle.samples.size());
        QString error;
        const std::optional<ResultSetAnalysis> back = ResultSetAnalysis::fromJson(analysis.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(text(*back), text(analysis));
        // What the pages draw from, field by field (the JSON alone could hide a field read back as 0).
        for (qsizetype i = 0; i < analysis.rows.size(); ++i) {
            const SummaryRow &a = analysis.rows.at(i), &b = back->rows.at(i);
            QCOMPARE(b.stats.n, a.stats.n);
            QCOMPARE(b.stats.p25, a.stats.p25);
            QCOMPARE(b.stats.p75, a.stats.p75);
            QCOMPARE(b.stats.medianCiLow, a.stats.medianCiLow);
            QCOMPARE(b.stats.medianCiHigh, a.stats.medianCiHigh);
            QCOMPARE(b.valid(), a.valid());
            QCOMPARE(b.warnings, a.warnings);
            QCOMPARE(b.firstIterationNs, a.firstIterationNs);
            QVERIFY(b.values.isEmpty());  // raw values are never stored
        }
        for (qsizetype i = 0; i < analysis.comparisons.size(); ++i) {
            QCOMPARE(back->comparisons.at(i).ratio.ciLow, analysis.comparisons.at(i).ratio.ciLow);
            QCOMPARE(back->comparisons.at(i).pHolm, analysis.comparisons.at(i).pHolm);
        }
        QCOMPARE(back->loadRows.first().throughputs, analysis.loadRows.first().throughputs);
        QCOMPARE(back->loadRows.first().requestsPerSec, analysis.loadRows.first().requestsPerSec);
        QCOMPARE(back->scalingRows.last().ci.ciHigh, analysis.scalingRows.last().ci.ciHigh);
        QCOMPARE(back->processes.last().medianIterationNs, analysis.processes.last().medianIterationNs);
        const auto failed = std::find_if(bundle.samples.begin(), bundle.samples.end(), [](const Sample &s) { return !s.valid(); });
        QVERIFY(failed != bundle.samples.end());
        QVERIFY(!back->processes.at(failed - bundle.samples.begin()).medianIterationNs);  // it measured nothing

        QJsonObject damaged = analysis.toJson();
        damaged.remove(QStringLiteral("rows"));
        QVERIFY(!ResultSetAnalysis::fromJson(damaged, &error));
        QVERIFY2(error.contains(QLatin1String("rows")), qPrintable(error));
    }

    void storedAndRecomputedGiveTheSameJson()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        ResultStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        const std::optional<QList<ImportOutcome>> imported = store.importResultSets({richBundle()}, &error);
        QVERIFY2(imported, qPrintable(error));
        const qint64 id = imported->first().id;

        // The import (a write path) stored the analysis with the set.
        const std::optional<ResultSetAnalysis> stored = store.storedAnalysis(id);
        QVERIFY(stored);
        const QList<Sample> samples = store.samples(id, &error);
        const ResultSetAnalysis recomputed = ResultSetAnalysis::compute(samples, store.runtimes(id));
        QCOMPARE(text(*stored), text(recomputed));

        // Without a stored analysis a reader computes the same figures in memory, and writes nothing.
        QVERIFY(execRaw(path, {QStringLiteral("DELETE FROM analyses")}));
        QVERIFY(!store.storedAnalysis(id));
        const std::optional<ResultSetAnalysis> inMemory = store.analysis(id, &error);
        QVERIFY2(inMemory, qPrintable(error));
        QCOMPARE(text(*inMemory), text(*stored));
        QCOMPARE(countRows(path, QStringLiteral("SELECT count(*) FROM analyses")), 0);

        // The processes table's reading: process records alone, one summary per process in the same order.
        const QList<Sample> processes = store.samples(id, &error, ResultStore::SampleDetail::ProcessesOnly);
        QCOMPARE(processes.size(), samples.size());
        QVERIFY(processes.first().iterationsNs.isEmpty());
        QCOMPARE(processes.first().peakRssKb, samples.first().peakRssKb);
    }

    void staleAnalysisIsIgnoredThenReplacedByTheNextWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.sqlite"));
        qint64 id = 0;
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            const std::optional<QList<ImportOutcome>> imported = store.importResultSets({fixtures::bundle(QStringLiteral("a"))}, &error);
            QVERIFY2(imported, qPrintable(error));
            id = imported->first().id;
        }
        // An analysis written by another analysis version (and garbled, to be sure it is not read).
        QVERIFY(execRaw(path, {QStringLiteral("UPDATE analyses SET analysis_version = %1, json = '{}'").arg(ResultSetAnalysis::kVersion + 1)}));
        {
            ResultStore store;
            QString error;
            QVERIFY(store.openReadOnly(path, &error));
            QVERIFY(!store.storedAnalysis(id));
            const std::optional<ResultSetAnalysis> analysis = store.analysis(id, &error);
            QVERIFY2(analysis, qPrintable(error));
            QCOMPARE(analysis->rows.size(), 4);
        }
        QCOMPARE(countRows(path, QStringLiteral("SELECT analysis_version FROM analyses")), ResultSetAnalysis::kVersion + 1);
        // Opening for writing brings every finished set's analysis up to date.
        ResultStore store;
        QString error;
        QVERIFY2(store.open(path, &error), qPrintable(error));
        QCOMPARE(countRows(path, QStringLiteral("SELECT analysis_version FROM analyses")), ResultSetAnalysis::kVersion);
        QVERIFY(store.storedAnalysis(id));
    }
};

QTEST_GUILESS_MAIN(ResultSetAnalysisTest)
#include "ResultSetAnalysisTest.moc"
