#include "ClaimFinding.h"

#include <QJsonArray>

namespace showdown {

QJsonObject ClaimFinding::toJson() const
{
    QJsonArray figures;
    for (const ClaimEvidence &item : evidence)
        figures.append(item.toJson());
    return {{QStringLiteral("label"), label},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("node_wins"), QJsonArray::fromStringList(nodeWins)},
            {QStringLiteral("python_wins"), QJsonArray::fromStringList(pythonWins)},
            {QStringLiteral("too_close"), QJsonArray::fromStringList(tooClose)},
            {QStringLiteral("missing"), QJsonArray::fromStringList(missing)},
            {QStringLiteral("evidence"), figures}};
}

} // namespace showdown
