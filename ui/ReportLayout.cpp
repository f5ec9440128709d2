#include "ReportLayout.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QXYSeries>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QRegularExpression>

#include <numeric>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPagedPaintDevice>
#include <QPainter>

namespace showdown {
namespace {

constexpr qreal kHeaderHeight = 26;
constexpr qreal kFooterHeight = 26;
constexpr qreal kCellPadding = 3;
/// The widest a single word may make a table column, as a share of the text width; longer ones wrap anywhere.
constexpr qreal kLongestWord = 0.35;
const QColor kRule(0xb0, 0xb6, 0xc2);
const QColor kMuted(0x55, 0x5b, 0x66);
const QColor kHeaderFill(0xe8, 0xec, 0xf2);
const QColor kStripe(0xf6, 0xf7, 0xf9);

QFont font(qreal points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

} // namespace

ReportLayout::ReportLayout(QPagedPaintDevice *device)
    : m_device(device), m_body(font(9.5)), m_small(font(8)), m_tableFont(font(7.5)), m_tableBold(font(7.5, true)),
      m_h1(font(15, true)), m_h2(font(11, true)), m_title(font(26, true))
{
    m_width = device->width();
    m_bodyTop = kHeaderHeight;
    m_bodyBottom = device->height() - kFooterHeight;
}

void ReportLayout::setHeader(const QString &left, const QString &right)
{
    m_headerLeft = left;
    m_headerRight = right;
}

qreal ReportLayout::textHeight(const QString &text, const QFont &f, qreal width, int wrap) const
{
    const QFontMetricsF metrics(f, m_device);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), wrap, text).height();
}

ReportLayout::Block ReportLayout::block(qreal height, std::function<void(QPainter &, const QRectF &)> draw)
{
    Block result;
    result.height = height;
    result.draw = std::move(draw);
    return result;
}

void ReportLayout::add(Block block)
{
    m_blocks.append(std::move(block));
}

void ReportLayout::titlePage(const QString &title, const QString &subtitle, const QList<QStringList> &facts, const QString &warning)
{
    const qreal titleHeight = textHeight(title, m_title, m_width);
    const qreal subtitleHeight = textHeight(subtitle, m_h2, m_width);
    const qreal warningHeight = warning.isEmpty() ? 0 : textHeight(warning, m_body, m_width) + 10;
    add(block(titleHeight + subtitleHeight + warningHeight + 140, [=, this](QPainter &p, const QRectF &r) {
             p.fillRect(QRectF(r.left(), r.top() + 60, r.width(), 6), QColor(0x68, 0xa0, 0x63));
             p.fillRect(QRectF(r.left() + r.width() / 2, r.top() + 60, r.width() / 2, 6), QColor(0x37, 0x76, 0xab));
             p.setFont(m_title);
             p.setPen(Qt::black);
             p.drawText(QRectF(r.left(), r.top() + 90, r.width(), titleHeight), Qt::TextWordWrap, title);
             p.setFont(m_h2);
             p.setPen(kMuted);
             p.drawText(QRectF(r.left(), r.top() + 100 + titleHeight, r.width(), subtitleHeight), Qt::TextWordWrap, subtitle);
             if (!warning.isEmpty()) {
                 p.setFont(m_body);
                 p.setPen(QColor(0xc6, 0x28, 0x28));
                 p.drawText(QRectF(r.left(), r.top() + 110 + titleHeight + subtitleHeight, r.width(), warningHeight), Qt::TextWordWrap, warning);
             }
         }));
    table({QObject::tr("Item"), QObject::tr("Value")}, facts, {0.28, 0.72});
}

void ReportLayout::contents()
{
    // Sections are only known once everything is added; the block draws whatever paint() found.
    Block heading;
    heading.breakBefore = true;
    heading.height = textHeight(QObject::tr("Contents"), m_h1, m_width) + 14;
    heading.draw = [this](QPainter &p, const QRectF &r) {
        p.setFont(m_h1);
        p.setPen(Qt::black);
        p.drawText(r, Qt::AlignLeft | Qt::AlignTop, QObject::tr("Contents"));
    };
    add(heading);
    const qreal line = QFontMetricsF(m_body, m_device).height() + 6;
    m_contentsLine = line;
    m_contentsBlock = m_blocks.size();
    Block list;
    list.draw = [this, line](QPainter &p, const QRectF &r) {
        p.setFont(m_body);
        qreal y = r.top();
        for (const QString &section : m_sections) {
            const QRectF row(r.left(), y, r.width(), line);
            const QString page = QString::number(m_sectionPages.value(section));
            const QFontMetricsF metrics(m_body, m_device);
            const qreal nameWidth = metrics.horizontalAdvance(section);
            const qreal pageWidth = metrics.horizontalAdvance(page);
            p.setPen(Qt::black);
            p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, section);
            p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, page);
            QPen dots(kRule);
            dots.setStyle(Qt::DotLine);
            p.setPen(dots);
            const qreal baseline = row.center().y() + metrics.ascent() / 2 - 1;
            p.drawLine(QPointF(r.left() + nameWidth + 6, baseline), QPointF(r.right() - pageWidth - 6, baseline));
            y += line;
        }
    };
    add(list);
}

void ReportLayout::pageBreak()
{
    Block block;
    block.breakBefore = true;
    block.draw = [](QPainter &, const QRectF &) {};
    add(block);
}

void ReportLayout::heading(const QString &text, int level)
{
    const QFont &f = level == 1 ? m_h1 : m_h2;
    Block block;
    block.height = textHeight(text, f, m_width) + (level == 1 ? 16 : 10);
    block.keepWithNext = true;
    if (level == 1) {
        block.section = text;
        m_sections.append(text);
    }
    block.draw = [=](QPainter &p, const QRectF &r) {
        p.setFont(f);
        p.setPen(Qt::black);
        p.drawText(QRectF(r.left(), r.top() + (level == 1 ? 6 : 4), r.width(), r.height()), Qt::TextWordWrap, text);
        if (level == 1) {
            p.setPen(QPen(kRule, 1));
            p.drawLine(QPointF(r.left(), r.bottom() - 2), QPointF(r.right(), r.bottom() - 2));
        }
    };
    add(block);
}

void ReportLayout::paragraph(const QString &text)
{
    const qreal height = textHeight(text, m_body, m_width);
    add(block(height + 8, [=, this](QPainter &p, const QRectF &r) {
             p.setFont(m_body);
             p.setPen(Qt::black);
             p.drawText(QRectF(r.left(), r.top(), r.width(), height), Qt::TextWordWrap, text);
         }));
}

void ReportLayout::note(const QString &text)
{
    const qreal height = textHeight(text, m_small, m_width);
    add(block(height + 6, [=, this](QPainter &p, const QRectF &r) {
             p.setFont(m_small);
             p.setPen(kMuted);
             p.drawText(QRectF(r.left(), r.top(), r.width(), height), Qt::TextWordWrap, text);
         }));
}

void ReportLayout::table(const QStringList &headers, const QList<QStringList> &rows, const QList<qreal> &widths, const QList<int> &numeric)
{
    QList<qreal> columns;
    for (qreal fraction : widths)
        columns.append(fraction * m_width);
    // A word wider than its column would be cut (word wrap cannot break it): widen such columns to their
    // widest word, taking the room from the columns that have more than they need, in proportion to it.
    QList<qreal> needed;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        qreal widest = 0;
        const auto measure = [&](const QString &text, const QFont &f) {
            const QFontMetricsF metrics(f, m_device);
            for (const QString &word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                widest = std::max(widest, metrics.horizontalAdvance(word));
        };
        if (c < headers.size())
            measure(headers.at(c), m_tableBold);
        for (const QStringList &row : rows) {
            if (c < row.size())
                measure(row.at(c), m_tableFont);
        }
        needed.append(widest + 2 * kCellPadding + 1);
    }
    // A column whose widest word would take most of the page (a file path) is given no more than kLongestWord, so it
    // cannot squeeze every other column down to its widest word; the cells whose words do not fit then wrap anywhere.
    for (qreal &need : needed)
        need = std::min(need, kLongestWord * m_width);
    qreal shortfall = 0, slack = 0;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        shortfall += std::max<qreal>(0, needed.at(c) - columns.at(c));
        slack += std::max<qreal>(0, columns.at(c) - needed.at(c));
    }
    if (shortfall > 0 && slack > 0) {
        const qreal share = std::min<qreal>(1, shortfall / slack);
        for (qsizetype c = 0; c < columns.size(); ++c)
            columns[c] = columns.at(c) < needed.at(c) ? std::min(needed.at(c), columns.at(c) + shortfall)
                                                      : columns.at(c) - (columns.at(c) - needed.at(c)) * share;
    }
    // Words too wide for the whole page (never seen in our tables) still may not push the table off the page.
    const qreal total = std::accumulate(columns.begin(), columns.end(), qreal(0));
    if (total > m_width) {
        for (qreal &column : columns)
            column *= m_width / total;
    }
    auto rowBlock = [=, this](const QStringList &cells, bool header, bool striped) {
        const QFont &f = header ? m_tableBold : m_tableFont;
        // Cell by cell: only a cell with a word wider than its column (a path, a command) wraps anywhere; the other
        // cells of the column (a description beside it) keep whole words.
        const QFontMetricsF metrics(f, m_device);
        QList<int> wrap;
        for (qsizetype c = 0; c < cells.size() && c < columns.size(); ++c) {
            qreal widest = 0;
            for (const QString &word : cells.at(c).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                widest = std::max(widest, metrics.horizontalAdvance(word));
            wrap.append(widest > columns.at(c) - 2 * kCellPadding ? int(Qt::TextWrapAnywhere) : int(Qt::TextWordWrap));
        }
        qreal height = 0;
        for (qsizetype c = 0; c < cells.size() && c < columns.size(); ++c)
            height = std::max(height, textHeight(cells.at(c), f, columns.at(c) - 2 * kCellPadding, wrap.value(c, Qt::TextWordWrap)));
        height += 2 * kCellPadding;
        Block block;
        block.height = height;
        block.draw = [=](QPainter &p, const QRectF &r) {
            if (header)
                p.fillRect(r, kHeaderFill);
            else if (striped)
                p.fillRect(r, kStripe);
            p.setFont(f);
            p.setPen(Qt::black);
            qreal x = r.left();
            for (qsizetype c = 0; c < cells.size() && c < columns.size(); ++c) {
                const QRectF cell(x + kCellPadding, r.top() + kCellPadding, columns.at(c) - 2 * kCellPadding, r.height() - 2 * kCellPadding);
                const Qt::Alignment align = numeric.contains(int(c)) ? Qt::AlignRight : Qt::AlignLeft;
                p.drawText(cell, int(align | Qt::AlignTop) | wrap.value(c, Qt::TextWordWrap), cells.at(c));
                x += columns.at(c);
            }
            p.setPen(QPen(kRule, 0.6));
            p.drawLine(r.bottomLeft(), r.bottomRight());
        };
        return block;
    };
    const int headerIndex = int(m_blocks.size());
    Block header = rowBlock(headers, true, false);
    header.keepWithNext = true;
    add(header);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        Block block = rowBlock(rows.at(i), false, i % 2 == 1);
        block.repeatHeader = headerIndex;
        add(block);
    }
    add(block(8, [](QPainter &, const QRectF &) {}));
}

void ReportLayout::chart(const std::function<QChart *()> &make, qreal height, const QString &missing)
{
    add(block(height + 8, [=, this](QPainter &p, const QRectF &r) {
             QChart *chart = make();
             const QRectF target(r.left(), r.top(), r.width(), height);
             if (!chart) {
                 p.setFont(m_body);
                 p.setPen(kMuted);
                 p.drawText(target, Qt::AlignCenter | Qt::TextWordWrap, missing);
                 return;
             }
             // The scene owns the chart and deletes it with itself. Rendering a scene into a PDF painter
             // replays QPainter calls, so lines and text stay vectors.
             QGraphicsScene scene;
             scene.addItem(chart);
             chart->setGeometry(QRectF(0, 0, target.width(), target.height()));
             if (chart->layout())
                 chart->layout()->activate();
             QCoreApplication::sendPostedEvents();
             scene.render(&p, target, QRectF(0, 0, target.width(), target.height()), Qt::IgnoreAspectRatio);
         }));
}

QChart *ReportLayout::forPaper(QChart *chart)
{
    if (!chart)
        return nullptr;
    QFont labels(QStringLiteral("DejaVu Sans"));
    labels.setPointSizeF(kChartLabelPoints);
    QFont titles = labels;
    titles.setPointSizeF(7.5);
    titles.setBold(true);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(labels);
        axis->setTitleFont(titles);
    }
    QFont heading = titles;
    heading.setPointSizeF(9);
    chart->setTitleFont(heading);
    chart->legend()->setFont(labels);
    for (QAbstractSeries *series : chart->series()) {
        if (auto *xy = qobject_cast<QXYSeries *>(series))
            xy->setPointLabelsFont(labels);
    }
    return chart;
}

void ReportLayout::paginate()
{
    if (m_contentsBlock >= 0 && m_contentsBlock < m_blocks.size())
        m_blocks[m_contentsBlock].height = m_contentsLine * qreal(m_sections.size()) + 8;
    int page = 1;
    qreal y = 0;  // the title page has no running header
    for (qsizetype i = 0; i < m_blocks.size(); ++i) {
        Block &block = m_blocks[i];
        qreal needed = block.height;
        // A heading must share its page with what follows it: a whole chart, or a table's header and first rows.
        if (block.keepWithNext && i + 1 < m_blocks.size())
            needed += std::min(m_blocks.at(i + 1).height, m_bodyBottom - m_bodyTop - block.height);
        if (block.keepWithNext && i + 2 < m_blocks.size() && m_blocks.at(i + 1).keepWithNext)
            needed += std::min(m_blocks.at(i + 2).height, qreal(60));
        const bool full = y + needed > m_bodyBottom && y > m_bodyTop;
        if ((block.breakBefore && i > 0) || full) {
            ++page;
            y = m_bodyTop;
            if (block.repeatHeader >= 0 && !block.breakBefore)
                y += m_blocks.at(block.repeatHeader).height;  // room for the repeated header row
        }
        block.page = page;
        block.y = y;
        y += block.height;
        if (!block.section.isEmpty())
            m_sectionPages.insert(block.section, page);
    }
    m_pageCount = page;
}

bool ReportLayout::paint(QString *error)
{
    paginate();
    QPainter painter;
    if (!painter.begin(m_device)) {
        *error = QObject::tr("cannot write the PDF (is the folder writable?)");
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    int page = 1;
    auto decorate = [&](int number) {
        if (number == 1)
            return;
        painter.setFont(m_small);
        painter.setPen(kMuted);
        const QRectF top(0, 0, m_width, kHeaderHeight - 8);
        painter.drawText(top, Qt::AlignLeft | Qt::AlignVCenter, m_headerLeft);
        painter.drawText(top, Qt::AlignRight | Qt::AlignVCenter, m_headerRight);
        painter.setPen(QPen(kRule, 0.6));
        painter.drawLine(QPointF(0, kHeaderHeight - 6), QPointF(m_width, kHeaderHeight - 6));
    };
    auto footer = [&](int number) {
        painter.setFont(m_small);
        painter.setPen(kMuted);
        painter.drawText(QRectF(0, m_bodyBottom + 8, m_width, kFooterHeight - 8), Qt::AlignCenter,
                         QObject::tr("Page %1 of %2").arg(number).arg(m_pageCount));
    };
    decorate(1);
    for (qsizetype i = 0; i < m_blocks.size(); ++i) {
        const Block &block = m_blocks.at(i);
        if (block.page != page) {
            footer(page);
            m_device->newPage();
            page = block.page;
            decorate(page);
        }
        // A table row that opens a page gets its table's header row again above it.
        if (block.repeatHeader >= 0 && m_blocks.at(i - 1).page != page) {
            const Block &header = m_blocks.at(block.repeatHeader);
            header.draw(painter, QRectF(0, block.y - header.height, m_width, header.height));
        }
        block.draw(painter, QRectF(0, block.y, m_width, block.height));
    }
    footer(page);
    painter.end();
    return true;
}

} // namespace showdown
