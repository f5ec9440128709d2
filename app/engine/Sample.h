#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "LoadPoint.h"

namespace showdown {

/// Everything one benchmark process produced: its timings, its verdict and why, and what the kernel said.
struct Sample {
    /// Why a sample is or is not valid; stored as text so old databases stay readable.
    static inline const QString kOk = QStringLiteral("ok");

    qint64 id = 0;  ///< row id once stored
    QString benchmark;
    QString variant;   ///< empty when the benchmark has a single variant; the server's name for server benchmarks
    int workers = 0;   ///< worker threads/processes passed with --workers; 0 when not applicable
    QString runtime;   ///< RuntimeInfo::name
    int runIndex = 0;
    qint64 size = 0;
    QDateTime started;
    QList<qint64> warmupNs;
    QList<qint64> iterationsNs;
    QString result;
    QString status = kOk;  ///< ok, checksum, protocol, exit, signal, timeout, cancelled, overflow, spawn
    QString error;         ///< empty when valid
    int exitCode = -1;
    int signal = 0;
    qint64 wallNs = 0;
    qint64 userNs = 0;
    qint64 sysNs = 0;
    qint64 peakRssKb = 0;
    QString stderrTail;
    QJsonObject extra;
    QList<LoadPoint> points;  ///< server benchmarks: every load point measured against this server process

    [[nodiscard]] bool valid() const { return status == kOk; }
};

} // namespace showdown
