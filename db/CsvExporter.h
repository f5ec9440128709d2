#pragma once

#include "ResultSetBundle.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace showdown {

/// Writes one CSV row per raw timing (warm-up and measured) for spreadsheets and R/pandas. A process that
/// produced no timing (it failed, or it was a server measured by load points) still gets one row, so
/// failures stay visible. Text that a spreadsheet would run as a formula is prefixed with ' (OWASP's advice).
class CsvExporter {
public:
    [[nodiscard]] static QByteArray toCsv(const QList<ResultSetBundle> &bundles);
    [[nodiscard]] static QStringList columns();
    /// One field, quoted per RFC 4180 when needed and defused when a spreadsheet would evaluate it.
    [[nodiscard]] static QString field(const QString &text);
};

} // namespace showdown
