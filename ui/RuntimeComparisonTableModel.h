#pragma once

#include "ResultAnalysis.h"
#include "RowTableModel.h"

namespace showdown {

/// Each runtime against its family's baseline per benchmark (Bun against Node, PyPy against CPython): the
/// "should we switch or upgrade?" table, and the rows the same-family ratio chart draws.
class RuntimeComparisonTableModel : public RowTableModel<RuntimeComparison> {
    Q_OBJECT
public:
    explicit RuntimeComparisonTableModel(QObject *parent = nullptr);
};

} // namespace showdown
