#pragma once

#include "ResultAnalysis.h"
#include "RowTableModel.h"

namespace showdown {

/// Capacity at a latency objective per server × endpoint (× chat clients): the figures the capacity bars draw,
/// with the objective searched against, the CI across processes and the per-core cost figure.
class CapacityTableModel : public RowTableModel<CapacityRow> {
    Q_OBJECT
public:
    explicit CapacityTableModel(QObject *parent = nullptr);
};

} // namespace showdown
