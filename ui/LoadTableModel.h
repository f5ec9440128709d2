#pragma once

#include "ResultAnalysis.h"
#include "RowTableModel.h"

namespace showdown {

/// Server benchmarks per server × endpoint × connections × workers: the Concurrency, Scaling and
/// Real-time tables and the throughput / latency lines drawn from them.
class LoadTableModel : public RowTableModel<LoadRow> {
    Q_OBJECT
public:
    explicit LoadTableModel(QObject *parent = nullptr);
    /// Columns that only chat rows fill (offered, lost): the HTTP pages hide them.
    [[nodiscard]] QList<int> chatColumns() const;
};

} // namespace showdown
