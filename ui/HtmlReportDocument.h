#pragma once

#include "ReportDocument.h"

#include <optional>

class QIODevice;

namespace showdown {

/// The report as one self-contained, interactive HTML page: the same sections, tables and charts as the PDF
/// (ReportWriter writes both), with a contents list of anchors, tables sortable by their headers, and each chart
/// kept as its JSON description (ChartDescription) that the page's own script (ui/report/report.js, compiled in)
/// draws as SVG with hover values and legend toggles. A Content-Security-Policy forbids every request, so the file
/// opens offline and nothing leaves it; all text is escaped (notes are user input).
class HtmlReportDocument : public ReportDocument {
public:
    /// Writes to `device` on finish(); `title` is the browser tab's title.
    HtmlReportDocument(QIODevice *device, const QString &title);

    void setHeader(const QString &left, const QString &right) override;
    void titlePage(const QString &title, const QString &subtitle, const QList<QStringList> &facts, const QString &warning = {}) override;
    void contents() override;
    void pageBreak() override;
    void heading(const QString &text, int level = 1) override;
    void paragraph(const QString &text) override;
    void note(const QString &text) override;
    void table(const QStringList &headers, const QList<QStringList> &rows, const QList<qreal> &widths, const QList<int> &numeric = {}) override;
    void chart(const std::function<QChart *()> &make, qreal height, const QString &missing) override;
    [[nodiscard]] bool finish(QString *error) override;

    /// The number a numeric cell sorts by, read from the text Format wrote ("1.23 ms" → 1.23e6 ns, "41.2 MB",
    /// "12,300 req/s [..]", "45.0%", "< 0.001", "0.42×"): durations in ns, the first number otherwise; none for "–".
    [[nodiscard]] static std::optional<double> sortValue(const QString &text);

private:
    QIODevice *m_device;
    QString m_title;
    QString m_headerLeft, m_headerRight;
    QStringList m_blocks;
    qsizetype m_contentsBlock = -1;              ///< where the contents list goes, once every section is known
    QList<std::pair<QString, QString>> m_sections;  ///< level 1 headings: anchor, text
    int m_charts = 0;
};

} // namespace showdown
