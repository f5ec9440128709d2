#pragma once

#include "ResultAnalysis.h"
#include "RowTableModel.h"

namespace showdown {

/// Node against Python per benchmark: the ratio chart and the table of ratios, CIs and p-values.
class ComparisonTableModel : public RowTableModel<Comparison> {
    Q_OBJECT
public:
    explicit ComparisonTableModel(QObject *parent = nullptr);
};

} // namespace showdown
