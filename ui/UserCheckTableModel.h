#pragma once

#include "RowTableModel.h"
#include "UserCheckReport.h"

namespace showdown {

/// One line of a check's result: a problem in the file, or one definition that passed or failed.
struct UserCheckLine {
    QString where;    ///< FILE:LINE, the way compilers write it
    QString what;     ///< the benchmark's name, or the field (JSON path) of a problem
    bool passed = false;
    QString message;

    /// The report as lines: every problem of the file, then every definition checked.
    [[nodiscard]] static QList<UserCheckLine> of(const UserCheckReport &report);
};

/// The check's result as the Add benchmarks dialog shows it, failures in red with their message.
class UserCheckTableModel : public RowTableModel<UserCheckLine> {
    Q_OBJECT
public:
    explicit UserCheckTableModel(QObject *parent = nullptr);
};

} // namespace showdown
