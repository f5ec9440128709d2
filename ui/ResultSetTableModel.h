#pragma once

#include "ResultSetInfo.h"
#include "RowTableModel.h"

namespace showdown {

/// The History table: every result set of the database with where, when and how it ended.
class ResultSetTableModel : public RowTableModel<ResultSetInfo> {
    Q_OBJECT
public:
    explicit ResultSetTableModel(QObject *parent = nullptr);

    /// A short human name: the user's name for it, else "#id suite, date".
    [[nodiscard]] static QString title(const ResultSetInfo &info);
    /// "node v20.20.2, python3 3.11" from the set's parameters.
    [[nodiscard]] static QString runtimes(const ResultSetInfo &info);
    /// CPU model and host from the captured environment.
    [[nodiscard]] static QString machine(const ResultSetInfo &info);
    /// "⚠ foreign load", "quiet" or "not recorded", from the set's stored machine state.
    [[nodiscard]] static QString foreignLoad(const ResultSetInfo &info);
};

} // namespace showdown
