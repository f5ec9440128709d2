// Comparing two result sets: real changes are flagged with a CI that excludes 1, noise is not, Holm
// correction spans the family, rows present on one side only are listed, and environment differences named.

#include "ResultComparison.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>
#include <random>

using namespace showdown;

namespace {

SummaryRow row(const QString &benchmark, const QString &runtime, double centre, int count, std::uint64_t seed, double spread = 0.02)
{
    SummaryRow r;
    r.benchmark = benchmark;
    r.runtime = runtime;
    r.runtimeKind = runtime == QLatin1String("node") ? QStringLiteral("node") : QStringLiteral("python");
    std::mt19937_64 random(seed);
    std::normal_distribution<double> noise(centre, centre * spread);
    std::vector<double> values;
    for (int i = 0; i < count; ++i)
        values.push_back(noise(random));
    r.values = QList<double>(values.begin(), values.end());
    r.stats = Statistics::summarize(values);
    return r;
}

const ResultChange &find(const QList<ResultChange> &changes, const QString &benchmark, const QString &runtime)
{
    static const ResultChange missing;
    for (const ResultChange &change : changes) {
        if (change.benchmark == benchmark && change.runtime == runtime)
            return change;
    }
    return missing;
}

} // namespace

class CompareTest : public QObject {
    Q_OBJECT

private slots:
    void aHalvedMedianIsFlaggedFaster()
    {
        const QList<ResultChange> changes = ResultComparison::changes({row(QStringLiteral("nbody"), QStringLiteral("node"), 10e6, 30, 1)},
                                                                      {row(QStringLiteral("nbody"), QStringLiteral("node"), 5e6, 30, 2)});
        QCOMPARE(changes.size(), 1);
        const ResultChange &c = changes.first();
        QCOMPARE(c.verdict, QStringLiteral("faster"));
        QVERIFY(c.significant());
        QVERIFY2(std::abs(c.ratio.ratio - 0.5) < 0.02, qPrintable(QString::number(c.ratio.ratio)));
        QVERIFY(c.ratio.ciLow < c.ratio.ratio && c.ratio.ratio < c.ratio.ciHigh && c.ratio.ciHigh < 1);
        QVERIFY(c.pHolm < 1e-6);
        QCOMPARE(c.baselineN, 30);
        QVERIFY(std::abs(c.candidateMedianNs - 5e6) < 0.2e6);
    }

    void theSameDistributionIsUnchanged()
    {
        const QList<ResultChange> changes = ResultComparison::changes({row(QStringLiteral("fib"), QStringLiteral("python3"), 8e6, 20, 3)},
                                                                      {row(QStringLiteral("fib"), QStringLiteral("python3"), 8e6, 20, 4)});
        QCOMPARE(changes.first().verdict, QStringLiteral("unchanged"));
        QVERIFY(!changes.first().significant());
        QVERIFY(changes.first().ratio.ciLow < 1 && changes.first().ratio.ciHigh > 1);
    }

    void slowerAndHolmAcrossTheFamily()
    {
        // A 3% slowdown with few samples: significant alone, maybe, but the correction covers all rows.
        QList<SummaryRow> before, after;
        for (int i = 0; i < 6; ++i) {
            const QString name = QStringLiteral("b%1").arg(i);
            before.append(row(name, QStringLiteral("node"), 1e6, 12, 10 + i));
            after.append(row(name, QStringLiteral("node"), i == 0 ? 2e6 : 1e6, 12, 100 + i));
        }
        const QList<ResultChange> changes = ResultComparison::changes(before, after);
        QCOMPARE(changes.size(), 6);
        QCOMPARE(changes.first().verdict, QStringLiteral("slower"));
        QVERIFY(changes.first().ratio.ciLow > 1);
        for (const ResultChange &c : changes) {
            QVERIFY(c.pHolm >= c.pValue);  // correction never lowers a p-value
            QVERIFY(c.pHolm <= 1);
        }
        // Holm's smallest p is multiplied by the family size.
        QCOMPARE(changes.first().pHolm, std::min(1.0, changes.first().pValue * 6));
    }

    void rowsOnOneSideAreListedAndNotTested()
    {
        SummaryRow empty = row(QStringLiteral("regex"), QStringLiteral("node"), 1e6, 0, 1);
        const QList<ResultChange> changes =
            ResultComparison::changes({row(QStringLiteral("sort"), QStringLiteral("node"), 1e6, 10, 1), empty},
                                      {row(QStringLiteral("fasta"), QStringLiteral("python3"), 1e6, 10, 2), empty});
        QCOMPARE(changes.size(), 3);
        QCOMPARE(find(changes, QStringLiteral("sort"), QStringLiteral("node")).verdict, QStringLiteral("only-baseline"));
        QCOMPARE(find(changes, QStringLiteral("fasta"), QStringLiteral("python3")).verdict, QStringLiteral("only-candidate"));
        QCOMPARE(find(changes, QStringLiteral("regex"), QStringLiteral("node")).verdict, QStringLiteral("no-valid-samples"));
        QVERIFY(std::isnan(find(changes, QStringLiteral("sort"), QStringLiteral("node")).ratio.ratio) ||
                find(changes, QStringLiteral("sort"), QStringLiteral("node")).ratio.ratio == 0);
    }

    void workersKeepRowsApart()
    {
        SummaryRow one = row(QStringLiteral("gil"), QStringLiteral("python3"), 4e6, 10, 1);
        SummaryRow two = row(QStringLiteral("gil"), QStringLiteral("python3"), 4e6, 10, 2);
        one.workers = 1;
        two.workers = 2;
        const QList<ResultChange> changes = ResultComparison::changes({one}, {two});
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).verdict, QStringLiteral("only-baseline"));
        QCOMPARE(changes.at(1).workers, 2);
    }

    void environmentDifferencesAreNamed()
    {
        ResultSetInfo a, b;
        a.environment = QJsonObject{{QStringLiteral("cpu_model"), QStringLiteral("CPU A")},
                                    {QStringLiteral("cores"), 2},
                                    {QStringLiteral("kernel"), QStringLiteral("6.1")}};
        b.environment = QJsonObject{{QStringLiteral("cpu_model"), QStringLiteral("CPU B")},
                                    {QStringLiteral("cores"), 2},
                                    {QStringLiteral("governor"), QStringLiteral("performance")}};
        a.appVersion = b.appVersion = QStringLiteral("0.1.0");
        RuntimeInfo node;
        node.name = QStringLiteral("node");
        node.version = QStringLiteral("v20.1.0");
        RuntimeInfo newer = node;
        newer.version = QStringLiteral("v22.0.0");
        const QList<EnvironmentDifference> differences = ResultComparison::environmentDifferences(a, {node}, b, {newer});
        QStringList keys;
        for (const EnvironmentDifference &d : differences)
            keys.append(d.key);
        QCOMPARE(keys, (QStringList{QStringLiteral("cpu_model"), QStringLiteral("governor"), QStringLiteral("kernel"),
                                    QStringLiteral("runtime node version")}));
        QCOMPARE(differences.at(0).baseline, QStringLiteral("CPU A"));
        QCOMPARE(differences.at(0).candidate, QStringLiteral("CPU B"));
        QCOMPARE(differences.at(1).baseline, QString());
        QCOMPARE(differences.at(3).candidate, QStringLiteral("v22.0.0"));
        QVERIFY(ResultComparison::environmentDifferences(a, {node}, a, {node}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(CompareTest)
#include "CompareTest.moc"
