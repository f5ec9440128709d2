#include "Catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace showdown {

std::optional<Catalog> Catalog::load(const QString &manifestPath, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(manifestPath, message);
        return std::optional<Catalog>();
    };
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the benchmark manifest (%1)").arg(file.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("invalid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("protocol")).toInt() != 1)
        return fail(QStringLiteral("unsupported protocol version %1 (this Showdown speaks 1)")
                        .arg(root.value(QLatin1String("protocol")).toVariant().toString()));

    Catalog catalog;
    catalog.m_baseDir = QFileInfo(manifestPath).absolutePath();
    const QJsonObject suites = root.value(QLatin1String("suites")).toObject();
    for (const QString &suite : {QStringLiteral("quick"), QStringLiteral("standard"), QStringLiteral("full")}) {
        if (!suites.contains(suite))
            return fail(QStringLiteral("suite \"%1\" is missing").arg(suite));
        catalog.m_suites.append(suite);
        catalog.m_suiteDescriptions.insert(suite, suites.value(suite).toObject().value(QLatin1String("description")).toString());
    }

    for (const QJsonValue &value : root.value(QLatin1String("benchmarks")).toArray()) {
        const QJsonObject entry = value.toObject();
        Benchmark benchmark;
        benchmark.name = entry.value(QLatin1String("name")).toString();
        if (benchmark.name.isEmpty())
            return fail(QStringLiteral("a benchmark has no name"));
        if (catalog.find(benchmark.name))
            return fail(QStringLiteral("benchmark \"%1\" appears twice").arg(benchmark.name));
        benchmark.title = entry.value(QLatin1String("title")).toString(benchmark.name);
        benchmark.category = entry.value(QLatin1String("category")).toString();
        benchmark.description = entry.value(QLatin1String("description")).toString();
        for (const QJsonValue &claim : entry.value(QLatin1String("claims")).toArray())
            benchmark.claims.append(claim.toString());
        benchmark.measure = entry.value(QLatin1String("measure")).toString(QStringLiteral("iterations"));
        if (benchmark.measure != QLatin1String("iterations") && benchmark.measure != QLatin1String("process"))
            return fail(QStringLiteral("benchmark \"%1\": unknown measure \"%2\"").arg(benchmark.name, benchmark.measure));
        benchmark.timeoutSeconds = entry.value(QLatin1String("timeout_s")).toInt(60);
        benchmark.nodeScript = entry.value(QLatin1String("node")).toString();
        benchmark.pythonScript = entry.value(QLatin1String("python")).toString();
        if (benchmark.nodeScript.isEmpty() || benchmark.pythonScript.isEmpty())
            return fail(QStringLiteral("benchmark \"%1\" needs both a node and a python program").arg(benchmark.name));
        const QJsonObject sizes = entry.value(QLatin1String("sizes")).toObject();
        for (const QString &suite : catalog.m_suites) {
            const QJsonObject size = sizes.value(suite).toObject();
            if (size.isEmpty())
                return fail(QStringLiteral("benchmark \"%1\" has no size for suite \"%2\"").arg(benchmark.name, suite));
            BenchmarkSize s;
            s.size = size.value(QLatin1String("size")).toInteger();
            s.runs = size.value(QLatin1String("runs")).toInt(1);
            s.iterations = size.value(QLatin1String("iterations")).toInt(1);
            s.warmup = size.value(QLatin1String("warmup")).toInt(0);
            s.checksum = size.value(QLatin1String("checksum")).toString();
            if (s.runs < 1 || s.iterations < 0 || s.warmup < 0 || s.checksum.isEmpty())
                return fail(QStringLiteral("benchmark \"%1\", suite \"%2\": runs must be at least 1 and a checksum is required")
                                .arg(benchmark.name, suite));
            benchmark.sizes.insert(suite, s);
        }
        catalog.m_benchmarks.append(benchmark);
    }
    if (catalog.m_benchmarks.isEmpty())
        return fail(QStringLiteral("lists no benchmarks"));
    return catalog;
}

const Benchmark *Catalog::find(const QString &name) const
{
    for (const Benchmark &benchmark : m_benchmarks) {
        if (benchmark.name == name)
            return &benchmark;
    }
    return nullptr;
}

QString Catalog::suiteDescription(const QString &suite) const
{
    return m_suiteDescriptions.value(suite);
}

QString Catalog::scriptPath(const Benchmark &benchmark, const QString &runtimeKind) const
{
    return QDir(m_baseDir).absoluteFilePath(benchmark.scriptFor(runtimeKind));
}

} // namespace showdown
