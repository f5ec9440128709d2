#include "ClaimEvidence.h"

#include <cmath>

namespace showdown {
namespace {

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject ClaimEvidence::toJson() const
{
    QJsonObject object{{QStringLiteral("figure"), figure},
                       {QStringLiteral("value"), std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("ci_low"), optionalNumber(ciLow)},
                       {QStringLiteral("ci_high"), optionalNumber(ciHigh)},
                       {QStringLiteral("n"), n},
                       {QStringLiteral("p"), optionalNumber(p)},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("part"), part},
                       {QStringLiteral("outcome"), outcome}};
    if (!url.isEmpty())
        object.insert(QStringLiteral("url"), url);
    if (!bound.isEmpty())
        object.insert(QStringLiteral("bound"), bound);
    if (!notes.isEmpty())
        object.insert(QStringLiteral("notes"), notes);
    return object;
}

} // namespace showdown
