#pragma once

#include "DatasetCatalog.h"
#include "ResultAnalysis.h"
#include "RuntimeInfo.h"
#include "SourceSizeProxy.h"

#include <QList>

namespace showdown {

/// Everything a verdict may read, gathered by the caller so ClaimEvaluator stays a pure function.
struct ClaimInputs {
    QList<RuntimeInfo> runtimes;   ///< the result set's; the first node and first python are compared
    QList<SummaryRow> rows;
    QList<LoadRow> loadRows;
    QList<ScalingRow> scalingRows;
    DatasetCatalog datasets;
    QList<SourceSize> sourceSizes;
};

} // namespace showdown
