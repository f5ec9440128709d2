#include "ClaimVerdict.h"

#include <QJsonArray>

namespace showdown {

QJsonObject ClaimVerdict::toJson() const
{
    QJsonArray figures;
    for (const ClaimEvidence &item : evidence)
        figures.append(item.toJson());
    QJsonArray besides;
    for (const ClaimFinding &finding : findings)
        besides.append(finding.toJson());
    return {{QStringLiteral("id"), id},
            {QStringLiteral("title"), title},
            {QStringLiteral("article_says"), articleSays},
            {QStringLiteral("verdict"), verdict},
            {QStringLiteral("why"), why},
            {QStringLiteral("holds"), QJsonArray::fromStringList(holdingParts)},
            {QStringLiteral("missing"), QJsonArray::fromStringList(missing)},
            {QStringLiteral("evidence"), figures},
            {QStringLiteral("findings"), besides}};
}

} // namespace showdown
