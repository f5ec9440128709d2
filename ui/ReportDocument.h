#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QChart;

namespace showdown {

/// What a report is written into: the PDF's paginated A4 layout (ReportLayout) or the interactive HTML page
/// (HtmlReportDocument). ReportWriter and ServerReport write their sections once, to this interface, so both
/// renderings have the same sections, tables and charts from the same code.
class ReportDocument {
public:
    virtual ~ReportDocument() = default;

    /// Text of the running header (PDF: every page after the first; HTML: the bar above the page).
    virtual void setHeader(const QString &left, const QString &right) = 0;
    /// The title page: a big title, a subtitle, an optional warning line in red (e.g. foreign load) and key facts.
    virtual void titlePage(const QString &title, const QString &subtitle, const QList<QStringList> &facts, const QString &warning = {}) = 0;
    /// The table of contents, listing every level 1 heading (filled in once all are known).
    virtual void contents() = 0;
    /// A new page on paper; nothing on screen.
    virtual void pageBreak() = 0;
    /// A section heading; level 1 headings are listed in the contents.
    virtual void heading(const QString &text, int level = 1) = 0;
    /// Plain text (never markup); a newline starts a new line.
    virtual void paragraph(const QString &text) = 0;
    /// A small grey note, e.g. what a chart shows.
    virtual void note(const QString &text) = 0;
    /// Column widths are fractions of the text width; `numeric` columns are right-aligned (and sort by number on screen).
    virtual void table(const QStringList &headers, const QList<QStringList> &rows, const QList<qreal> &widths, const QList<int> &numeric = {}) = 0;
    /// `make` builds the chart (a new QChart from ChartFactory, owned by the document once made); nullptr from it
    /// shows `missing` instead. `height` is the chart's height on paper, in pixels at the PDF's 96 dpi.
    virtual void chart(const std::function<QChart *()> &make, qreal height, const QString &missing) = 0;
    /// Lays everything out and writes it to the document's device. False with a message when it cannot.
    [[nodiscard]] virtual bool finish(QString *error) = 0;
};

} // namespace showdown
