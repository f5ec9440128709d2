#include "Benchmark.h"

#include <QJsonArray>

namespace showdown {

QList<BenchmarkVariant> Benchmark::variantsFor(const QString &runtimeKind) const
{
    QList<BenchmarkVariant> result;
    if (variants.isEmpty()) {
        if (!scriptFor(runtimeKind).isEmpty())
            result.append(BenchmarkVariant{QString(), runtimeKind, QString(), {}, {}, QString()});
        if (!result.isEmpty())
            result.last().unsupported = unsupported;
        return result;
    }
    for (const BenchmarkVariant &variant : variants) {
        if (variant.runtimeKind == runtimeKind)
            result.append(variant);
    }
    return result;
}

const Endpoint *Benchmark::endpoint(const QString &endpointName) const
{
    for (const Endpoint &candidate : endpoints) {
        if (candidate.name == endpointName)
            return &candidate;
    }
    return nullptr;
}

namespace {

QJsonObject unsupportedJson(const QMap<QString, QString> &reasons)
{
    QJsonObject json;
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

} // namespace

QJsonObject BenchmarkVariant::environmentJson() const
{
    QJsonObject json;
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject Benchmark::toJson() const
{
    QJsonObject suites;
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it) {
        QJsonObject size{{QStringLiteral("runs"), it->runs}};
        if (isServer()) {
            size.insert(QStringLiteral("connections"), intArray(it->connections));
            size.insert(QStringLiteral("duration_s"), it->durationS);
            size.insert(QStringLiteral("warmup_s"), it->warmupS);
            if (!it->endpoints.isEmpty())
                size.insert(QStringLiteral("endpoints"), QJsonArray::fromStringList(it->endpoints));
            if (it->rate > 0)
                size.insert(QStringLiteral("rate"), it->rate);
            if (!it->servers.isEmpty())
                size.insert(QStringLiteral("servers"), QJsonArray::fromStringList(it->servers));
            if (!it->endpointConnections.isEmpty()) {
                QJsonObject perEndpoint;
                for (auto e = it->endpointConnections.cbegin(); e != it->endpointConnections.cend(); ++e)
                    perEndpoint.insert(e.key(), intArray(e.value()));
                size.insert(QStringLiteral("endpoint_connections"), perEndpoint);
            }
            if (it->capacity) {
                const CapacityPlan &plan = it->capacity->plan;
                QJsonObject capacity{{QStringLiteral("connections"), intArray(it->capacity->connections)},
                                     {QStringLiteral("duration_s"), plan.stepS},
                                     {QStringLiteral("warmup_s"), plan.warmupS},
                                     {QStringLiteral("start_rate"), plan.startRate},
                                     {QStringLiteral("precision"), plan.precision},
                                     {QStringLiteral("max_steps"), plan.maxSteps}};
                if (!it->capacity->endpoints.isEmpty())
                    capacity.insert(QStringLiteral("endpoints"), QJsonArray::fromStringList(it->capacity->endpoints));
                size.insert(QStringLiteral("capacity"), capacity);
            }
        } else {
            size.insert(QStringLiteral("size"), it->size);
            size.insert(QStringLiteral("iterations"), it->iterations);
            size.insert(QStringLiteral("warmup"), it->warmup);
            size.insert(QStringLiteral("checksum"), it->checksum);
            if (it->expectedS > 0)
                size.insert(QStringLiteral("expected_s"), it->expectedS);
        }
        if (!it->workers.isEmpty())
            size.insert(QStringLiteral("workers"), intArray(it->workers));
        suites.insert(it.key(), size);
    }
    QJsonArray variantList;
    for (const BenchmarkVariant &variant : variants) {
        QJsonObject entry{{QStringLiteral("name"), variant.name},
                          {QStringLiteral("runtime"), variant.runtimeKind},
                          {QStringLiteral("requires"), QJsonArray::fromStringList(variant.libraries)},
                          {QStringLiteral("description"), variant.description}};
        if (!variant.script.isEmpty())
            entry.insert(QStringLiteral("script"), variant.script);
        if (variant.bound)
            entry.insert(QStringLiteral("bound"), variant.bound->name());
        if (!variant.environment.isEmpty())
            entry.insert(QStringLiteral("env"), variant.environmentJson());
        if (!variant.config.isEmpty())
            entry.insert(QStringLiteral("config"), variant.config);
        if (!variant.configByKind.isEmpty()) {
            QJsonObject byKind;
            for (auto it = variant.configByKind.begin(); it != variant.configByKind.end(); ++it)
                byKind.insert(it.key(), it.value());
            entry.insert(QStringLiteral("config_by_kind"), byKind);
        }
        if (!variant.unsupported.isEmpty())
            entry.insert(QStringLiteral("unsupported"), unsupportedJson(variant.unsupported));
        variantList.append(entry);
    }
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("category"), category.name()},
                     {QStringLiteral("description"), description},
                     {QStringLiteral("claims"), QJsonArray::fromStringList(claims)},
                     {QStringLiteral("measure"), measure},
                     {QStringLiteral("timeout_s"), timeoutSeconds},
                     {QStringLiteral("sizes"), suites}};
    if (bound)
        json.insert(QStringLiteral("bound"), bound->name());
    if (!notes.isEmpty())
        json.insert(QStringLiteral("notes"), notes);
    if (!nodeScript.isEmpty())
        json.insert(QStringLiteral("node"), nodeScript);
    if (!pythonScript.isEmpty())
        json.insert(QStringLiteral("python"), pythonScript);
    if (!variants.isEmpty())
        json.insert(isServer() ? QStringLiteral("servers") : QStringLiteral("variants"), variantList);
    if (!unsupported.isEmpty())
        json.insert(QStringLiteral("unsupported"), unsupportedJson(unsupported));
    return json;
}

} // namespace showdown
