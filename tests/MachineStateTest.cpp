// The machine's state around a run and the foreign-load rule: real /proc, synthetic /proc snapshots for the
// rule's arithmetic (the test machine is shared, so a "quiet" case cannot be staged for real), and one real
// run of the showdown binary beside a CPU hog.

#include "ForeignLoad.h"
#include "MachineState.h"
#include "ResourceLocator.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

#include <unistd.h>

using namespace showdown;

namespace {

constexpr double kHz = 100.0;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// An instant built from a synthetic /proc/stat line, Showdown's own CPU and a clock.
CpuInstant instant(const QByteArray &cpuLine, double ownSeconds, double clockSeconds)
{
    CpuInstant result;
    const std::optional<CpuTimes> cpu = CpuTimes::parse("intr 1 2 3\n" + cpuLine + "\ncpu0 1 2 3 4 5 6 7 8 0 0\n");
    result.cpuKnown = cpu.has_value();
    if (cpu)
        result.cpu = *cpu;
    result.ownCpuNs = qint64(ownSeconds * 1e9);
    result.clockNs = qint64(clockSeconds * 1e9);
    return result;
}

/// A start or end reading whose window saw `otherCores` of foreign CPU and the given load average.
MachineReading reading(double otherCores, double load1)
{
    MachineReading r;
    r.window.known = true;
    r.window.seconds = 0.5;
    r.window.otherCores = otherCores;
    r.load1 = load1;
    return r;
}

QString showdownBinary()
{
    return ResourceLocator::executableDir() + QStringLiteral("/showdown");
}

} // namespace

class MachineStateTest : public QObject {
    Q_OBJECT

private slots:
    void parsesRealProc()
    {
        const std::optional<CpuTimes> cpu = CpuTimes::parse(readFile(QStringLiteral("/proc/stat")));
        QVERIFY(cpu);
        QVERIFY(cpu->total() > 0);
        QVERIFY(cpu->busy() <= cpu->total());

        const std::optional<ProcessTicks> self = ProcessTicks::parse(readFile(QStringLiteral("/proc/self/stat")));
        QVERIFY(self);
        QCOMPARE(self->pid, QCoreApplication::applicationPid());
        QCOMPARE(self->name, QStringLiteral("MachineStateTes"));  // comm is cut at 15 characters
        QCOMPARE(self->parent, qint64(::getppid()));
        QCOMPARE(self->group, qint64(::getpgrp()));
        const std::optional<ProcessTicks> read = ProcessTicks::read(QCoreApplication::applicationPid());
        QVERIFY(read);
        QCOMPARE(read->startTicks, self->startTicks);

        const MachineReading now = MachineState::read(std::chrono::milliseconds(200));
        QVERIFY(now.window.known);
        QVERIFY2(now.window.seconds >= 0.19 && now.window.seconds < 5, qPrintable(QString::number(now.window.seconds)));
        QVERIFY(now.window.otherCores >= 0);
        QVERIFY(now.window.stealFraction >= 0 && now.window.stealFraction <= 1);
        QVERIFY(now.load1 && *now.load1 >= 0);
        QVERIFY(now.busiest.size() <= MachineState::kBusiestCount);
        for (const BusyProcess &process : now.busiest)
            QVERIFY(process.pid != QCoreApplication::applicationPid() && process.corePercent > 0);
        // Absent files are said to be unreadable, present ones are read.
        const bool hasGovernor = QFile::exists(QStringLiteral("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
        QCOMPARE(now.governor.startsWith(QLatin1String("unreadable (")), !hasGovernor);
        const bool hasTurbo = QFile::exists(QStringLiteral("/sys/devices/system/cpu/intel_pstate/no_turbo"))
                              || QFile::exists(QStringLiteral("/sys/devices/system/cpu/cpufreq/boost"));
        QCOMPARE(now.turbo.startsWith(QLatin1String("unreadable (")), !hasTurbo);
        if (hasTurbo)
            QVERIFY(now.turbo == QLatin1String("on") || now.turbo == QLatin1String("off"));

        const QJsonObject json = now.toJson();
        QCOMPARE(json.value(QLatin1String("load_average")).toArray().size(), 3);
        QVERIFY(json.value(QLatin1String("window")).toObject().contains(QLatin1String("other_cores")));
    }

    void parsesProcessNamesWithSpacesAndParentheses()
    {
        // Fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        //         cutime cstime priority nice threads itrealvalue starttime ...
        const QByteArray line = "4321 (a (b) c) R 77 4321 4321 0 -1 4194560 10 0 0 0 150 50 0 0 20 0 1 0 987654 1000 100\n";
        const std::optional<ProcessTicks> process = ProcessTicks::parse(line);
        QVERIFY(process);
        QCOMPARE(process->pid, qint64(4321));
        QCOMPARE(process->name, QStringLiteral("a (b) c"));
        QCOMPARE(process->parent, qint64(77));
        QCOMPARE(process->cpuTicks, qint64(200));
        QCOMPARE(process->startTicks, qint64(987654));
        QVERIFY(!ProcessTicks::parse("garbage"));
        QVERIFY(!ProcessTicks::parse("12 (x) R 1 2"));
        QVERIFY(!CpuTimes::parse("cpu0 1 2 3 4 5 6 7 8\n"));  // per-CPU lines are not the machine total
    }

    void busiestExcludesShowdownsOwnTree()
    {
        const qint64 self = 100;
        const QList<ProcessTicks> before = {
            {1, 0, QStringLiteral("init"), 10, 1},
            {100, 1, QStringLiteral("showdown"), 0, 50},
            {101, 100, QStringLiteral("showdown-exec"), 0, 60},
            {102, 101, QStringLiteral("python3"), 0, 61},
            {200, 1, QStringLiteral("cc1plus"), 1000, 70},
            {300, 1, QStringLiteral("old"), 5000, 80},
        };
        const QList<ProcessTicks> after = {
            {1, 0, QStringLiteral("init"), 11, 1},
            {100, 1, QStringLiteral("showdown"), 30, 50},
            {101, 100, QStringLiteral("showdown-exec"), 1, 60},
            {102, 101, QStringLiteral("python3"), 90, 61},
            {200, 1, QStringLiteral("cc1plus"), 1050, 70},
            {300, 1, QStringLiteral("reused"), 20, 95},  // same pid, a new process: all of its CPU is new
            {400, 1, QStringLiteral("yes"), 99, 96},     // started during the window
        };
        const QList<BusyProcess> busiest = MachineState::busiest(before, after, self, 1.0, kHz, 3);
        QCOMPARE(busiest.size(), 3);
        QCOMPARE(busiest.at(0).name, QStringLiteral("yes"));
        QCOMPARE(busiest.at(0).corePercent, 99.0);
        QCOMPARE(busiest.at(1).name, QStringLiteral("cc1plus"));
        QCOMPARE(busiest.at(1).corePercent, 50.0);
        QCOMPARE(busiest.at(2).name, QStringLiteral("reused"));
        for (const BusyProcess &process : MachineState::busiest(before, after, self, 1.0, kHz, 10))
            QVERIFY2(process.pid != 100 && process.pid != 101 && process.pid != 102, qPrintable(process.name));
    }

    void cpuShareSubtractsShowdownsOwnCpu()
    {
        // 10 s of run on 2 cores at 100 Hz: 1000 busy ticks = 10 CPU-seconds, of which Showdown used 9.
        const CpuShare share = CpuShare::between(instant("cpu  1000 0 0 5000 0 0 0 0 0 0", 1.0, 100),
                                                 instant("cpu  1800 0 200 6000 0 0 0 0 0 0", 10.0, 110), kHz);
        QVERIFY(share.known);
        QCOMPARE(share.seconds, 10.0);
        QVERIFY(qAbs(share.otherCores - 0.1) < 1e-9);
        QVERIFY(qAbs(share.ownCores - 0.9) < 1e-9);
        QCOMPARE(share.stealFraction, 0.0);
        // Unreadable /proc/stat: unknown, never a guess.
        QVERIFY(!CpuShare::between(instant("no cpu line", 0, 0), instant("cpu  1 0 0 1 0 0 0 0", 0, 1), kHz).known);
    }

    void ruleOnSyntheticSnapshots()
    {
        // Quiet: over 20 s on 2 cores, busy CPU is Showdown's own plus 1 s of others (0.05 cores).
        const CpuShare quietRun = CpuShare::between(instant("cpu  0 0 0 0 0 0 0 0", 0, 0),
                                                    instant("cpu  1900 0 100 2000 0 0 0 0", 19.0, 20), kHz);
        const ForeignLoad quiet = ForeignLoad::judge(reading(0.02, 0.5), reading(0.05, 1.2), quietRun, 2);
        QCOMPARE(quiet.verdict, ForeignLoad::Verdict::Quiet);
        QVERIFY(quiet.reasons.isEmpty());

        // The same run with a process spinning on the other core all along: 20 more CPU-seconds.
        const CpuShare hogRun = CpuShare::between(instant("cpu  0 0 0 0 0 0 0 0", 0, 0),
                                                  instant("cpu  3900 0 100 0 0 0 0 0", 19.0, 20), kHz);
        QVERIFY(qAbs(hogRun.otherCores - 1.05) < 1e-9);
        const ForeignLoad hog = ForeignLoad::judge(reading(0.02, 0.5), reading(0.05, 1.2), hogRun, 2);
        QCOMPARE(hog.verdict, ForeignLoad::Verdict::Flagged);
        QCOMPARE(hog.reasons.size(), 1);
        QVERIFY2(hog.reasons.first().contains(QLatin1String("1.05 cores on average over the run")), qPrintable(hog.reasons.first()));

        // Each other clause fires on its own.
        QVERIFY(ForeignLoad::judge(reading(0.9, 0.5), reading(0.0, 0.5), quietRun, 2).reasons.first().contains(QLatin1String("at the start")));
        QVERIFY(ForeignLoad::judge(reading(0.0, 0.5), reading(0.9, 0.5), quietRun, 2).reasons.first().contains(QLatin1String("at the end")));
        MachineReading unread = reading(0.0, 2.5);
        unread.window.known = false;
        QVERIFY(ForeignLoad::judge(unread, reading(0.0, 0.5), quietRun, 2).reasons.first().contains(QLatin1String("load average")));
        // A high load average left by the previous run does not flag a start whose window saw no foreign CPU.
        QCOMPARE(ForeignLoad::judge(reading(0.0, 49.7), reading(0.0, 0.5), quietRun, 2).verdict, ForeignLoad::Verdict::Quiet);
        const CpuShare stolen = CpuShare::between(instant("cpu  0 0 0 0 0 0 0 0", 0, 0),
                                                  instant("cpu  1900 0 100 1800 0 0 0 200", 20.0, 20), kHz);
        QVERIFY(qAbs(stolen.stealFraction - 0.05) < 1e-9);
        QVERIFY(ForeignLoad::judge(reading(0.0, 0.5), reading(0.0, 0.5), stolen, 2).reasons.first().contains(QLatin1String("stole 5.0%")));
    }

    void verdictRoundTripsThroughTheEnvironment()
    {
        ForeignLoad flagged;
        flagged.verdict = ForeignLoad::Verdict::Flagged;
        flagged.reasons = {QStringLiteral("other processes used 1.00 cores on average over the run (over 0.25)")};
        const QJsonObject environment{{QStringLiteral("cores"), 2},
                                      {MachineState::kKey, QJsonObject{{QStringLiteral("foreign_load"), flagged.toJson()}}}};
        const ForeignLoad read = ForeignLoad::fromEnvironment(environment);
        QVERIFY(read.flagged());
        QCOMPARE(read.reasons, flagged.reasons);
        QVERIFY(read.summary().startsWith(QLatin1String("measured under foreign load: other processes used 1.00 cores")));
        // Older sets, running sets and malformed values are "not recorded", never "quiet".
        QCOMPARE(ForeignLoad::fromEnvironment(QJsonObject{{QStringLiteral("cores"), 2}}).verdict, ForeignLoad::Verdict::Unknown);
        const QJsonObject malformed{{MachineState::kKey, QJsonObject{{QStringLiteral("foreign_load"), QJsonObject{{QStringLiteral("flagged"), "yes"}}}}}};
        QCOMPARE(ForeignLoad::fromEnvironment(malformed).verdict, ForeignLoad::Verdict::Unknown);
    }

    void runBesideACpuHogIsFlagged()
    {
        QVERIFY2(QFileInfo(showdownBinary()).isExecutable(), qPrintable(showdownBinary()));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        qputenv("SHOWDOWN_LOCK_DIR", dir.filePath(QStringLiteral("lock")).toUtf8());
        QProcess hog;
        hog.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("while True: pass")});
        QVERIFY(hog.waitForStarted());
        QProcess run;
        run.start(showdownBinary(), {QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"),
                                     QStringLiteral("3"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        const bool finished = run.waitForFinished(240000);
        hog.kill();
        hog.waitForFinished();
        QVERIFY(finished);
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());

        QProcess show;
        show.start(showdownBinary(), {QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY(show.waitForFinished(60000));
        const QJsonObject set = QJsonDocument::fromJson(show.readAllStandardOutput()).object().value(QLatin1String("result_set")).toObject();
        const QJsonObject load = set.value(QLatin1String("foreign_load")).toObject();
        QVERIFY2(load.value(QLatin1String("flagged")).toBool(), QJsonDocument(set).toJson().constData());
        QVERIFY(!load.value(QLatin1String("reasons")).toArray().isEmpty());
        QVERIFY(load.value(QLatin1String("rule")).toString().contains(QLatin1String("cores on average over the run")));
        const QJsonObject state = set.value(QLatin1String("environment")).toObject().value(MachineState::kKey).toObject();
        for (const char *key : {"start", "end", "run", "foreign_load"})
            QVERIFY2(state.contains(QLatin1String(key)), key);
        const QJsonObject run_ = state.value(QLatin1String("run")).toObject();
        QVERIFY(run_.value(QLatin1String("seconds")).toDouble() > 0);
        QVERIFY(run_.value(QLatin1String("own_cores")).toDouble() > 0);  // Showdown's children ran and were counted as its own
        QVERIFY(run_.value(QLatin1String("other_cores")).toDouble() > ForeignLoad::Rule::kRunOtherCores);

        // The CLI's other views show it too.
        QProcess text;
        text.start(showdownBinary(), {QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), db});
        QVERIFY(text.waitForFinished(60000));
        QVERIFY(text.readAllStandardOutput().startsWith("Warning: result set 1 was measured under foreign load: "));
        QProcess list;
        list.start(showdownBinary(), {QStringLiteral("list"), QStringLiteral("--db"), db});
        QVERIFY(list.waitForFinished(60000));
        QVERIFY(list.readAllStandardOutput().contains("FOREIGN"));
        // And the PDF report says it under its title.
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QProcess report;
        report.start(showdownBinary(), {QStringLiteral("report"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--pdf"), pdf});
        QVERIFY(report.waitForFinished(120000));
        QVERIFY2(report.exitCode() == 0, report.readAllStandardError().constData());
        QProcess pdfText;
        pdfText.start(QStringLiteral("pdftotext"), {QStringLiteral("-l"), QStringLiteral("1"), pdf, QStringLiteral("-")});
        QVERIFY(pdfText.waitForFinished(60000));
        QVERIFY(pdfText.readAllStandardOutput().contains("Measured under foreign load: other processes used"));
    }
};

QTEST_GUILESS_MAIN(MachineStateTest)
#include "MachineStateTest.moc"
