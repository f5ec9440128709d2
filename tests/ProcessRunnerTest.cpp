// The real executor against real node and python children, including every way a child can misbehave.

#include "Catalog.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "SampleEvaluator.h"
#include "SuiteRunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>
#include <QScopeGuard>
#include <QThread>

#include <csignal>
#include <pthread.h>
#include <cstring>
#include <thread>
#include <vector>

using namespace showdown;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

ProcessSpec python(const QString &code, std::chrono::milliseconds timeout = std::chrono::seconds(30))
{
    ProcessSpec spec;
    spec.program = kPython;
    spec.arguments = {QStringLiteral("-c"), code};
    spec.timeout = timeout;
    return spec;
}

bool processGone(qint64 pid)
{
    // A killed process may linger for a moment as a zombie of init; it must not be running.
    for (int attempt = 0; attempt < 50; ++attempt) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return true;
        const QByteArray text = stat.readAll();
        const char state = text.mid(text.lastIndexOf(')') + 2, 1).at(0);
        if (state == 'Z' || state == 'X')
            return true;
        QThread::msleep(20);
    }
    return false;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A signal set line of /proc/PID/status ("SigBlk:\t0000000000014003"), as a number; ~0 when missing.
unsigned long long statusMask(const QByteArray &status, const char *field)
{
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(QByteArray(field) + ':'))
            return line.mid(line.indexOf(':') + 1).trimmed().toULongLong(nullptr, 16);
    }
    return ~0ULL;
}

} // namespace

class ProcessRunnerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(ResourceLocator::execHelper()).isExecutable(), qPrintable(ResourceLocator::execHelper()));
        QVERIFY2(QFileInfo::exists(kPython), "these tests need /usr/bin/python3");
    }

    void benchmarkProcessesStartWithBlasThreadsPinned()
    {
        // A benchmark whose result is the thread settings it started with: the checksum holds only if the
        // suite runner gave the real child OPENBLAS_NUM_THREADS=1 and the others, over what we inherited.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("python")));
        QFile script(dir.filePath(QStringLiteral("python/threads.py")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        const QByteArray protocolDir = (ResourceLocator::benchmarksDir() + QStringLiteral("/python")).toUtf8();
        script.write("import os, sys\n"
                     "sys.path.insert(0, '" + protocolDir + "')\n"
                     "from _protocol import run\n"
                     "names = ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS')\n"
                     "run('threads', lambda size: ','.join(os.environ.get(n, '-') for n in names), default_size=1, min_size=0)\n");
        script.close();
        QFile manifest(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        const QByteArray size = R"({"size":1,"runs":1,"iterations":1,"warmup":0,"checksum":"1,1,1"})";
        manifest.write(R"({"protocol":1,"suites":{"quick":{},"standard":{},"full":{}},"benchmarks":[{"name":"threads","category":"library",)"
                       R"("bound":"library","notes":"n","node":"node/threads.js","python":"python/threads.py","sizes":{"quick":)" + size
                       + R"(,"standard":)" + size + R"(,"full":)" + size + "}}]}");
        manifest.close();
        QString error;
        const std::optional<Catalog> catalog = Catalog::load(manifest.fileName(), &error);
        QVERIFY2(catalog, qPrintable(error));

        // What this process has must not leak through: a user's OPENBLAS_NUM_THREADS=4 is overridden.
        const QByteArray inherited = qgetenv("OPENBLAS_NUM_THREADS");
        qputenv("OPENBLAS_NUM_THREADS", "4");
        ProcessRunner runner(ResourceLocator::execHelper());
        SuiteRunner suite(*catalog, runner);
        RuntimeInfo python;
        python.name = QStringLiteral("python3");
        python.kind = QStringLiteral("python");
        python.path = kPython;
        python.available = true;
        const QList<RunStep> steps = suite.plan(QStringLiteral("quick"), {}, {python}, 0, &error);
        QList<Sample> samples;
        suite.execute(steps, {}, [&](const RunStep &, const Sample &sample) { samples << sample; });
        if (inherited.isNull())
            qunsetenv("OPENBLAS_NUM_THREADS");
        else
            qputenv("OPENBLAS_NUM_THREADS", inherited);
        QCOMPARE(samples.size(), 1);
        QVERIFY2(samples.first().valid(), qPrintable(samples.first().error));
        QCOMPARE(samples.first().result, QStringLiteral("1,1,1"));
    }

    void capturesStdoutAndResources()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        const ProcessResult result = runner.run(python(QStringLiteral("print('hello')")), {});
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.stdoutData, QByteArray("hello\n"));
        QVERIFY(result.wallNs > 1000000);  // starting CPython takes milliseconds, not nanoseconds
        QVERIFY(result.userNs + result.sysNs > 0);
        QVERIFY(result.peakRssKb > 1000);
        QVERIFY(result.error.isEmpty());
    }

    void runsNode()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec;
        spec.program = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!spec.program.isEmpty(), "node is needed");
        spec.arguments = {QStringLiteral("-e"), QStringLiteral("console.log(JSON.stringify({a: 1}))")};
        const ProcessResult result = runner.run(spec, {});
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.stdoutData.trimmed(), QByteArray("{\"a\":1}"));
    }

    void nonZeroExitKeepsStderrTail()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        const ProcessResult result =
            runner.run(python(QStringLiteral("import sys; sys.stderr.write('x' * 20000 + '\\nboom: disk on fire\\n'); sys.exit(3)")), {});
        QCOMPARE(result.outcome, ProcessResult::Outcome::Exited);
        QCOMPARE(result.exitCode, 3);
        QVERIFY(!result.succeeded());
        QVERIFY2(result.error.contains(QLatin1String("status 3")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("boom: disk on fire")), qPrintable(result.error));
        QVERIFY(result.stderrTail.size() <= 8192);  // the tail only
        QVERIFY(!result.stderrTail.contains("@showdown-exec"));  // the helper's report is not the child's stderr
    }

    void crashIsASignal()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        const ProcessResult result = runner.run(python(QStringLiteral("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")), {});
        QCOMPARE(result.outcome, ProcessResult::Outcome::Signaled);
        QCOMPARE(result.signal, SIGSEGV);
        QVERIFY2(result.error.contains(QLatin1String("crashed with signal 11")), qPrintable(result.error));
    }

    void timeoutKillsTheWholeTree()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        QElapsedTimer clock;
        clock.start();
        // The child starts a grandchild and both would sleep for five minutes.
        const ProcessResult result = runner.run(
            python(QStringLiteral("import os, subprocess, time\n"
                                  "p = subprocess.Popen(['sleep', '300'])\n"
                                  "print(os.getpid(), p.pid, flush=True)\n"
                                  "time.sleep(300)\n"),
                   std::chrono::milliseconds(1500)),
            {});
        QCOMPARE(result.outcome, ProcessResult::Outcome::TimedOut);
        QVERIFY2(result.error.contains(QLatin1String("timed out after 1.5 s")), qPrintable(result.error));
        QVERIFY(clock.elapsed() < 10000);
        const QList<QByteArray> pids = result.stdoutData.trimmed().split(' ');
        QCOMPARE(pids.size(), 2);
        QVERIFY2(processGone(pids.at(0).toLongLong()), "the child survived its timeout");
        QVERIFY2(processGone(pids.at(1).toLongLong()), "the grandchild survived its parent's timeout");
    }

    void cancelStopsAtOnce()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        std::stop_source stop;
        std::jthread canceller([&stop] {
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            stop.request_stop();
        });
        QElapsedTimer clock;
        clock.start();
        const ProcessResult result = runner.run(python(QStringLiteral("import os, time; print(os.getpid(), flush=True); time.sleep(300)")),
                                                stop.get_token());
        QCOMPARE(result.outcome, ProcessResult::Outcome::Cancelled);
        QVERIFY2(clock.elapsed() < 3000, "cancel must not wait for the child");
        QVERIFY(processGone(result.stdoutData.trimmed().toLongLong()));
    }

    void childrenStartWithCleanSignals()
    {
        // The CLI blocks these for its watcher thread; a parent may also have signals ignored. Neither may
        // reach a benchmark: both survive fork and exec unless the spawn path resets them.
        sigset_t blocked, previousMask;
        sigemptyset(&blocked);
        sigaddset(&blocked, SIGINT);
        sigaddset(&blocked, SIGTERM);
        sigaddset(&blocked, SIGUSR1);
        QCOMPARE(pthread_sigmask(SIG_BLOCK, &blocked, &previousMask), 0);
        struct sigaction ignore {}, previousHup {}, previousUsr2 {};
        ignore.sa_handler = SIG_IGN;
        sigaction(SIGHUP, &ignore, &previousHup);
        sigaction(SIGUSR2, &ignore, &previousUsr2);
        auto restore = qScopeGuard([&] {
            sigaction(SIGHUP, &previousHup, nullptr);
            sigaction(SIGUSR2, &previousUsr2, nullptr);
            pthread_sigmask(SIG_SETMASK, &previousMask, nullptr);
        });
        // The precondition: this thread really has them blocked, so the test can fail.
        QVERIFY(statusMask(readFile(QStringLiteral("/proc/thread-self/status")), "SigBlk") != 0);

        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec;
        spec.program = QStringLiteral("/bin/cat");  // reads its own status; cat sets no signal of its own
        spec.arguments = {QStringLiteral("/proc/self/status")};
        for (const bool startupMode : {false, true}) {
            spec.warmupStarts = startupMode ? 1 : 0;
            spec.stdoutToFile = startupMode;
            const ProcessResult result = runner.run(spec, {});
            QVERIFY2(result.succeeded(), qPrintable(result.error));
            QCOMPARE(statusMask(result.stdoutData, "SigBlk"), 0ULL);
            QCOMPARE(statusMask(result.stdoutData, "SigIgn"), 0ULL);
        }
    }

    void startupModeWarmsUpAndHandsStdoutOverAsAFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString starts = dir.filePath(QStringLiteral("starts"));
        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec = python(QStringLiteral("import os, stat, sys\n"
                                                 "open(sys.argv[1], 'a').write('start\\n')\n"
                                                 "print('file' if stat.S_ISREG(os.fstat(1).st_mode) else 'not a file')\n"));
        spec.arguments << starts;
        spec.warmupStarts = 2;
        spec.stdoutToFile = true;
        const ProcessResult result = runner.run(spec, {});
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        // Only the measured start's output, and it went to a regular file (as hyperfine's /dev/null, not a pipe).
        QCOMPARE(result.stdoutData, QByteArray("file\n"));
        QCOMPARE(readFile(starts), QByteArray("start\nstart\nstart\n"));
        QVERIFY(result.wallNs > 1000000);
    }

    void stdoutFileIsCapped()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec = python(QStringLiteral("import sys\nb = b'x' * (1 << 20)\nfor _ in range(200): sys.stdout.buffer.write(b)\n"));
        spec.stdoutToFile = true;
        spec.stdoutCapBytes = 4 << 20;
        const ProcessResult result = runner.run(spec, {});
        // The write past the cap fails in the child; nothing beyond it reaches us.
        QVERIFY(!result.succeeded());
        QVERIFY(result.stdoutData.size() <= spec.stdoutCapBytes);
        QVERIFY2(result.error.contains(QLatin1String("exited with status")), qPrintable(result.error));
    }

    void stdoutFloodIsCapped()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        // 200 MB, far beyond the 16 MB cap: the child is killed, our memory stays bounded.
        const ProcessResult result = runner.run(
            python(QStringLiteral("import sys\nb = b'x' * (1 << 20)\nfor _ in range(200): sys.stdout.buffer.write(b)\n")), {});
        QCOMPARE(result.outcome, ProcessResult::Outcome::StdoutOverflow);
        QVERIFY(result.stdoutData.size() <= 16 * 1024 * 1024);
        QVERIFY2(result.error.contains(QLatin1String("more than 16 MB")), qPrintable(result.error));
    }

    void interpreterPathWithSpacesAndQuotes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("my \"odd\" folder's name"));
        QVERIFY(QDir().mkpath(folder));
        const QString interpreter = folder + QStringLiteral("/python 3 $(echo no-shell)");
        QVERIFY(QFile::link(kPython, interpreter));
        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec;
        spec.program = interpreter;
        spec.arguments = {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.argv[1])"), QStringLiteral("a b; 'c' \"d\" $HOME")};
        const ProcessResult result = runner.run(spec, {});
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.stdoutData, QByteArray("a b; 'c' \"d\" $HOME\n"));
    }

    void missingInterpreter()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec;
        spec.program = QStringLiteral("/nonexistent/bin/python3");
        const ProcessResult result = runner.run(spec, {});
        QCOMPARE(result.outcome, ProcessResult::Outcome::SpawnFailed);
        QVERIFY2(result.error.contains(QLatin1String("/nonexistent/bin/python3: no such file")), qPrintable(result.error));
    }

    void nonExecutableFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plain.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just text\n");
        file.close();
        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec;
        spec.program = path;
        const ProcessResult result = runner.run(spec, {});
        QCOMPARE(result.outcome, ProcessResult::Outcome::SpawnFailed);
        QVERIFY2(result.error.contains(QLatin1String("not an executable file")), qPrintable(result.error));
    }

    void execFailureIsReported()
    {
        // Executable bit set, but not a program the kernel can run.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-program"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x7f" "ELF garbage");
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        ProcessRunner runner(ResourceLocator::execHelper());
        ProcessSpec spec;
        spec.program = path;
        const ProcessResult result = runner.run(spec, {});
        QCOMPARE(result.outcome, ProcessResult::Outcome::SpawnFailed);
        QVERIFY2(result.error.contains(QLatin1String("could not execute")), qPrintable(result.error));
    }

    void garbageOutputIsAProtocolError()
    {
        // A real child that exits 0 but prints something other than one JSON report.
        ProcessRunner runner(ResourceLocator::execHelper());
        const ProcessResult result = runner.run(python(QStringLiteral("print('Hello from a chatty benchmark'); print('{\"protocol\": 1')")), {});
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        Benchmark benchmark;
        benchmark.name = QStringLiteral("nbody");
        BenchmarkSize size;
        size.checksum = QStringLiteral("1");
        RuntimeInfo runtime;
        runtime.name = QStringLiteral("python3");
        runtime.kind = QStringLiteral("python");
        const Sample sample = SampleEvaluator::evaluate(benchmark, size, runtime, result);
        QVERIFY(!sample.valid());
        QCOMPARE(sample.status, QStringLiteral("protocol"));
        QVERIFY2(sample.error.contains(QLatin1String("printed 2 lines on stdout")), qPrintable(sample.error));
    }

    void peakRssIsNotInflatedByOurHeap()
    {
        ProcessRunner runner(ResourceLocator::execHelper());
        const ProcessResult before = runner.run(python(QStringLiteral("pass")), {});
        QVERIFY2(before.succeeded(), qPrintable(before.error));

        // 1 GB of touched ballast in this (parent) process.
        std::vector<char> ballast(std::size_t(1) << 30);
        std::memset(ballast.data(), 1, ballast.size());
        const ProcessResult after = runner.run(python(QStringLiteral("pass")), {});
        QVERIFY2(after.succeeded(), qPrintable(after.error));
        QVERIFY(ballast[12345] == 1);
        QVERIFY2(after.peakRssKb < 200 * 1024, qPrintable(QString::number(after.peakRssKb)));
        QVERIFY2(after.peakRssKb < before.peakRssKb * 2, qPrintable(QStringLiteral("%1 vs %2").arg(after.peakRssKb).arg(before.peakRssKb)));
    }
};

QTEST_GUILESS_MAIN(ProcessRunnerTest)
#include "ProcessRunnerTest.moc"
