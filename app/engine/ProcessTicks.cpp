#include "ProcessTicks.h"

#include <QFile>
#include <QList>

namespace showdown {

std::optional<ProcessTicks> ProcessTicks::parse(const QByteArray &procPidStat)
{
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so it ends at the LAST ')'.
    const qsizetype open = procPidStat.indexOf('(');
    const qsizetype close = procPidStat.lastIndexOf(')');
    if (open < 1 || close < open)
        return std::nullopt;
    ProcessTicks process;
    bool ok = false;
    process.pid = procPidStat.left(open).trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    process.name = QString::fromUtf8(procPidStat.mid(open + 1, close - open - 1));
    // Fields after comm, from field 3 (state): ppid is field 4, pgrp 5, utime 14, stime 15, starttime 22.
    const QList<QByteArray> fields = procPidStat.mid(close + 1).simplified().split(' ');
    if (fields.size() < 20)
        return std::nullopt;
    bool parentOk = false, groupOk = false, userOk = false, systemOk = false, startOk = false;
    process.parent = fields.at(1).toLongLong(&parentOk);
    process.group = fields.at(2).toLongLong(&groupOk);
    process.cpuTicks = fields.at(11).toLongLong(&userOk) + fields.at(12).toLongLong(&systemOk);
    process.startTicks = fields.at(19).toLongLong(&startOk);
    if (!parentOk || !groupOk || !userOk || !systemOk || !startOk)
        return std::nullopt;
    return process;
}

std::optional<ProcessTicks> ProcessTicks::read(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    // /proc files report a size of 0: read until the end rather than trusting size().
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parse(file.readAll());
}

} // namespace showdown
