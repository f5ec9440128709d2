#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringList>

namespace showdown::tests {

/// Live processes (other than this test) whose command line mentions `needle`, e.g. a benchmark script:
/// a leftover child shows up here. Zombies have an empty command line, so they never match.
inline QStringList processesMentioning(const QString &needle)
{
    QStringList found;
    const QByteArray wanted = needle.toUtf8();
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == QCoreApplication::applicationPid())
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(wanted))
            found.append(entry);
    }
    return found;
}

} // namespace showdown::tests
