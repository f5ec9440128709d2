#include "ProcessGroupProbe.h"

#include "ProcessTicks.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace showdown {
namespace {

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    // /proc files report a size of 0; read until the end instead of trusting it.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

ProcessGroupUsage ProcessGroupProbe::read(qint64 pgid, qint64 excludePid)
{
    ProcessGroupUsage usage;
    const qint64 ticksPerSecond = sysconf(_SC_CLK_TCK);
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : pids) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == excludePid)
            continue;
        const std::optional<ProcessTicks> process = ProcessTicks::read(pid);
        if (!process || process->group != pgid)
            continue;
        usage.cpuNs += process->cpuTicks * 1'000'000'000 / ticksPerSecond;
        const QByteArray rollup = readProcFile(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
        for (const QByteArray &line : rollup.split('\n')) {
            if (line.startsWith("Pss:")) {
                usage.pssKb += line.mid(4).trimmed().split(' ').first().toLongLong();
                break;
            }
        }
        ++usage.processes;
    }
    return usage;
}

} // namespace showdown
