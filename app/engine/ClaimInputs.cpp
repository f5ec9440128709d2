#include "ClaimInputs.h"

#include "Catalog.h"
#include "ResourceLocator.h"

#include <QSet>

namespace showdown {

ClaimInputs ClaimInputs::fromResultSet(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes)
{
    const QList<SummaryRow> rows = ResultAnalysis::rows(samples, runtimes);
    return fromRows(runtimes, rows, ResultAnalysis::loadRows(samples, runtimes), ResultAnalysis::scalingRows(rows),
                    ResultAnalysis::capacityRows(samples, runtimes));
}

ClaimInputs ClaimInputs::fromRows(const QList<RuntimeInfo> &runtimes, const QList<SummaryRow> &rows, const QList<LoadRow> &loadRows,
                                  const QList<ScalingRow> &scalingRows, const QList<CapacityRow> &capacityRows)
{
    ClaimInputs inputs;
    inputs.runtimes = runtimes;
    inputs.rows = rows;
    inputs.loadRows = loadRows;
    inputs.scalingRows = scalingRows;
    inputs.capacityRows = capacityRows;
    inputs.comparisons = ResultAnalysis::comparisons(rows);
    inputs.datasets = DatasetCatalog::load(ResourceLocator::dataDir(), DatasetCatalog::userDir());
    inputs.sourceSizes = SourceSizeProxy::measure(ResourceLocator::benchmarksDir());
    inputs.loadShippedBenchmarks();
    return inputs;
}

QList<RuntimeInfo> ClaimInputs::pairedRuntimes() const
{
    QList<RuntimeInfo> result = runtimes;
    QSet<QString> known;
    for (const RuntimeInfo &runtime : runtimes)
        known.insert(runtime.name);
    // A runtime the rows name but the set has no record of (an old or partial set): its family word is all there is.
    const auto add = [&](const QString &name, const QString &familyWord) {
        if (known.contains(name))
            return;
        known.insert(name);
        RuntimeInfo runtime;
        runtime.name = name;
        runtime.kind = familyWord;
        result.append(runtime);
    };
    for (const SummaryRow &row : rows)
        add(row.runtime, row.runtimeKind);
    for (const LoadRow &row : loadRows)
        add(row.runtime, row.runtimeKind);
    for (const CapacityRow &row : capacityRows)
        add(row.runtime, row.runtimeKind);
    return result;
}

RuntimeBaselines ClaimInputs::runtimeBaselines() const
{
    return baselines ? *baselines : RuntimeBaselines::defaults(pairedRuntimes());
}

void ClaimInputs::loadShippedBenchmarks()
{
    benchmarks.clear();
    benchmarksError.clear();
    if (const std::optional<Catalog> catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &benchmarksError))
        benchmarks = catalog->benchmarks();
}

} // namespace showdown
