#include "ClaimInputs.h"

#include "ResourceLocator.h"

namespace showdown {

ClaimInputs ClaimInputs::fromResultSet(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes)
{
    ClaimInputs inputs;
    inputs.runtimes = runtimes;
    inputs.rows = ResultAnalysis::rows(samples, runtimes);
    inputs.loadRows = ResultAnalysis::loadRows(samples, runtimes);
    inputs.scalingRows = ResultAnalysis::scalingRows(inputs.rows);
    inputs.datasets = DatasetCatalog::load(ResourceLocator::dataDir(), DatasetCatalog::userDir());
    inputs.sourceSizes = SourceSizeProxy::measure(ResourceLocator::benchmarksDir());
    return inputs;
}

} // namespace showdown
