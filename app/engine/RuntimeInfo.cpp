#include "RuntimeInfo.h"

#include <QJsonArray>

namespace showdown {

void RuntimeInfo::setKind(RuntimeKind value)
{
    runtimeKind = value;
    family = value.family();
    kind = RuntimeKind::familyWord(value.family());
}

std::optional<RuntimeKind> RuntimeInfo::resolvedKind() const
{
    if (runtimeKind)
        return runtimeKind;
    if (kind == QLatin1String("node"))
        return RuntimeKind(RuntimeKind::Node);
    if (kind == QLatin1String("python"))
        return RuntimeKind(implementation == QLatin1String("pypy") ? RuntimeKind::PyPy : RuntimeKind::CPython);
    return std::nullopt;
}

QStringList RuntimeInfo::launchArguments(const QString &script) const
{
    const std::optional<RuntimeKind> kind = resolvedKind();
    return kind ? kind->launchArguments(script) : QStringList{script};
}

QJsonObject RuntimeInfo::toJson() const
{
    const std::optional<RuntimeKind> resolved = resolvedKind();
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("family"), resolved ? QJsonValue(RuntimeKind::familyName(resolved->family())) : QJsonValue()},
                       {QStringLiteral("kind"), resolved ? resolved->name() : kind},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("version"), version},
                       {QStringLiteral("implementation"), implementation},
                       {QStringLiteral("available"), available},
                       {QStringLiteral("libraries"), QJsonArray::fromStringList(libraries)}};
    object.insert(QStringLiteral("gil_enabled"), gilEnabled ? QJsonValue(*gilEnabled) : QJsonValue());
    if (resolved && resolved->family() == RuntimeFamily::Python)
        object.insert(QStringLiteral("free_threaded"), freeThreaded);
    if (!environment.isEmpty()) {
        QJsonObject variables;
        for (auto it = environment.begin(); it != environment.end(); ++it)
            variables.insert(it.key(), it.value());
        object.insert(QStringLiteral("environment"), variables);
    }
    if (!problem.isEmpty())
        object.insert(QStringLiteral("problem"), problem);
    if (!probeError.isEmpty())
        object.insert(QStringLiteral("error"), probeError);
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
    info.probeError = object.value(QLatin1String("error")).toString();
    info.freeThreaded = object.value(QLatin1String("free_threaded")).toBool();
    const QJsonValue gil = object.value(QLatin1String("gil_enabled"));
    if (gil.isBool())
        info.gilEnabled = gil.toBool();
    for (const QJsonValue &library : object.value(QLatin1String("libraries")).toArray())
        info.libraries.append(library.toString());
    const QJsonObject variables = object.value(QLatin1String("environment")).toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it)
        info.environment.insert(it.key(), it.value().toString());
    // Sets written before kinds existed said "node" or "python" here; resolvedKind() reads both.
    if (const std::optional<RuntimeKind> parsed = RuntimeKind::parse(info.kind))
        info.setKind(*parsed);
    else if (const std::optional<RuntimeKind> legacy = info.resolvedKind())
        info.setKind(*legacy);
    return info;
}

std::optional<RuntimeInfo> RuntimeInfo::parseJson(const QJsonObject &object, QString *error)
{
    const QString kindText = object.value(QLatin1String("kind")).toString();
    const QJsonValue familyValue = object.value(QLatin1String("family"));
    const RuntimeInfo info = fromJson(object);
    if (!kindText.isEmpty() && !info.runtimeKind) {
        *error = QStringLiteral("runtime \"%1\" has the unknown kind \"%2\" (known: %3)")
                     .arg(info.name, kindText, RuntimeKind::names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (!familyValue.isUndefined() && !familyValue.isNull()) {
        const std::optional<RuntimeFamily> family = RuntimeKind::parseFamily(familyValue.toString());
        if (!family || (info.family && *family != *info.family)) {
            *error = QStringLiteral("runtime \"%1\" has the family \"%2\", which is not %3")
                         .arg(info.name, familyValue.toString(),
                              info.family ? QStringLiteral("its kind's (%1)").arg(RuntimeKind::familyName(*info.family))
                                          : QStringLiteral("javascript or python"));
            return std::nullopt;
        }
    }
    return info;
}

} // namespace showdown
