#pragma once

#include "ResultAnalysis.h"
#include "RowTableModel.h"

namespace showdown {

/// Speed-up and efficiency per benchmark variant and worker count, beside the Scaling chart.
class ScalingTableModel : public RowTableModel<ScalingRow> {
    Q_OBJECT
public:
    explicit ScalingTableModel(QObject *parent = nullptr);
};

} // namespace showdown
