#include "ProcessGroupProbe.h"

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
        const QByteArray stat = readProcFile(QStringLiteral("/proc/%1/stat").arg(pid));
        // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' are fixed.
        const qsizetype close = stat.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        // After ')': state(3) ppid(4) pgrp(5) ... utime(14) stime(15), i.e. indexes 0, 1, 2 ... 11, 12.
        if (fields.size() < 13 || fields.at(2).toLongLong() != pgid)
            continue;
        const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
        usage.cpuNs += ticks * 1'000'000'000 / ticksPerSecond;
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
