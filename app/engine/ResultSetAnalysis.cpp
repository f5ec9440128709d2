#include "ResultSetAnalysis.h"

#include "ResultJson.h"

#include <QJsonArray>

#include <vector>

namespace showdown {
namespace {

template <typename T>
QJsonArray toArray(const QList<T> &items, QJsonObject (*convert)(const T &))
{
    QJsonArray array;
    for (const T &item : items)
        array.append(convert(item));
    return array;
}

template <typename T>
QList<T> fromArray(const QJsonValue &value, T (*convert)(const QJsonObject &))
{
    QList<T> items;
    for (const QJsonValue &item : value.toArray())
        items.append(convert(item.toObject()));
    return items;
}

/// The rows of `rows` that belong to one of `benchmarks`.
template<typename Row>
QList<Row> rowsOf(const QList<Row> &rows, const QSet<QString> &benchmarks)
{
    QList<Row> result;
    for (const Row &row : rows) {
        if (benchmarks.contains(row.benchmark))
            result.append(row);
    }
    return result;
}

} // namespace

ResultSetAnalysis ResultSetAnalysis::ofBenchmarks(const QSet<QString> &benchmarks) const
{
    ResultSetAnalysis cut;
    cut.rows = rowsOf(rows, benchmarks);
    cut.comparisons = rowsOf(comparisons, benchmarks);
    cut.runtimeComparisons = rowsOf(runtimeComparisons, benchmarks);
    cut.loadRows = rowsOf(loadRows, benchmarks);
    cut.scalingRows = rowsOf(scalingRows, benchmarks);
    cut.capacityRows = rowsOf(capacityRows, benchmarks);
    return cut;
}

ProcessSummary ProcessSummary::of(const Sample &sample)
{
    ProcessSummary process;
    process.iterations = sample.iterationsNs.size();
    if (!sample.iterationsNs.isEmpty()) {
        const std::vector<double> values(sample.iterationsNs.begin(), sample.iterationsNs.end());
        process.medianIterationNs = Statistics::median(values);
    }
    return process;
}

ResultSetAnalysis ResultSetAnalysis::compute(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes,
                                             const std::optional<RuntimeBaselines> &baselines)
{
    ResultSetAnalysis analysis;
    analysis.rows = ResultAnalysis::rows(samples, runtimes);
    analysis.comparisons = ResultAnalysis::comparisons(analysis.rows);
    analysis.runtimeComparisons = ResultAnalysis::runtimeComparisons(analysis.rows, baselines ? *baselines : RuntimeBaselines::defaults(runtimes));
    analysis.loadRows = ResultAnalysis::loadRows(samples, runtimes);
    analysis.scalingRows = ResultAnalysis::scalingRows(analysis.rows);
    analysis.capacityRows = ResultAnalysis::capacityRows(samples, runtimes);
    analysis.processes.reserve(samples.size());
    for (const Sample &sample : samples)
        analysis.processes.append(ProcessSummary::of(sample));
    return analysis;
}

QJsonObject ResultSetAnalysis::toJson() const
{
    QJsonArray processList;
    for (const ProcessSummary &process : processes)
        processList.append(QJsonObject{{QStringLiteral("iterations"), process.iterations},
                                       {QStringLiteral("median_iteration_ns"),
                                        process.medianIterationNs ? QJsonValue(*process.medianIterationNs) : QJsonValue()}});
    return QJsonObject{{QStringLiteral("analysis_version"), kVersion},
                       {QStringLiteral("rows"), toArray(rows, &ResultJson::row)},
                       {QStringLiteral("comparisons"), toArray(comparisons, &ResultJson::comparison)},
                       {QStringLiteral("runtime_comparisons"), toArray(runtimeComparisons, &ResultJson::runtimeComparison)},
                       {QStringLiteral("load_rows"), toArray(loadRows, &ResultJson::loadRow)},
                       {QStringLiteral("scaling"), toArray(scalingRows, &ResultJson::scalingRow)},
                       {QStringLiteral("capacity"), toArray(capacityRows, &ResultJson::capacityRow)},
                       {QStringLiteral("processes"), processList}};
}

std::optional<ResultSetAnalysis> ResultSetAnalysis::fromJson(const QJsonObject &object, QString *error)
{
    if (object.value(QLatin1String("analysis_version")).toInt() != kVersion) {
        *error = QStringLiteral("the stored analysis is version %1, this Showdown writes version %2")
                     .arg(object.value(QLatin1String("analysis_version")).toInt())
                     .arg(kVersion);
        return std::nullopt;
    }
    for (const char *key : {"rows", "comparisons", "runtime_comparisons", "load_rows", "scaling", "capacity", "processes"}) {
        if (!object.value(QLatin1String(key)).isArray()) {
            *error = QStringLiteral("the stored analysis has no \"%1\" list").arg(QLatin1String(key));
            return std::nullopt;
        }
    }
    ResultSetAnalysis analysis;
    analysis.rows = fromArray(object.value(QLatin1String("rows")), &ResultJson::rowFromJson);
    analysis.comparisons = fromArray(object.value(QLatin1String("comparisons")), &ResultJson::comparisonFromJson);
    analysis.runtimeComparisons = fromArray(object.value(QLatin1String("runtime_comparisons")), &ResultJson::runtimeComparisonFromJson);
    analysis.loadRows = fromArray(object.value(QLatin1String("load_rows")), &ResultJson::loadRowFromJson);
    analysis.scalingRows = fromArray(object.value(QLatin1String("scaling")), &ResultJson::scalingRowFromJson);
    analysis.capacityRows = fromArray(object.value(QLatin1String("capacity")), &ResultJson::capacityRowFromJson);
    for (const QJsonValue &value : object.value(QLatin1String("processes")).toArray()) {
        const QJsonObject process = value.toObject();
        const QJsonValue median = process.value(QLatin1String("median_iteration_ns"));
        analysis.processes.append({process.value(QLatin1String("iterations")).toInteger(),
                                   median.isDouble() ? std::optional<double>(median.toDouble()) : std::nullopt});
    }
    return analysis;
}

} // namespace showdown
