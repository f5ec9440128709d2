#include "RuntimeInfo.h"

#include <QJsonArray>

namespace showdown {

QJsonObject RuntimeInfo::toJson() const
{
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("implementation"), implementation},
                       {QStringLiteral("available"), available},
                       {QStringLiteral("libraries"), QJsonArray::fromStringList(libraries)}};
    object.insert(QStringLiteral("gil_enabled"), gilEnabled ? QJsonValue(*gilEnabled) : QJsonValue());
    if (!problem.isEmpty())
        object.insert(QStringLiteral("problem"), problem);
    return object;
}

RuntimeInfo RuntimeInfo::fromJson(const QJsonObject &object)
{
    RuntimeInfo info;
    info.name = object.value(QLatin1String("name")).toString();
    info.kind = object.value(QLatin1String("kind")).toString();
    info.path = object.value(QLatin1String("path")).toString();
    info.version = object.value(QLatin1String("version")).toString();
    info.implementation = object.value(QLatin1String("implementation")).toString();
    info.available = object.value(QLatin1String("available")).toBool();
    info.problem = object.value(QLatin1String("problem")).toString();
    const QJsonValue gil = object.value(QLatin1String("gil_enabled"));
    if (gil.isBool())
        info.gilEnabled = gil.toBool();
    for (const QJsonValue &library : object.value(QLatin1String("libraries")).toArray())
        info.libraries.append(library.toString());
    return info;
}

} // namespace showdown
