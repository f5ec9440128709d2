// Server rows across processes: load rows carry the median and a bootstrap CI over server processes, chat rows
// the delivered, offered and lost rates, and capacity rows the highest rate each process sustained under the
// objective. Samples are built by hand with real histograms (LatencyHistogram::record), as the store keeps them.

#include "LatencyHistogram.h"
#include "LatencyObjective.h"
#include "ResultAnalysis.h"
#include "ResultJson.h"
#include "ResultSetAnalysis.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace showdown;

namespace {

/// A histogram of `count` latencies spread evenly from `lowNs` to `highNs`.
QJsonObject latencies(qint64 lowNs, qint64 highNs, int count = 200)
{
    LatencyHistogram histogram;
    for (int i = 0; i < count; ++i)
        histogram.record(lowNs + (highNs - lowNs) * i / (count - 1));
    return histogram.toJson();
}

LoadPoint httpPoint(qint64 completed, qint64 lowNs, qint64 highNs)
{
    LoadPoint point;
    point.kind = QStringLiteral("http");
    point.endpoint = QStringLiteral("/json");
    point.connections = 64;
    point.durationS = 2;
    point.completed = completed;
    point.sent = completed;
    point.latency = latencies(lowNs, highNs);
    point.serverCpuNs = 1'000'000'000;  // half a core over the 2 s
    return point;
}

Sample serverProcess(int run, const QList<LoadPoint> &points)
{
    Sample sample;
    sample.benchmark = QStringLiteral("http");
    sample.variant = QStringLiteral("node-http");
    sample.runtime = QStringLiteral("node");
    sample.runIndex = run;
    sample.exitCode = 0;
    sample.points = points;
    return sample;
}

/// A capacity-search step at `rate` requests/s that completes everything with latencies up to `highNs`.
LoadPoint step(double rate, qint64 highNs, double sloMs = 10)
{
    LoadPoint point = httpPoint(qint64(rate * 2), 500'000, highNs);
    point.rate = rate;
    point.sloP99Ms = sloMs;
    return point;
}

RuntimeInfo node()
{
    RuntimeInfo runtime;
    runtime.name = QStringLiteral("node");
    runtime.kind = QStringLiteral("node");
    return runtime;
}

} // namespace

class ResultAnalysisTest : public QObject {
    Q_OBJECT

private slots:
    void loadRowsHaveMediansAndIntervalsAcrossProcesses()
    {
        const QList<qint64> completed{20'000, 23'000, 21'000};
        const QList<qint64> tails{4'000'000, 6'000'000, 5'000'000};
        QList<Sample> samples;
        LatencyHistogram pooled;
        std::vector<double> throughputs, p99s;
        for (int run = 0; run < 3; ++run) {
            const LoadPoint point = httpPoint(completed.at(run), 1'000'000, tails.at(run));
            samples << serverProcess(run, {point, step(1000, 2'000'000)});
            const LatencyHistogram own = *LatencyHistogram::fromJson(point.latency, nullptr);
            pooled.merge(own);
            throughputs.push_back(point.throughput());
            p99s.push_back(double(own.percentile(99)));
        }
        const QList<LoadRow> rows = ResultAnalysis::loadRows(samples, {node()});
        QCOMPARE(rows.size(), 1);  // the capacity steps are not sweep rows
        const LoadRow &row = rows.first();
        QCOMPARE(row.points, 3);
        QCOMPARE(row.requestsPerSec, Statistics::median(throughputs));
        const auto [minT, maxT] = std::minmax_element(throughputs.begin(), throughputs.end());
        QVERIFY(row.throughputCiLow >= *minT && row.throughputCiLow <= row.requestsPerSec);
        QVERIFY(row.throughputCiHigh <= *maxT && row.throughputCiHigh >= row.requestsPerSec);
        QVERIFY(row.throughputCiLow < row.throughputCiHigh);
        const auto [minP, maxP] = std::minmax_element(p99s.begin(), p99s.end());
        QVERIFY(row.p99CiLowNs >= *minP && row.p99CiHighNs <= *maxP && row.p99CiLowNs < row.p99CiHighNs);
        QVERIFY(std::isfinite(row.p50CiLowNs) && row.p50CiLowNs <= row.p50CiHighNs);
        QCOMPARE(row.p99sNs, QList<double>(p99s.begin(), p99s.end()));
        // The row's own percentiles stay the pooled ones.
        QCOMPARE(row.p99Ns, pooled.percentile(99));
        // Deterministic: the same samples give the same interval.
        QCOMPARE(ResultAnalysis::loadRows(samples, {node()}).first().throughputCiLow, row.throughputCiLow);

        // One process has no spread: no interval.
        const LoadRow single = ResultAnalysis::loadRows(samples.mid(0, 1), {node()}).first();
        QCOMPARE(single.points, 1);
        QVERIFY(std::isnan(single.throughputCiLow) && std::isnan(single.p99CiHighNs));

        const QJsonObject json = ResultJson::loadRow(row);
        QCOMPARE(json.value(QLatin1String("n")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("throughput_ci_low")).toDouble(), row.throughputCiLow);
        QCOMPARE(json.value(QLatin1String("p99_ci_high")).toDouble(), row.p99CiHighNs);
        QVERIFY(json.value(QLatin1String("p50_ci_low")).isDouble());
        QVERIFY(ResultJson::loadRow(single).value(QLatin1String("throughput_ci_low")).isNull());
        const LoadRow back = ResultJson::loadRowFromJson(json);
        QCOMPARE(back.p99CiLowNs, row.p99CiLowNs);
        QCOMPARE(back.p99sNs, row.p99sNs);
    }

    void chatRowsCountDeliveredOfferedAndLost()
    {
        LoadPoint point;
        point.kind = QStringLiteral("chat");
        point.endpoint = QStringLiteral("/chat");
        point.connections = 100;
        point.rate = 200;
        point.durationS = 3;
        point.sent = 600;
        point.latency = latencies(1'000'000, 30'000'000);
        // One process delivered all but 500 of 60,000 deliveries; another counted a few sent before the
        // measured phase and so "delivered" more than was offered in it.
        LoadPoint short_ = point;
        short_.completed = 59'500;
        LoadPoint over = point;
        over.completed = 60'300;
        over.errors = QJsonObject{{QStringLiteral("lost"), 7}};
        Sample a = serverProcess(0, {short_});
        Sample b = serverProcess(1, {over});
        a.benchmark = b.benchmark = QStringLiteral("chat");
        const LoadRow row = ResultAnalysis::loadRows({a, b}, {node()}).first();
        const double offered = point.rate * point.connections;
        QCOMPARE(row.offeredPerSec, offered);
        QVERIFY(row.requestsPerSec <= row.offeredPerSec);
        for (double delivered : row.throughputs)
            QVERIFY(delivered <= offered);
        QCOMPARE(row.lost, (short_.sent * short_.connections - short_.completed) + 7);
        const QJsonObject json = ResultJson::loadRow(row);
        QCOMPARE(json.value(QLatin1String("delivered_per_s")).toDouble(), row.requestsPerSec);
        QCOMPARE(json.value(QLatin1String("offered_per_s")).toDouble(), offered);
        QCOMPARE(json.value(QLatin1String("lost")).toInteger(), row.lost);
    }

    void capacityIsTheHighestRateEachProcessSustained()
    {
        const LatencyObjective objective{10};
        // Process 0 meets the objective up to 4000/s, process 1 up to 3000/s, process 2 up to 3500/s; each
        // has steps above that miss it (a p99 of 30 ms).
        const QList<double> highest{4000, 3000, 3500};
        QList<Sample> samples;
        for (int run = 0; run < 3; ++run) {
            QList<LoadPoint> points{httpPoint(20'000, 1'000'000, 5'000'000)};
            for (double rate : {1000.0, 2000.0, highest.at(run), 5000.0, 8000.0})
                points << step(rate, rate <= highest.at(run) ? 6'000'000 : 30'000'000);
            QVERIFY(objective.metBy(points.at(3)));
            QVERIFY(!objective.metBy(points.at(4)));
            samples << serverProcess(run, points);
        }
        // A process whose every step missed counts with capacity 0.
        samples << serverProcess(3, {step(1000, 30'000'000)});
        const QList<CapacityRow> rows = ResultAnalysis::capacityRows(samples, {node()});
        QCOMPARE(rows.size(), 1);
        const CapacityRow &row = rows.first();
        QVERIFY(row.valid());
        QCOMPARE(row.sloP99Ms, 10.0);
        QCOMPARE(row.endpoint, QStringLiteral("/json"));
        QCOMPARE(row.rates, (QList<double>{4000, 3000, 3500, 0}));
        const std::vector<double> rates{4000, 3000, 3500, 0};
        QCOMPARE(row.rate, Statistics::median(rates));
        QVERIFY(row.ciLow >= 0 && row.ciLow <= row.rate && row.ciHigh >= row.rate && row.ciHigh <= 4000);
        QCOMPARE(row.steps.size(), 3 * 5 + 1);
        QCOMPARE(std::count_if(row.steps.begin(), row.steps.end(), [](const CapacityStep &s) { return s.met; }), 3 * 3);
        // Completed per second per server core at each process's highest passing step (half a core busy).
        std::vector<double> perCore;
        for (double rate : highest)
            perCore.push_back(rate * 2 / 2 / 0.5);
        QCOMPARE(row.perCore, Statistics::median(perCore));

        // Stored with the set and printed by show --json.
        const ResultSetAnalysis analysis = ResultSetAnalysis::compute(samples, {node()});
        QCOMPARE(analysis.capacityRows.size(), 1);
        const QJsonObject json = analysis.toJson();
        QCOMPARE(json.value(QLatin1String("analysis_version")).toInt(), ResultSetAnalysis::kVersion);
        const QJsonObject capacity = json.value(QLatin1String("capacity")).toArray().first().toObject();
        for (const char *key : {"benchmark", "server", "endpoint", "slo_p99_ms", "rate", "ci_low", "ci_high", "per_core", "n", "steps"})
            QVERIFY2(capacity.contains(QLatin1String(key)), key);
        QString error;
        const std::optional<ResultSetAnalysis> back = ResultSetAnalysis::fromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->capacityRows.first().rates, row.rates);
        QCOMPARE(back->capacityRows.first().ciHigh, row.ciHigh);
        QCOMPARE(back->capacityRows.first().steps.size(), row.steps.size());
        QCOMPARE(back->capacityRows.first().steps.last().p99Ns, row.steps.last().p99Ns);

        // One process: a capacity without an interval.
        const CapacityRow single = ResultAnalysis::capacityRows(samples.mid(0, 1), {node()}).first();
        QCOMPARE(single.rate, 4000.0);
        QVERIFY(std::isnan(single.ciLow));
    }

    void baselinesAreTheNewestNodeAndTheSystemCPython()
    {
        const auto make = [](const QString &name, RuntimeKind::Id kind, const QString &version, const QString &path) {
            RuntimeInfo runtime;
            runtime.name = name;
            runtime.setKind(kind);
            runtime.version = version;
            runtime.path = path;
            return runtime;
        };
        const QList<RuntimeInfo> runtimes = {
            make(QStringLiteral("node"), RuntimeKind::Node, QStringLiteral("v20.20.2"), QStringLiteral("/usr/bin/node")),
            make(QStringLiteral("bun"), RuntimeKind::Bun, QStringLiteral("1.4.5"), QStringLiteral("/opt/bun")),
            make(QStringLiteral("node-22.12.0"), RuntimeKind::Node, QStringLiteral("v22.12.0"), QStringLiteral("/n/22/bin/node")),
            make(QStringLiteral("node-9.11.2"), RuntimeKind::Node, QStringLiteral("v9.11.2"), QStringLiteral("/n/9/bin/node")),
            make(QStringLiteral("pyenv-3.12.1"), RuntimeKind::CPython, QStringLiteral("3.12.1"), QStringLiteral("/p/3.12.1/bin/python3")),
            make(QStringLiteral("pypy3"), RuntimeKind::PyPy, QStringLiteral("3.9.16"), QStringLiteral("/usr/bin/pypy3")),
            make(QStringLiteral("python3"), RuntimeKind::CPython, QStringLiteral("3.11.2"), QStringLiteral("/usr/bin/python3")),
        };
        const RuntimeBaselines baselines = RuntimeBaselines::defaults(runtimes);
        // Versions compare as numbers (22 > 20 > 9), and the system CPython wins over a newer pyenv one.
        QCOMPARE(baselines.baseline(RuntimeFamily::JavaScript), QStringLiteral("node-22.12.0"));
        QCOMPARE(baselines.baseline(RuntimeFamily::Python), QStringLiteral("python3"));
        QCOMPARE(baselines.pairings().size(), 4 * 3);
        QCOMPARE(baselines.pairings().first().label(), QStringLiteral("node-22.12.0 vs python3"));
        QCOMPARE(baselines.members(RuntimeFamily::Python).at(1).name, QStringLiteral("pyenv-3.12.1"));  // then the set's order

        QString error;
        const std::optional<RuntimeBaselines> chosen = RuntimeBaselines::choose(runtimes, {QStringLiteral("bun"), QStringLiteral("pypy3")}, &error);
        QVERIFY2(chosen, qPrintable(error));
        QCOMPARE(chosen->primary()->label(), QStringLiteral("bun vs pypy3"));
        QVERIFY(!RuntimeBaselines::choose(runtimes, {QStringLiteral("node"), QStringLiteral("bun")}, &error));
        QCOMPARE(error, QStringLiteral("two baselines for javascript runtimes; name at most one per family"));
        QVERIFY(!RuntimeBaselines::choose(runtimes, {QStringLiteral("deno")}, &error));
        QVERIFY2(error.startsWith(QStringLiteral("baseline \"deno\" is not a runtime of this result set; it has node-22.12.0, node, bun,"))
                     && error.endsWith(QStringLiteral("pypy3")), qPrintable(error));
        // One family alone has no pairing, but still a baseline for its own comparisons.
        const RuntimeBaselines javascriptOnly = RuntimeBaselines::defaults(runtimes.mid(0, 3));
        QVERIFY(javascriptOnly.pairings().isEmpty());
        QVERIFY(!javascriptOnly.primary());
        QCOMPARE(javascriptOnly.baseline(RuntimeFamily::JavaScript), QStringLiteral("node-22.12.0"));
        QVERIFY(javascriptOnly.baseline(RuntimeFamily::Python).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ResultAnalysisTest)
#include "ResultAnalysisTest.moc"
