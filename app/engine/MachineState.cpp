#include "MachineState.h"

#include "ForeignLoad.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <thread>

namespace showdown {
namespace {

const QString kGovernorPattern = QStringLiteral("/sys/devices/system/cpu/cpu*/cpufreq/scaling_governor");
const QString kNoTurbo = QStringLiteral("/sys/devices/system/cpu/intel_pstate/no_turbo");
const QString kBoost = QStringLiteral("/sys/devices/system/cpu/cpufreq/boost");

/// /proc files report a size of 0, so read until the end rather than trusting size().
std::optional<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

double ticksPerSecond()
{
    const long hz = ::sysconf(_SC_CLK_TCK);
    return hz > 0 ? double(hz) : 100.0;
}

qint64 nanoseconds(const timeval &time)
{
    return qint64(time.tv_sec) * 1000000000 + qint64(time.tv_usec) * 1000;
}

QList<ProcessTicks> scanProcesses()
{
    QList<ProcessTicks> processes;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        // A process may end between the listing and the read; it is simply not counted.
        if (std::optional<ProcessTicks> process = ProcessTicks::read(pid))
            processes.append(std::move(*process));
    }
    return processes;
}

QString governors()
{
    QSet<QString> seen;
    QStringList values;
    const QDir cpus(QStringLiteral("/sys/devices/system/cpu"));
    for (const QString &cpu : cpus.entryList({QStringLiteral("cpu[0-9]*")}, QDir::Dirs, QDir::Name)) {
        const std::optional<QByteArray> text = readAll(cpus.filePath(cpu + QStringLiteral("/cpufreq/scaling_governor")));
        const QString governor = text ? QString::fromUtf8(*text).trimmed() : QString();
        if (!governor.isEmpty() && !seen.contains(governor)) {
            seen.insert(governor);
            values.append(governor);
        }
    }
    if (values.isEmpty())
        return QStringLiteral("unreadable (no %1)").arg(kGovernorPattern);
    return values.join(QStringLiteral(", "));
}

QString turbo()
{
    // intel_pstate says whether turbo is forbidden; acpi-cpufreq and amd-pstate say whether boost is allowed.
    if (const std::optional<QByteArray> noTurbo = readAll(kNoTurbo)) {
        const QByteArray value = noTurbo->trimmed();
        if (value == "0" || value == "1")
            return value == "0" ? QStringLiteral("on") : QStringLiteral("off");
    }
    if (const std::optional<QByteArray> boost = readAll(kBoost)) {
        const QByteArray value = boost->trimmed();
        if (value == "0" || value == "1")
            return value == "1" ? QStringLiteral("on") : QStringLiteral("off");
    }
    return QStringLiteral("unreadable (neither %1 nor %2)").arg(kNoTurbo, kBoost);
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QStringLiteral("unreadable"));
}

} // namespace

std::optional<CpuTimes> CpuTimes::parse(const QByteArray &procStat)
{
    for (const QByteArray &line : procStat.split('\n')) {
        if (!line.startsWith("cpu "))
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 9)
            return std::nullopt;
        qint64 values[8] = {};
        for (int i = 0; i < 8; ++i) {
            bool ok = false;
            values[i] = fields.at(i + 1).toLongLong(&ok);
            if (!ok || values[i] < 0)
                return std::nullopt;
        }
        return CpuTimes{values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]};
    }
    return std::nullopt;
}

CpuInstant CpuInstant::now()
{
    CpuInstant instant;
    if (const std::optional<QByteArray> text = readAll(QStringLiteral("/proc/stat"))) {
        if (const std::optional<CpuTimes> cpu = CpuTimes::parse(*text)) {
            instant.cpu = *cpu;
            instant.cpuKnown = true;
        }
    }
    rusage self{}, children{};
    ::getrusage(RUSAGE_SELF, &self);
    ::getrusage(RUSAGE_CHILDREN, &children);
    instant.ownCpuNs = nanoseconds(self.ru_utime) + nanoseconds(self.ru_stime) + nanoseconds(children.ru_utime) + nanoseconds(children.ru_stime);
    timespec clock{};
    ::clock_gettime(CLOCK_MONOTONIC, &clock);
    instant.clockNs = qint64(clock.tv_sec) * 1000000000 + clock.tv_nsec;
    return instant;
}

CpuShare CpuShare::between(const CpuInstant &from, const CpuInstant &to, double ticksPerSecond)
{
    CpuShare share;
    share.seconds = double(to.clockNs - from.clockNs) / 1e9;
    if (!from.cpuKnown || !to.cpuKnown || share.seconds <= 0 || ticksPerSecond <= 0)
        return share;
    share.known = true;
    const double busySeconds = double(to.cpu.busy() - from.cpu.busy()) / ticksPerSecond;
    const double ownSeconds = double(to.ownCpuNs - from.ownCpuNs) / 1e9;
    // Clock ticks are sampled and rusage is exact, so over a short window the difference can dip below zero.
    share.otherCores = std::max(0.0, busySeconds - ownSeconds) / share.seconds;
    share.ownCores = ownSeconds / share.seconds;
    const qint64 total = to.cpu.total() - from.cpu.total();
    share.stealFraction = total > 0 ? double(to.cpu.steal - from.cpu.steal) / double(total) : 0.0;
    return share;
}

QJsonObject CpuShare::toJson() const
{
    if (!known)
        return QJsonObject{{QStringLiteral("seconds"), seconds}, {QStringLiteral("cpu"), QStringLiteral("unreadable (/proc/stat)")}};
    return QJsonObject{{QStringLiteral("seconds"), seconds},
                       {QStringLiteral("other_cores"), otherCores},
                       {QStringLiteral("own_cores"), ownCores},
                       {QStringLiteral("steal_fraction"), stealFraction}};
}

QList<BusyProcess> MachineState::busiest(const QList<ProcessTicks> &before, const QList<ProcessTicks> &after, qint64 self,
                                         double seconds, double ticksPerSecond, int count)
{
    QHash<qint64, qint64> parents;
    for (const QList<ProcessTicks> *scan : {&before, &after}) {
        for (const ProcessTicks &process : *scan)
            parents.insert(process.pid, process.parent);
    }
    auto ours = [&](qint64 pid) {
        // Walk up the parents; a bounded walk, since a scan is not atomic and could in theory hold a cycle.
        for (int depth = 0; depth < 64 && pid > 1; ++depth) {
            if (pid == self)
                return true;
            pid = parents.value(pid, 0);
        }
        return false;
    };
    QHash<qint64, const ProcessTicks *> earlier;
    for (const ProcessTicks &process : before)
        earlier.insert(process.pid, &process);
    QList<BusyProcess> result;
    for (const ProcessTicks &process : after) {
        if (ours(process.pid) || seconds <= 0)
            continue;
        const ProcessTicks *previous = earlier.value(process.pid);
        // A process that started during the window (a new pid, or a reused one) used all of its CPU within it.
        const bool same = previous && previous->startTicks == process.startTicks;
        const qint64 ticks = same ? process.cpuTicks - previous->cpuTicks : process.cpuTicks;
        if (ticks > 0)
            result.append({process.pid, process.name, double(ticks) / ticksPerSecond / seconds * 100.0});
    }
    std::sort(result.begin(), result.end(), [](const BusyProcess &a, const BusyProcess &b) { return a.corePercent > b.corePercent; });
    if (result.size() > count)
        result.resize(count);
    return result;
}

MachineReading MachineState::read(std::chrono::milliseconds window)
{
    MachineReading reading;
    reading.time = QDateTime::currentDateTimeUtc();
    if (const std::optional<QByteArray> text = readAll(QStringLiteral("/proc/loadavg"))) {
        const QList<QByteArray> fields = text->simplified().split(' ');
        bool ok[3] = {false, false, false};
        if (fields.size() >= 3) {
            const double values[3] = {fields.at(0).toDouble(&ok[0]), fields.at(1).toDouble(&ok[1]), fields.at(2).toDouble(&ok[2])};
            if (ok[0] && ok[1] && ok[2]) {
                reading.load1 = values[0];
                reading.load5 = values[1];
                reading.load15 = values[2];
            }
        }
    }
    reading.governor = governors();
    reading.turbo = turbo();
    const QList<ProcessTicks> first = scanProcesses();
    reading.before = CpuInstant::now();
    std::this_thread::sleep_for(window);
    reading.after = CpuInstant::now();
    const QList<ProcessTicks> second = scanProcesses();
    const double hz = ticksPerSecond();
    reading.window = CpuShare::between(reading.before, reading.after, hz);
    reading.busiest = busiest(first, second, QCoreApplication::applicationPid(), reading.window.seconds, hz, kBusiestCount);
    return reading;
}

QJsonObject MachineReading::toJson() const
{
    QJsonArray processes;
    for (const BusyProcess &process : busiest)
        processes.append(QJsonObject{{QStringLiteral("pid"), process.pid},
                                     {QStringLiteral("name"), process.name},
                                     {QStringLiteral("core_percent"), process.corePercent}});
    return QJsonObject{{QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("load_average"), QJsonArray{optionalNumber(load1), optionalNumber(load5), optionalNumber(load15)}},
                       {QStringLiteral("window"), window.toJson()},
                       {QStringLiteral("busiest_other_processes"), processes},
                       {QStringLiteral("governor"), governor},
                       {QStringLiteral("turbo"), turbo}};
}

QJsonObject MachineState::start(std::chrono::milliseconds window)
{
    m_start = read(window);
    return QJsonObject{{QStringLiteral("start"), m_start->toJson()}};
}

QJsonObject MachineState::finish(std::chrono::milliseconds window)
{
    const MachineReading end = read(window);
    QJsonObject state{{QStringLiteral("end"), end.toJson()}};
    if (!m_start)
        return state;
    // The whole run lies between the end of the start window and the start of the end window.
    const CpuShare run = CpuShare::between(m_start->after, end.before, ticksPerSecond());
    state.insert(QStringLiteral("start"), m_start->toJson());
    state.insert(QStringLiteral("run"), run.toJson());
    state.insert(QStringLiteral("foreign_load"), ForeignLoad::judge(*m_start, end, run, QThread::idealThreadCount()).toJson());
    return state;
}

} // namespace showdown
