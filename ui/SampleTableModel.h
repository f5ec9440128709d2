#pragma once

#include "RowTableModel.h"
#include "Sample.h"

namespace showdown {

/// Every process of a result set, failed ones included with their error and stderr, so nothing that
/// went wrong is hidden behind a summary.
class SampleTableModel : public RowTableModel<Sample> {
    Q_OBJECT
public:
    explicit SampleTableModel(QObject *parent = nullptr);
};

} // namespace showdown
