// `showdown claims` and `showdown data` end to end: the real binary on a database this test writes with
// synthetic samples (made-up timings, far apart so the verdict is obvious), and a private user data folder.
#include "Catalog.h"
#include "LatencyHistogram.h"
#include "ResourceLocator.h"
#include "ResultStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

namespace {

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Outcome runShowdown(const QStringList &arguments, const QString &userData)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SHOWDOWN_USER_DATA"), userData);
    process.setProcessEnvironment(environment);
    process.start(ResourceLocator::executableDir() + QStringLiteral("/showdown"), arguments);
    process.waitForFinished(60000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

/// The two runtimes a claim compares, as a result set records them.
QList<RuntimeInfo> nodeAndPython()
{
    QList<RuntimeInfo> list;
    for (const QString &kind : {QStringLiteral("node"), QStringLiteral("python")}) {
        RuntimeInfo info;
        info.kind = kind;
        info.name = kind == QLatin1String("node") ? kind : QStringLiteral("python3");
        info.available = true;
        list << info;
    }
    return list;
}

/// Three processes of five iterations each around `centreNs`, 1% apart.
QList<Sample> samples(const QString &benchmark, const QString &runtimeName, qint64 centreNs)
{
    QList<Sample> list;
    for (int run = 0; run < 3; ++run) {
        Sample sample;
        sample.benchmark = benchmark;
        sample.runtime = runtimeName;
        sample.runIndex = run;
        sample.size = 10;
        sample.started = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 5; ++i)
            sample.iterationsNs << centreNs + centreNs * (run * 5 + i - 7) / 100;
        sample.result = QStringLiteral("ok");
        sample.exitCode = 0;
        sample.wallNs = centreNs * 6;
        list << sample;
    }
    return list;
}

/// One server process that measured /delay at 64 connections: `completed` requests in 2 s, latencies spread
/// from 10 ms to `tailNs`.
Sample delayServer(const QString &server, const QString &runtimeName, int run, qint64 completed, qint64 tailNs)
{
    Sample sample;
    sample.benchmark = QStringLiteral("http");
    sample.variant = server;
    sample.runtime = runtimeName;
    sample.runIndex = run;
    sample.started = QDateTime::currentDateTimeUtc();
    sample.exitCode = 0;
    sample.extra = QJsonObject{{QStringLiteral("measure"), QStringLiteral("http")}};
    LoadPoint point;
    point.kind = QStringLiteral("http");
    point.endpoint = QStringLiteral("delay");
    point.connections = 64;
    point.durationS = 2;
    point.completed = completed;
    point.sent = completed;
    LatencyHistogram latency;
    for (int i = 0; i < 100; ++i)
        latency.record(10'000'000 + (tailNs - 10'000'000) * i / 99);
    point.latency = latency.toJson();
    sample.points = {point};
    return sample;
}

/// A finished result set of `samples` in a new database at `db`; 0 and the reason when it could not be written.
qint64 storeSet(const QString &db, const QString &suite, const QList<Sample> &samples, QString *error)
{
    ResultStore store;
    if (!store.open(db, error))
        return 0;
    ResultSetInfo info;
    info.suite = suite;
    info.appVersion = QStringLiteral("test");
    const qint64 id = store.createResultSet(info, nodeAndPython(), error);
    for (const Sample &sample : samples) {
        if (id <= 0 || !store.addSample(id, sample, error))
            return 0;
    }
    return store.finishResultSet(id, QStringLiteral("complete"), error) ? id : 0;
}

void write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class ClaimsCliTest : public QObject {
    Q_OBJECT
private slots:
    void claimsJsonHasEveryClaimWithItsEvidence()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        QString error;
        const qint64 id = storeSet(db, QStringLiteral("quick"),
                                   samples(QStringLiteral("nbody"), QStringLiteral("node"), 1'000'000) + samples(QStringLiteral("nbody"), QStringLiteral("python3"), 40'000'000),
                                   &error);
        QVERIFY2(id > 0, qPrintable(error));
        const Outcome outcome = runShowdown({QStringLiteral("claims"), QString::number(id), QStringLiteral("--db"), db, QStringLiteral("--json")}, dir.path());
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        const QJsonArray claims = QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("claims")).toArray();
        QStringList ids;
        const QStringList verdicts = {QStringLiteral("Supported"), QStringLiteral("Not supported"), QStringLiteral("Mixed"),
                                      QStringLiteral("Inconclusive"), QStringLiteral("Not measured")};
        for (const QJsonValue &value : claims) {
            const QJsonObject claim = value.toObject();
            ids << claim.value(QStringLiteral("id")).toString();
            QVERIFY(verdicts.contains(claim.value(QStringLiteral("verdict")).toString()));
            QVERIFY(!claim.value(QStringLiteral("article_says")).toString().isEmpty());
            QVERIFY(!claim.value(QStringLiteral("why")).toString().isEmpty());
            QVERIFY(claim.value(QStringLiteral("evidence")).isArray());
        }
        for (const char *expected : {"jit", "io", "eventloop-mem", "asyncio", "gil", "multiprocessing", "cluster", "numeric", "realtime",
                                     "startup", "adoption", "registry", "beginner"})
            QVERIFY2(ids.contains(QString::fromLatin1(expected)), expected);
        // Only nbody was measured: its figure is in jit's evidence, Node 40x faster; the other kernels are missing.
        const QJsonObject jit = claims.at(int(ids.indexOf(QStringLiteral("jit")))).toObject();
        const QJsonObject nbody = jit.value(QStringLiteral("evidence")).toArray().first().toObject();
        QCOMPARE(nbody.value(QStringLiteral("source")).toString(), QStringLiteral("nbody//node,python3"));
        QVERIFY(nbody.value(QStringLiteral("value")).toDouble() < 0.05);
        QCOMPARE(nbody.value(QStringLiteral("n")).toInt(), 15);
        QCOMPARE(jit.value(QStringLiteral("verdict")).toString(), QStringLiteral("Mixed"));
        QCOMPARE(claims.at(int(ids.indexOf(QStringLiteral("io")))).toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("Not measured"));

        const Outcome text = runShowdown({QStringLiteral("claims"), QString::number(id), QStringLiteral("--db"), db}, dir.path());
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("jit             Mixed"));
        QCOMPARE(runShowdown({QStringLiteral("claims"), QStringLiteral("999"), QStringLiteral("--db"), db}, dir.path()).exitCode, 1);
        QCOMPARE(runShowdown({QStringLiteral("claims"), QStringLiteral("abc"), QStringLiteral("--db"), db}, dir.path()).exitCode, 2);
    }

    void serverVerdictsAndShowCarryIntervalsAcrossProcesses()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        // Three processes per server: node-http's every process serves far more than any Python one's.
        QList<Sample> servers;
        for (int run = 0; run < 3; ++run)
            servers << delayServer(QStringLiteral("node-http"), QStringLiteral("node"), run, 12'000 + 300 * run, 20'000'000)
                    << delayServer(QStringLiteral("asyncio"), QStringLiteral("python3"), run, 4'000 + 200 * run, 40'000'000)
                    << delayServer(QStringLiteral("threading"), QStringLiteral("python3"), run, 3'000 + 100 * run, 60'000'000);
        QString error;
        const qint64 id = storeSet(db, QStringLiteral("standard"), servers, &error);
        QVERIFY2(id > 0, qPrintable(error));
        const Outcome shown = runShowdown({QStringLiteral("show"), QString::number(id), QStringLiteral("--db"), db, QStringLiteral("--json")}, dir.path());
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QJsonObject show = QJsonDocument::fromJson(shown.out).object();
        QVERIFY(show.value(QStringLiteral("capacity")).isArray());
        const QJsonArray loadRows = show.value(QStringLiteral("load_rows")).toArray();
        QCOMPARE(loadRows.size(), 3);
        for (const QJsonValue &value : loadRows) {
            const QJsonObject row = value.toObject();
            QCOMPARE(row.value(QStringLiteral("n")).toInt(), 3);
            const double low = row.value(QStringLiteral("throughput_ci_low")).toDouble();
            const double high = row.value(QStringLiteral("throughput_ci_high")).toDouble();
            QVERIFY(low < high && low <= row.value(QStringLiteral("requests_per_sec")).toDouble() && high >= row.value(QStringLiteral("requests_per_sec")).toDouble());
            QVERIFY(row.value(QStringLiteral("p99_ci_low")).toDouble() <= row.value(QStringLiteral("p99_ci_high")).toDouble());
            QVERIFY(row.value(QStringLiteral("p99_ci_low")).toDouble() > 0);
        }
        const Outcome text = runShowdown({QStringLiteral("show"), QString::number(id), QStringLiteral("--db"), db}, dir.path());
        QVERIFY2(text.out.contains("n=3; req/s CI ["), text.out.constData());

        const Outcome outcome = runShowdown({QStringLiteral("claims"), QString::number(id), QStringLiteral("--db"), db, QStringLiteral("--json")}, dir.path());
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QJsonObject io;
        for (const QJsonValue &value : QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("claims")).toArray()) {
            if (value.toObject().value(QStringLiteral("id")).toString() == QLatin1String("io"))
                io = value.toObject();
        }
        // node-http's part holds on its intervals; Express and the frameworks were not measured.
        QCOMPARE(io.value(QStringLiteral("verdict")).toString(), QStringLiteral("Mixed"));
        const QJsonArray evidence = io.value(QStringLiteral("evidence")).toArray();
        QCOMPARE(evidence.size(), 2);
        for (const QJsonValue &value : evidence) {
            const QJsonObject figure = value.toObject();
            QCOMPARE(figure.value(QStringLiteral("n")).toInt(), 3);
            QVERIFY(figure.value(QStringLiteral("ci_low")).toDouble() > 1);
            QCOMPARE(figure.value(QStringLiteral("outcome")).toString(), QStringLiteral("holds"));
        }
    }

    void jitIsJudgedOnCodeBoundKernelsWithTheLibraryFindingBeside()
    {
        // Every jit kernel measured, as a standard set has them: Node far faster on the code-bound kernels,
        // Python far faster on the library-bound ones (the shipped manifest says which is which).
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &error);
        QVERIFY2(catalog, qPrintable(error));
        QStringList code;
        QStringList library;
        for (const Benchmark &benchmark : catalog->benchmarks()) {
            if (benchmark.claims.contains(QLatin1String("jit")))
                (benchmark.bound->kind == BenchmarkBound::Code ? code : library) << benchmark.name;
        }
        QVERIFY(!code.isEmpty() && !library.isEmpty());
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        qint64 id = 0;
        {
            ResultStore store;
            QVERIFY2(store.open(db, &error), qPrintable(error));
            ResultSetInfo info;
            info.suite = QStringLiteral("standard");
            info.appVersion = QStringLiteral("test");
            id = store.createResultSet(info, nodeAndPython(), &error);
            QVERIFY2(id > 0, qPrintable(error));
            QList<Sample> all;
            for (const QString &kernel : code)
                all << samples(kernel, QStringLiteral("node"), 1'000'000) << samples(kernel, QStringLiteral("python3"), 40'000'000);
            for (const QString &kernel : library)
                all << samples(kernel, QStringLiteral("node"), 40'000'000) << samples(kernel, QStringLiteral("python3"), 1'000'000);
            for (const Sample &sample : all)
                QVERIFY2(store.addSample(id, sample, &error), qPrintable(error));
            QVERIFY2(store.finishResultSet(id, QStringLiteral("complete"), &error), qPrintable(error));
        }
        const Outcome outcome = runShowdown({QStringLiteral("claims"), QString::number(id), QStringLiteral("--db"), db, QStringLiteral("--json")}, dir.path());
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QJsonObject jit;
        for (const QJsonValue &value : QJsonDocument::fromJson(outcome.out).object().value(QStringLiteral("claims")).toArray()) {
            if (value.toObject().value(QStringLiteral("id")).toString() == QLatin1String("jit"))
                jit = value.toObject();
        }
        QCOMPARE(jit.value(QStringLiteral("verdict")).toString(), QStringLiteral("Supported"));
        const QJsonArray evidence = jit.value(QStringLiteral("evidence")).toArray();
        QCOMPARE(evidence.size(), code.size());
        for (const QJsonValue &figure : evidence) {
            QCOMPARE(figure.toObject().value(QStringLiteral("bound")).toString(), QStringLiteral("code"));
            QVERIFY(!figure.toObject().value(QStringLiteral("notes")).toString().isEmpty());
        }
        const QJsonObject finding = jit.value(QStringLiteral("findings")).toArray().first().toObject();
        QStringList pythonWins;
        for (const QJsonValue &name : finding.value(QStringLiteral("python_wins")).toArray())
            pythonWins << name.toString();
        QCOMPARE(pythonWins, library);
        QVERIFY(finding.value(QStringLiteral("node_wins")).toArray().isEmpty());
        QVERIFY2(finding.value(QStringLiteral("summary")).toString().contains(QStringLiteral("CPython's C built-ins (python3) win ") + library.join(QStringLiteral(", "))),
                 qPrintable(finding.value(QStringLiteral("summary")).toString()));

        const Outcome text = runShowdown({QStringLiteral("claims"), QString::number(id), QStringLiteral("--db"), db}, dir.path());
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("jit             Supported"));
        QVERIFY2(text.out.contains("beside it: Library-bound kernels"), text.out.constData());
    }

    void dataImportValidatesAndOverrides()
    {
        QTemporaryDir dir;
        const QString userData = dir.filePath(QStringLiteral("user"));
        const QByteArray header = "metric,subject,date,value,unit,source_title,source_url,notes\n";
        write(dir.filePath(QStringLiteral("bad.csv")), header + "npm total packages,npm,2030-01-01,many,packages,Future,https://x.test,\n");
        const Outcome bad = runShowdown({QStringLiteral("data"), QStringLiteral("import"), dir.filePath(QStringLiteral("bad.csv"))}, userData);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("bad.csv:2: value \"many\" is not a number")), qPrintable(bad.err));
        QVERIFY(!QFile::exists(userData + QStringLiteral("/ecosystem.csv")));

        write(dir.filePath(QStringLiteral("good.csv")), header + "npm total packages,npm,2030-01-01,9000000,packages,Future,https://x.test,\n");
        const Outcome good = runShowdown({QStringLiteral("data"), QStringLiteral("import"), dir.filePath(QStringLiteral("good.csv"))}, userData);
        QVERIFY2(good.exitCode == 0, qPrintable(good.err));
        const QJsonArray datasets = QJsonDocument::fromJson(runShowdown({QStringLiteral("data"), QStringLiteral("list"), QStringLiteral("--json")}, userData).out)
                                        .object()
                                        .value(QStringLiteral("datasets"))
                                        .toArray();
        bool sawImported = false;
        for (const QJsonValue &value : datasets) {
            const QJsonObject dataset = value.toObject();
            if (dataset.value(QStringLiteral("name")).toString() == QLatin1String("ecosystem.csv")) {
                sawImported = dataset.value(QStringLiteral("imported")).toBool();
                QCOMPARE(dataset.value(QStringLiteral("rows")).toInt(), 1);
            }
        }
        QVERIFY(sawImported);
        QCOMPARE(runShowdown({QStringLiteral("data"), QStringLiteral("reset"), QStringLiteral("ecosystem.csv")}, userData).exitCode, 0);
        QCOMPARE(runShowdown({QStringLiteral("data"), QStringLiteral("import")}, userData).exitCode, 2);
        QCOMPARE(runShowdown({QStringLiteral("data"), QStringLiteral("frobnicate")}, userData).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(ClaimsCliTest)
#include "ClaimsCliTest.moc"
