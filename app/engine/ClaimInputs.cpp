#include "ClaimInputs.h"

#include "Catalog.h"
#include "ResourceLocator.h"

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

void ClaimInputs::loadShippedBenchmarks()
{
    benchmarks.clear();
    benchmarksError.clear();
    if (const std::optional<Catalog> catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &benchmarksError))
        benchmarks = catalog->benchmarks();
}

} // namespace showdown
