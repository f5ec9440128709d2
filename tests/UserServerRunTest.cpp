// `showdown run --benchmarks` on a user's servers and protocol programs (issue 15): real processes (a Python
// http.server that echoes, declares a 404, serves a body checked by SHA-256, or turns wrong under load; a Python
// program speaking PROTOCOL.md), measured by the real binary into a real SQLite file, read back through
// `show --json` and `export --json`.

#include "BenchmarkDefinitionFile.h"
#include "CommandRun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace showdown;

namespace {

/// A keep-alive HTTP/1.1 server on 127.0.0.1:argv[1] that records its pid in ./pids. /hello and /digest answer
/// 200 (hello, and 5000 'x'), POST /echo answers 201 with "X-Token:body", anything else 404 "gone". With a second
/// argument "flip", every third GET after the fifth gets a wrong body (HELLO, 5000 'y'): right for a check,
/// wrong under load.
const QByteArray kServer =
    "import os, sys\n"
    "from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler\n"
    "port = int(sys.argv[1])\n"
    "flip = len(sys.argv) > 2 and sys.argv[2] == 'flip'\n"
    "with open('pids', 'a') as f:\n"
    "    f.write('%d\\n' % os.getpid())\n"
    "count = 0\n"
    "class Handler(BaseHTTPRequestHandler):\n"
    "    protocol_version = 'HTTP/1.1'\n"
    "    def log_message(self, *args):\n"
    "        pass\n"
    "    def answer(self, status, body):\n"
    "        self.send_response(status)\n"
    "        self.send_header('Content-Length', str(len(body)))\n"
    "        self.end_headers()\n"
    "        self.wfile.write(body)\n"
    "    def do_GET(self):\n"
    "        global count\n"
    "        count += 1\n"
    "        wrong = flip and count > 5 and count % 3 == 0\n"
    "        if self.path == '/hello':\n"
    "            self.answer(200, b'HELLO\\n' if wrong else b'hello\\n')\n"
    "        elif self.path == '/digest':\n"
    "            self.answer(200, (b'y' if wrong else b'x') * 5000)\n"
    "        else:\n"
    "            self.answer(404, b'gone')\n"
    "    def do_POST(self):\n"
    "        body = self.rfile.read(int(self.headers.get('Content-Length', '0')))\n"
    "        if self.path == '/echo':\n"
    "            self.answer(201, self.headers.get('X-Token', '').encode() + b':' + body)\n"
    "        else:\n"
    "            self.answer(404, b'gone')\n"
    "ThreadingHTTPServer.daemon_threads = True\n"
    "server = ThreadingHTTPServer(('127.0.0.1', port), Handler)\n"
    "print('listening on', port)\n"
    "server.serve_forever()\n";

/// A PROTOCOL.md program: sums squares below --size, timing each iteration itself. With a file ./drift present it
/// counts its starts there and, from the second start on, reports a wrong result.
const QByteArray kProgram =
    "import argparse, json, os, sys, time\n"
    "parser = argparse.ArgumentParser()\n"
    "for option in ('--size', '--iterations', '--warmup'):\n"
    "    parser.add_argument(option, type=int, required=True)\n"
    "args = parser.parse_args()\n"
    "starts = 0\n"
    "if os.path.exists('drift'):\n"
    "    starts = int(open('drift').read() or '0') + 1\n"
    "    open('drift', 'w').write(str(starts))\n"
    "def timed():\n"
    "    begin = time.perf_counter_ns()\n"
    "    result = sum(i * i for i in range(args.size))\n"
    "    return max(time.perf_counter_ns() - begin, 1), result\n"
    "warmup = [timed()[0] for _ in range(args.warmup)]\n"
    "iterations = []\n"
    "for _ in range(args.iterations):\n"
    "    spent, result = timed()\n"
    "    iterations.append(spent)\n"
    "if starts > 1:\n"
    "    result += 1\n"
    "print(json.dumps({'protocol': 1, 'benchmark': 'squares', 'runtime': 'python', 'version': sys.version.split()[0],\n"
    "                  'warmup_ns': warmup, 'iterations_ns': iterations, 'result': str(result)}))\n";

QByteArray definition(const QByteArray &entry)
{
    return "{\n  \"showdown_benchmarks\": 1,\n  \"benchmarks\": [\n" + entry + "\n  ]\n}\n";
}

/// A test server's entry: runs once per runtime, 2 connections for 0.3 s after 0.1 s, `ready` and `requests` as given.
/// `flip`: the server turns wrong under load. The /digest request holds the body to the SHA-256 of 5000 'x'.
QByteArray serverEntry(const QByteArray &name, bool flip, const QByteArray &ready, const QByteArray &requests)
{
    return "    {\"name\": \"" + name + "\", \"category\": \"io\", \"form\": \"server\", \"runs\": 1, \"timeout_s\": 20,\n"
           "     \"commands\": {\"python\": [\"{runtime}\", \"-u\", \"server.py\", \"{port}\"" + (flip ? ", \"flip\"" : "") + "]},\n"
           "     \"ready\": " + ready + ",\n"
           "     \"load\": {\"connections\": [2], \"duration_s\": 0.3, \"warmup_s\": 0.1},\n"
           "     \"requests\": [{\"name\": \"hello\", \"path\": \"/hello\", \"expected_body\": \"hello\\n\"},\n"
           "                  {\"name\": \"digest\", \"path\": \"/digest\", \"expected_body_sha256\": \""
           + QCryptographicHash::hash(QByteArray(5000, 'x'), QCryptographicHash::Sha256).toHex() + "\"}" + requests + "]}";
}

/// The sum the program computes, as its result string.
QString squaresBelow(qint64 size)
{
    qint64 sum = 0;
    for (qint64 i = 0; i < size; ++i)
        sum += i * i;
    return QString::number(sum);
}

} // namespace

class UserServerRunTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_showdown;

    QString folder(const QString &name) const { return m_dir.filePath(name); }

    void write(const QString &folderName, const QString &file, const QByteArray &bytes)
    {
        QDir(m_dir.path()).mkpath(folderName);
        QFile out(folder(folderName) + QLatin1Char('/') + file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(out.fileName()));
    }

    /// `showdown run --benchmarks FOLDER` into FOLDER.sqlite; the summary it printed with --json.
    QJsonObject run(const QString &folderName, int expectedCode, QString *err = nullptr)
    {
        const CommandRun result = runCommand(m_showdown, {QStringLiteral("run"), QStringLiteral("--benchmarks"), folder(folderName),
                                                          QStringLiteral("--db"), folder(folderName) + QStringLiteral(".sqlite"),
                                                          QStringLiteral("--no-wait"), QStringLiteral("--json")},
                                             120000);
        if (err)
            *err = result.err;
        if (result.code != expectedCode)
            qWarning("exit %d, stderr: %s", result.code, qPrintable(result.err));
        return result.code == expectedCode ? QJsonDocument::fromJson(result.out.toUtf8()).object() : QJsonObject();
    }

    /// `showdown VERB ID --db FOLDER.sqlite ...ARGS` as JSON.
    QJsonObject read(const QString &folderName, const QString &verb, qint64 id, const QStringList &args)
    {
        const CommandRun result = runCommand(m_showdown, QStringList{verb, QString::number(id), QStringLiteral("--db"),
                                                                     folder(folderName) + QStringLiteral(".sqlite")}
                                                             + args);
        if (result.code != 0)
            qWarning("%s exit %d: %s", qPrintable(verb), result.code, qPrintable(result.err));
        return QJsonDocument::fromJson(result.out.toUtf8()).object();
    }

    /// Every stored sample of a result set, from `export --json -`.
    QJsonArray samples(const QString &folderName, qint64 id)
    {
        const QJsonObject exported = read(folderName, QStringLiteral("export"), id, {QStringLiteral("--json"), QStringLiteral("-")});
        QJsonArray all;
        for (const QJsonValue &set : exported.value(QLatin1String("result_sets")).toArray()) {
            for (const QJsonValue &sample : set.toObject().value(QLatin1String("processes")).toArray())
                all.append(sample);
        }
        return all;
    }

    /// Every pid a test server wrote is gone: nothing outlived the run.
    void verifyServersGone(const QString &folderName, int atLeast)
    {
        QFile pids(folder(folderName) + QStringLiteral("/pids"));
        QVERIFY(pids.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = pids.readAll().trimmed().split('\n');
        QVERIFY2(lines.size() >= atLeast, qPrintable(QStringLiteral("%1 server starts").arg(lines.size())));
        for (const QByteArray &line : lines) {
            const pid_t pid = pid_t(line.toLongLong());
            QVERIFY(pid > 0);
            QVERIFY2(::kill(pid, 0) != 0, qPrintable(QStringLiteral("server %1 outlived the run").arg(pid)));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As UserBenchmarksTest: children see the clean environment CI gives (the servers pass -u themselves).
        qunsetenv("PYTHONUNBUFFERED");
        m_showdown = qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
        QVERIFY2(QFileInfo(m_showdown).isExecutable(), qPrintable(m_showdown));
    }

    /// Bad values in a server's "load": one problem each, at its line and field, saying what is accepted.
    void badLoadValues_data()
    {
        QTest::addColumn<QByteArray>("load");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QString load = QStringLiteral("benchmarks[0].load");
        const QString connections = QStringLiteral("must be a non-empty array of whole numbers from 1 to 10000 (keep-alive connections per load point)");
        QTest::newRow("not an object") << QByteArray("[2]") << load << QStringLiteral("must be an object: {\"connections\": [1, 64], \"duration_s\": 2, \"warmup_s\": 0.5, \"slo_p99_ms\": 50}");
        QTest::newRow("no connections") << QByteArray("{\"connections\": []}") << load + QStringLiteral(".connections") << connections;
        QTest::newRow("zero connections") << QByteArray("{\"connections\": [0]}") << load + QStringLiteral(".connections") << connections;
        QTest::newRow("fractional connections") << QByteArray("{\"connections\": [1.5]}") << load + QStringLiteral(".connections") << connections;
        QTest::newRow("zero duration") << QByteArray("{\"duration_s\": 0}") << load + QStringLiteral(".duration_s")
                                       << QStringLiteral("must be a number above 0, at most 3600");
        QTest::newRow("negative warm-up") << QByteArray("{\"warmup_s\": -1}") << load + QStringLiteral(".warmup_s")
                                          << QStringLiteral("must be a number from 0 to 600");
        QTest::newRow("objective as text") << QByteArray("{\"slo_p99_ms\": \"fast\"}") << load + QStringLiteral(".slo_p99_ms")
                                           << QStringLiteral("must be a number above 0, at most 60000");
        QTest::newRow("misspelt key") << QByteArray("{\"conections\": [1]}") << load + QStringLiteral(".conections")
                                      << QStringLiteral("unknown key \"conections\" in \"load\"; the keys are: connections, duration_s, warmup_s, slo_p99_ms");
    }

    void badLoadValues()
    {
        QFETCH(QByteArray, load);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("load.json"));
        const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::parse(
            definition("    {\"name\": \"web\", \"category\": \"io\", \"form\": \"server\", \"ready\": {\"url\": \"/\"},\n"
                       "     \"commands\": {\"python\": [\"{runtime}\", \"server.py\", \"{port}\"]},\n"
                       "     \"requests\": [{\"path\": \"/\"}],\n"
                       "     \"load\": " + load + "}"),
            path);
        QCOMPARE(file.problems().size(), 1);
        QCOMPARE(file.problems().first().text(), QStringLiteral("%1:7: %2: %3").arg(path, field, message));
    }

    /// "load" is a server's key: on a program it is refused; two requests may not share a name (it labels their points).
    void loadOnAProgramAndDuplicateRequestNames()
    {
        const QString path = m_dir.filePath(QStringLiteral("keys.json"));
        const BenchmarkDefinitionFile program = BenchmarkDefinitionFile::parse(
            definition("    {\"name\": \"p\", \"category\": \"cpu\", \"form\": \"program\", \"commands\": {\"python\": [\"{runtime}\", \"-c\", \"print(1)\"]},\n"
                       "     \"load\": {\"duration_s\": 1}}"),
            path);
        QCOMPARE(program.problems().size(), 1);
        QVERIFY2(program.problems().first().text().startsWith(path + QStringLiteral(":5: benchmarks[0].load: unknown key \"load\" for a program")),
                 qPrintable(program.problems().first().text()));
        const BenchmarkDefinitionFile twice = BenchmarkDefinitionFile::parse(
            definition("    {\"name\": \"web\", \"category\": \"io\", \"form\": \"server\", \"ready\": {\"url\": \"/\"},\n"
                       "     \"commands\": {\"python\": [\"{runtime}\", \"server.py\", \"{port}\"]},\n"
                       "     \"requests\": [{\"path\": \"/a\", \"name\": \"same\"},\n"
                       "                  {\"path\": \"/b\", \"name\": \"same\"}]}"),
            path);
        QCOMPARE(twice.problems().size(), 1);
        QCOMPARE(twice.problems().first().text(),
                 path + QStringLiteral(":7: benchmarks[0].requests[1].name: another request is already called \"same\"; give each request its own \"name\""));
    }

    /// A header that frames the request (Host, Connection, Content-Length) is Showdown's: refused where it is written.
    void framingHeadersRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("headers.json"));
        const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::parse(
            definition("    {\"name\": \"web\", \"category\": \"io\", \"form\": \"server\", \"ready\": {\"url\": \"/\"},\n"
                       "     \"commands\": {\"python\": [\"{runtime}\", \"server.py\", \"{port}\"]},\n"
                       "     \"requests\": [{\"path\": \"/\", \"method\": \"POST\", \"body\": \"x\",\n"
                       "                   \"headers\": {\"Content-Type\": \"text/plain\", \"Connection\": \"close\"}}]}"),
            path);
        QCOMPARE(file.problems().size(), 1);
        QCOMPARE(file.problems().first().text(),
                 path + QStringLiteral(":7: benchmarks[0].requests[0].headers.Connection: set by Showdown (Host is 127.0.0.1:{port}, "
                                       "Content-Length follows the body, connections stay open under load); leave it out"));
    }

    /// A protocol program's samples are its own iterations (not the process's wall time), its warm-ups are kept
    /// apart, and its result is held to the one its check agreed on: a result that drifts after the check voids
    /// those samples with the reason.
    void protocolProgramRun()
    {
        const QByteArray entry = "    {\"name\": \"squares\", \"category\": \"cpu\", \"form\": \"program\", \"protocol\": true, \"size\": 20000,\n"
                                 "     \"iterations\": 3, \"warmup\": 1, \"runs\": 2, \"commands\": {\"python\": [\"{runtime}\", \"prog.py\"]}}";
        write(QStringLiteral("protocol"), QStringLiteral("prog.py"), kProgram);
        write(QStringLiteral("protocol"), QStringLiteral("showdown.json"), definition(entry));
        const QJsonObject summary = run(QStringLiteral("protocol"), 0);
        QCOMPARE(summary.value(QLatin1String("processes")).toInt(), 2);
        QCOMPARE(summary.value(QLatin1String("invalid")).toInt(), 0);
        const QJsonArray stored = samples(QStringLiteral("protocol"), summary.value(QLatin1String("result_set")).toInteger());
        QCOMPARE(stored.size(), 2);
        for (const QJsonValue &value : stored) {
            const QJsonObject sample = value.toObject();
            QCOMPARE(sample.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
            QCOMPARE(sample.value(QLatin1String("result")).toString(), squaresBelow(20000));
            const QJsonArray iterations = sample.value(QLatin1String("iterations_ns")).toArray();
            QCOMPARE(iterations.size(), 3);
            QCOMPARE(sample.value(QLatin1String("warmup_ns")).toArray().size(), 1);
            // Each iteration is the program's own timing: a part of the process's wall time, never all of it.
            for (const QJsonValue &ns : iterations)
                QVERIFY(ns.toInteger() > 0 && ns.toInteger() < sample.value(QLatin1String("wall_ns")).toInteger());
        }

        write(QStringLiteral("drift"), QStringLiteral("prog.py"), kProgram);
        write(QStringLiteral("drift"), QStringLiteral("drift"), "0");
        write(QStringLiteral("drift"), QStringLiteral("showdown.json"), definition(entry));
        QString err;
        const QJsonObject drifted = run(QStringLiteral("drift"), 1, &err);
        QCOMPARE(drifted.value(QLatin1String("processes")).toInt(), 2);
        QCOMPARE(drifted.value(QLatin1String("invalid")).toInt(), 2);
        for (const QJsonValue &value : samples(QStringLiteral("drift"), drifted.value(QLatin1String("result_set")).toInteger())) {
            QCOMPARE(value[QLatin1String("status")].toString(), QStringLiteral("checksum"));
            QVERIFY2(value[QLatin1String("error")].toString().startsWith(QStringLiteral("wrong result: expected \"%1\"").arg(squaresBelow(20000))),
                     qPrintable(value[QLatin1String("error")].toString()));
        }
    }

    /// A user server measured by load: a POST with its header and body (echoed, 201), a declared 404, a body held
    /// to its SHA-256 and a plain GET, each a valid load row in `show --json`; the server is gone afterwards.
    void userServerRun()
    {
        const QByteArray entry = serverEntry("echo", false, "{\"url\": \"/hello\"}",
                                             ",\n                  {\"name\": \"echo\", \"method\": \"POST\", \"path\": \"/echo\", \"headers\": {\"X-Token\": \"abc\"},"
                                             " \"body\": \"ping\", \"status\": 201, \"expected_body\": \"abc:ping\"},\n"
                                             "                  {\"name\": \"gone\", \"path\": \"/missing\", \"status\": 404, \"expected_body\": \"gone\"}");
        write(QStringLiteral("server"), QStringLiteral("server.py"), kServer);
        write(QStringLiteral("server"), QStringLiteral("showdown.json"), definition(entry));
        const QJsonObject summary = run(QStringLiteral("server"), 0);
        QCOMPARE(summary.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
        QCOMPARE(summary.value(QLatin1String("processes")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("invalid")).toInt(), 0);
        const qint64 id = summary.value(QLatin1String("result_set")).toInteger();

        const QJsonObject shown = read(QStringLiteral("server"), QStringLiteral("show"), id, {QStringLiteral("--json")});
        QMap<QString, QJsonObject> rows;
        for (const QJsonValue &row : shown.value(QLatin1String("load_rows")).toArray())
            rows.insert(row[QLatin1String("endpoint")].toString(), row.toObject());
        QCOMPARE(rows.keys(), (QStringList{QStringLiteral("digest"), QStringLiteral("echo"), QStringLiteral("gone"), QStringLiteral("hello")}));
        for (const QJsonObject &row : std::as_const(rows)) {
            const QString what = row.value(QLatin1String("endpoint")).toString();
            QCOMPARE(row.value(QLatin1String("benchmark")).toString(), QStringLiteral("echo"));
            QCOMPARE(row.value(QLatin1String("server")).toString(), QStringLiteral("echo"));
            QCOMPARE(row.value(QLatin1String("runtime")).toString(), QStringLiteral("python3"));
            QCOMPARE(row.value(QLatin1String("connections")).toInt(), 2);
            QVERIFY2(row.value(QLatin1String("valid")).toBool(), qPrintable(what + QLatin1Char(' ') + row.value(QLatin1String("error")).toString()));
            QCOMPARE(row.value(QLatin1String("errors")).toInteger(), 0);
            // Many answers under load, each right: the generator sent the method, header and body (only a POST
            // with X-Token abc and body ping is answered 201 "abc:ping"), took 404 where declared, and hashed bodies.
            QVERIFY2(row.value(QLatin1String("completed")).toInteger() > 1, qPrintable(what));
        }
        verifyServersGone(QStringLiteral("server"), 2);  // the check's start and the run's
    }

    /// A user server that answers its check right and then, under load, sometimes wrong (exact bytes and a SHA-256
    /// declared body alike) has those points voided with the reason, as a built-in server's are; nothing is left behind.
    void wrongBodyUnderLoadVoidsPoints()
    {
        const QByteArray entry = serverEntry("flip", true, "{\"stdout\": \"^listening on\"}", {});
        write(QStringLiteral("flip"), QStringLiteral("server.py"), kServer);
        write(QStringLiteral("flip"), QStringLiteral("showdown.json"), definition(entry));
        QString err;
        const QJsonObject summary = run(QStringLiteral("flip"), 1, &err);
        QCOMPARE(summary.value(QLatin1String("processes")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("invalid")).toInt(), 1);
        const qint64 id = summary.value(QLatin1String("result_set")).toInteger();

        const QJsonArray stored = samples(QStringLiteral("flip"), id);
        QCOMPARE(stored.size(), 1);
        const QJsonObject sample = stored.first().toObject();
        QCOMPARE(sample.value(QLatin1String("status")).toString(), QStringLiteral("load"));
        QVERIFY2(sample.value(QLatin1String("error")).toString().startsWith(QStringLiteral("2 connections on hello: ")),
                 qPrintable(sample.value(QLatin1String("error")).toString()));
        const QJsonArray points = sample.value(QLatin1String("load_points")).toArray();
        QCOMPARE(points.size(), 2);
        for (const QJsonValue &point : points) {
            const qint64 wrong = point[QLatin1String("errors")][QLatin1String("body")].toInteger();
            QVERIFY2(wrong > 0, qPrintable(point[QLatin1String("endpoint")].toString()));
            QCOMPARE(point[QLatin1String("error")].toString(), QStringLiteral("%1 responses had a wrong body and 0 a status other than 200").arg(wrong));
        }
        const QJsonObject shown = read(QStringLiteral("flip"), QStringLiteral("show"), id, {QStringLiteral("--json")});
        const QJsonArray rows = shown.value(QLatin1String("load_rows")).toArray();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &row : rows) {
            QVERIFY(!row[QLatin1String("valid")].toBool());
            QVERIFY2(row[QLatin1String("error")].toString().contains(QStringLiteral("responses had a wrong body")), qPrintable(row[QLatin1String("error")].toString()));
        }
        verifyServersGone(QStringLiteral("flip"), 2);
    }
};

QTEST_GUILESS_MAIN(UserServerRunTest)
#include "UserServerRunTest.moc"
