#pragma once

#include "ReportDocument.h"

#include <QFont>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

class QChart;
class QPainter;
class QPagedPaintDevice;

namespace showdown {

/// Lays a report out on A4 pages: flowing blocks (headings, paragraphs, tables, charts) are measured on
/// the real device, paginated so nothing is cut (a table that runs over a page repeats its header row, a
/// heading never ends a page), then painted with a running header and "Page N of M".
/// Charts are drawn as vector graphics by rendering their QGraphicsScene into the painter.
class ReportLayout : public ReportDocument {
public:
    /// `device` is only measured here (fonts, page size); paint() draws on it.
    explicit ReportLayout(QPagedPaintDevice *device);

    /// Text of the running header, shown on every page after the first.
    void setHeader(const QString &left, const QString &right) override;
    /// The title page: a big title, a subtitle, an optional warning line in red (e.g. foreign load) and key facts.
    void titlePage(const QString &title, const QString &subtitle, const QList<QStringList> &facts, const QString &warning = {}) override;
    /// A placeholder for the table of contents, filled with the page of every section heading.
    void contents() override;
    void pageBreak() override;
    /// A section heading; level 1 headings are listed in the contents.
    void heading(const QString &text, int level = 1) override;
    void paragraph(const QString &text) override;
    /// A small grey note, e.g. what a chart shows.
    void note(const QString &text) override;
    /// Column widths are fractions of the text width; `numeric` columns are right-aligned.
    void table(const QStringList &headers, const QList<QStringList> &rows, const QList<qreal> &widths, const QList<int> &numeric = {}) override;
    /// `make` builds the chart when the page is painted (the layout owns it only while drawing);
    /// nullptr from it prints `missing` instead.
    void chart(const std::function<QChart *()> &make, qreal height, const QString &missing) override;

    /// The size of axis labels and legends on paper, for measuring what fits a chart before it is drawn.
    static constexpr qreal kChartLabelPoints = 6.5;
    /// A4 with these margins (mm), drawn at 96 dpi: QtCharts' text and pens are sized for screens.
    static constexpr qreal kSideMarginMm = 16;
    static constexpr qreal kTopMarginMm = 14;
    static constexpr int kDpi = 96;
    /// The width a chart is drawn at: the A4 text width, in device pixels.
    static constexpr qreal kTextWidth = (210.0 - 2 * kSideMarginMm) / 25.4 * kDpi;

    /// Paper is denser than a screen: the dashboard's chart (may be nullptr), with fonts sized so category
    /// labels and legends fit a page.
    [[nodiscard]] static QChart *forPaper(QChart *chart);

    /// Paginates and paints every page. False with a message when the device cannot be painted on.
    [[nodiscard]] bool paint(QString *error);
    /// The document's finish: paint().
    [[nodiscard]] bool finish(QString *error) override { return paint(error); }
    [[nodiscard]] int pageCount() const { return m_pageCount; }
    /// Section title → page number (from 1), after paint().
    [[nodiscard]] QMap<QString, int> sectionPages() const { return m_sectionPages; }

private:
    struct Block {
        qreal height = 0;
        std::function<void(QPainter &, const QRectF &)> draw;
        bool breakBefore = false;   ///< starts a new page
        bool keepWithNext = false;  ///< never the last block of a page (headings)
        int repeatHeader = -1;      ///< table rows: the header block to repeat at the top of a new page
        QString section;            ///< level 1 heading text
        int page = 0;
        qreal y = 0;
    };

    /// The height `text` takes at `width`, wrapped as `wrap` says (Qt::TextWordWrap or Qt::TextWrapAnywhere).
    [[nodiscard]] qreal textHeight(const QString &text, const QFont &font, qreal width, int wrap = Qt::TextWordWrap) const;
    void paginate();
    void add(Block block);
    [[nodiscard]] static Block block(qreal height, std::function<void(QPainter &, const QRectF &)> draw);

    QPagedPaintDevice *m_device;
    qreal m_width = 0;        ///< text width in device pixels
    qreal m_bodyTop = 0;      ///< below the running header
    qreal m_bodyBottom = 0;   ///< above the footer
    QFont m_body, m_small, m_tableFont, m_tableBold, m_h1, m_h2, m_title;
    QString m_headerLeft, m_headerRight;
    QList<Block> m_blocks;
    QList<QString> m_sections;
    QMap<QString, int> m_sectionPages;
    int m_pageCount = 0;
    qsizetype m_contentsBlock = -1;  ///< the contents list, sized once every section is known
    qreal m_contentsLine = 0;
};

} // namespace showdown
