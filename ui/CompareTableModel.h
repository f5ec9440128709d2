#pragma once

#include "ResultComparison.h"
#include "RowTableModel.h"

namespace showdown {

/// The History comparison of two result sets, one row per benchmark × variant × runtime × workers, from the
/// same statistics as `showdown compare` (ResultComparison): ratio of medians with its CI, Holm-corrected p.
class CompareTableModel : public RowTableModel<ResultChange> {
    Q_OBJECT
public:
    explicit CompareTableModel(QObject *parent = nullptr);
};

} // namespace showdown
