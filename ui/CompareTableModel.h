#pragma once

#include "ResultAnalysis.h"
#include "RowTableModel.h"

#include <optional>

namespace showdown {

/// One benchmark × runtime in two result sets (e.g. before and after an upgrade).
struct CompareRow {
    QString benchmark;
    QString runtime;
    std::optional<SummaryRow> first;
    std::optional<SummaryRow> second;

    /// second median / first median; NaN when either side has no valid samples.
    [[nodiscard]] double ratio() const;
};

/// The History comparison of two result sets, row by row.
class CompareTableModel : public RowTableModel<CompareRow> {
    Q_OBJECT
public:
    explicit CompareTableModel(QObject *parent = nullptr);

    /// Pairs the rows of two sets by benchmark, variant and runtime, keeping rows present in only one.
    [[nodiscard]] static QList<CompareRow> pair(const QList<SummaryRow> &first, const QList<SummaryRow> &second);
};

} // namespace showdown
