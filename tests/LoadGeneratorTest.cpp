// The latency histogram against exact percentiles, and the load generators against real servers that
// misbehave on demand (tests/fixtures): node's http module, and a Python websockets chat room.

#include "ChatLoad.h"
#include "FixtureProcess.h"
#include "IdleConnections.h"
#include "LatencyHistogram.h"
#include "LoadGenerator.h"
#include "LoopbackUrl.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <thread>
#include <vector>

using namespace showdown;

namespace {

const QString kFixtures = QStringLiteral(SHOWDOWN_FIXTURES_DIR);
const QString kPython = QStringLiteral("/usr/bin/python3");
const QByteArray kHello = QByteArrayLiteral("Hello, World!");

/// Values spread over six decades, as latencies are: log-normal around 100 us, drawn with a fixed seed.
std::vector<qint64> latencies(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::lognormal_distribution<double> distribution(std::log(100'000.0), 1.5);
    std::vector<qint64> values;
    for (std::size_t i = 0; i < n; ++i)
        values.push_back(std::clamp<qint64>(qint64(distribution(random)), 1'000, 10'000'000'000));
    return values;
}

/// Nearest-rank percentile of sorted values: the value at or below which q% of them lie.
qint64 exactPercentile(const std::vector<qint64> &sorted, double q)
{
    const auto rank = std::max<std::size_t>(1, std::size_t(std::ceil(q / 100.0 * double(sorted.size()))));
    return sorted[std::min(rank, sorted.size()) - 1];
}

using Fixture = FixtureProcess;

std::unique_ptr<Fixture> httpFixture(const QStringList &extra = {})
{
    return std::make_unique<Fixture>(QStringLiteral("node"),
                                     QStringList{kFixtures + QStringLiteral("/http_fixture.js"), QStringLiteral("--port"),
                                                 QStringLiteral("0")}
                                         + extra);
}

std::unique_ptr<Fixture> chatFixture(const QStringList &extra = {})
{
    return std::make_unique<Fixture>(kPython, QStringList{kFixtures + QStringLiteral("/chat_fixture.py"),
                                                          QStringLiteral("--port"), QStringLiteral("0")}
                                                  + extra);
}

/// A chat room of `clients` on the fixture, sending `rate` messages/s for `durationS` after `warmupS`.
ChatOptions chatOptions(const Fixture &fixture, int clients, double rate, double durationS, double warmupS)
{
    ChatOptions options;
    options.url = fixture.url(QStringLiteral("ws"), QStringLiteral("/chat"));
    options.clients = clients;
    options.messagesPerSecond = rate;
    options.durationS = durationS;
    options.warmupS = warmupS;
    return options;
}

LoadOptions httpOptions(const Fixture &fixture, const QString &path, double durationS)
{
    LoadOptions options;
    options.url = fixture.url(QStringLiteral("http"), path);
    options.connections = 4;
    options.durationS = durationS;
    options.expectedBody = kHello;
    return options;
}

} // namespace

class LoadGeneratorTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(kFixtures + QStringLiteral("/http_fixture.js")), qPrintable(kFixtures));
        QVERIFY2(QFileInfo::exists(kPython), "the chat fixture needs /usr/bin/python3 with python3-websockets");
    }

    // ---- LatencyHistogram ----

    void histogramPercentilesWithinOnePercent()
    {
        std::vector<qint64> values = latencies(200'000, 7);
        LatencyHistogram histogram;
        for (const qint64 value : values)
            histogram.record(value);
        std::sort(values.begin(), values.end());
        QCOMPARE(histogram.count(), qint64(values.size()));
        QCOMPARE(histogram.min(), values.front());
        QCOMPARE(histogram.max(), values.back());
        QCOMPARE(histogram.clamped(), qint64(0));
        double sum = 0;
        for (const qint64 value : values)
            sum += double(value);
        QVERIFY(std::abs(histogram.mean() - sum / double(values.size())) < 1e-6 * histogram.mean());
        for (const double q : {0.0, 0.1, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9, 99.99, 100.0}) {
            const qint64 exact = exactPercentile(values, q);
            const qint64 estimate = histogram.percentile(q);
            // A bucket is at most 1/128 of its values wide and reports its highest value.
            QVERIFY2(estimate >= exact && double(estimate - exact) <= double(exact) / 100.0,
                     qPrintable(QStringLiteral("q=%1 exact=%2 histogram=%3").arg(q).arg(exact).arg(estimate)));
        }
    }

    void histogramSmallCountsAreExactAtTheEdges()
    {
        LatencyHistogram histogram;
        histogram.record(5'000);
        histogram.record(1'000'000);
        histogram.record(3'000'000);
        QCOMPARE(histogram.percentile(0), qint64(5'000));
        QCOMPARE(histogram.percentile(100), qint64(3'000'000));
        // Rank ceil(0.5 * 3) = 2: the middle value, within one bucket.
        QVERIFY(histogram.percentile(50) >= 1'000'000 && histogram.percentile(50) <= 1'010'000);
        QCOMPARE(LatencyHistogram().percentile(50), qint64(0));
        QCOMPARE(LatencyHistogram().count(), qint64(0));
    }

    void histogramClampsAndCounts()
    {
        LatencyHistogram histogram;
        histogram.record(10);
        histogram.record(-5);
        histogram.record(500'000'000'000);
        histogram.record(2'000);
        QCOMPARE(histogram.count(), qint64(4));
        QCOMPARE(histogram.clamped(), qint64(3));
        QCOMPARE(histogram.min(), LatencyHistogram::kLowestNs);
        QCOMPARE(histogram.max(), LatencyHistogram::kHighestNs);
    }

    void histogramJsonRoundTripIsExact()
    {
        LatencyHistogram histogram;
        for (const qint64 value : latencies(50'000, 11))
            histogram.record(value);
        histogram.record(1);  // one clamped value travels too
        const QByteArray text = QJsonDocument(histogram.toJson()).toJson(QJsonDocument::Compact);
        QString error;
        const std::optional<LatencyHistogram> back = LatencyHistogram::fromJson(QJsonDocument::fromJson(text).object(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(*back == histogram);
        QCOMPARE(back->toJson(), histogram.toJson());
        for (const double q : {50.0, 99.0, 99.9})
            QCOMPARE(back->percentile(q), histogram.percentile(q));
        QCOMPARE(back->clamped(), qint64(1));
        // Sparse: one [index, count] pair per value here, as the three values lie in three buckets.
        LatencyHistogram three;
        for (const qint64 value : {2'000, 40'000, 9'000'000})
            three.record(value);
        const QJsonArray pairs = three.toJson().value(QStringLiteral("buckets")).toArray();
        QCOMPARE(pairs.size(), 3);
        for (const QJsonValue &pair : pairs)
            QCOMPARE(pair.toArray().at(1).toInteger(), qint64(1));

        const std::optional<LatencyHistogram> empty = LatencyHistogram::fromJson(LatencyHistogram().toJson(), &error);
        QVERIFY2(empty.has_value(), qPrintable(error));
        QCOMPARE(empty->count(), qint64(0));
    }

    void histogramMergeEqualsOneHistogram()
    {
        const std::vector<qint64> values = latencies(30'000, 3);
        LatencyHistogram all, first, second;
        for (std::size_t i = 0; i < values.size(); ++i) {
            all.record(values[i]);
            (i % 3 == 0 ? first : second).record(values[i]);
        }
        LatencyHistogram merged;
        merged.merge(first);
        merged.merge(LatencyHistogram());
        merged.merge(second);
        QVERIFY(merged == all);
        QCOMPARE(merged.percentile(99), all.percentile(99));
        QCOMPARE(merged.min(), all.min());
    }

    void histogramRejectsMalformedJson_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("format") << "format" << QJsonValue(QStringLiteral("hdr")) << "format";
        QTest::newRow("count missing") << "count" << QJsonValue(QJsonValue::Undefined) << "\"count\"";
        QTest::newRow("count fractional") << "count" << QJsonValue(2.5) << "\"count\"";
        QTest::newRow("count wrong") << "count" << QJsonValue(4) << "count";
        QTest::newRow("layout") << "sub_bucket_bits" << QJsonValue(8) << "layout";
        QTest::newRow("buckets not array") << "buckets" << QJsonValue(QStringLiteral("x")) << "\"buckets\"";
        QTest::newRow("index out of range") << "buckets" << QJsonValue(QJsonArray{QJsonArray{5000, 3}}) << "index";
        QTest::newRow("not a pair") << "buckets" << QJsonValue(QJsonArray{QJsonArray{1200}}) << "pair";
        QTest::newRow("zero count") << "buckets" << QJsonValue(QJsonArray{QJsonArray{1200, 0}, QJsonArray{1300, 3}}) << "count";
        QTest::newRow("not increasing")
            << "buckets" << QJsonValue(QJsonArray{QJsonArray{1300, 1}, QJsonArray{1200, 2}}) << "increasing";
        QTest::newRow("min outside first bucket") << "min" << QJsonValue(1'000) << "min";
        QTest::newRow("negative sum") << "sum" << QJsonValue(-1) << "negative";
        QTest::newRow("impossible sum") << "sum" << QJsonValue(3) << "sum";
    }

    void histogramRejectsMalformedJson()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, reason);
        LatencyHistogram histogram;
        histogram.record(100'000);
        histogram.record(200'000);
        histogram.record(300'000);
        QJsonObject json = histogram.toJson();
        QString error;
        QVERIFY2(LatencyHistogram::fromJson(json, &error).has_value(), qPrintable(error));  // the base is valid
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        QVERIFY(!LatencyHistogram::fromJson(json, &error).has_value());
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    // ---- LoadGenerator against the node fixture ----

    void closedLoopCompletes()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        const LoadResult result = LoadGenerator::run(httpOptions(*server, QStringLiteral("/plaintext"), 1.0), {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.completed > 0);
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.latency.count(), result.completed);
        QVERIFY(result.sent >= result.completed);
        QVERIFY(result.bytes > result.completed * kHello.size());
        QVERIFY(std::abs(result.durationS - 1.0) < 0.05);
        QVERIFY(result.requestsPerSec() > 0);
        QVERIFY(result.generatorCpuNs > 0);
        QVERIFY(result.latency.percentile(50) >= LatencyHistogram::kLowestNs);
    }

    void wrongBodyIsCounted()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        const LoadResult result = LoadGenerator::run(httpOptions(*server, QStringLiteral("/wrongbody"), 0.5), {});
        QVERIFY(result.errors.value(QStringLiteral("body")) > 0);
        QCOMPARE(result.completed, qint64(0));
        QVERIFY(result.error.contains(QStringLiteral("no request completed")));
    }

    void non2xxIsCounted()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        const LoadResult result = LoadGenerator::run(httpOptions(*server, QStringLiteral("/status500"), 0.5), {});
        QVERIFY(result.errors.value(QStringLiteral("status")) > 0);
        QVERIFY(!result.errors.contains(QStringLiteral("body")));  // the body of an error page is not compared
        QCOMPARE(result.completed, qint64(0));
    }

    void timeoutsAreCountedWithoutHanging()
    {
        auto server = httpFixture({QStringLiteral("--slow-ms"), QStringLiteral("30000")});
        QVERIFY(server->port() > 0);
        LoadOptions options = httpOptions(*server, QStringLiteral("/slow"), 1.5);
        options.connections = 2;
        options.timeoutMs = 300;
        QElapsedTimer elapsed;
        elapsed.start();
        const LoadResult result = LoadGenerator::run(options, {});
        QVERIFY2(elapsed.elapsed() < 3000, qPrintable(QString::number(elapsed.elapsed())));
        // 2 connections x 1.5 s / 0.3 s timeouts: about 10, each reconnected and tried again.
        QVERIFY2(result.errors.value(QStringLiteral("timeout")) >= 6, qPrintable(QString::number(result.errors.value(QStringLiteral("timeout")))));
        QCOMPARE(result.completed, qint64(0));
    }

    void serverDeathIsCountedAndReturns()
    {
        auto server = httpFixture({QStringLiteral("--die-after"), QStringLiteral("3000")});
        QVERIFY(server->port() > 0);
        LoadOptions options = httpOptions(*server, QStringLiteral("/plaintext"), 2.5);
        QElapsedTimer elapsed;
        elapsed.start();
        const LoadResult result = LoadGenerator::run(options, {});
        QVERIFY(elapsed.elapsed() < 4000);
        QVERIFY(server->waitForExit(1000));
        QVERIFY(result.completed > 0 && result.completed < 3000);
        QVERIFY(result.errors.value(QStringLiteral("connect")) > 0);
        QVERIFY(result.errors.value(QStringLiteral("closed")) + result.errors.value(QStringLiteral("read")) > 0);
    }

    void refusedTargetIsFatal()
    {
        auto server = httpFixture();
        const int port = server->port();
        QVERIFY(port > 0);
        server->stop();  // the port is now closed
        LoadOptions options;
        options.url = QStringLiteral("http://127.0.0.1:%1/plaintext").arg(port);
        options.durationS = 5;
        QElapsedTimer elapsed;
        elapsed.start();
        const LoadResult result = LoadGenerator::run(options, {});
        QVERIFY(elapsed.elapsed() < 1000);
        QVERIFY2(result.error.contains(QStringLiteral("could not connect to 127.0.0.1:%1").arg(port)), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("refused")), qPrintable(result.error));
        QCOMPARE(result.errors.value(QStringLiteral("connect")), qint64(1));
        QCOMPARE(result.completed, qint64(0));
    }

    void nonLoopbackIsRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("named");
        QTest::newRow("name") << "http://example.com/" << "\"example.com\"";
        QTest::newRow("private address") << "http://10.0.0.1:8080/plaintext" << "\"10.0.0.1\"";
        QTest::newRow("any address") << "http://0.0.0.0:8080/" << "\"0.0.0.0\"";
        QTest::newRow("ipv6") << "http://[2001:db8::1]:80/" << "\"2001:db8::1\"";
        QTest::newRow("scheme") << "https://127.0.0.1:8443/" << "http://";
        QTest::newRow("garbage") << "not a url" << "URL";
    }

    void nonLoopbackIsRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, named);
        LoadOptions options;
        options.url = url;
        const LoadResult result = LoadGenerator::run(options, {});
        QVERIFY2(result.error.contains(named), qPrintable(result.error));
        QCOMPARE(result.sent, qint64(0));

        ChatOptions chat;
        chat.url = QString(url).replace(QStringLiteral("http"), QStringLiteral("ws"));
        const ChatResult chatResult = ChatLoad::run(chat, {});
        QVERIFY(!chatResult.error.isEmpty());
        QCOMPARE(chatResult.sent, qint64(0));

        IdleConnections idle;
        QString error;
        QVERIFY(!idle.open(url, 3, {}, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
        QCOMPARE(idle.openCount(), 0);
    }

    void loopbackUrlsAreAccepted()
    {
        QString error;
        const std::optional<LoopbackUrl> local = LoopbackUrl::parse(QStringLiteral("http://localhost:8080/json?x=1"), QStringLiteral("http"), &error);
        QVERIFY2(local.has_value(), qPrintable(error));
        QCOMPARE(local->address(), std::string("127.0.0.1"));
        QCOMPARE(local->port(), quint16(8080));
        QCOMPARE(local->target(), std::string("/json?x=1"));
        QCOMPARE(local->hostHeader(), std::string("127.0.0.1:8080"));
        const std::optional<LoopbackUrl> v6 = LoopbackUrl::parse(QStringLiteral("ws://[::1]:9000"), QStringLiteral("ws"), &error);
        QVERIFY2(v6.has_value(), qPrintable(error));
        QCOMPARE(v6->hostHeader(), std::string("[::1]:9000"));
        QCOMPARE(v6->target(), std::string("/"));
        const std::optional<LoopbackUrl> other = LoopbackUrl::parse(QStringLiteral("http://127.4.5.6/"), QStringLiteral("http"), &error);
        QVERIFY2(other.has_value(), qPrintable(error));
        QCOMPARE(other->port(), quint16(80));
        QVERIFY(!LoopbackUrl::parse(QStringLiteral("ws://127.0.0.1:9000/chat"), QStringLiteral("http"), &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("http://")), qPrintable(error));
    }

    void badOptionsAreRefused()
    {
        LoadOptions options;
        options.url = QStringLiteral("http://127.0.0.1:1/");
        options.connections = 0;
        QVERIFY(LoadGenerator::run(options, {}).error.contains(QStringLiteral("connections")));
        options.connections = 1;
        options.durationS = -1;
        QVERIFY(LoadGenerator::run(options, {}).error.contains(QStringLiteral("duration")));
        options.durationS = 1;
        options.rate = std::nan("");
        QVERIFY(LoadGenerator::run(options, {}).error.contains(QStringLiteral("rate")));
        ChatOptions chat;
        chat.url = QStringLiteral("ws://127.0.0.1:1/chat");
        chat.messagesPerSecond = 0;
        QVERIFY(ChatLoad::run(chat, {}).error.contains(QStringLiteral("rate")));
    }

    void openLoopHonoursTheRate()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        LoadOptions options = httpOptions(*server, QStringLiteral("/plaintext"), 2.0);
        options.rate = 400;
        options.warmupS = 0.5;
        const LoadResult result = LoadGenerator::run(options, {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const double target = options.rate * options.durationS;
        QVERIFY2(std::abs(double(result.sent) - target) <= 0.1 * target, qPrintable(QString::number(result.sent)));
        QVERIFY2(std::abs(double(result.completed) - target) <= 0.1 * target, qPrintable(QString::number(result.completed)));
        QVERIFY(result.errors.isEmpty());
    }

    void openLoopCountsFromTheIntendedTime()
    {
        // Every response takes 200 ms but requests are due every 50 ms per connection: the backlog grows, and
        // latency measured from the intended send time must show it (closed-loop timing would say 200 ms).
        auto server = httpFixture({QStringLiteral("--slow-ms"), QStringLiteral("200")});
        QVERIFY(server->port() > 0);
        LoadOptions options = httpOptions(*server, QStringLiteral("/slow"), 2.0);
        options.connections = 2;
        options.rate = 40;
        const LoadResult result = LoadGenerator::run(options, {});
        QVERIFY2(result.completed > 0, qPrintable(result.error));
        QVERIFY2(result.latency.max() > 800'000'000, qPrintable(QString::number(result.latency.max())));
        QVERIFY(result.sent < qint64(options.rate * options.durationS / 2));  // the connections fell behind
    }

    void stopRequestEndsTheRunPromptly()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        std::stop_source source;
        std::thread stopper([&source] {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            source.request_stop();
        });
        QElapsedTimer elapsed;
        elapsed.start();
        const LoadResult result = LoadGenerator::run(httpOptions(*server, QStringLiteral("/plaintext"), 30), source.get_token());
        stopper.join();
        QVERIFY2(elapsed.elapsed() < 1500, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY2(result.error.contains(QStringLiteral("stopped")), qPrintable(result.error));
        QVERIFY(result.durationS > 0.2 && result.durationS < 1.0);
        QVERIFY(result.completed > 0);
    }

    void severalThreadsShareTheLoad()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        LoadOptions options = httpOptions(*server, QStringLiteral("/plaintext"), 0.7);
        options.connections = 6;
        options.threads = 3;
        const LoadResult result = LoadGenerator::run(options, {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.completed > 0);
        QCOMPARE(result.latency.count(), result.completed);
        QVERIFY(result.errors.isEmpty());
    }

    void connectionCloseResponsesAreNotErrors()
    {
        // A server may end every keep-alive with Connection: close; the generator reconnects and carries on.
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        const LoadResult result = LoadGenerator::run(httpOptions(*server, QStringLiteral("/close"), 0.5), {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.completed > 4);  // more responses than connections: each connection reconnected
        QVERIFY(result.errors.isEmpty());
    }

    // ---- IdleConnections ----

    void idleConnectionsRaiseTheFileLimit()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        rlimit original{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &original), 0);
        if (original.rlim_max != RLIM_INFINITY && original.rlim_max < 700)
            QSKIP("the hard open-file limit is below 700");
        rlimit lowered = original;
        lowered.rlim_cur = 128;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &lowered), 0);
        IdleConnections idle;
        QString error;
        const bool opened = idle.open(server->url(QStringLiteral("http"), QStringLiteral("/plaintext")), 600, kHello, &error);
        rlimit raised{};
        getrlimit(RLIMIT_NOFILE, &raised);
        idle.close();
        setrlimit(RLIMIT_NOFILE, &original);
        QVERIFY2(opened, qPrintable(error));
        QVERIFY(raised.rlim_cur >= 600);
    }

    void idleConnectionsStayOpenAndNoticeDrops()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        IdleConnections idle;
        QString error;
        QVERIFY2(idle.open(server->url(QStringLiteral("http"), QStringLiteral("/plaintext")), 300, kHello, &error),
                 qPrintable(error));
        QCOMPARE(idle.openCount(), 300);
        QVERIFY(idle.errors().isEmpty());
        QThread::msleep(200);
        QCOMPARE(idle.openCount(), 300);  // idle, not closed
        server->stop();
        QElapsedTimer waited;
        waited.start();
        while (idle.openCount() > 0 && waited.elapsed() < 3000)
            QThread::msleep(20);
        QCOMPARE(idle.openCount(), 0);
        QCOMPARE(idle.errors().value(QStringLiteral("closed")), qint64(300));
        idle.close();
        QCOMPARE(idle.openCount(), 0);
    }

    void idleConnectionsCheckTheBody()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        IdleConnections idle;
        QString error;
        QVERIFY(!idle.open(server->url(QStringLiteral("http"), QStringLiteral("/wrongbody")), 5, kHello, &error));
        QVERIFY2(error.contains(QStringLiteral("opened 0 of 5")), qPrintable(error));
        QCOMPARE(idle.errors().value(QStringLiteral("body")), qint64(5));
        QCOMPARE(idle.openCount(), 0);
    }

    // ---- ChatLoad against the Python fixture ----

    void chatDeliversToEveryClient()
    {
        auto server = chatFixture();
        QVERIFY(server->port() > 0);
        ChatOptions options;
        options.url = server->url(QStringLiteral("ws"), QStringLiteral("/chat"));
        options.clients = 10;
        options.messagesPerSecond = 50;
        options.durationS = 1.5;
        options.warmupS = 0.3;
        const ChatResult result = ChatLoad::run(options, {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const double target = options.messagesPerSecond * options.durationS;
        QVERIFY2(std::abs(double(result.sent) - target) <= 0.1 * target, qPrintable(QString::number(result.sent)));
        QCOMPARE(result.expectedDeliveries, result.sent * options.clients);
        QCOMPARE(result.delivered, result.expectedDeliveries);
        QVERIFY(result.errors.isEmpty());
        QCOMPARE(result.latency.count(), result.delivered);
        QVERIFY(result.deliveredPerSec() > 0);
    }

    void chatCountsDroppedClients()
    {
        auto server = chatFixture({QStringLiteral("--drop-after"), QStringLiteral("3")});
        QVERIFY(server->port() > 0);
        ChatOptions options;
        options.url = server->url(QStringLiteral("ws"), QStringLiteral("/chat"));
        options.clients = 5;
        options.messagesPerSecond = 25;
        options.durationS = 1.5;
        options.warmupS = 0;
        QElapsedTimer elapsed;
        elapsed.start();
        const ChatResult result = ChatLoad::run(options, {});
        QVERIFY(elapsed.elapsed() < 4000);
        QCOMPARE(result.errors.value(QStringLiteral("closed")), qint64(5));
        QVERIFY(result.sent <= 15);  // nobody can send after being dropped
    }

    void chatCountsLostMessages()
    {
        auto server = chatFixture({QStringLiteral("--skip-every"), QStringLiteral("4")});
        QVERIFY(server->port() > 0);
        ChatOptions options;
        options.url = server->url(QStringLiteral("ws"), QStringLiteral("/chat"));
        options.clients = 4;
        options.messagesPerSecond = 40;
        options.durationS = 1.0;
        options.warmupS = 0.2;
        const ChatResult result = ChatLoad::run(options, {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.delivered > 0);
        const qint64 lost = result.errors.value(QStringLiteral("lost"));
        QCOMPARE(lost, result.expectedDeliveries - result.delivered);
        // One message in four reaches nobody: a quarter of the deliveries, give or take the phase edges.
        QVERIFY2(std::abs(double(lost) / double(result.expectedDeliveries) - 0.25) < 0.05, qPrintable(QString::number(lost)));
    }

    void chatCountsLateDeliveriesAsLost()
    {
        // Every message reaches every client 400 ms late. The phase's 1 s gets a grace of a tenth of it, so
        // what was sent in its last ~0.3 s arrives too late to count: delivered stays below what was
        // offered, the rest is lost, and the deliveries that did count show their lateness in the histogram.
        auto server = chatFixture({QStringLiteral("--delay-ms"), QStringLiteral("400")});
        QVERIFY(server->port() > 0);
        const ChatOptions options = chatOptions(*server, 4, 40, 1.0, 0.2);
        QElapsedTimer elapsed;
        elapsed.start();
        const ChatResult result = ChatLoad::run(options, {});
        QVERIFY(elapsed.elapsed() < 4000);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.delivered > 0);
        QVERIFY(result.delivered < result.expectedDeliveries);
        const qint64 lost = result.errors.value(QStringLiteral("lost"));
        QCOMPARE(lost, result.expectedDeliveries - result.delivered);
        const double lostShare = double(lost) / double(result.expectedDeliveries);
        QVERIFY2(lostShare > 0.15 && lostShare < 0.5, qPrintable(QString::number(lostShare)));
        QVERIFY(result.deliveredPerSec() < options.messagesPerSecond * options.clients);
        QCOMPARE(result.latency.count(), result.delivered);
        QVERIFY(result.latency.percentile(50) >= 400'000'000);
    }

    void chatStopsPromptly()
    {
        auto server = chatFixture();
        QVERIFY(server->port() > 0);
        ChatOptions options;
        options.url = server->url(QStringLiteral("ws"), QStringLiteral("/chat"));
        options.clients = 20;
        options.messagesPerSecond = 100;
        options.durationS = 30;
        options.warmupS = 0;
        std::stop_source source;
        std::thread stopper([&source] {
            std::this_thread::sleep_for(std::chrono::milliseconds(800));
            source.request_stop();
        });
        QElapsedTimer elapsed;
        elapsed.start();
        const ChatResult result = ChatLoad::run(options, source.get_token());
        stopper.join();
        QVERIFY2(elapsed.elapsed() < 2000, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY2(result.error.contains(QStringLiteral("stopped")), qPrintable(result.error));
        QVERIFY(result.delivered > 0);
        QVERIFY(!result.errors.contains(QStringLiteral("lost")));  // nobody waited for them, so none is known lost
    }

    void chatRefusedServerIsFatal()
    {
        auto server = chatFixture();
        const int port = server->port();
        QVERIFY(port > 0);
        server->stop();
        ChatOptions options;
        options.url = QStringLiteral("ws://127.0.0.1:%1/chat").arg(port);
        options.clients = 3;
        const ChatResult result = ChatLoad::run(options, {});
        QVERIFY2(result.error.contains(QStringLiteral("no chat client could join")), qPrintable(result.error));
        QCOMPARE(result.errors.value(QStringLiteral("connect")), qint64(3));
    }

    // ---- the CLI verb ----

    void loadgenVerbPrintsTheDocumentedJson()
    {
        auto server = httpFixture();
        QVERIFY(server->port() > 0);
        QProcess cli;
        cli.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                  {QStringLiteral("loadgen"), QStringLiteral("--url"), server->url(QStringLiteral("http"), QStringLiteral("/plaintext")),
                   QStringLiteral("--connections"), QStringLiteral("2"), QStringLiteral("--duration"), QStringLiteral("0.5"),
                   QStringLiteral("--expect-body"), QString::fromLatin1(kHello), QStringLiteral("--json")});
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QVERIFY(json.value(QStringLiteral("requests_per_sec")).toDouble() > 0);
        const QJsonObject latency = json.value(QStringLiteral("latency_ns")).toObject();
        for (const QString &key : {QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p99"), QStringLiteral("p999"), QStringLiteral("max")})
            QVERIFY2(latency.value(key).toInteger() > 0, qPrintable(key));
        QVERIFY(latency.value(QStringLiteral("p50")).toInteger() <= latency.value(QStringLiteral("max")).toInteger());
        QVERIFY(json.value(QStringLiteral("errors")).isObject());
        QVERIFY(json.value(QStringLiteral("generator_cpu")).toDouble() > 0);

        QProcess refused;
        refused.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                      {QStringLiteral("loadgen"), QStringLiteral("--url"), QStringLiteral("http://example.com/"), QStringLiteral("--json")});
        QVERIFY(refused.waitForFinished(10000));
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY(refused.readAllStandardError().contains("example.com"));
        QVERIFY(refused.readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(LoadGeneratorTest)
#include "LoadGeneratorTest.moc"
