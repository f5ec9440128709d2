#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace showdown {

/// The header of one suite run: when, where, what was asked for, and how it ended.
struct ResultSetInfo {
    qint64 id = 0;
    QString uuid;  ///< stable across files and machines, so merges can deduplicate
    QDateTime created;
    QDateTime finished;
    QString suite;
    QString status;  ///< running, complete, interrupted, failed
    QString name;
    QString notes;
    QString appVersion;
    QJsonObject parameters;
    QJsonObject environment;
    qint64 sampleCount = 0;  ///< measured values across every process of the set
};

} // namespace showdown
