// Suite planning and the child-process protocol, driven by a fake executor: every protocol violation must
// become a recorded, explained error.

#include "Catalog.h"
#include "ResultAnalysis.h"
#include "FakeExecutor.h"
#include "ResourceLocator.h"
#include "SampleEvaluator.h"
#include "ServerRunner.h"
#include "SuiteRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

namespace {

Benchmark kernel()
{
    Benchmark benchmark;
    benchmark.name = QStringLiteral("nbody");
    benchmark.measure = QStringLiteral("iterations");
    benchmark.nodeScript = QStringLiteral("node/nbody.js");
    benchmark.pythonScript = QStringLiteral("python/nbody.py");
    return benchmark;
}

BenchmarkSize size()
{
    BenchmarkSize s;
    s.size = 1000;
    s.iterations = 3;
    s.warmup = 1;
    s.checksum = QStringLiteral("-0.169075164");
    return s;
}

RuntimeInfo runtime(const QString &name, const QString &kind)
{
    RuntimeInfo info;
    info.name = name;
    info.kind = kind;
    info.path = QStringLiteral("/usr/bin/") + name;
    info.available = true;
    return info;
}

const QByteArray kGood = R"({"protocol":1,"benchmark":"nbody","runtime":"node","version":"v20","warmup_ns":[900],)"
                         R"("iterations_ns":[100,200,300],"result":"-0.169075164","peak_rss_kb":4000,"extra":{}})";

Sample evaluate(const ProcessResult &process, const Benchmark &benchmark = kernel())
{
    return SampleEvaluator::evaluate(benchmark, size(), runtime(QStringLiteral("node"), QStringLiteral("node")), process);
}

/// Loads a manifest made of `benchmarks` (the inside of its "benchmarks" array), written to a temporary folder:
/// the manifest tests each check how one entry is read or refused.
std::optional<Catalog> loadManifest(const QByteArray &benchmarks, QString *error)
{
    QTemporaryDir dir;
    QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
    if (!manifest.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1").arg(manifest.fileName());
        return std::nullopt;
    }
    manifest.write(R"({"protocol":1,"suites":{"quick":{},"standard":{},"full":{}},"benchmarks":[)" + benchmarks + "]}");
    manifest.close();
    return Catalog::load(manifest.fileName(), error);
}

} // namespace

class SuiteRunnerTest : public QObject {
    Q_OBJECT

private slots:
    void acceptsAWellFormedReport()
    {
        const Sample sample = evaluate(exitedWith(kGood + "\n"));
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        QCOMPARE(sample.iterationsNs, (QList<qint64>{100, 200, 300}));
        QCOMPARE(sample.warmupNs, (QList<qint64>{900}));
        QCOMPARE(sample.result, QStringLiteral("-0.169075164"));
        QCOMPARE(sample.extra.value(QLatin1String("version")).toString(), QStringLiteral("v20"));
    }

    void rejectsBadReports_data()
    {
        QTest::addColumn<QByteArray>("stdoutData");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QByteArray() << "protocol" << "printed nothing on stdout";
        QTest::newRow("garbage") << QByteArray("Segmentation fault? no, just text") << "protocol" << "not a JSON object";
        QTest::newRow("array") << QByteArray("[1,2]") << "protocol" << "not a JSON object";
        QTest::newRow("two lines") << QByteArray(kGood + "\n" + kGood) << "protocol" << "printed 2 lines";
        QTest::newRow("protocol 2") << QByteArray(kGood).replace("\"protocol\":1", "\"protocol\":2") << "protocol"
                                    << "speaks protocol 2; this Showdown expects 1";
        QTest::newRow("other benchmark") << QByteArray(kGood).replace("\"nbody\"", "\"fib\"") << "protocol" << "reported benchmark \"fib\"";
        QTest::newRow("too few iterations") << QByteArray(kGood).replace("[100,200,300]", "[100,200]") << "protocol"
                                            << "reported 2 iterations and 1 warm-ups; asked for 3 and 1";
        QTest::newRow("negative time") << QByteArray(kGood).replace("[100,200,300]", "[100,-200,300]") << "protocol"
                                       << "positive integer nanoseconds";
        QTest::newRow("string time") << QByteArray(kGood).replace("[100,200,300]", "[100,\"200\",300]") << "protocol"
                                     << "positive integer nanoseconds";
        QTest::newRow("checksum") << QByteArray(kGood).replace("-0.169075164", "-0.169075165") << "checksum"
                                  << "wrong result: expected \"-0.169075164\", got \"-0.169075165\"";
    }

    void rejectsBadReports()
    {
        QFETCH(QByteArray, stdoutData);
        QFETCH(QString, status);
        QFETCH(QString, message);
        const Sample sample = evaluate(exitedWith(stdoutData));
        QVERIFY(!sample.valid());
        QCOMPARE(sample.status, status);
        QVERIFY2(sample.error.contains(message), qPrintable(sample.error));
    }

    void theRuntimeThatRanItMustBeTheOneStarted()
    {
        const Benchmark benchmark = kernel();
        RuntimeInfo node = runtime(QStringLiteral("node"), QStringLiteral("node"));
        node.implementation = QStringLiteral("node");
        const QByteArray bun = QByteArray(kGood).replace(
            R"("version":"v20",)", R"("version":"1.4.5","runtime_info":{"schema":1,"family":"javascript","kind":"bun","version":"1.4.5","node_compat":"v26.3.0"},)");
        // A Bun binary detected as node: the result names the runtime that really ran it, and is refused.
        Sample sample = SampleEvaluator::evaluate(benchmark, size(), node, exitedWith(bun));
        QCOMPARE(sample.status, QStringLiteral("protocol"));
        QVERIFY2(sample.error.contains(QStringLiteral("was started with node (node) but reports that bun 1.4.5 ran it")), qPrintable(sample.error));
        // Started as bun, it is valid and keeps what it reported.
        RuntimeInfo bunRuntime = runtime(QStringLiteral("bun"), QStringLiteral("node"));
        bunRuntime.implementation = QStringLiteral("bun");
        sample = SampleEvaluator::evaluate(benchmark, size(), bunRuntime, exitedWith(bun));
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        QCOMPARE(sample.extra.value(QLatin1String("runtime_info")).toObject().value(QLatin1String("node_compat")).toString(), QStringLiteral("v26.3.0"));
        QCOMPARE(sample.extra.value(QLatin1String("version")).toString(), QStringLiteral("1.4.5"));
        // A schema this Showdown does not read is refused rather than guessed at.
        sample = SampleEvaluator::evaluate(benchmark, size(), bunRuntime, exitedWith(QByteArray(bun).replace(R"("schema":1)", R"("schema":2)")));
        QCOMPARE(sample.status, QStringLiteral("protocol"));
        QVERIFY2(sample.error.contains(QStringLiteral("runtime_info schema 2")), qPrintable(sample.error));
        // Programs that do not print runtime_info (written before it) are still read.
        QVERIFY(SampleEvaluator::evaluate(benchmark, size(), node, exitedWith(kGood)).valid());
    }

    void processFailuresKeepTheirReason()
    {
        ProcessResult timedOut;
        timedOut.outcome = ProcessResult::Outcome::TimedOut;
        timedOut.error = QStringLiteral("timed out after 60 s");
        timedOut.stdoutData = kGood;  // even a full report does not rescue a killed process
        const Sample sample = evaluate(timedOut);
        QCOMPARE(sample.status, QStringLiteral("timeout"));
        QCOMPARE(sample.error, QStringLiteral("timed out after 60 s"));

        ProcessResult crashed;
        crashed.outcome = ProcessResult::Outcome::Signaled;
        crashed.signal = 11;
        crashed.error = QStringLiteral("crashed with signal 11");
        QCOMPARE(evaluate(crashed).status, QStringLiteral("signal"));
    }

    void startupIsTimedFromOutside()
    {
        Benchmark startup = kernel();
        startup.name = QStringLiteral("startup");
        startup.measure = QStringLiteral("process");
        BenchmarkSize s;
        s.checksum = QStringLiteral("ok");
        const QByteArray report = R"({"protocol":1,"benchmark":"startup","runtime":"python","version":"3.11","warmup_ns":[],"iterations_ns":[],"result":"ok"})";
        const Sample sample = SampleEvaluator::evaluate(startup, s, runtime(QStringLiteral("python3"), QStringLiteral("python")),
                                                        exitedWith(report, 12345678));
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        QCOMPARE(sample.iterationsNs, (QList<qint64>{12345678}));
    }

    void planInterleavesRuntimes()
    {
        QTemporaryDir dir;
        QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        const QByteArray sizes = R"({"quick":{"size":1,"runs":3,"iterations":1,"warmup":0,"checksum":"1"},)"
                                 R"("standard":{"size":2,"runs":4,"iterations":1,"warmup":0,"checksum":"2"},)"
                                 R"("full":{"size":3,"runs":5,"iterations":1,"warmup":0,"checksum":"3"}})";
        manifest.write(R"({"protocol":1,"suites":{"quick":{},"standard":{},"full":{}},"benchmarks":[)"
            R"({"name":"a","category":"cpu","claims":["jit"],"bound":"code","notes":"n","node":"node/a.js","python":"python/a.py","sizes":)" + sizes + "},"
            R"({"name":"b","category":"cpu","claims":["jit"],"bound":"code","notes":"n","node":"node/b.js","python":"python/b.py","sizes":)" + sizes + "}]}");
        manifest.close();
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(manifest.fileName(), &error);
        QVERIFY2(catalog, qPrintable(error));

        FakeExecutor executor([](const ProcessSpec &) { return exitedWith("{}"); });
        SuiteRunner runner(*catalog, executor);
        const QList<RuntimeInfo> runtimes{runtime(QStringLiteral("node"), QStringLiteral("node")),
                                          runtime(QStringLiteral("python3"), QStringLiteral("python"))};
        const QList<RunStep> steps = runner.plan(QStringLiteral("quick"), {QStringLiteral("b")}, runtimes, 0, &error);
        QVERIFY(error.isEmpty());
        QStringList order;
        for (const RunStep &step : steps)
            order.append(step.benchmark.name + QLatin1Char(':') + step.runtime.name);
        QCOMPARE(order, (QStringList{"b:node", "b:python3", "b:python3", "b:node", "b:node", "b:python3"}));

        QCOMPARE(runner.plan(QStringLiteral("standard"), {}, runtimes, 2, &error).size(), 2 * 2 * 2);
        QVERIFY(runner.plan(QStringLiteral("quick"), {QStringLiteral("nope")}, runtimes, 0, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("unknown benchmark \"nope\"")), qPrintable(error));
        error.clear();
        QVERIFY(runner.plan(QStringLiteral("huge"), {}, runtimes, 0, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("unknown suite \"huge\"")), qPrintable(error));

        // The argument vector is exactly the protocol's, with the script resolved against the manifest.
        const ProcessSpec spec = runner.processSpec(steps.first());
        QCOMPARE(spec.program, QStringLiteral("/usr/bin/node"));
        QCOMPARE(spec.arguments, (QStringList{dir.filePath(QStringLiteral("node/b.js")), "--size", "1", "--iterations", "1", "--warmup", "0"}));

        // A stop request ends the run before the next process starts.
        std::stop_source stop;
        int seen = 0;
        const int ran = runner.execute(steps, stop.get_token(), [&](const RunStep &, const Sample &sample) {
            QCOMPARE(sample.status, QStringLiteral("protocol"));  // "{}" is no valid report
            if (++seen == 2)
                stop.request_stop();
        });
        QCOMPARE(ran, 2);
        QCOMPARE(executor.specs().size(), 2);
    }

    void variantsAndWorkersComeFromManifestFragments()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("manifest.d")));
        QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"protocol":1,"suites":{"quick":{},"standard":{},"full":{}},"benchmarks":[]})");
        manifest.close();
        QFile fragment(dir.filePath(QStringLiteral("manifest.d/scaling.json")));
        QVERIFY(fragment.open(QIODevice::WriteOnly));
        const QByteArray size = R"({"size":10,"runs":1,"iterations":2,"warmup":0,"checksum":"42","workers":[1,2]})";
        fragment.write(R"({"benchmarks":[{"name":"par","category":"scaling","claims":["gil"],"bound":"code","notes":"n","node":"node/par.js","python":"python/par.py",)"
            R"("variants":[{"name":"worker_threads","runtime":"node"},{"name":"threads","runtime":"python"},)"
            R"({"name":"numpy","runtime":"python","requires":["numpy"]}],)"
            R"("sizes":{"quick":)" + size + R"(,"standard":)" + size + R"(,"full":)" + size + "}}]}");
        fragment.close();
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(manifest.fileName(), &error);
        QVERIFY2(catalog, qPrintable(error));
        QVERIFY(catalog->find(QStringLiteral("par")));

        FakeExecutor executor([](const ProcessSpec &) { return exitedWith("{}"); });
        SuiteRunner runner(*catalog, executor);
        QList<SkippedRun> skipped;
        const QList<RunStep> steps = runner.plan(QStringLiteral("quick"), {},
                                                 {runtime(QStringLiteral("node"), QStringLiteral("node")),
                                                  runtime(QStringLiteral("python3"), QStringLiteral("python"))},
                                                 0, &error, &skipped);
        QStringList order;
        for (const RunStep &step : steps)
            order.append(QStringLiteral("%1@%2").arg(step.variant.name).arg(step.workers));
        QCOMPARE(order, (QStringList{"worker_threads@1", "worker_threads@2", "threads@1", "threads@2"}));
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped.first().variant, QStringLiteral("numpy"));
        QVERIFY2(skipped.first().reason.contains(QLatin1String("python3-numpy")), qPrintable(skipped.first().reason));
        QCOMPARE(runner.processSpec(steps.at(3)).arguments.mid(7),
                 (QStringList{"--workers", "2", "--variant", "threads"}));

        // Rows split by worker count; the speed-up is time at 1 worker over time at N, with a CI.
        QList<Sample> samples;
        for (const auto &[variant, runtimeName, workers, ns] :
             QList<std::tuple<QString, QString, int, qint64>>{{"threads", "python3", 1, 1000}, {"threads", "python3", 2, 1000},
                                                             {"worker_threads", "node", 1, 400}, {"worker_threads", "node", 2, 200}}) {
            Sample sample;
            sample.benchmark = QStringLiteral("par");
            sample.variant = variant;
            sample.runtime = runtimeName;
            sample.workers = workers;
            sample.iterationsNs = {ns, ns + 10, ns - 10};
            samples.append(sample);
        }
        const QList<SummaryRow> rows = ResultAnalysis::rows(samples, {runtime(QStringLiteral("node"), QStringLiteral("node")),
                                                                      runtime(QStringLiteral("python3"), QStringLiteral("python"))});
        QCOMPARE(rows.size(), 4);
        const QList<ScalingRow> scaling = ResultAnalysis::scalingRows(rows);
        QCOMPARE(scaling.size(), 4);
        QCOMPARE(scaling.at(1).variant, QStringLiteral("threads"));
        QCOMPARE(scaling.at(1).speedup, 1.0);
        QCOMPARE(scaling.at(3).speedup, 2.0);
        QCOMPARE(scaling.at(3).efficiency, 1.0);
        QVERIFY(scaling.at(3).ci.ciLow <= 2.0 && scaling.at(3).ci.ciHigh >= 2.0);
        // Node and Python variants face each other at equal worker counts only.
        const QList<Comparison> comparisons = ResultAnalysis::comparisons(rows);
        QCOMPARE(comparisons.size(), 2);
        QCOMPARE(comparisons.at(1).variant, QStringLiteral("worker_threads / threads"));
        QCOMPARE(comparisons.at(1).workers, 2);
        QCOMPARE(comparisons.at(1).ratio.ratio, 0.2);
    }

    void manifestErrorsNameTheProblem()
    {
        QTemporaryDir dir;
        QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"protocol":1,"suites":{"quick":{},"standard":{},"full":{}},"benchmarks":[{"name":"a","category":"cpu","bound":"code","notes":"n","node":"a.js","python":"a.py","sizes":{}}]})");
        manifest.close();
        QString error;
        QVERIFY(!Catalog::load(manifest.fileName(), &error));
        QVERIFY2(error.contains(QLatin1String("benchmark \"a\" has no size for suite \"quick\"")), qPrintable(error));
        // A category no page knows would drop the benchmark from the window and the report: refused, naming the choices.
        QVERIFY(!loadManifest(R"({"name":"g","category":"gpu","bound":"code","notes":"n","node":"g.js","python":"g.py","sizes":{}})", &error));
        QVERIFY2(error.contains(QLatin1String("benchmark \"g\": unknown category \"gpu\"; one of startup, cpu, library")), qPrintable(error));
        QVERIFY(!Catalog::load(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY2(error.contains(QLatin1String("cannot read")), qPrintable(error));
    }

    void manifestBoundIsTyped_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QString>("expected");  // empty: the manifest loads
        QTest::newRow("unknown bound") << QByteArray(R"("bound":"gpu","notes":"n",)") << QStringLiteral("benchmark \"k\": unknown bound \"gpu\"; one of code, library, startup, io");
        QTest::newRow("bound missing") << QByteArray(R"("notes":"n",)") << QStringLiteral("benchmark \"k\" needs \"bound\"");
        QTest::newRow("notes missing") << QByteArray(R"("bound":"library",)") << QStringLiteral("benchmark \"k\" needs \"notes\"");
        QTest::newRow("unknown variant bound") << QByteArray(R"("bound":"code","notes":"n","variants":[{"name":"v","runtime":"python","bound":"blas"},{"name":"w","runtime":"node"}],)")
                                               << QStringLiteral("benchmark \"k\", variant \"v\": unknown bound \"blas\"");
        QTest::newRow("valid") << QByteArray(R"("bound":"code","notes":"n","variants":[{"name":"v","runtime":"python","bound":"library"},{"name":"w","runtime":"node"}],)") << QString();
    }

    void manifestBoundIsTyped()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        const QByteArray size = R"({"size":1,"runs":1,"iterations":1,"warmup":0,"checksum":"1"})";
        manifest.write(R"({"protocol":1,"suites":{"quick":{},"standard":{},"full":{}},"benchmarks":[{"name":"k","category":"cpu",)" + fields
            + R"("node":"k.js","python":"k.py","sizes":{"quick":)" + size + R"(,"standard":)" + size + R"(,"full":)" + size + "}}]}");
        manifest.close();
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(manifest.fileName(), &error);
        if (expected.isEmpty()) {
            QVERIFY2(catalog, qPrintable(error));
            const Benchmark &k = catalog->benchmarks().first();
            QCOMPARE(k.bound->kind, BenchmarkBound::Code);
            QCOMPARE(k.notes, QStringLiteral("n"));
            QCOMPARE(k.boundOf(k.variants.at(0))->kind, BenchmarkBound::Library);  // the variant's own
            QCOMPARE(k.boundOf(k.variants.at(1))->kind, BenchmarkBound::Code);     // the benchmark's
            QCOMPARE(k.toJson().value(QLatin1String("bound")).toString(), QStringLiteral("code"));
            return;
        }
        QVERIFY(!catalog);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void suiteServerListAndEndpointConnectionsShapeThePlan_data()
    {
        QTest::addColumn<QByteArray>("extra");     // extra keys of the quick size
        QTest::addColumn<QString>("expected");     // empty: the manifest loads
        QTest::newRow("valid") << QByteArray(R"("servers":["b"],"endpoint_connections":{"json":[64]},)") << QString();
        QTest::newRow("unknown server") << QByteArray(R"("servers":["c"],)") << QStringLiteral("server \"c\" is not among the benchmark's servers");
        QTest::newRow("endpoint not in the suite") << QByteArray(R"("endpoint_connections":{"delay":[64]},)")
                                                   << QStringLiteral("\"endpoint_connections\" entry \"delay\"");
        QTest::newRow("no counts") << QByteArray(R"("endpoint_connections":{"json":[]},)") << QStringLiteral("\"endpoint_connections\" entry \"json\"");
    }

    void suiteServerListAndEndpointConnectionsShapeThePlan()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QString, expected);
        const QByteArray size = R"({"endpoints":["plaintext","json"],"connections":[1,16],"duration_s":1,"runs":2})";
        const QByteArray quick = R"({)" + extra + R"("endpoints":["plaintext","json"],"connections":[1,16],"duration_s":1,"runs":2})";
        const QByteArray benchmark = R"({"name":"web","category":"io","measure":"http",)"
            R"("endpoints":{"plaintext":{"path":"/plaintext","body":"a"},"json":{"path":"/json","body":"b"}},)"
            R"("servers":[{"name":"a","runtime":"node","script":"a.js"},{"name":"b","runtime":"node","script":"b.js"}],)"
            R"("sizes":{"quick":)" + quick + R"(,"standard":)" + size + R"(,"full":)" + size + "}}";
        QString error;
        const std::optional<Catalog> catalog = loadManifest(benchmark, &error);
        if (!expected.isEmpty()) {
            QVERIFY(!catalog);
            QVERIFY2(error.contains(expected), qPrintable(error));
            return;
        }
        QVERIFY2(catalog, qPrintable(error));
        FakeExecutor executor([](const ProcessSpec &) { return exitedWith("{}"); });
        SuiteRunner runner(*catalog, executor);
        const RuntimeInfo node = runtime(QStringLiteral("node"), QStringLiteral("node"));
        // quick lists only server b: both of its processes, none of a's; standard runs both servers.
        QStringList quickServers;
        for (const RunStep &step : runner.plan(QStringLiteral("quick"), {}, {node}, 0, &error))
            quickServers << step.variant.name;
        QCOMPARE(quickServers, (QStringList{QStringLiteral("b"), QStringLiteral("b")}));
        QCOMPARE(runner.plan(QStringLiteral("standard"), {}, {node}, 0, &error).size(), 4);
        // json is measured at 64 connections only, plaintext at the suite's 1 and 16; the estimate counts 3 points.
        const BenchmarkSize quickSize = catalog->benchmarks().first().sizes.value(QStringLiteral("quick"));
        QCOMPARE(quickSize.connectionsFor(QStringLiteral("json")), QList<int>{64});
        QCOMPARE(quickSize.connectionsFor(QStringLiteral("plaintext")), (QList<int>{1, 16}));
        const BenchmarkSize standardSize = catalog->benchmarks().first().sizes.value(QStringLiteral("standard"));
        QVERIFY(ServerRunner::loadSeconds(catalog->benchmarks().first(), quickSize) < ServerRunner::loadSeconds(catalog->benchmarks().first(), standardSize));
    }

    void manifestCapacityIsTyped_data()
    {
        QTest::addColumn<QByteArray>("endpoint");
        QTest::addColumn<QByteArray>("capacity");
        QTest::addColumn<QString>("expected");  // empty: the manifest loads
        const QByteArray objective = R"("slo_p99_ms":10)";
        const QByteArray valid = R"({"endpoints":["plaintext"],"connections":[64],"duration_s":1,"warmup_s":0.2,"start_rate":500,"precision":0.1,"max_steps":6})";
        QTest::newRow("valid") << objective << valid << QString();
        QTest::newRow("misspelt key") << objective << QByteArray(R"({"endpoints":["plaintext"],"connections":[64],"duration":1,"warmup_s":0.2,"start_rate":500,"precision":0.1,"max_steps":6})")
                                      << QStringLiteral("benchmark \"s\", suite \"quick\", capacity: unknown key \"duration\"");
        QTest::newRow("no objective") << QByteArray(R"("work":"none")") << valid
                                      << QStringLiteral("capacity: endpoint \"plaintext\" declares no \"slo_p99_ms\"");
        QTest::newRow("objective not positive") << QByteArray(R"("slo_p99_ms":0)") << valid
                                                << QStringLiteral("endpoint \"plaintext\": \"slo_p99_ms\" must be a number above 0");
        QTest::newRow("unknown endpoint key") << QByteArray(R"("slo_p99":10)") << valid << QStringLiteral("endpoint \"plaintext\": unknown key \"slo_p99\"");
        QTest::newRow("missing max_steps") << objective
                                           << QByteArray(R"({"endpoints":["plaintext"],"connections":[64],"duration_s":1,"warmup_s":0.2,"start_rate":500,"precision":0.1})")
                                           << QStringLiteral("\"max_steps\" must be a number of at least 2");
        QTest::newRow("precision of one") << objective
                                          << QByteArray(R"({"endpoints":["plaintext"],"connections":[64],"duration_s":1,"warmup_s":0.2,"start_rate":500,"precision":1,"max_steps":6})")
                                          << QStringLiteral("a share below 1");
    }

    void manifestCapacityIsTyped()
    {
        QFETCH(QByteArray, endpoint);
        QFETCH(QByteArray, capacity);
        QFETCH(QString, expected);
        const QByteArray size = R"({"endpoints":["plaintext"],"connections":[16],"duration_s":1,"capacity":)" + capacity + "}";
        const QByteArray benchmark = R"({"name":"s","category":"io","measure":"http",)"
            R"("endpoints":{"plaintext":{"path":"/plaintext","body":"Hello",)" + endpoint + R"(}},)"
            R"("servers":[{"name":"n","runtime":"node","script":"n.js"}],"sizes":{"quick":)" + size + R"(,"standard":)" + size
            + R"(,"full":)" + size + "}}";
        QString error;
        const std::optional<Catalog> catalog = loadManifest(benchmark, &error);
        if (expected.isEmpty()) {
            QVERIFY2(catalog, qPrintable(error));
            const Benchmark &s = catalog->benchmarks().first();
            QCOMPARE(s.endpoint(QStringLiteral("plaintext"))->sloP99Ms, 10.0);
            const std::optional<CapacitySettings> &settings = s.sizes.value(QStringLiteral("quick")).capacity;
            QVERIFY(settings);
            QCOMPARE(settings->endpoints, QStringList{QStringLiteral("plaintext")});
            QCOMPARE(settings->connections, QList<int>{64});
            QCOMPARE(settings->plan.stepS, 1.0);
            QCOMPARE(settings->plan.warmupS, 0.2);
            QCOMPARE(settings->plan.startRate, 500.0);
            QCOMPARE(settings->plan.precision, 0.1);
            QCOMPARE(settings->plan.maxSteps, 6);
            return;
        }
        QVERIFY(!catalog);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void shippedManifestDeclaresCapacitySearches()
    {
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &error);
        QVERIFY2(catalog, qPrintable(error));
        for (const QString &name : {QStringLiteral("http"), QStringLiteral("chat")}) {
            const Benchmark *benchmark = catalog->find(name);
            QVERIFY(benchmark);
            for (const QString &suite : catalog->suites())
                QVERIFY2(benchmark->sizes.value(suite).capacity, qPrintable(name + QLatin1Char(' ') + suite));
        }
        // Chat sweeps only below overload; the capacity search finds where overload begins.
        QCOMPARE(catalog->find(QStringLiteral("chat"))->sizes.value(QStringLiteral("standard")).connections, QList<int>{100});
        QCOMPARE(catalog->find(QStringLiteral("chat"))->endpoints.first().sloP99Ms, 50.0);
        QCOMPARE(catalog->find(QStringLiteral("http"))->endpoint(QStringLiteral("delay"))->sloP99Ms, 20.0);
    }

    void manifestServerEntriesAreChecked_data()
    {
        QTest::addColumn<QByteArray>("fields");  // extra keys of the server entry
        QTest::addColumn<QString>("expected");   // empty: the manifest loads
        QTest::newRow("env and config") << QByteArray(R"("env":{"NODE_ENV":"production"},"config":{"server":"express","env":"production"},)") << QString();
        QTest::newRow("misspelt key") << QByteArray(R"("enviroment":{"NODE_ENV":"production"},)")
                                      << QStringLiteral("benchmark \"web\", variant \"express\": unknown key \"enviroment\"");
        QTest::newRow("env not an object") << QByteArray(R"("env":"NODE_ENV=production",)") << QStringLiteral("\"env\" must be an object");
        QTest::newRow("env value not a string") << QByteArray(R"("env":{"WORKERS":2},)") << QStringLiteral("\"env\" entry \"WORKERS\"");
        QTest::newRow("env name with =") << QByteArray(R"("env":{"A=B":"c"},)") << QStringLiteral("\"env\" entry \"A=B\"");
        QTest::newRow("empty config") << QByteArray(R"("config":{},)") << QStringLiteral("\"config\" must be a non-empty object");
        QTest::newRow("config and unsupported by runtime kind")
            << QByteArray(R"("env":{"NODE_ENV":"production"},"config":{"server":"express","env":"production"},)"
                          R"("config_by_kind":{"bun":{"server":"express","parser":"bun"}},"unsupported":{"deno":"why"},)")
            << QString();
        QTest::newRow("config_by_kind of another family") << QByteArray(R"("config_by_kind":{"pypy":{"parser":"x"}},)")
                                                          << QStringLiteral("\"config_by_kind\" names \"pypy\", not a runtime kind that runs node programs");
        QTest::newRow("empty config_by_kind entry") << QByteArray(R"("config_by_kind":{"bun":{}},)")
                                                    << QStringLiteral("\"config_by_kind\" for \"bun\" must be a non-empty object");
        QTest::newRow("unsupported on an unknown kind") << QByteArray(R"("unsupported":{"bunn":"why"},)")
                                                        << QStringLiteral("\"unsupported\" names \"bunn\", not a runtime kind");
        QTest::newRow("unsupported without a reason") << QByteArray(R"("unsupported":{"bun":" "},)")
                                                      << QStringLiteral("\"unsupported\" for \"bun\" needs the reason");
        QTest::newRow("unsupported not an object") << QByteArray(R"("unsupported":["bun"],)")
                                                   << QStringLiteral("\"unsupported\" must be an object of runtime kind and reason");
    }

    void manifestServerEntriesAreChecked()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, expected);
        const QByteArray size = R"({"endpoints":["plaintext"],"connections":[1],"duration_s":1})";
        const QByteArray benchmark = R"({"name":"web","category":"io","measure":"http",)"
            R"("endpoints":{"plaintext":{"path":"/plaintext","body":"Hello"}},)"
            R"("servers":[{"name":"express","runtime":"node","script":"node/server-express.js","args":[],"requires":[],)" + fields
            + R"("per_request":"p"}],"sizes":{"quick":)" + size + R"(,"standard":)" + size + R"(,"full":)" + size + "}}";
        QString error;
        const std::optional<Catalog> catalog = loadManifest(benchmark, &error);
        if (!expected.isEmpty()) {
            QVERIFY(!catalog);
            QVERIFY2(error.contains(expected), qPrintable(error));
            return;
        }
        QVERIFY2(catalog, qPrintable(error));
        const BenchmarkVariant &server = catalog->benchmarks().first().variants.first();
        QCOMPARE(server.environment, (QMap<QString, QString>{{QStringLiteral("NODE_ENV"), QStringLiteral("production")}}));
        QCOMPARE(server.config.value(QLatin1String("env")).toString(), QStringLiteral("production"));
        // Both travel with the benchmark's description (showdown list --json, the stored manifest).
        const QJsonObject json = catalog->benchmarks().first().toJson().value(QLatin1String("servers")).toArray().first().toObject();
        QCOMPARE(json.value(QLatin1String("env")).toObject().value(QLatin1String("NODE_ENV")).toString(), QStringLiteral("production"));
        QCOMPARE(json.value(QLatin1String("config")).toObject(), server.config);
        if (!server.configByKind.isEmpty()) {
            // The ready line is held to the kind's own configuration there, to `config` elsewhere.
            QCOMPARE(server.configFor(QStringLiteral("bun")).value(QLatin1String("parser")).toString(), QStringLiteral("bun"));
            QCOMPARE(server.configFor(QStringLiteral("node")), server.config);
            QCOMPARE(server.unsupportedReason(QStringLiteral("deno")), QStringLiteral("why"));
            QVERIFY(server.unsupportedReason(QStringLiteral("bun")).isEmpty());
            QCOMPARE(json.value(QLatin1String("unsupported")).toObject().value(QLatin1String("deno")).toString(), QStringLiteral("why"));
            QCOMPARE(json.value(QLatin1String("config_by_kind")).toObject().value(QLatin1String("bun")).toObject(),
                     server.configFor(QStringLiteral("bun")));
        }
    }

    void unsupportedRuntimeKindsAreRecordedPerProgram()
    {
        const QByteArray size = R"({"size":1,"runs":1,"iterations":1,"warmup":0,"checksum":"x"})";
        const QByteArray sizes = R"("sizes":{"quick":)" + size + R"(,"standard":)" + size + R"(,"full":)" + size + "}";
        // A benchmark without variants: its kinds may be of either family, and its implicit variants carry them.
        QString error;
        std::optional<Catalog> catalog = loadManifest(R"({"name":"p","category":"cpu","bound":"code","notes":"n","node":"p.js","python":"p.py",)"
                                                      R"("unsupported":{"deno":"no API","pypy":"no module"},)" + sizes + "}", &error);
        QVERIFY2(catalog, qPrintable(error));
        const Benchmark &plain = catalog->benchmarks().first();
        QCOMPARE(plain.variantsFor(QStringLiteral("node")).first().unsupportedReason(QStringLiteral("deno")), QStringLiteral("no API"));
        QCOMPARE(plain.variantsFor(QStringLiteral("python")).first().unsupportedReason(QStringLiteral("pypy")), QStringLiteral("no module"));
        QVERIFY(plain.variantsFor(QStringLiteral("python")).first().unsupportedReason(QStringLiteral("cpython")).isEmpty());
        QCOMPARE(plain.toJson().value(QLatin1String("unsupported")).toObject().value(QLatin1String("pypy")).toString(), QStringLiteral("no module"));
        // A benchmark with variants: each variant says it, for its own family only.
        const QByteArray variants = R"("variants":[{"name":"a","runtime":"node","description":"d"},)"
                                    R"({"name":"b","runtime":"python","description":"d","unsupported":{"pypy":"C extension"}}],)";
        catalog = loadManifest(R"({"name":"v","category":"cpu","bound":"code","notes":"n","node":"v.js","python":"v.py",)" + variants + sizes + "}", &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->benchmarks().first().variantsFor(QStringLiteral("python")).first().unsupportedReason(QStringLiteral("pypy")),
                 QStringLiteral("C extension"));
        QVERIFY(!loadManifest(R"({"name":"v","category":"cpu","bound":"code","notes":"n","node":"v.js","python":"v.py",)"
                              R"("unsupported":{"bun":"x"},)" + variants + sizes + "}", &error));
        QVERIFY2(error.contains(QStringLiteral("belongs on each variant")), qPrintable(error));
        QVERIFY(!loadManifest(R"({"name":"w","category":"cpu","bound":"code","notes":"n","node":"w.js","python":"w.py","variants":[)"
                              R"({"name":"a","runtime":"node","description":"d","unsupported":{"pypy":"x"}},{"name":"b","runtime":"python","description":"d"}],)"
                              + sizes + "}", &error));
        QVERIFY2(error.contains(QStringLiteral("not a runtime kind that runs node programs")), qPrintable(error));

        // The shipped manifest: what was found by trying on Bun, Deno and PyPy (check_servers.py --runtime).
        catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &error);
        QVERIFY2(catalog, qPrintable(error));
        bool sawGunicorn = false;
        for (const BenchmarkVariant &server : catalog->find(QStringLiteral("http"))->variants) {
            if (server.name == QLatin1String("node-http")) {
                QCOMPARE(server.configFor(QStringLiteral("node")).value(QLatin1String("parser")).toString(), QStringLiteral("llhttp"));
                QCOMPARE(server.configFor(QStringLiteral("deno")).value(QLatin1String("parser")).toString(), QStringLiteral("deno"));
            }
            if (server.name == QLatin1String("flask-gunicorn")) {
                sawGunicorn = true;
                QVERIFY(server.unsupportedReason(QStringLiteral("pypy")).contains(QStringLiteral("AF_UNIX")));
                QVERIFY(server.unsupportedReason(QStringLiteral("cpython")).isEmpty());
            }
        }
        QVERIFY(sawGunicorn);

        // The plan skips a program on a kind that cannot run it, with the manifest's reason; other kinds run it.
        FakeExecutor executor([](const ProcessSpec &) { return exitedWith("{}"); });
        SuiteRunner runner(*catalog, executor);
        for (const QString &implementation : {QStringLiteral("pypy"), QStringLiteral("cpython")}) {
            RuntimeInfo python = runtime(QStringLiteral("python3"), QStringLiteral("python"));
            python.implementation = implementation;
            python.libraries = QStringList{QStringLiteral("flask"), QStringLiteral("gunicorn"), QStringLiteral("waitress")};
            QList<SkippedRun> skipped;
            QStringList planned;
            for (const RunStep &step : runner.plan(QStringLiteral("full"), {QStringLiteral("http")}, {python}, 1, &error, &skipped))
                planned << step.variant.name;
            QString gunicornSkip;
            for (const SkippedRun &skip : std::as_const(skipped)) {
                if (skip.variant == QLatin1String("flask-gunicorn"))
                    gunicornSkip = skip.reason;
            }
            if (implementation == QLatin1String("pypy")) {
                QVERIFY(!planned.contains(QStringLiteral("flask-gunicorn")));
                QVERIFY2(gunicornSkip.contains(QStringLiteral("(pypy) cannot run it")) && gunicornSkip.contains(QStringLiteral("AF_UNIX")),
                         qPrintable(gunicornSkip));
            } else {
                QVERIFY(planned.contains(QStringLiteral("flask-gunicorn")));
                QVERIFY2(gunicornSkip.isEmpty(), qPrintable(gunicornSkip));
            }
            QVERIFY(planned.contains(QStringLiteral("flask")));  // waitress runs on PyPy (check_servers.py)
            // A library the interpreter cannot import: PyPy is told no Debian package would help, CPython which one to install.
            QString uvloopSkip;
            for (const SkippedRun &skip : std::as_const(skipped)) {
                if (skip.variant == QLatin1String("uvloop"))
                    uvloopSkip = skip.reason;
            }
            if (implementation == QLatin1String("pypy"))
                QVERIFY2(uvloopSkip.contains(QStringLiteral("cannot import uvloop: Debian's Python packages are built for CPython")), qPrintable(uvloopSkip));
            else
                QVERIFY2(uvloopSkip.contains(QStringLiteral("has no uvloop (Debian: apt-get install python3-uvloop)")), qPrintable(uvloopSkip));
        }
    }

    void serverProcessesRepeatInAFixedShuffledOrder()
    {
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &error);
        QVERIFY2(catalog, qPrintable(error));
        // Runtimes that have every optional library, so no server is skipped.
        RuntimeInfo node = runtime(QStringLiteral("node"), QStringLiteral("node"));
        RuntimeInfo python = runtime(QStringLiteral("python3"), QStringLiteral("python"));
        QStringList servers;
        for (const Benchmark &benchmark : catalog->benchmarks()) {
            if (!benchmark.isServer())
                continue;
            servers << benchmark.name;
            for (const BenchmarkVariant &variant : benchmark.variants)
                (variant.runtimeKind == QLatin1String("node") ? node : python).libraries << variant.libraries;
        }
        QVERIFY(servers.size() >= 3);
        FakeExecutor executor([](const ProcessSpec &) { return exitedWith("{}"); });
        SuiteRunner runner(*catalog, executor);
        const QMap<QString, int> atLeast{{QStringLiteral("quick"), 2}, {QStringLiteral("standard"), 3}, {QStringLiteral("full"), 5}};
        for (auto suite = atLeast.begin(); suite != atLeast.end(); ++suite) {
            const QList<RunStep> steps = runner.plan(suite.key(), servers, {node, python}, 0, &error);
            QVERIFY2(!steps.isEmpty(), qPrintable(error));
            const auto keyOf = [](const RunStep &step) {
                return QStringLiteral("%1/%2/%3/%4#%5").arg(step.benchmark.name, step.variant.name, step.runtime.name).arg(step.workers).arg(step.runIndex);
            };
            QStringList order;
            QMap<QString, int> processesPer;
            for (const RunStep &step : steps) {
                order << keyOf(step);
                ++processesPer[QStringLiteral("%1/%2/%3").arg(step.benchmark.name, step.variant.name).arg(step.workers)];
            }
            // Every server point is measured in several processes.
            for (auto it = processesPer.begin(); it != processesPer.end(); ++it)
                QVERIFY2(it.value() >= suite.value(), qPrintable(QStringLiteral("%1 %2: %3").arg(suite.key(), it.key()).arg(it.value())));
            // Each process is planned once, and the same plan gives the same order.
            QCOMPARE(QSet<QString>(order.begin(), order.end()).size(), order.size());
            QStringList again;
            for (const RunStep &step : runner.plan(suite.key(), servers, {node, python}, 0, &error))
                again << keyOf(step);
            QCOMPARE(again, order);
            // Interleaved across servers: within a benchmark, neither the run index nor the server is in blocks.
            for (const QString &name : servers) {
                QList<int> runs;
                QStringList variants;
                for (const RunStep &step : steps) {
                    if (step.benchmark.name != name)
                        continue;
                    runs << step.runIndex;
                    variants << step.variant.name;
                }
                QVERIFY2(!std::is_sorted(runs.begin(), runs.end()), qPrintable(suite.key() + QLatin1Char(' ') + name));
                qsizetype changes = 0;
                for (qsizetype i = 1; i < variants.size(); ++i)
                    changes += variants.at(i) != variants.at(i - 1);
                QVERIFY2(changes >= QSet<QString>(variants.begin(), variants.end()).size(), qPrintable(suite.key() + QLatin1Char(' ') + name));
            }
        }
    }

    void shippedManifestDeclaresEveryKernelsBound()
    {
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &error);
        QVERIFY2(catalog, qPrintable(error));
        QStringList code;
        QStringList library;
        for (const Benchmark &benchmark : catalog->benchmarks()) {
            if (benchmark.isServer())
                continue;
            QVERIFY2(benchmark.bound && !benchmark.notes.isEmpty(), qPrintable(benchmark.name));
            if (benchmark.claims.contains(QLatin1String("jit")))
                (benchmark.bound->kind == BenchmarkBound::Code ? code : library) << benchmark.name;
        }
        // The kernels whose time is mostly native code on both sides are not counted for the JIT.
        for (const QString &name : {QStringLiteral("sort"), QStringLiteral("regex"), QStringLiteral("json-roundtrip")})
            QVERIFY2(library.contains(name), qPrintable(name));
        for (const QString &name : {QStringLiteral("nbody"), QStringLiteral("fib"), QStringLiteral("spectral-norm")})
            QVERIFY2(code.contains(name), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(SuiteRunnerTest)
#include "SuiteRunnerTest.moc"
