#pragma once

#include "ResultAnalysis.h"
#include "RowTableModel.h"

namespace showdown {

/// Per benchmark × runtime statistics: the Performance and Memory tables and the bars and boxes beside them.
class SummaryTableModel : public RowTableModel<SummaryRow> {
    Q_OBJECT
public:
    explicit SummaryTableModel(QObject *parent = nullptr);
};

} // namespace showdown
