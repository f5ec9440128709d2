// The suite logic around servers, with a scripted executor and load driver: readiness, crashes, wrong
// answers and stops must each become a recorded, explained error, and nothing may hang.

#include "Catalog.h"
#include "LatencyHistogram.h"
#include "ResultAnalysis.h"
#include "ServerRunner.h"
#include "SuiteRunner.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace showdown;
using namespace std::chrono_literals;

namespace {

/// Plays a server: prints `stdoutText` at once, then stays up until stopped or until `lifetime` passes.
class ScriptedServer final : public Executor {
public:
    QByteArray stdoutText;
    std::chrono::milliseconds lifetime{60000};
    int exitCode = 0;
    QList<ProcessSpec> specs;

    [[nodiscard]] ProcessResult run(const ProcessSpec &spec, std::stop_token stop) override
    {
        specs.append(spec);
        if (!stdoutText.isEmpty() && spec.onStdout)
            spec.onStdout(stdoutText);
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        // Returns at the stop request or when the lifetime is over, whichever comes first.
        (void)wake.wait_for(lock, stop, lifetime, [] { return false; });
        const bool cancelled = stop.stop_requested();
        ProcessResult result;
        result.outcome = cancelled ? ProcessResult::Outcome::Cancelled : ProcessResult::Outcome::Exited;
        result.exitCode = cancelled ? -1 : exitCode;
        result.stdoutData = stdoutText;
        result.stderrTail = "server log line\n";
        result.error = cancelled ? QStringLiteral("cancelled") : QString();
        return result;
    }
};

/// Answers every load request with a fixed, plausible point and records what it was asked.
class ScriptedDriver final : public LoadDriver {
public:
    QList<LoadRequest> requests;
    qint64 wrongBodies = 0;
    std::function<void()> duringLoad;
    /// Shapes each answer further (e.g. a latency histogram), given what was asked.
    std::function<void(LoadPoint &, const LoadRequest &)> shape;

    LoadPoint answer(const LoadRequest &request)
    {
        requests.append(request);
        if (request.onMeasureStart)
            request.onMeasureStart();
        if (duringLoad)
            duringLoad();
        if (request.onMeasureEnd)
            request.onMeasureEnd();
        LoadPoint point;
        point.durationS = request.durationS;
        point.completed = 1000;
        point.sent = 1000;
        if (wrongBodies > 0)
            point.errors.insert(QStringLiteral("body"), wrongBodies);
        if (shape)
            shape(point, request);
        return point;
    }
    [[nodiscard]] LoadPoint http(const LoadRequest &request, std::stop_token) override { return answer(request); }
    [[nodiscard]] LoadPoint chat(const LoadRequest &request, std::stop_token) override { return answer(request); }
    [[nodiscard]] LoadPoint idle(const LoadRequest &request, const std::function<void(LoadPoint &)> &whileHeld, std::stop_token) override
    {
        LoadPoint point = answer(request);
        whileHeld(point);
        return point;
    }
};

Benchmark httpBenchmark()
{
    Benchmark benchmark;
    benchmark.name = QStringLiteral("http");
    benchmark.measure = QStringLiteral("http");
    benchmark.timeoutSeconds = 2;
    benchmark.endpoints = {Endpoint{QStringLiteral("plaintext"), QStringLiteral("/plaintext"), "Hello, World!"},
                           Endpoint{QStringLiteral("delay"), QStringLiteral("/delay"), "{}"}};
    benchmark.variants = {BenchmarkVariant{QStringLiteral("node-http"), QStringLiteral("node"), QStringLiteral("node/server-http.js"),
                                           {QStringLiteral("--flag")}, {}, QString()},
                          BenchmarkVariant{QStringLiteral("uvloop"), QStringLiteral("python"), QStringLiteral("python/server-asyncio.py"),
                                           {}, {QStringLiteral("uvloop")}, QString()}};
    BenchmarkSize size;
    size.endpoints = {QStringLiteral("plaintext"), QStringLiteral("delay")};
    size.connections = {1, 64};
    size.durationS = 0.5;
    size.warmupS = 0.1;
    benchmark.sizes.insert(QStringLiteral("quick"), size);
    return benchmark;
}

RuntimeInfo runtime(const QString &name, const QString &kind, const QStringList &libraries = {})
{
    RuntimeInfo info;
    info.name = name;
    info.kind = kind;
    info.path = QStringLiteral("/usr/bin/") + name;
    info.available = true;
    info.libraries = libraries;
    return info;
}

RunStep step(const Benchmark &benchmark)
{
    return RunStep{benchmark, benchmark.sizes.value(QStringLiteral("quick")), runtime(QStringLiteral("node"), QStringLiteral("node")), 0,
                   benchmark.variants.first(), 0};
}

// The port the scripted server claims to have bound; the scripted driver never connects to it.
constexpr int kReadyPort = 43117;

// Our own pid and group: the probe then reads a real, live process group. `port` and `config` are the
// JSON text of those fields as the server would print them.
QByteArray readyLine(const QString &port = QString::number(kReadyPort), const QString &config = QStringLiteral("{}"))
{
    return QStringLiteral(R"({"protocol":1,"ready":true,"server":"node-http","pid":%1,"port":%2,"workers":1,"config":%3})" "\n")
        .arg(QCoreApplication::applicationPid())
        .arg(port, config)
        .toUtf8();
}

Catalog emptyCatalog()
{
    return Catalog();
}

} // namespace

class ServerRunnerTest : public QObject {
    Q_OBJECT

private slots:
    void measuresEveryPointOfAReadyServer()
    {
        ScriptedServer server;
        server.stdoutText = readyLine(QString::number(kReadyPort), QStringLiteral(R"({"server":"node:http","parser":"llhttp"})"));
        ScriptedDriver driver;
        const Catalog catalog = emptyCatalog();
        Benchmark benchmark = httpBenchmark();
        benchmark.variants.first().environment.insert(QStringLiteral("NODE_ENV"), QStringLiteral("production"));
        benchmark.variants.first().config = QJsonObject{{QStringLiteral("server"), QStringLiteral("node:http")},
                                                        {QStringLiteral("parser"), QStringLiteral("llhttp")}};
        const Sample sample = ServerRunner(catalog, server, driver).run(step(benchmark), std::stop_token());
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        QCOMPARE(sample.variant, QStringLiteral("node-http"));
        QCOMPARE(sample.points.size(), 4);  // 2 endpoints x 2 connection counts
        QCOMPARE(sample.points.at(0).endpoint, QStringLiteral("plaintext"));
        QCOMPARE(sample.points.at(3).endpoint, QStringLiteral("delay"));
        QCOMPARE(sample.points.at(3).connections, 64);
        // Each point warms up for warmup_s on its own connections before the measured phase; between
        // points a one-connection probe checks that the server answers again before the next starts.
        QCOMPARE(driver.requests.size(), 7);
        QCOMPARE(driver.requests.at(0).warmupS, 0.1);
        QCOMPARE(driver.requests.at(0).durationS, 0.5);
        QCOMPARE(driver.requests.at(1).connections, 1);
        QCOMPARE(driver.requests.at(1).durationS, 0.2);
        QVERIFY(driver.requests.at(2).url.endsWith(QLatin1String("/plaintext")));
        QCOMPARE(driver.requests.at(2).connections, 64);
        QCOMPARE(driver.requests.at(2).expectedBody, QByteArray("Hello, World!"));
        QVERIFY(driver.requests.at(4).url.endsWith(QLatin1String("/delay")));
        QVERIFY(sample.points.at(0).serverPssKb > 0);  // read from /proc for the live group
        // No port is handed to the server (it binds port 0); every request goes to the port its ready line gave.
        const QStringList args = server.specs.first().arguments;
        QVERIFY2(!args.contains(QStringLiteral("--port")), qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY(args.contains(QStringLiteral("--flag")));
        for (const LoadRequest &request : std::as_const(driver.requests))
            QVERIFY2(request.url.startsWith(QStringLiteral("http://127.0.0.1:%1/").arg(kReadyPort)), qPrintable(request.url));
        QCOMPARE(sample.extra.value(QLatin1String("port")).toInt(), kReadyPort);
        QCOMPARE(sample.extra.value(QLatin1String("measure")).toString(), QStringLiteral("http"));
        // The manifest's environment comes on top of the shared one.
        const QMap<QString, QString> environment = server.specs.first().environment;
        QCOMPARE(environment.value(QStringLiteral("NODE_ENV")), QStringLiteral("production"));
        QCOMPARE(environment.value(QStringLiteral("OPENBLAS_NUM_THREADS")), QStringLiteral("1"));
        QCOMPARE(sample.extra.value(QLatin1String("env")).toObject().value(QLatin1String("NODE_ENV")).toString(), QStringLiteral("production"));
    }

    void aReadyLineWithoutTheBoundPortIsAProtocolError_data()
    {
        QTest::addColumn<QString>("port");  // the JSON text of "port"; empty: the key is left out
        QTest::addColumn<QString>("named");
        QTest::newRow("missing") << QString() << QStringLiteral("gives port nothing");
        QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("gives port 0,");
        QTest::newRow("too large") << QStringLiteral("65536") << QStringLiteral("gives port 65536,");
        QTest::newRow("negative") << QStringLiteral("-80") << QStringLiteral("gives port -80,");
        QTest::newRow("fraction") << QStringLiteral("8080.5") << QStringLiteral("gives port 8080.5,");
        QTest::newRow("a string") << QStringLiteral(R"("8080")") << QStringLiteral(R"(gives port "8080",)");
    }

    void aReadyLineWithoutTheBoundPortIsAProtocolError()
    {
        QFETCH(QString, port);
        QFETCH(QString, named);
        ScriptedServer server;
        server.stdoutText = port.isEmpty()
                                ? QStringLiteral(R"({"protocol":1,"ready":true,"pid":%1,"workers":1})" "\n").arg(QCoreApplication::applicationPid()).toUtf8()
                                : readyLine(port);
        ScriptedDriver driver;
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(httpBenchmark()), std::stop_token());
        QCOMPARE(sample.status, QStringLiteral("protocol"));
        QVERIFY2(sample.error.contains(named), qPrintable(sample.error));
        QVERIFY2(sample.error.contains(QLatin1String("binds port 0")), qPrintable(sample.error));
        QVERIFY(driver.requests.isEmpty());
        QVERIFY(!sample.extra.contains(QLatin1String("port")));
    }

    void aServerInAnotherConfigurationThanDeclaredIsAProtocolError()
    {
        // The manifest says uvicorn runs httptools on uvloop; the server says it fell back to h11.
        ScriptedServer server;
        server.stdoutText = readyLine(QString::number(kReadyPort), QStringLiteral(R"({"server":"uvicorn","http":"h11","loop":"uvloop"})"));
        ScriptedDriver driver;
        Benchmark benchmark = httpBenchmark();
        benchmark.variants.first().name = QStringLiteral("fastapi");
        benchmark.variants.first().config = QJsonObject{{QStringLiteral("server"), QStringLiteral("uvicorn")},
                                                        {QStringLiteral("http"), QStringLiteral("httptools")},
                                                        {QStringLiteral("loop"), QStringLiteral("uvloop")}};
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(benchmark), std::stop_token());
        QCOMPARE(sample.status, QStringLiteral("protocol"));
        QVERIFY2(sample.error.contains(QLatin1String(R"("http":"h11")")), qPrintable(sample.error));
        QVERIFY2(sample.error.contains(QLatin1String(R"("http":"httptools")")), qPrintable(sample.error));
        QVERIFY2(sample.error.contains(QLatin1String("check_servers.py --only fastapi")), qPrintable(sample.error));
        QVERIFY(driver.requests.isEmpty());
    }

    void theConfigurationClaimedIsTheRuntimeKinds()
    {
        // Bun serves node:http natively: its ready line says so, and the manifest's config_by_kind expects it there.
        Benchmark benchmark = httpBenchmark();
        benchmark.variants.first().config = QJsonObject{{QStringLiteral("server"), QStringLiteral("node:http")},
                                                        {QStringLiteral("parser"), QStringLiteral("llhttp")}};
        benchmark.variants.first().configByKind.insert(QStringLiteral("bun"), QJsonObject{{QStringLiteral("server"), QStringLiteral("node:http")},
                                                                                          {QStringLiteral("parser"), QStringLiteral("bun")}});
        const Catalog catalog = emptyCatalog();
        const QString bunConfig = QStringLiteral(R"({"server":"node:http","parser":"bun"})");
        for (const QString &kind : {QStringLiteral("bun"), QStringLiteral("node")}) {
            ScriptedServer server;
            server.stdoutText = readyLine(QString::number(kReadyPort), bunConfig);
            ScriptedDriver driver;
            RunStep run = step(benchmark);
            run.runtime.implementation = kind;
            const Sample sample = ServerRunner(catalog, server, driver).run(run, std::stop_token());
            if (kind == QLatin1String("bun")) {
                QVERIFY2(sample.valid(), qPrintable(sample.error));
                // A ready line naming another runtime than the one started is refused, whatever its config.
                ScriptedServer deno;
                deno.stdoutText = readyLine(QString::number(kReadyPort), bunConfig)
                                      .replace(R"("pid")", R"("runtime_info":{"schema":1,"family":"javascript","kind":"deno","version":"2.9.6"},"pid")");
                ScriptedDriver unused;
                const Sample mislabelled = ServerRunner(catalog, deno, unused).run(run, std::stop_token());
                QCOMPARE(mislabelled.status, QStringLiteral("protocol"));
                QVERIFY2(mislabelled.error.contains(QLatin1String("reports that deno 2.9.6 ran it")), qPrintable(mislabelled.error));
            } else {
                // On node the same ready line is a server in another configuration than declared.
                QCOMPARE(sample.status, QStringLiteral("protocol"));
                QVERIFY2(sample.error.contains(QLatin1String(R"("parser":"llhttp")")), qPrintable(sample.error));
            }
        }
    }

    void aServerThatNeverBecomesReadyIsATimeout()
    {
        ScriptedServer server;  // prints nothing, stays up
        ScriptedDriver driver;
        const Catalog catalog = emptyCatalog();
        QElapsedTimer timer;
        timer.start();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(httpBenchmark()), std::stop_token());
        QCOMPARE(sample.status, QStringLiteral("timeout"));
        QVERIFY2(sample.error.contains(QLatin1String("no ready line within 2 s")), qPrintable(sample.error));
        QVERIFY(sample.error.contains(QLatin1String("server log line")));
        QVERIFY(driver.requests.isEmpty());
        QVERIFY(timer.elapsed() < 10000);
    }

    void aServerThatExitsBeforeReadyIsAnExitError()
    {
        ScriptedServer server;
        server.lifetime = 10ms;
        server.exitCode = 1;  // as a server that could not bind its port
        ScriptedDriver driver;
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(httpBenchmark()), std::stop_token());
        QCOMPARE(sample.status, QStringLiteral("exit"));
        QVERIFY2(sample.error.contains(QLatin1String("ended before it was ready")), qPrintable(sample.error));
    }

    void aBadReadyLineIsAProtocolError()
    {
        ScriptedServer server;
        server.stdoutText = "listening on 8080\n";
        ScriptedDriver driver;
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(httpBenchmark()), std::stop_token());
        QCOMPARE(sample.status, QStringLiteral("protocol"));
        QVERIFY2(sample.error.contains(QLatin1String("not JSON")), qPrintable(sample.error));
    }

    void aServerThatDiesDuringTheLoadIsRecorded()
    {
        ScriptedServer server;
        server.stdoutText = readyLine();
        server.lifetime = 300ms;
        ScriptedDriver driver;
        driver.duringLoad = [] { std::this_thread::sleep_for(200ms); };
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(httpBenchmark()), std::stop_token());
        QCOMPARE(sample.status, QStringLiteral("exit"));
        QVERIFY2(sample.error.contains(QLatin1String("ended during the load")), qPrintable(sample.error));
        QVERIFY(sample.points.size() < 4);  // the remaining points were not attempted
    }

    void wrongAnswersVoidThePoint()
    {
        ScriptedServer server;
        server.stdoutText = readyLine();
        ScriptedDriver driver;
        driver.wrongBodies = 3;
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(httpBenchmark()), std::stop_token());
        QCOMPARE(sample.status, QStringLiteral("load"));
        QVERIFY2(sample.error.contains(QLatin1String("3 responses had a wrong body")), qPrintable(sample.error));
        QVERIFY(!sample.points.first().valid());
    }

    void stopEndsTheServerAtOnce()
    {
        ScriptedServer server;
        server.stdoutText = readyLine();
        ScriptedDriver driver;
        std::stop_source stop;
        driver.duringLoad = [&] { stop.request_stop(); };
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(httpBenchmark()), stop.get_token());
        QCOMPARE(sample.status, QStringLiteral("cancelled"));
        QCOMPARE(driver.requests.size(), 1);  // only the point that was running
    }

    void idleMemoryMeasuresRestThenEachCount()
    {
        Benchmark benchmark = httpBenchmark();
        benchmark.measure = QStringLiteral("idle");
        benchmark.sizes[QStringLiteral("quick")].connections = {1000, 5000};
        benchmark.sizes[QStringLiteral("quick")].durationS = 0.05;
        ScriptedServer server;
        server.stdoutText = readyLine();
        ScriptedDriver driver;
        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(benchmark), std::stop_token());
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        QCOMPARE(sample.points.size(), 3);
        QCOMPARE(sample.points.at(0).connections, 0);
        QCOMPARE(sample.points.at(2).connections, 5000);
        QVERIFY(sample.points.at(2).serverPssKb > 0);
    }

    void planSkipsServersWhoseLibraryIsMissing()
    {
        const QString dir = QFINDTESTDATA("../resources/benchmarks");
        QString error;
        const std::optional<Catalog> real = Catalog::load(dir + QStringLiteral("/manifest.json"), &error);
        QVERIFY2(real, qPrintable(error));
        ScriptedServer server;
        SuiteRunner runner(*real, server);
        QList<SkippedRun> skipped;
        const QList<RunStep> steps = runner.plan(QStringLiteral("standard"), {QStringLiteral("http")},
                                                 {runtime(QStringLiteral("node"), QStringLiteral("node")),
                                                  runtime(QStringLiteral("python3"), QStringLiteral("python"))},
                                                 1, &error, &skipped);
        QVERIFY(error.isEmpty());
        // With no libraries at all only the stdlib servers run; every other one is skipped with its package.
        // (The standard suite: quick measures only some servers, so uvloop and express are not in it at all.)
        QStringList planned;
        for (const RunStep &s : steps)
            planned.append(s.variant.name);
        QVERIFY(planned.contains(QStringLiteral("node-http")));
        QVERIFY(planned.contains(QStringLiteral("asyncio")));
        QVERIFY(!planned.contains(QStringLiteral("uvloop")));
        const auto uvloop = std::find_if(skipped.begin(), skipped.end(), [](const SkippedRun &s) { return s.variant == QLatin1String("uvloop"); });
        QVERIFY(uvloop != skipped.end());
        QVERIFY2(uvloop->reason.contains(QLatin1String("apt-get install python3-uvloop")), qPrintable(uvloop->reason));
        const auto express = std::find_if(skipped.begin(), skipped.end(), [](const SkippedRun &s) { return s.variant == QLatin1String("express"); });
        QVERIFY(express != skipped.end());
        QVERIFY(express->reason.contains(QLatin1String("npm ci")));
    }

    void capacitySearchFollowsTheSweepInTheSameServer()
    {
        ScriptedServer server;
        server.stdoutText = readyLine();
        ScriptedDriver driver;
        // Open-loop steps complete what they offer, fast up to 3000 requests/s and slow above it.
        driver.shape = [](LoadPoint &point, const LoadRequest &request) {
            LatencyHistogram latency;
            latency.record(request.rate > 3000 ? 50'000'000 : 1'000'000);
            point.latency = latency.toJson();
            if (request.rate > 0)
                point.completed = point.sent = qint64(request.rate * request.durationS);
        };
        Benchmark benchmark = httpBenchmark();
        benchmark.endpoints[0].sloP99Ms = 10;
        BenchmarkSize &size = benchmark.sizes[QStringLiteral("quick")];
        CapacitySettings capacity{{QStringLiteral("plaintext")}, {64}, CapacityPlan{}};
        capacity.plan.startRate = 100;
        capacity.plan.precision = 0.1;
        capacity.plan.maxSteps = 5;
        capacity.plan.stepS = 0.4;
        capacity.plan.warmupS = 0.05;
        const double withoutSearch = ServerRunner::loadSeconds(benchmark, size);
        size.capacity = capacity;
        // Each step is preceded by the 0.2 s probe that waits until the server answers again.
        QCOMPARE(ServerRunner::loadSeconds(benchmark, size), withoutSearch + capacity.plan.seconds() + capacity.plan.maxSteps * 0.2);

        const Catalog catalog = emptyCatalog();
        const Sample sample = ServerRunner(catalog, server, driver).run(step(benchmark), std::stop_token());
        // Steps that missed the objective are findings, not a failed sample.
        QCOMPARE(sample.status, Sample::kOk);
        QCOMPARE(sample.points.size(), 4 + 5);
        QList<double> rates;
        for (qsizetype i = 4; i < sample.points.size(); ++i) {
            const LoadPoint &stepPoint = sample.points.at(i);
            QCOMPARE(stepPoint.sloP99Ms, 10.0);
            QCOMPARE(stepPoint.endpoint, QStringLiteral("plaintext"));
            QCOMPARE(stepPoint.connections, 64);
            QVERIFY(stepPoint.serverCpuNs >= 0);  // read over the step like any point
            rates.append(stepPoint.rate);
        }
        for (qsizetype i = 0; i < 4; ++i)
            QCOMPARE(sample.points.at(i).sloP99Ms, 0.0);
        // The sweep's best plaintext throughput (1000 in 0.5 s: 2000/s) halved is where the ramp starts.
        QCOMPARE(rates, (QList<double>{1000, 2000, 4000, 3000, 3500}));
        const LoadRequest &last = driver.requests.last();
        QCOMPARE(last.rate, 3500.0);
        QCOMPARE(last.durationS, 0.4);
        QCOMPARE(last.warmupS, 0.05);
        QVERIFY(last.url.endsWith(QLatin1String("/plaintext")));
    }
};

QTEST_GUILESS_MAIN(ServerRunnerTest)
#include "ServerRunnerTest.moc"
