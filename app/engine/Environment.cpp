#include "Environment.h"

#include "MachineIdentity.h"

#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

namespace showdown {
namespace {

QString readFirstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

QString fieldOf(const QString &path, const QString &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // /proc files report a size of 0, so QFile::atEnd() is true at once: read everything, then look.
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(key)) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            return colon < 0 ? QString() : line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

} // namespace

QJsonObject Environment::capture()
{
    const QString memory = fieldOf(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"));
    const QString governor = readFirstLine(QStringLiteral("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor"));
    const QStringList load = readFirstLine(QStringLiteral("/proc/loadavg")).split(QLatin1Char(' '));
    return QJsonObject{
        {QStringLiteral("cpu_model"), fieldOf(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"))},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("memory_kb"), memory.section(QLatin1Char(' '), 0, 0).toLongLong()},
        {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("governor"), governor.isEmpty() ? QStringLiteral("unavailable (no cpufreq)") : governor},
        {QStringLiteral("load_average"), load.size() >= 3 ? load.mid(0, 3).join(QLatin1Char(' ')) : QString()},
        {QStringLiteral("host"), QSysInfo::machineHostName()},
        {QStringLiteral("architecture"), QSysInfo::currentCpuArchitecture()},
        {MachineIdentity::kMachineIdKey, MachineIdentity::localMachineId()},
    };
}

} // namespace showdown
