#pragma once

#include "ResultSetBundle.h"

#include <QString>

class QIODevice;

namespace showdown {

/// Writes the PDF reports: one result set (title page, contents, verdict summary, a section per
/// comparison with its charts and table, methodology, environment, sources) or two compared. Charts come
/// from ChartFactory, the same code the dashboard draws with, rendered as vectors at 96 dpi.
/// Must run on the GUI thread (charts are graphics items); it touches no file or database itself, so a
/// window can render into a QBuffer and write the bytes from a worker thread.
class ReportWriter {
public:
    [[nodiscard]] static bool writeResultSet(const ResultSetBundle &set, QIODevice *device, QString *error);
    [[nodiscard]] static bool writeComparison(const ResultSetBundle &baseline, const ResultSetBundle &candidate, QIODevice *device,
                                              QString *error);
    /// The section titles of a single-set report, in order, for tests and the contents page.
    [[nodiscard]] static QStringList sectionTitles(const ResultSetBundle &set);
};

} // namespace showdown
