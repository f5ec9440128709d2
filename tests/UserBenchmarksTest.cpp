// A user's own benchmarks (issue 15): the definition file's parser, with one broken file per kind of mistake,
// and `benchmarks check` on real programs and servers run by node and /usr/bin/python3.

#include "BenchmarkDefinitionFile.h"
#include "CommandRun.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "UserBenchmarkCheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace showdown;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

/// A definition file's text around one benchmark entry (its lines start at line 4).
QByteArray fileWith(const QByteArray &entry)
{
    return "{\n  \"showdown_benchmarks\": 1,\n  \"benchmarks\": [\n" + entry + "\n  ]\n}\n";
}

/// A program entry that is right, with `extra` lines inserted after its name (line 5 on).
QByteArray program(const QByteArray &extra = {}, const QByteArray &commands = "\"javascript\": [\"{runtime}\", \"-e\", \"console.log(42)\"], \"python\": [\"{runtime}\", \"-c\", \"print(42)\"]")
{
    return "    {\"name\": \"answer\",\n" + extra + "     \"category\": \"cpu\", \"form\": \"program\",\n     \"commands\": {" + commands
           + "}}";
}

/// A server entry that is right but for what `extra` adds (line 5 on).
QByteArray server(const QByteArray &extra, const QByteArray &ready = "{\"url\": \"/\"}",
                  const QByteArray &requests = "[{\"path\": \"/\"}]")
{
    return "    {\"name\": \"web\",\n" + extra + "     \"category\": \"io\", \"form\": \"server\", \"ready\": " + ready
           + ",\n     \"commands\": {\"python\": [\"{runtime}\", \"-u\", \"-m\", \"http.server\", \"--bind\", \"127.0.0.1\", \"{port}\"]},\n"
             "     \"requests\": " + requests + "}";
}

RuntimeInfo runtime(const QString &name, const QString &path, RuntimeKind kind)
{
    RuntimeInfo info;
    info.name = name;
    info.path = path;
    info.setKind(kind);
    info.implementation = kind.name();
    info.available = true;
    return info;
}

} // namespace

class UserBenchmarksTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QList<RuntimeInfo> m_runtimes;

    /// Writes `text` as a definition file in a fresh folder and parses it.
    BenchmarkDefinitionFile parse(const QByteArray &text, const QString &folder = QStringLiteral("case"))
    {
        QDir(m_dir.path()).mkpath(folder);
        const QString path = m_dir.filePath(folder + QStringLiteral("/showdown.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        return BenchmarkDefinitionFile::load(QFileInfo(path).absolutePath());
    }

    UserCheckResult checkOne(const QByteArray &text, const QString &folder)
    {
        const BenchmarkDefinitionFile file = parse(text, folder);
        for (const DefinitionProblem &problem : file.problems())
            qWarning("%s", qPrintable(problem.text()));
        if (!file.ok() || file.benchmarks().size() != 1)
            return UserCheckResult{QStringLiteral("?"), 0, false, QStringLiteral("the test's own file did not parse"), {}, {}, {}};
        ProcessRunner runner(ResourceLocator::execHelper());
        return UserBenchmarkCheck(runner, m_runtimes).check(file.benchmarks().first());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Children inherit this process's environment; a shell with PYTHONUNBUFFERED set would hide what a clean
        // one shows (a Python server's ready line held in its buffer), so every run sees the clean case.
        qunsetenv("PYTHONUNBUFFERED");
        QVERIFY2(QFileInfo(ResourceLocator::execHelper()).isExecutable(), qPrintable(ResourceLocator::execHelper()));
        QVERIFY2(QFileInfo::exists(kPython), "these tests need /usr/bin/python3");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "these tests need node on PATH");
        m_runtimes = {runtime(QStringLiteral("node"), node, RuntimeKind::Node),
                      runtime(QStringLiteral("python3"), kPython, RuntimeKind::CPython)};
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");

        QTest::newRow("not JSON") << fileWith(program().replace("\"cpu\",", "\"cpu\"")) << 5 << QString() << "not valid JSON";
        QTest::newRow("a newer version") << QByteArray(fileWith(program())).replace("\"showdown_benchmarks\": 1", "\"showdown_benchmarks\": 2")
                                         << 2 << "showdown_benchmarks" << "version 2 is not one this Showdown reads";
        QTest::newRow("unknown top-level key") << QByteArray(fileWith(program())).replace("\"benchmarks\": [", "\"benchmark\": {}, \"benchmarks\": [")
                                               << 3 << "benchmark" << "unknown key \"benchmark\" at the top level";
        QTest::newRow("misspelt key") << fileWith(program("     \"expected_ouptut\": \"42\\n\",\n")) << 5 << "benchmarks[0].expected_ouptut"
                                      << "unknown key \"expected_ouptut\" for a program";
        QTest::newRow("server key on a program") << fileWith(program("     \"ready\": {\"url\": \"/\"},\n")) << 5 << "benchmarks[0].ready"
                                                 << "unknown key \"ready\" for a program";
        QTest::newRow("unknown family") << fileWith(program({}, "\"javascript\": [\"{runtime}\", \"a.js\"], \"ruby\": [\"{runtime}\", \"a.rb\"]"))
                                        << 6 << "benchmarks[0].commands.ruby" << "unknown runtime family \"ruby\"";
        QTest::newRow("unknown runtime kind") << fileWith(program("     \"runtimes\": [\"node\",\n        \"graalpy\"],\n")) << 6
                                              << "benchmarks[0].runtimes[1]" << "unknown runtime kind \"graalpy\"";
        QTest::newRow("kind without its family") << fileWith(program("     \"runtimes\": [\"pypy\"],\n", "\"javascript\": [\"{runtime}\", \"a.js\"]"))
                                                 << 5 << "benchmarks[0].runtimes[0]" << "\"commands\" has no \"python\" entry";
        QTest::newRow("unknown category") << QByteArray(fileWith(program())).replace("\"cpu\"", "\"gpu\"") << 5 << "benchmarks[0].category"
                                          << "unknown category \"gpu\"";
        QTest::newRow("missing name") << QByteArray(fileWith(program())).replace("\"name\": \"answer\",", "") << 4 << "benchmarks[0].name"
                                      << "missing; required";
        QTest::newRow("duplicate names") << fileWith(program() + ",\n" + program()) << 7 << "benchmarks[1].name" << "names an earlier benchmark";
        QTest::newRow("key given twice") << fileWith(program("     \"runs\": 3,\n     \"runs\": 5,\n")) << 6 << "benchmarks[0].runs"
                                         << "given twice";
        QTest::newRow("command without {runtime}") << fileWith(program({}, "\"python\": [\"python3\", \"a.py\"]")) << 6
                                                   << "benchmarks[0].commands.python[0]" << "must start with \"{runtime}\"";
        QTest::newRow("unknown placeholder") << fileWith(program({}, "\"python\": [\"{runtime}\", \"a.py\", \"{sise}\"]")) << 6
                                             << "benchmarks[0].commands.python[2]" << "unknown placeholder {sise}";
        QTest::newRow("{size} without a size") << fileWith(program({}, "\"python\": [\"{runtime}\", \"a.py\", \"{size}\"]")) << 6
                                               << "benchmarks[0].commands.python[2]" << "declares no \"size\"";
        QTest::newRow("{port} in a program") << fileWith(program({}, "\"python\": [\"{runtime}\", \"a.py\", \"{port}\"]")) << 6
                                             << "benchmarks[0].commands.python[2]" << "{port} is for servers";
        QTest::newRow("command not an array") << fileWith(program({}, "\"python\": \"{runtime} a.py\"")) << 6 << "benchmarks[0].commands.python"
                                              << "must be an array of strings";
        QTest::newRow("bad checksum") << fileWith(program("     \"expected_output_sha256\": \"abc\",\n")) << 5
                                      << "benchmarks[0].expected_output_sha256" << "64 hexadecimal digits";
        QTest::newRow("unknown form") << QByteArray(fileWith(program())).replace("\"program\"", "\"script\"") << 5 << "benchmarks[0].form"
                                      << "unknown form \"script\"";
        QTest::newRow("missing folder") << fileWith(program("     \"directory\": \"no-such-folder\",\n")) << 5 << "benchmarks[0].directory"
                                        << "no folder";
        QTest::newRow("server without {port}")
            << QByteArray(fileWith(server({}))).replace("\"{runtime}\", \"-u\", \"-m\", \"http.server\", \"--bind\", \"127.0.0.1\", \"{port}\"",
                                                       "\"{runtime}\", \"-u\", \"-m\", \"http.server\"")
            << 6 << "benchmarks[0].commands.python" << "must pass {port}";
        QTest::newRow("server missing requests") << QByteArray(fileWith(server({}))).replace("\"requests\": [{\"path\": \"/\"}]", "\"requests\": []")
                                                 << 7 << "benchmarks[0].requests" << "at least one request";
        QTest::newRow("ready regex broken") << fileWith(server({}, "{\"stdout\": \"Serving (\"}")) << 5 << "benchmarks[0].ready.stdout"
                                            << "not a usable regular expression";
        QTest::newRow("ready neither line nor url") << fileWith(server({}, "{\"port\": 8080}")) << 5 << "benchmarks[0].ready"
                                                    << "must be {\"stdout\": \"REGEX\"}";
        QTest::newRow("status not a number") << fileWith(server({}, "{\"url\": \"/\"}", "[{\"path\": \"/\",\n       \"status\": \"200\"}]")) << 8
                                             << "benchmarks[0].requests[0].status" << "whole number from 100 to 599";
        QTest::newRow("unknown method") << fileWith(server({}, "{\"url\": \"/\"}", "[{\"path\": \"/\",\n       \"method\": \"FETCH\"}]")) << 8
                                        << "benchmarks[0].requests[0].method" << "unknown method \"FETCH\"";
        QTest::newRow("size on a server") << fileWith(server("     \"size\": 10,\n")) << 5 << "benchmarks[0].size" << "unknown key \"size\" for a server";
    }

    /// Each kind of mistake gives exactly one message, naming the file, the line and the field.
    void brokenFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, field);
        QFETCH(QString, says);
        const BenchmarkDefinitionFile file = parse(text, QStringLiteral("broken"));
        QVERIFY(!file.ok());
        QVERIFY(file.benchmarks().isEmpty());
        QStringList texts;
        for (const DefinitionProblem &problem : file.problems())
            texts.append(problem.text());
        QVERIFY2(file.problems().size() == 1, qPrintable(texts.join(QLatin1Char('\n'))));
        const DefinitionProblem &problem = file.problems().first();
        QCOMPARE(problem.field, field);
        QVERIFY2(problem.message.contains(says), qPrintable(problem.text()));
        QCOMPARE(problem.line, line);
        const QString where = m_dir.filePath(QStringLiteral("broken/showdown.json"));
        QVERIFY2(problem.text().startsWith(QStringLiteral("%1:%2: ").arg(where).arg(line)), qPrintable(problem.text()));
    }

    /// A file that cannot be read is one problem too, saying what to give instead.
    void missingFile()
    {
        const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::load(m_dir.filePath(QStringLiteral("nowhere")));
        QCOMPARE(file.problems().size(), 1);
        QVERIFY2(file.problems().first().message.contains(QStringLiteral("cannot read it")), qPrintable(file.problems().first().text()));
    }

    /// The shipped examples parse into what their files say.
    void examplesParse()
    {
        const QString examples = ResourceLocator::resourcesDir() + QStringLiteral("/examples");
        const BenchmarkDefinitionFile cpu = BenchmarkDefinitionFile::load(examples + QStringLiteral("/cpu-pair"));
        QVERIFY2(cpu.ok(), qPrintable(cpu.problems().isEmpty() ? QString() : cpu.problems().first().text()));
        QCOMPARE(cpu.benchmarks().size(), 1);
        const UserBenchmark &primes = cpu.benchmarks().first();
        QCOMPARE(primes.name, QStringLiteral("primes"));
        QCOMPARE(primes.category.kind, BenchmarkCategory::Cpu);
        QVERIFY(!primes.isServer());
        QCOMPARE(primes.size, std::optional<qint64>(200000));
        QCOMPARE(primes.arguments(m_runtimes.at(1)), (QStringList{QStringLiteral("primes.py"), QStringLiteral("200000")}));
        const BenchmarkDefinitionFile http = BenchmarkDefinitionFile::load(examples + QStringLiteral("/http-pair/showdown.json"));
        QVERIFY2(http.ok(), qPrintable(http.problems().isEmpty() ? QString() : http.problems().first().text()));
        const UserBenchmark &summary = http.benchmarks().first();
        QVERIFY(summary.isServer());
        QCOMPARE(summary.ready.kind, ReadyRule::Kind::Url);
        QCOMPARE(summary.requests.size(), 2);
        QCOMPARE(summary.requests.first().method, QByteArray("POST"));
        QVERIFY(summary.arguments(m_runtimes.at(1), 4321).contains(QStringLiteral("4321")));
    }

    /// {runtime} becomes the kind's launch prefix: deno needs `run -A` before the script.
    void runtimePlaceholderFollowsTheKind()
    {
        const BenchmarkDefinitionFile file = parse(fileWith(program()), QStringLiteral("deno"));
        QVERIFY(file.ok());
        const RuntimeInfo deno = runtime(QStringLiteral("deno"), QStringLiteral("/opt/deno"), RuntimeKind::Deno);
        QCOMPARE(file.benchmarks().first().arguments(deno),
                 (QStringList{QStringLiteral("run"), QStringLiteral("-A"), QStringLiteral("-e"), QStringLiteral("console.log(42)")}));
    }

    /// The CPU example runs on node and python3 and prints what its file expects.
    void goodProgramPair()
    {
        const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::load(ResourceLocator::resourcesDir() + QStringLiteral("/examples/cpu-pair"));
        QVERIFY(file.ok());
        ProcessRunner runner(ResourceLocator::execHelper());
        const UserCheckResult result = UserBenchmarkCheck(runner, m_runtimes).check(file.benchmarks().first());
        QVERIFY2(result.passed, qPrintable(result.message));
        QCOMPARE(result.runtimes, (QStringList{QStringLiteral("node"), QStringLiteral("python3")}));
    }

    /// The HTTP example: Express and FastAPI each ready, each answering both requests with the expected bytes.
    void goodServerPair()
    {
        const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::load(ResourceLocator::resourcesDir() + QStringLiteral("/examples/http-pair"));
        QVERIFY(file.ok());
        ProcessRunner runner(ResourceLocator::execHelper());
        const UserCheckResult result = UserBenchmarkCheck(runner, m_runtimes).check(file.benchmarks().first());
        QVERIFY2(result.passed, qPrintable(result.message));
        QCOMPARE(result.runtimes, (QStringList{QStringLiteral("node"), QStringLiteral("python3")}));
    }

    /// A failing program stops its definition: the Python side, which would leave a file behind, never runs.
    void firstFailureStopsTheDefinition()
    {
        const UserCheckResult result = checkOne(
            fileWith(program({}, "\"javascript\": [\"{runtime}\", \"-e\", \"process.exit(3)\"], \"python\": [\"{runtime}\", \"-c\", \"open('python-ran', 'w').write('x')\"]")),
            QStringLiteral("stops"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.startsWith(QStringLiteral("on node: the program failed (exit status 3)")), qPrintable(result.message));
        QCOMPARE(result.runtimes, QStringList{QStringLiteral("node")});
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("stops/python-ran"))));
    }

    void outputsDisagree()
    {
        const UserCheckResult result = checkOne(fileWith(program({}, "\"javascript\": [\"{runtime}\", \"-e\", \"console.log(41)\"], \"python\": [\"{runtime}\", \"-c\", \"print(42)\"]")),
                                                QStringLiteral("disagree"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.contains(QStringLiteral("on python3: the output differs between runtimes: \"42\\n\" here, \"41\\n\" on node")),
                 qPrintable(result.message));
    }

    void wrongExpectedOutput()
    {
        const UserCheckResult result = checkOne(fileWith(program("     \"expected_output\": \"43\\n\",\n")), QStringLiteral("expected"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.contains(QStringLiteral("on node: wrong output: \"42\\n\" instead of the expected \"43\\n\"")), qPrintable(result.message));
        const UserCheckResult digest = checkOne(
            fileWith(program("     \"expected_output_sha256\": \"0000000000000000000000000000000000000000000000000000000000000000\",\n")),
            QStringLiteral("digest"));
        QVERIFY2(digest.message.contains(QStringLiteral("instead of the expected sha256 0000")), qPrintable(digest.message));
    }

    /// A protocol program is judged by PROTOCOL.md's rules: its one JSON line, and its result against the other runtime's.
    void protocolProgram()
    {
        const QByteArray js = "[\"{runtime}\", \"-e\", \"console.log(JSON.stringify({protocol:1,benchmark:'p',runtime:'node',version:process.version,warmup_ns:[],iterations_ns:[5],result:'7'}))\", \"--\"]";
        const QByteArray py = "[\"{runtime}\", \"-c\", \"import json; print(json.dumps({'protocol':1,'benchmark':'p','runtime':'python','version':'3','warmup_ns':[],'iterations_ns':[5],'result':'7'}))\"]";
        const QByteArray entry = "    {\"name\": \"p\", \"category\": \"cpu\", \"form\": \"program\", \"protocol\": true, \"size\": 1,\n"
                                 "     \"expected_output\": \"7\", \"commands\": {\"javascript\": " + js + ", \"python\": " + py + "}}";
        const UserCheckResult good = checkOne(fileWith(entry), QStringLiteral("protocol"));
        QVERIFY2(good.passed, qPrintable(good.message));
        const UserCheckResult wrong = checkOne(fileWith(QByteArray(entry).replace("'benchmark':'p'", "'benchmark':'q'")), QStringLiteral("protocol-bad"));
        QVERIFY(!wrong.passed);
        QVERIFY2(wrong.message.contains(QStringLiteral("on python3: does not speak PROTOCOL.md: reported benchmark \"q\"")), qPrintable(wrong.message));
    }

    /// A server that never says it is ready is stopped at its timeout, and its process is gone afterwards.
    void serverNeverReady()
    {
        const QByteArray entry = "    {\"name\": \"mute\", \"category\": \"io\", \"form\": \"server\", \"timeout_s\": 2, \"ready\": {\"stdout\": \"^listening\"},\n"
                                 "     \"commands\": {\"python\": [\"{runtime}\", \"-c\", \"import os, sys, time; open('pid', 'w').write(str(os.getpid())); time.sleep(60)\", \"{port}\"]},\n"
                                 "     \"requests\": [{\"path\": \"/\"}]}";
        const UserCheckResult result = checkOne(fileWith(entry), QStringLiteral("mute"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.startsWith(QStringLiteral("on python3: the server was not ready within 2 s (no stdout line matched \"^listening\"; "
                                                                 "nothing arrived on stdout: if the server prints the line, its output may be buffered")),
                 qPrintable(result.message));
        QFile pidFile(m_dir.filePath(QStringLiteral("mute/pid")));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const pid_t pid = pid_t(pidFile.readAll().toLongLong());
        QVERIFY(pid > 0);
        QVERIFY2(::kill(pid, 0) != 0, "the server outlived its check");
    }

    /// A ready line printed into a buffered pipe never arrives: the message names the likely cause and its cure.
    void bufferedReadyLineGetsAHint()
    {
        const QByteArray entry = "    {\"name\": \"buffered\", \"category\": \"io\", \"form\": \"server\", \"timeout_s\": 2, \"ready\": {\"stdout\": \"^listening\"},\n"
                                 "     \"commands\": {\"python\": [\"{runtime}\", \"-c\", \"import time; print('listening'); time.sleep(60)\", \"{port}\"]},\n"
                                 "     \"requests\": [{\"path\": \"/\"}]}";
        const UserCheckResult result = checkOne(fileWith(entry), QStringLiteral("buffered"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.contains(QStringLiteral("its output may be buffered (run Python with -u or print(..., flush=True))")),
                 qPrintable(result.message));
    }

    /// http.server answers a path it lacks with 404: a wrong status names the request, both statuses and the body.
    void serverWrongStatus()
    {
        const UserCheckResult result = checkOne(fileWith(server({}, "{\"stdout\": \"^Serving HTTP\"}", "[{\"name\": \"missing\", \"path\": \"/no-such-file\"}]")),
                                                QStringLiteral("status"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.startsWith(QStringLiteral("on python3: request \"missing\" answered status 404, expected 200")), qPrintable(result.message));
    }

    /// A server reachable from the network is refused: Showdown loads 127.0.0.1 only.
    void serverOnEveryInterface()
    {
        const UserCheckResult result = checkOne(
            QByteArray(fileWith(server({}, "{\"stdout\": \"^Serving HTTP\"}"))).replace("\"--bind\", \"127.0.0.1\", ", ""),
            QStringLiteral("exposed"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.contains(QStringLiteral("not only on 127.0.0.1")), qPrintable(result.message));
    }

    /// The verb itself: each problem on stderr as FILE:LINE: FIELD: message, exit status 1, nothing run.
    void checkVerbReportsProblems()
    {
        parse(QByteArray(fileWith(program())).replace("\"cpu\"", "\"gpu\""), QStringLiteral("verb"));
        const CommandRun run = runCommand(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                                          {QStringLiteral("benchmarks"), QStringLiteral("check"), m_dir.filePath(QStringLiteral("verb"))});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.startsWith(m_dir.filePath(QStringLiteral("verb/showdown.json")) + QStringLiteral(":5: benchmarks[0].category: unknown category \"gpu\"")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("1 problem in")), qPrintable(run.err));
        const CommandRun good = runCommand(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                                           {QStringLiteral("benchmarks"), QStringLiteral("check"),
                                            ResourceLocator::resourcesDir() + QStringLiteral("/examples/cpu-pair"), QStringLiteral("--json")});
        QVERIFY2(good.code == 0, qPrintable(good.err));
        QVERIFY(QJsonDocument::fromJson(good.out.toUtf8()).object().value(QLatin1String("passed")).toBool());
    }

    void serverWrongBody()
    {
        QFile index(m_dir.filePath(QStringLiteral("body/index.txt")));
        QDir(m_dir.path()).mkpath(QStringLiteral("body"));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("served\n");
        index.close();
        const UserCheckResult result = checkOne(
            fileWith(server({}, "{\"url\": \"/index.txt\"}", "[{\"path\": \"/index.txt\", \"expected_body\": \"expected\\n\"}]")), QStringLiteral("body"));
        QVERIFY(!result.passed);
        QVERIFY2(result.message.contains(QStringLiteral("answered the wrong body: \"served\\n\" instead of the expected \"expected\\n\"")),
                 qPrintable(result.message));
    }

    /// A family with no runtime present is a failure of its own, before anything runs.
    void missingRuntime()
    {
        const BenchmarkDefinitionFile file = parse(fileWith(program()), QStringLiteral("alone"));
        QVERIFY(file.ok());
        ProcessRunner runner(ResourceLocator::execHelper());
        const UserCheckResult result = UserBenchmarkCheck(runner, {m_runtimes.at(1)}).check(file.benchmarks().first());
        QVERIFY(!result.passed);
        QVERIFY2(result.message.startsWith(QStringLiteral("no javascript runtime to run it on")), qPrintable(result.message));
        QVERIFY(result.runtimes.isEmpty());
    }

    /// `run --benchmarks`: the CPU example measured on both runtimes, every sample stored and valid.
    void runMeasuresTheCpuExample()
    {
        const QString showdown = qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
        const QString db = m_dir.filePath(QStringLiteral("run.sqlite"));
        const CommandRun run = runCommand(showdown, {QStringLiteral("run"), QStringLiteral("--benchmarks"),
                                                     ResourceLocator::resourcesDir() + QStringLiteral("/examples/cpu-pair"), QStringLiteral("--runs"),
                                                     QStringLiteral("2"), QStringLiteral("--db"), db, QStringLiteral("--no-wait"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
        QCOMPARE(summary.value(QLatin1String("processes")).toInt(), 4);
        QCOMPARE(summary.value(QLatin1String("invalid")).toInt(), 0);
        const CommandRun show = runCommand(showdown, {QStringLiteral("show"), QString::number(summary.value(QLatin1String("result_set")).toInteger()),
                                                      QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY2(show.code == 0, qPrintable(show.err));
        QStringList rows;
        for (const QJsonValue &row : QJsonDocument::fromJson(show.out.toUtf8()).object().value(QLatin1String("rows")).toArray())
            rows.append(row[QLatin1String("benchmark")].toString() + QLatin1Char('/') + row[QLatin1String("runtime")].toString());
        rows.sort();
        QCOMPARE(rows, (QStringList{QStringLiteral("primes/node"), QStringLiteral("primes/python3")}));
    }

    /// A file that fails its check is refused before the store is even opened.
    void runRefusesAFailingFile()
    {
        parse(fileWith(program({}, "\"javascript\": [\"{runtime}\", \"-e\", \"console.log(41)\"], \"python\": [\"{runtime}\", \"-c\", \"print(42)\"]")),
              QStringLiteral("refused"));
        const QString db = m_dir.filePath(QStringLiteral("refused.sqlite"));
        const CommandRun run = runCommand(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                                          {QStringLiteral("run"), QStringLiteral("--benchmarks"), m_dir.filePath(QStringLiteral("refused")),
                                           QStringLiteral("--db"), db, QStringLiteral("--no-wait")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("does not pass `showdown benchmarks check`")), qPrintable(run.err));
        QVERIFY2(run.err.contains(m_dir.filePath(QStringLiteral("refused/showdown.json")) + QStringLiteral(":4: answer: on python3: the output differs")),
                 qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(db));
    }

    /// A program whose answer changes after its check has those samples voided, as a wrong checksum is.
    void runVoidsAWrongAnswer()
    {
        const QByteArray counter = "import os\nn = int(open('n').read()) + 1 if os.path.exists('n') else 1\nopen('n', 'w').write(str(n))\n"
                                   "print('same' if n == 1 else n)";
        QJsonArray command{QStringLiteral("{runtime}"), QStringLiteral("-c"), QString::fromUtf8(counter)};
        const QByteArray entry = "    {\"name\": \"drift\", \"category\": \"cpu\", \"form\": \"program\",\n     \"commands\": {\"python\": "
                                 + QJsonDocument(command).toJson(QJsonDocument::Compact) + "}}";
        parse(fileWith(entry), QStringLiteral("drift"));
        const CommandRun run = runCommand(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                                          {QStringLiteral("run"), QStringLiteral("--benchmarks"), m_dir.filePath(QStringLiteral("drift")),
                                           QStringLiteral("--runs"), QStringLiteral("2"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("drift.sqlite")),
                                           QStringLiteral("--no-wait"), QStringLiteral("--json")});
        QCOMPARE(run.code, 1);
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(QLatin1String("processes")).toInt(), 2);
        QCOMPARE(summary.value(QLatin1String("invalid")).toInt(), 2);
        QVERIFY2(run.err.contains(QStringLiteral("wrong output")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(UserBenchmarksTest)
#include "UserBenchmarksTest.moc"

