#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace showdown {

/// What a shipped dataset's CSV must look like, so a malformed row or a bad import is caught by name.
struct DatasetSchema {
    QString name;             ///< file name, e.g. "adoption.csv"
    QStringList columns;      ///< the header, in order
    QStringList required;     ///< columns that may not be empty
    QStringList numeric;      ///< columns that, when not empty, must be a finite number
    QStringList dates;        ///< columns holding YYYY, YYYY-MM or YYYY-MM-DD

    /// The three datasets Showdown ships under resources/data.
    [[nodiscard]] static QList<DatasetSchema> shipped();
    /// The shipped schema whose header is exactly `header`, or nullptr: a header names its dataset.
    [[nodiscard]] static const DatasetSchema *forHeader(const QStringList &header);
};

} // namespace showdown
