// Servers that misbehave, as real processes under the real load generator: one that never becomes ready,
// one that dies mid-run, one that reports a port it did not bind, a chat server that drops its clients.
// Each must end as a recorded error, quickly, with no process left behind. And real servers, single and
// multi-process, that bind port 0 and are measured on the port they report.

#include "AsioLoadDriver.h"
#include "Catalog.h"
#include "ProcessRunner.h"
#include "ProcessScan.h"
#include "ServerRunner.h"
#include "SuiteRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

#include <pthread.h>
#include <csignal>

using namespace showdown;
using showdown::tests::processesMentioning;

namespace {

QString fixture(const QString &name)
{
    return QFINDTESTDATA(QStringLiteral("fixtures/") + name);
}

QString benchmarksDir()
{
    return QFINDTESTDATA("../resources/benchmarks");
}

RuntimeInfo runtime(const QString &kind, const QString &path)
{
    RuntimeInfo info;
    info.name = kind == QLatin1String("node") ? QStringLiteral("node") : QStringLiteral("python3");
    info.kind = kind;
    info.path = path;
    info.available = true;
    return info;
}

RunStep serverStep(const QString &measure, const QString &kind, const QString &script, const QStringList &args,
                   QList<int> connections, double rate = 0)
{
    Benchmark benchmark;
    benchmark.name = QStringLiteral("fault");
    benchmark.measure = measure;
    benchmark.timeoutSeconds = 2;
    benchmark.endpoints = {Endpoint{QStringLiteral("plaintext"), QStringLiteral("/plaintext"), "Hello, World!"}};
    benchmark.variants = {BenchmarkVariant{QStringLiteral("fixture"), kind, script, args, {}, QString()}};
    BenchmarkSize size;
    size.endpoints = {QStringLiteral("plaintext")};
    size.connections = std::move(connections);
    size.durationS = 1;
    size.rate = rate;
    const QString path = kind == QLatin1String("node") ? QStringLiteral("/usr/bin/node") : QStringLiteral("/usr/bin/python3");
    return RunStep{benchmark, size, runtime(kind, path), 0, benchmark.variants.first(), 0};
}

/// A real protocol-1 HTTP server in Python with a worker process that ignores SIGTERM (so only a group kill
/// ends it). On SIGTERM the server writes "SIGTERM SigBlk <its blocked mask>" to the file named by its last
/// argument and exits; with `ignoreTerm` it ignores SIGTERM instead.
QString writeServer(const QTemporaryDir &dir, const QString &name, bool ignoreTerm)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(R"(import http.server, json, os, signal, sys, time
marker = sys.argv[-1]
if os.fork() == 0:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while True:
        time.sleep(60)
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def do_GET(self):
        body = b'Hello, World!'
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
def terminated(signum, frame):
    blocked = [l.split()[1] for l in open('/proc/self/status') if l.startswith('SigBlk:')][0]
    with open(marker, 'w') as f:
        f.write('SIGTERM SigBlk ' + blocked)
    os._exit(0)
)");
    file.write(ignoreTerm ? "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n" : "signal.signal(signal.SIGTERM, terminated)\n");
    file.write(R"(server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
print(json.dumps({'protocol': 1, 'ready': True, 'pid': os.getpid(), 'port': server.server_address[1], 'workers': 1}), flush=True)
server.serve_forever()
)");
    return path;
}

} // namespace

class ServerFaultTest : public QObject {
    Q_OBJECT

private:
    QString m_helper;
    std::optional<Catalog> m_catalog;

    Sample run(const RunStep &step)
    {
        ProcessRunner runner(m_helper);
        AsioLoadDriver driver;
        ServerRunner server(*m_catalog, runner, driver);
        return server.run(step, std::stop_token());
    }

private slots:
    void initTestCase()
    {
        m_helper = qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown-exec");
        QVERIFY2(QFileInfo(m_helper).isExecutable(), qPrintable(m_helper));
        QString error;
        m_catalog = Catalog::load(benchmarksDir() + QStringLiteral("/manifest.json"), &error);
        QVERIFY2(m_catalog, qPrintable(error));
    }

    void aServerThatNeverBecomesReady()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("never_ready.py"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import sys, time\nsys.stderr.write('still warming up\\n')\nsys.stderr.flush()\ntime.sleep(600)\n");
        file.close();
        QElapsedTimer timer;
        timer.start();
        const Sample sample = run(serverStep(QStringLiteral("http"), QStringLiteral("python"), script, {}, {4}));
        QCOMPARE(sample.status, QStringLiteral("timeout"));
        QVERIFY2(sample.error.contains(QLatin1String("no ready line within 2 s")), qPrintable(sample.error));
        QVERIFY2(sample.error.contains(QLatin1String("still warming up")), qPrintable(sample.error));
        QVERIFY(timer.elapsed() < 15000);
        QVERIFY(processesMentioning(script).isEmpty());
    }

    void aServerThatDiesMidRun()
    {
        const QString script = fixture(QStringLiteral("http_fixture.js"));
        const Sample sample = run(serverStep(QStringLiteral("http"), QStringLiteral("node"), script,
                                             {QStringLiteral("--die-after"), QStringLiteral("300")}, {4, 8}));
        QCOMPARE(sample.status, QStringLiteral("exit"));
        QVERIFY2(sample.error.contains(QLatin1String("ended during the load")), qPrintable(sample.error));
        QVERIFY(!sample.points.isEmpty());
        QVERIFY(!sample.points.first().valid());
        QVERIFY(processesMentioning(script).isEmpty());
    }

    void aServerReportingAPortItDidNotBind_data()
    {
        QTest::addColumn<QByteArray>("port");  // the ready line's "port", as Python source
        QTest::addColumn<QString>("named");
        QTest::newRow("zero") << QByteArray("0") << QStringLiteral("gives port 0,");
        QTest::newRow("string") << QByteArray("'8080'") << QStringLiteral(R"(gives port "8080",)");
        QTest::newRow("out of range") << QByteArray("70000") << QStringLiteral("gives port 70000,");
    }

    void aServerReportingAPortItDidNotBind()
    {
        // A real process whose ready line is well formed except for the port: the run stops at once with a
        // protocol error naming the value, and the server (and its worker) are gone.
        QFETCH(QByteArray, port);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("bad_port.py"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import json, os, time\nif os.fork() == 0:\n    time.sleep(600)\n"
                   "print(json.dumps({'protocol': 1, 'ready': True, 'pid': os.getpid(), 'port': " + port + ", 'workers': 1}), flush=True)\n"
                   "time.sleep(600)\n");
        file.close();
        QElapsedTimer timer;
        timer.start();
        const Sample sample = run(serverStep(QStringLiteral("http"), QStringLiteral("python"), script, {}, {4}));
        QCOMPARE(sample.status, QStringLiteral("protocol"));
        QVERIFY2(sample.error.contains(named), qPrintable(sample.error));
        QVERIFY(sample.points.isEmpty());
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY(processesMentioning(script).isEmpty());
    }

    void aMultiProcessServerIsMeasuredOnTheSharedPortItReports_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("script");
        QTest::newRow("node cluster") << QStringLiteral("node") << QStringLiteral("/node/server-http.js");
        QTest::newRow("python reuseport") << QStringLiteral("python") << QStringLiteral("/python/server-asyncio.py");
    }

    void aMultiProcessServerIsMeasuredOnTheSharedPortItReports()
    {
        // Two workers behind port 0: the primary (Node) or the parent (Python) learns the port and the workers
        // share it; every request of the point goes to the reported port and is answered.
        QFETCH(QString, kind);
        QFETCH(QString, script);
        const QString path = benchmarksDir() + script;
        RunStep step = serverStep(QStringLiteral("http"), kind, path, {}, {8});
        step.workers = 2;
        step.benchmark.timeoutSeconds = 20;
        const Sample sample = run(step);
        QVERIFY2(sample.valid(), qPrintable(sample.error + QLatin1Char(' ') + sample.stderrTail));
        const QJsonObject ready = sample.extra.value(QLatin1String("ready")).toObject();
        QCOMPARE(ready.value(QLatin1String("workers")).toInt(), 2);
        const int port = ready.value(QLatin1String("port")).toInt();
        QVERIFY2(port > 0 && port <= 65535, qPrintable(QString::number(port)));
        QCOMPARE(sample.extra.value(QLatin1String("port")).toInt(), port);
        QCOMPARE(sample.points.size(), 1);
        QVERIFY(sample.points.first().completed > 0);
        QCOMPARE(sample.points.first().errorCount(), 0);
        QVERIFY(processesMentioning(path).isEmpty());
    }

    void aChatServerThatDropsClients()
    {
        const QString script = fixture(QStringLiteral("chat_fixture.py"));
        const Sample sample = run(serverStep(QStringLiteral("chat"), QStringLiteral("python"), script,
                                             {QStringLiteral("--drop-after"), QStringLiteral("3")}, {5}, 50));
        QCOMPARE(sample.status, QStringLiteral("load"));
        QVERIFY2(sample.error.contains(QLatin1String("dropped")), qPrintable(sample.error));
        QCOMPARE(sample.points.size(), 1);
        QVERIFY(sample.points.first().errors.value(QLatin1String("closed")).toInteger() > 0);
        QVERIFY(processesMentioning(script).isEmpty());
    }

    void aStoppedServerGetsSigtermThenItsGroupIsKilled()
    {
        // The CLI blocks SIGTERM for its watcher thread; the server must still receive it (ChildSignals).
        sigset_t blocked, previous;
        sigemptyset(&blocked);
        sigaddset(&blocked, SIGINT);
        sigaddset(&blocked, SIGTERM);
        QCOMPARE(pthread_sigmask(SIG_BLOCK, &blocked, &previous), 0);
        auto restore = qScopeGuard([&] { pthread_sigmask(SIG_SETMASK, &previous, nullptr); });

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = writeServer(dir, QStringLiteral("graceful_server.py"), /*ignoreTerm=*/false);
        const QString marker = dir.filePath(QStringLiteral("terminated"));
        const Sample sample = run(serverStep(QStringLiteral("http"), QStringLiteral("python"), script, {marker}, {2}));
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        // The handler ran, in the server, with nothing blocked.
        QFile file(marker);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("the server's SIGTERM handler did not run; it ended with "
                                                                          "exit status %1, signal %2, stderr: %3")
                                                               .arg(sample.exitCode)
                                                               .arg(sample.signal)
                                                               .arg(sample.stderrTail)));
        QCOMPARE(file.readAll(), QByteArray("SIGTERM SigBlk 0000000000000000"));
        // Its worker ignores SIGTERM and outlives it: the group kill after the server's end reaches it.
        QVERIFY(processesMentioning(script).isEmpty());
    }

    void aServerIgnoringSigtermIsKilledAfterTheGrace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString script = writeServer(dir, QStringLiteral("stubborn_server.py"), /*ignoreTerm=*/true);
        const QString marker = dir.filePath(QStringLiteral("terminated"));
        QElapsedTimer timer;
        timer.start();
        const Sample sample = run(serverStep(QStringLiteral("http"), QStringLiteral("python"), script, {marker}, {2}));
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        // One second of load, then PROTOCOL.md's 2 s of grace, then SIGKILL of the group: no hang, nothing left.
        QVERIFY2(elapsed >= 2900, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
        QVERIFY(!QFileInfo::exists(marker));
        QVERIFY(processesMentioning(script).isEmpty());
    }

    void aHealthyServerIsMeasured()
    {
        const QString script = benchmarksDir() + QStringLiteral("/node/server-http.js");
        const Sample sample = run(serverStep(QStringLiteral("http"), QStringLiteral("node"), script, {}, {4}));
        QVERIFY2(sample.valid(), qPrintable(sample.error));
        QCOMPARE(sample.points.size(), 1);
        const LoadPoint &point = sample.points.first();
        QVERIFY(point.completed > 0);
        QCOMPARE(point.errorCount(), 0);
        QVERIFY(point.serverPssKb > 1000);  // a Node process holds megabytes
        QVERIFY(point.serverCpuNs > 0);
        QVERIFY(!point.latency.isEmpty());
        // Measured on the port the server bound and reported, not on one chosen for it.
        const int port = sample.extra.value(QLatin1String("ready")).toObject().value(QLatin1String("port")).toInt();
        QVERIFY2(port > 0 && port <= 65535, qPrintable(QString::number(port)));
        QCOMPARE(sample.extra.value(QLatin1String("port")).toInt(), port);
        QVERIFY(processesMentioning(script).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ServerFaultTest)
#include "ServerFaultTest.moc"
