#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace showdown {

/// One claim's declared rule, as read from claims.json: its words and the parts its verdict combines.
struct ClaimRule {
    QString id;
    QString title;
    QString articleSays;
    QList<QJsonObject> parts;  ///< each validated by ClaimRules against its kind
    QList<QJsonObject> findings;  ///< reported beside the verdict without deciding it (kind ratio, no expect)
};

} // namespace showdown
