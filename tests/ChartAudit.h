#pragma once

// What a reader would meet in a chart, found by laying it out as the report does and reading the drawn text items
// back: a label, legend entry or title drawn shorter than its text ("json-rou…"), a category left unnamed (QtCharts
// hides a label that would run into its neighbour), two labels drawn over each other, and more series or categories
// than a reader can tell apart.

#include "ChartFactory.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QMap>
#include <QTextDocument>

#include <memory>

namespace showdown::test {

/// The most series (legend entries) and categories a chart may hold and stay readable (issue 13).
constexpr int kMaxSeries = 8;
constexpr int kMaxCategories = 12;

/// Text as drawn, on one line: rich-text line breaks and paragraph ends become spaces.
inline QString oneLine(QString text)
{
    text.replace(QChar::LineSeparator, QLatin1Char(' ')).replace(QChar::ParagraphSeparator, QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

/// A category label (rich text, "nbody<br>promises /<br>asyncio") as the reader sees it.
inline QString plainLabel(const QString &label)
{
    QTextDocument document;
    document.setHtml(label);
    return oneLine(document.toPlainText());
}

/// What a chart shows, for checking that every benchmark and server of the data reached the report.
struct ChartContents {
    QString title;
    QStringList categories;  ///< category axis labels, as plain text
    QStringList legend;      ///< visible legend entries
};

/// Lays `chart` out at `size` (it takes the chart) and returns what is wrong with it, one line each, or nothing.
inline QStringList auditChart(QChart *chart, const QSizeF &size, ChartContents *contents = nullptr)
{
    QGraphicsScene scene;
    scene.addItem(chart);  // the scene deletes the chart
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    if (chart->layout())
        chart->layout()->activate();
    QCoreApplication::sendPostedEvents();
    const QString name = chart->title().isEmpty() ? QStringLiteral("untitled chart") : QStringLiteral("\"%1\"").arg(chart->title());
    QStringList problems;

    // Every text item drawn: shortened ones end in an ellipsis.
    QMap<QGraphicsItem *, QList<QGraphicsTextItem *>> siblings;
    QStringList drawn;
    for (QGraphicsItem *item : scene.items()) {
        auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty())
            continue;
        const QString plain = oneLine(text->toPlainText());
        drawn.append(plain);
        if (plain.contains(QChar(0x2026)) || plain.endsWith(QLatin1String("...")))
            problems.append(QStringLiteral("%1: \"%2\" is drawn cut short").arg(name, plain));
        siblings[text->parentItem()].append(text);
    }
    // Labels of one axis (or one legend) are siblings: none may be drawn over another.
    for (const QList<QGraphicsTextItem *> &group : std::as_const(siblings)) {
        for (qsizetype i = 0; i < group.size(); ++i) {
            for (qsizetype j = i + 1; j < group.size(); ++j) {
                const QRectF overlap = group.at(i)->sceneBoundingRect().intersected(group.at(j)->sceneBoundingRect());
                // Text items carry a margin of a few pixels around their glyphs; a real collision is larger than that.
                if (overlap.width() > 4 && overlap.height() > 4)
                    problems.append(QStringLiteral("%1: \"%2\" and \"%3\" are drawn over each other")
                                        .arg(name, oneLine(group.at(i)->toPlainText()), oneLine(group.at(j)->toPlainText())));
            }
        }
    }
    for (QAbstractAxis *axis : chart->axes()) {
        if (axis->isVisible() && axis->labelsTruncated())
            problems.append(QStringLiteral("%1: an axis label is shortened").arg(name));
        QStringList categories;
        if (auto *bars = qobject_cast<QBarCategoryAxis *>(axis))
            categories = bars->categories();
        else if (auto *ranges = qobject_cast<QCategoryAxis *>(axis))
            categories = ranges->categoriesLabels();
        if (!axis->isVisible())
            continue;
        // A value axis says what it measures and in what unit: "Median time (ms, log scale)", "Peak RSS (MB)".
        if (categories.isEmpty() && !axis->titleText().contains(QLatin1Char('(')))
            problems.append(QStringLiteral("%1: the axis \"%2\" names no unit").arg(name, axis->titleText()));
        if (categories.size() > kMaxCategories)
            problems.append(QStringLiteral("%1: %2 categories (at most %3)").arg(name).arg(categories.size()).arg(kMaxCategories));
        for (const QString &category : categories) {
            const QString plain = plainLabel(category);
            if (contents)
                contents->categories.append(plain);
            if (!drawn.contains(plain))
                problems.append(QStringLiteral("%1: category \"%2\" has no whole label").arg(name, plain));
        }
    }
    int entries = 0;
    for (QLegendMarker *marker : chart->legend()->markers()) {
        if (!marker->isVisible())
            continue;
        // Reference lines (1×, the objective) are named in the legend but are not series to tell apart.
        if (!marker->series()->property(ChartFactory::kReferenceProperty).toBool())
            ++entries;
        if (contents)
            contents->legend.append(marker->label());
    }
    if (chart->legend()->isVisible() && entries > kMaxSeries)
        problems.append(QStringLiteral("%1: %2 series in the legend (at most %3)").arg(name).arg(entries).arg(kMaxSeries));
    if (contents)
        contents->title = chart->title();
    return problems;
}

} // namespace showdown::test
