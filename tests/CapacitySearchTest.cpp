// The capacity search (issue 11): against a fake driver whose latency explodes above a known rate it must
// find that rate to within the declared precision, label every step, honour its step budget and a stop;
// against a real server whose capacity is fixed by its connections it must land on that capacity.

#include "AsioLoadDriver.h"
#include "CapacitySearch.h"
#include "FixtureProcess.h"
#include "LatencyHistogram.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace showdown;

namespace {

/// A server with a known capacity in offered work per second (requests, or chat deliveries): p99 1 ms at or
/// under it, 500 ms above; optionally errors or a completion shortfall above it instead.
class ThresholdDriver final : public LoadDriver {
public:
    explicit ThresholdDriver(double capacity) : m_capacity(capacity) {}
    bool errorsAbove = false;     ///< above capacity: fast, but with errors
    bool shortfallAbove = false;  ///< above capacity: fast, but only 90% of the work completed
    QList<LoadRequest> requests;

    [[nodiscard]] LoadPoint http(const LoadRequest &request, std::stop_token) override { return answer(request, request.rate); }
    [[nodiscard]] LoadPoint chat(const LoadRequest &request, std::stop_token) override
    {
        return answer(request, request.rate * request.connections);
    }
    [[nodiscard]] LoadPoint idle(const LoadRequest &, const std::function<void(LoadPoint &)> &, std::stop_token) override { return {}; }

private:
    LoadPoint answer(const LoadRequest &request, double workPerSecond)
    {
        requests.append(request);
        const bool over = workPerSecond > m_capacity;
        const bool slow = over && !errorsAbove && !shortfallAbove;
        const auto work = qint64(workPerSecond * request.durationS);
        LatencyHistogram latency;
        for (qint64 i = 0; i < std::min<qint64>(work, 2000); ++i)
            latency.record(slow ? 500'000'000 : 1'000'000);
        LoadPoint point;
        point.durationS = request.durationS;
        point.sent = work;
        point.completed = over && shortfallAbove ? work * 9 / 10 : work;
        if (over && errorsAbove)
            point.errors.insert(QStringLiteral("timeout"), 3);
        point.latency = latency.toJson();
        return point;
    }
    double m_capacity;
};

LoadRequest base(int connections)
{
    LoadRequest request;
    request.url = QStringLiteral("http://127.0.0.1:1/plaintext");
    request.connections = connections;
    request.expectedBody = "Hello, World!";
    return request;
}

CapacityPlan plan(double startRate, double precision, int maxSteps)
{
    CapacityPlan p;
    p.startRate = startRate;
    p.precision = precision;
    p.maxSteps = maxSteps;
    p.stepS = 1.5;
    p.warmupS = 0.25;
    return p;
}

/// The http fixture with `/slow` answering after `slowMs`.
std::unique_ptr<FixtureProcess> slowServer(int slowMs)
{
    return std::make_unique<FixtureProcess>(QStringLiteral("node"),
                                            QStringList{QStringLiteral(SHOWDOWN_FIXTURES_DIR "/http_fixture.js"), QStringLiteral("--port"),
                                                        QStringLiteral("0"), QStringLiteral("--slow-ms"), QString::number(slowMs)});
}

} // namespace

class CapacitySearchTest : public QObject {
    Q_OBJECT

private slots:
    void findsAKnownCapacityWithinPrecision_data()
    {
        QTest::addColumn<double>("capacity");
        QTest::addColumn<double>("start");
        QTest::addColumn<double>("precision");
        QTest::newRow("above the start") << 12345.0 << 1000.0 << 0.05;
        QTest::newRow("below the start") << 750.0 << 50000.0 << 0.05;
        QTest::newRow("just above the start") << 1001.0 << 1000.0 << 0.02;
        QTest::newRow("far above, coarse") << 100000.0 << 100.0 << 0.25;
    }
    void findsAKnownCapacityWithinPrecision()
    {
        QFETCH(double, capacity);
        QFETCH(double, start);
        QFETCH(double, precision);
        ThresholdDriver driver(capacity);
        const CapacitySearch search(LatencyObjective{10}, plan(start, precision, 30));
        const CapacityOutcome outcome = search.run(driver, base(64), QStringLiteral("http"), QStringLiteral("plaintext"), {});
        QVERIFY2(outcome.converged(search.plan()), qPrintable(QStringLiteral("%1 / %2").arg(outcome.capacity).arg(outcome.firstMiss)));
        // The true capacity lies between the last pass and the first miss, which are within the precision.
        QVERIFY(outcome.capacity <= capacity);
        QVERIFY(outcome.firstMiss > capacity);
        QVERIFY2(capacity / outcome.capacity - 1 <= precision, qPrintable(QString::number(outcome.capacity)));
        QVERIFY(outcome.steps.size() < 30);
    }

    void labelsEveryStepAndStepsAtConstantRates()
    {
        ThresholdDriver driver(5000);
        const CapacitySearch search(LatencyObjective{20}, plan(1000, 0.1, 12));
        const CapacityOutcome outcome = search.run(driver, base(128), QStringLiteral("http"), QStringLiteral("delay"), {});
        QCOMPARE(driver.requests.size(), outcome.steps.size());
        QCOMPARE(outcome.steps.at(0).rate, 1000.0);
        QCOMPARE(outcome.steps.at(1).rate, 2000.0);  // doubling while it passes
        for (qsizetype i = 0; i < outcome.steps.size(); ++i) {
            const LoadPoint &step = outcome.steps.at(i);
            QCOMPARE(step.kind, QStringLiteral("http"));
            QCOMPARE(step.endpoint, QStringLiteral("delay"));
            QCOMPARE(step.connections, 128);
            QCOMPARE(step.sloP99Ms, 20.0);
            QCOMPARE(step.rate, driver.requests.at(i).rate);
            QCOMPARE(driver.requests.at(i).durationS, 1.5);
            QCOMPARE(driver.requests.at(i).warmupS, 0.25);
            QCOMPARE(driver.requests.at(i).expectedBody, QByteArray("Hello, World!"));
            QCOMPARE(LatencyObjective{20}.metBy(step), step.rate <= 5000);
        }
    }

    void errorsAndShortfallsAreMissesToo_data()
    {
        QTest::addColumn<bool>("errors");
        QTest::newRow("errors above capacity") << true;
        QTest::newRow("completion shortfall above capacity") << false;
    }
    void errorsAndShortfallsAreMissesToo()
    {
        QFETCH(bool, errors);
        ThresholdDriver driver(3000);
        driver.errorsAbove = errors;
        driver.shortfallAbove = !errors;
        const CapacitySearch search(LatencyObjective{10}, plan(1000, 0.05, 20));
        const CapacityOutcome outcome = search.run(driver, base(64), QStringLiteral("http"), QStringLiteral("plaintext"), {});
        QVERIFY(outcome.converged(search.plan()));
        QVERIFY(outcome.capacity <= 3000 && outcome.capacity >= 3000 / 1.05);
        // The reason names what went wrong: the error kinds, or how much of the offered work completed.
        QStringList reasons;
        for (const LoadPoint &step : outcome.steps)
            reasons.append(search.objective().missReason(step));
        // 4000 requests/s for 1.5 s is the first step above the capacity.
        const QString expected = errors ? QStringLiteral("errors: timeout 3") : QStringLiteral("5400 of 6000 offered completed");
        QVERIFY2(reasons.contains(expected), qPrintable(reasons.join(QLatin1Char('|'))));
    }

    void chatOffersEveryMessageToEveryClient()
    {
        // 200,000 deliveries/s in a room of 1000: 200 messages/s sent.
        ThresholdDriver driver(200000);
        const CapacitySearch search(LatencyObjective{50}, plan(40, 0.05, 20));
        const CapacityOutcome outcome = search.run(driver, base(1000), QStringLiteral("chat"), QStringLiteral("/chat"), {});
        QVERIFY(outcome.converged(search.plan()));
        QVERIFY2(outcome.capacity <= 200 && outcome.capacity >= 200 / 1.05, qPrintable(QString::number(outcome.capacity)));
        QCOMPARE(outcome.steps.first().kind, QStringLiteral("chat"));
    }

    void theStepBudgetIsHonoured()
    {
        ThresholdDriver driver(12345);
        const CapacitySearch search(LatencyObjective{10}, plan(1000, 0.01, 6));
        const CapacityOutcome outcome = search.run(driver, base(64), QStringLiteral("http"), QStringLiteral("plaintext"), {});
        QCOMPARE(outcome.steps.size(), 6);
        QVERIFY(!outcome.converged(search.plan()));
        // Ramp 1000..16000 (16000 misses), then one bisection step at 12000, which passes.
        QCOMPARE(outcome.capacity, 12000.0);
        QCOMPARE(outcome.firstMiss, 16000.0);
    }

    void noPassingStepMeansNoCapacity()
    {
        ThresholdDriver driver(10);  // below anything tried
        const CapacitySearch search(LatencyObjective{10}, plan(1000, 0.05, 4));
        const CapacityOutcome outcome = search.run(driver, base(64), QStringLiteral("http"), QStringLiteral("plaintext"), {});
        QCOMPARE(outcome.capacity, 0.0);
        QCOMPARE(outcome.steps.size(), 4);
        QCOMPARE(outcome.steps.last().rate, 125.0);  // halving while every step misses
        QCOMPARE(outcome.firstMiss, 125.0);
    }

    void aStopEndsTheSearchAfterTheCurrentStep()
    {
        ThresholdDriver driver(12345);
        CapacitySearch search(LatencyObjective{10}, plan(1000, 0.05, 20));
        std::stop_source source;
        int seen = 0;
        search.setStepObserver([&](const LoadPoint &, bool) {
            if (++seen == 2)
                source.request_stop();
        });
        const CapacityOutcome outcome = search.run(driver, base(64), QStringLiteral("http"), QStringLiteral("plaintext"), source.get_token());
        QCOMPARE(outcome.steps.size(), 2);
        QCOMPARE(outcome.capacity, 1000.0);  // the stopped step is neither a pass nor a miss
    }

    // ---- against a real server ----

    void findsTheCapacityOfARealServer()
    {
        // /slow answers after 20 ms, and each of the 4 connections has one request in flight: at most
        // 4 / 0.02 = 200 requests/s can keep p99 near 20 ms; above that the open-loop queue grows without
        // bound. The search must land between half that and it (timers on a busy machine run late).
        const auto server = slowServer(20);
        QVERIFY(server->port() > 0);
        LoadRequest request = base(4);
        request.url = QStringLiteral("http://127.0.0.1:%1/slow").arg(server->port());
        CapacityPlan steps = plan(50, 0.2, 6);
        steps.stepS = 0.6;
        steps.warmupS = 0.1;
        AsioLoadDriver driver;
        const CapacitySearch search(LatencyObjective{80}, steps);
        QElapsedTimer elapsed;
        elapsed.start();
        const CapacityOutcome outcome = search.run(driver, request, QStringLiteral("http"), QStringLiteral("slow"), {});
        QVERIFY(elapsed.elapsed() < 20000);
        QVERIFY2(outcome.capacity >= 100 && outcome.capacity <= 200,
                 qPrintable(QStringLiteral("capacity %1, first miss %2").arg(outcome.capacity).arg(outcome.firstMiss)));
        QVERIFY(outcome.firstMiss > outcome.capacity);
        for (const LoadPoint &step : outcome.steps) {
            QVERIFY(step.sloP99Ms == 80 && step.rate > 0 && step.valid());
            // A passing step delivered what was offered.
            if (LatencyObjective{80}.metBy(step))
                QVERIFY2(std::abs(step.throughput() - step.rate) <= 0.1 * step.rate, qPrintable(QString::number(step.throughput())));
        }
    }

    // ---- showdown loadgen --capacity ----

    void loadgenCapacityPrintsEveryStepAndTheCapacity()
    {
        const auto server = slowServer(20);
        QVERIFY(server->port() > 0);
        QProcess cli;
        cli.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                  {QStringLiteral("loadgen"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:%1/slow").arg(server->port()),
                   QStringLiteral("--capacity"), QStringLiteral("--slo-p99"), QStringLiteral("80"), QStringLiteral("--connections"),
                   QStringLiteral("4"), QStringLiteral("--step-duration"), QStringLiteral("0.5"), QStringLiteral("--warmup"),
                   QStringLiteral("0.1"), QStringLiteral("--start-rate"), QStringLiteral("60"), QStringLiteral("--max-steps"),
                   QStringLiteral("4"), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        const QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 4);  // 60, 120, 240 (misses: above 4 / 20 ms), then a bisection step
        QCOMPARE(steps.at(0).toObject().value(QStringLiteral("rate")).toDouble(), 60.0);
        QVERIFY(steps.at(0).toObject().value(QStringLiteral("met")).toBool());
        const QJsonObject miss = steps.at(2).toObject();
        QCOMPARE(miss.value(QStringLiteral("rate")).toDouble(), 240.0);
        QVERIFY(!miss.value(QStringLiteral("met")).toBool());
        QVERIFY2(miss.value(QStringLiteral("miss_reason")).toString().contains(QLatin1String("over 80 ms")),
                 qPrintable(miss.value(QStringLiteral("miss_reason")).toString()));
        QVERIFY(miss.value(QStringLiteral("latency_ns")).toObject().value(QStringLiteral("p99")).toInteger() > 80'000'000);
        const double capacity = json.value(QStringLiteral("capacity")).toDouble();
        QVERIFY2(capacity >= 120 && capacity < 240, qPrintable(QString::number(capacity)));
        QCOMPARE(json.value(QStringLiteral("slo_p99_ms")).toDouble(), 80.0);
        QCOMPARE(json.value(QStringLiteral("connections")).toInt(), 4);
    }

    void loadgenCapacityRefusesBadValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QString url = QStringLiteral("http://127.0.0.1:9/");
        const QStringList capacity = {QStringLiteral("--url"), url, QStringLiteral("--capacity")};
        QTest::newRow("no objective") << capacity << QStringLiteral("--capacity needs --slo-p99 MS");
        QTest::newRow("objective not a number") << capacity + QStringList{QStringLiteral("--slo-p99"), QStringLiteral("fast")}
                                                << QStringLiteral("--slo-p99 needs a number of at least 0.001, not \"fast\"");
        QTest::newRow("objective without search") << QStringList{QStringLiteral("--url"), url, QStringLiteral("--slo-p99"), QStringLiteral("10")}
                                                  << QStringLiteral("--slo-p99 is only for --capacity");
        QTest::newRow("fixed rate") << capacity + QStringList{QStringLiteral("--slo-p99"), QStringLiteral("10"), QStringLiteral("--rate"), QStringLiteral("5")}
                                    << QStringLiteral("--rate does not apply to --capacity");
        QTest::newRow("step duration") << capacity + QStringList{QStringLiteral("--slo-p99"), QStringLiteral("10"), QStringLiteral("--step-duration"), QStringLiteral("0")}
                                       << QStringLiteral("--step-duration needs a number of at least 0.01, not \"0\"");
        QTest::newRow("precision") << capacity + QStringList{QStringLiteral("--slo-p99"), QStringLiteral("10"), QStringLiteral("--precision"), QStringLiteral("5")}
                                   << QStringLiteral("--precision needs a share below 1");
        QTest::newRow("not loopback") << QStringList{QStringLiteral("--url"), QStringLiteral("http://example.com/"), QStringLiteral("--capacity"),
                                                     QStringLiteral("--slo-p99"), QStringLiteral("10")}
                                      << QStringLiteral("example.com");
    }
    void loadgenCapacityRefusesBadValues()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QProcess cli;
        cli.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"), QStringList{QStringLiteral("loadgen")} + arguments);
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 2);
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(err.contains(expected), qPrintable(err));
        QVERIFY(cli.readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(CapacitySearchTest)
#include "CapacitySearchTest.moc"
