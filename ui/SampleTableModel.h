#pragma once

#include "RowTableModel.h"
#include "ResultSetAnalysis.h"
#include "Sample.h"

namespace showdown {

/// One line of the processes table: the process record and what its timings summarise to, so the table
/// needs no raw timing (a stored analysis carries the summary).
struct ProcessRow {
    Sample process;
    ProcessSummary summary;
};

/// Every process of a result set, failed ones included with their error and stderr, so nothing that
/// went wrong is hidden behind a summary.
class SampleTableModel : public RowTableModel<ProcessRow> {
    Q_OBJECT
public:
    explicit SampleTableModel(QObject *parent = nullptr);
};

} // namespace showdown
