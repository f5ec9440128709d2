#pragma once

#include "ClaimInputs.h"
#include "PagePlan.h"

#include <optional>

#include "ResultSetAnalysis.h"
#include "ResultSetBundle.h"
#include "StoredDefinitionFile.h"

#include <QString>

class QIODevice;

namespace showdown {

class ReportDocument;

/// What a report is written as: the A4 PDF, or the self-contained interactive HTML page (same sections, tables
/// and charts). Chosen where the user names the file (the CLI's --pdf/--html, the window's Export actions).
enum class ReportFormat { Pdf, Html };

/// Writes the reports (PDF or HTML, ReportFormat): one result set (title page, contents, verdict summary, a section per
/// comparison with its charts and table, methodology, environment, sources) or two compared. Charts come
/// from ChartFactory, the same code the dashboard draws with, rendered as vectors at 96 dpi.
/// Must run on the GUI thread (charts are graphics items); it touches no file or database itself, so a
/// window can render into a QBuffer and write the bytes from a worker thread.
class ReportWriter {
public:
    /// From an analysis already made (stored with the set): the pages need no sample. `claims` are the inputs
    /// of the claim verdicts, which bootstrap raw values at their rules' own confidence; without them the
    /// report leaves the claim findings out rather than judge from figures that cannot decide them.
    /// `categories` place each benchmark in the section the window shows it on (PagePlan). `definitions` are the
    /// user's definition files stored with the set: the "Your benchmarks" section shows them and their results (none: no section).
    [[nodiscard]] static bool writeResultSet(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes,
                                             const ResultSetAnalysis &analysis, const PagePlan::Categories &categories,
                                             const QList<StoredDefinitionFile> &definitions, const std::optional<ClaimInputs> &claims,
                                             ReportFormat format, QIODevice *device, QString *error);
    /// The same report written into `document`, which is finished at the end (tests record what it holds).
    [[nodiscard]] static bool writeResultSet(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes,
                                             const ResultSetAnalysis &analysis, const PagePlan::Categories &categories,
                                             const QList<StoredDefinitionFile> &definitions, const std::optional<ClaimInputs> &claims,
                                             ReportDocument &document, QString *error);
    [[nodiscard]] static bool writeComparison(const ResultSetBundle &baseline, const ResultSetBundle &candidate, ReportFormat format,
                                              QIODevice *device, QString *error);
    /// The section titles of a single-set report, in order, for tests and the contents page; "Claims" only when
    /// the report is given claim inputs, "Your benchmarks" only with definition files.
    [[nodiscard]] static QStringList sectionTitles(const ResultSetAnalysis &analysis, const PagePlan::Categories &categories,
                                                   bool claims = false, const QList<StoredDefinitionFile> &definitions = {});
};

} // namespace showdown
