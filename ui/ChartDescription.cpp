#include "ChartDescription.h"

#include "ChartFactory.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QChart>
#include <QJsonArray>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

namespace showdown {
namespace {

/// A category label's lines: the axis draws rich text, where "<br>" breaks a line (ChartCategory::axisLabel); the page
/// draws plain lines.
QString plainLines(const QString &label)
{
    return QString(label).replace(QLatin1String("<br>"), QLatin1String("\n"));
}

/// A CSS colour: "#rrggbb", or rgba() when not opaque (the per-core labels' invisible markers).
QString cssColor(const QColor &color)
{
    if (color.alpha() == 255)
        return color.name();
    return QStringLiteral("rgba(%1,%2,%3,%4)").arg(color.red()).arg(color.green()).arg(color.blue()).arg(color.alphaF(), 0, 'g', 3);
}

/// A value as JSON: whole doubles; NaN and infinities (no value) as null, which JSON has no other word for.
QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QString alignment(Qt::Alignment align)
{
    if (align & Qt::AlignLeft)
        return QStringLiteral("left");
    if (align & Qt::AlignRight)
        return QStringLiteral("right");
    if (align & Qt::AlignTop)
        return QStringLiteral("top");
    return QStringLiteral("bottom");
}

QJsonObject axis(QAbstractAxis *axis)
{
    QJsonObject json{{QStringLiteral("orientation"), axis->orientation() == Qt::Horizontal ? QStringLiteral("x") : QStringLiteral("y")},
                     {QStringLiteral("align"), alignment(axis->alignment())},
                     {QStringLiteral("visible"), axis->isVisible()},
                     {QStringLiteral("title"), axis->titleText()},
                     {QStringLiteral("angle"), axis->labelsAngle()},
                     {QStringLiteral("grid"), axis->isGridLineVisible()}};
    QJsonArray categories, positions;
    if (auto *bars = qobject_cast<QBarCategoryAxis *>(axis)) {
        // Bar categories sit at 0, 1, 2 … with half a slot either side.
        const QStringList names = bars->categories();
        for (qsizetype i = 0; i < names.size(); ++i) {
            categories.append(plainLines(names.at(i)));
            positions.append(double(i));
        }
        json.insert(QStringLiteral("kind"), QStringLiteral("category"));
        json.insert(QStringLiteral("min"), -0.5);
        json.insert(QStringLiteral("max"), double(names.size()) - 0.5);
    } else if (auto *ranges = qobject_cast<QCategoryAxis *>(axis)) {
        // Labels centred in their ranges (the ratio chart's benchmarks over its value axis).
        for (const QString &label : ranges->categoriesLabels()) {
            categories.append(plainLines(label));
            positions.append((ranges->startValue(label) + ranges->endValue(label)) / 2);
        }
        json.insert(QStringLiteral("kind"), QStringLiteral("category"));
        json.insert(QStringLiteral("min"), ranges->min());
        json.insert(QStringLiteral("max"), ranges->max());
    } else if (auto *log = qobject_cast<QLogValueAxis *>(axis)) {
        json.insert(QStringLiteral("kind"), QStringLiteral("log"));
        json.insert(QStringLiteral("base"), log->base());
        json.insert(QStringLiteral("min"), log->min());
        json.insert(QStringLiteral("max"), log->max());
        json.insert(QStringLiteral("minorTicks"), log->minorTickCount());
    } else if (auto *linear = qobject_cast<QValueAxis *>(axis)) {
        json.insert(QStringLiteral("kind"), QStringLiteral("linear"));
        json.insert(QStringLiteral("min"), linear->min());
        json.insert(QStringLiteral("max"), linear->max());
        json.insert(QStringLiteral("ticks"), linear->tickCount());
    }
    if (!categories.isEmpty()) {
        json.insert(QStringLiteral("categories"), categories);
        json.insert(QStringLiteral("positions"), positions);
    }
    return json;
}

QString dash(Qt::PenStyle style)
{
    switch (style) {
    case Qt::DashLine:
        return QStringLiteral("dash");
    case Qt::DotLine:
        return QStringLiteral("dot");
    case Qt::DashDotLine:
    case Qt::DashDotDotLine:
        return QStringLiteral("dashdot");
    default:
        return {};
    }
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

/// Bar sets: label, colour (the one a legend toggle restores), values and hover texts, and their legend entry.
QJsonArray barSets(const QChart &chart, QAbstractBarSeries *series)
{
    QJsonArray sets;
    for (QBarSet *set : series->barSets()) {
        const QColor color = set->property("showdownColor").isValid() ? set->property("showdownColor").value<QColor>() : set->color();
        QJsonArray values;
        for (int i = 0; i < set->count(); ++i)
            values.append(number(set->at(i)));
        sets.append(QJsonObject{{QStringLiteral("label"), set->label()},
                                {QStringLiteral("color"), cssColor(color)},
                                {QStringLiteral("border"), cssColor(set->borderColor())},
                                {QStringLiteral("values"), values},
                                {QStringLiteral("tips"), strings(set->property(ChartFactory::kTipsProperty).toStringList())},
                                {QStringLiteral("legend"), chart.legend()->isVisible()}});
    }
    return sets;
}

QJsonArray points(QXYSeries *series)
{
    QJsonArray all;
    for (const QPointF &point : series->points())
        all.append(QJsonArray{number(point.x()), number(point.y())});
    return all;
}

/// Point label texts: Qt 6.4 has one format per series, with @xPoint and @yPoint standing for the values.
QJsonArray pointLabels(QXYSeries *series)
{
    QJsonArray labels;
    if (!series->pointLabelsVisible())
        return labels;
    for (const QPointF &point : series->points())
        labels.append(QString(series->pointLabelsFormat())
                          .replace(QLatin1String("@xPoint"), QString::number(point.x()))
                          .replace(QLatin1String("@yPoint"), QString::number(point.y())));
    return labels;
}

QJsonObject series(const QChart &chart, QAbstractSeries *series, const QHash<QAbstractAxis *, int> &axes)
{
    QJsonArray attached;
    for (QAbstractAxis *axis : series->attachedAxes())
        attached.append(axes.value(axis, -1));
    // A chart not yet laid out has its legend markers hidden, so the factory's mark says what the legend leaves out.
    const bool legend = chart.legend()->isVisible() && !series->property(ChartFactory::kNotInLegendProperty).toBool() && !series->name().isEmpty();
    QJsonObject json{{QStringLiteral("name"), series->name()},
                     {QStringLiteral("visible"), series->isVisible()},
                     {QStringLiteral("legend"), legend},
                     {QStringLiteral("owner"), series->property(ChartFactory::kOwnerProperty).toString()},
                     {QStringLiteral("axes"), attached}};
    if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
        const QAbstractSeries::SeriesType type = series->type();
        json.insert(QStringLiteral("type"), QStringLiteral("bars"));
        json.insert(QStringLiteral("horizontal"), type == QAbstractSeries::SeriesTypeHorizontalBar
                                                      || type == QAbstractSeries::SeriesTypeHorizontalStackedBar
                                                      || type == QAbstractSeries::SeriesTypeHorizontalPercentBar);
        json.insert(QStringLiteral("stacked"), type == QAbstractSeries::SeriesTypeStackedBar || type == QAbstractSeries::SeriesTypeHorizontalStackedBar);
        json.insert(QStringLiteral("barWidth"), bars->barWidth());
        json.insert(QStringLiteral("sets"), barSets(chart, bars));
        json.insert(QStringLiteral("legend"), false);  // the sets carry the legend entries
    } else if (auto *boxes = qobject_cast<QBoxPlotSeries *>(series)) {
        QJsonArray all;
        for (QBoxSet *box : boxes->boxSets()) {
            QJsonArray values;
            for (int which = QBoxSet::LowerExtreme; which <= QBoxSet::UpperExtreme; ++which)
                values.append(number(box->at(which)));
            all.append(QJsonObject{{QStringLiteral("label"), box->label()},
                                   {QStringLiteral("values"), values},
                                   {QStringLiteral("tip"), box->property("tip").toString()}});
        }
        json.insert(QStringLiteral("type"), QStringLiteral("boxes"));
        json.insert(QStringLiteral("color"), cssColor(boxes->brush().color()));
        json.insert(QStringLiteral("border"), cssColor(boxes->pen().color()));
        json.insert(QStringLiteral("boxWidth"), boxes->boxWidth());
        json.insert(QStringLiteral("boxes"), all);
    } else if (auto *scatter = qobject_cast<QScatterSeries *>(series)) {
        json.insert(QStringLiteral("type"), QStringLiteral("scatter"));
        json.insert(QStringLiteral("points"), points(scatter));
        json.insert(QStringLiteral("color"), cssColor(scatter->color()));
        json.insert(QStringLiteral("border"), cssColor(scatter->borderColor()));
        json.insert(QStringLiteral("size"), scatter->markerSize());
        json.insert(QStringLiteral("labels"), pointLabels(scatter));
        json.insert(QStringLiteral("labelColor"), cssColor(scatter->pointLabelsColor()));
        json.insert(QStringLiteral("tips"), strings(scatter->property(ChartFactory::kTipsProperty).toStringList()));
    } else if (auto *line = qobject_cast<QXYSeries *>(series)) {
        const QPen pen = line->pen();
        json.insert(QStringLiteral("type"), QStringLiteral("line"));
        json.insert(QStringLiteral("points"), points(line));
        json.insert(QStringLiteral("color"), cssColor(pen.color()));
        json.insert(QStringLiteral("width"), pen.widthF());
        json.insert(QStringLiteral("dash"), dash(pen.style()));
        json.insert(QStringLiteral("markers"), line->pointsVisible());
        json.insert(QStringLiteral("labels"), pointLabels(line));
        json.insert(QStringLiteral("tips"), strings(line->property(ChartFactory::kTipsProperty).toStringList()));
    }
    return json;
}

} // namespace

QJsonObject ChartDescription::describe(const QChart &chart)
{
    QHash<QAbstractAxis *, int> index;
    QJsonArray axes;
    for (QAbstractAxis *a : chart.axes()) {
        index.insert(a, int(axes.size()));
        axes.append(axis(a));
    }
    QJsonArray all;
    for (QAbstractSeries *s : chart.series())
        all.append(series(chart, s, index));
    return QJsonObject{{QStringLiteral("title"), chart.title()},
                       {QStringLiteral("legend"), QJsonObject{{QStringLiteral("visible"), chart.legend()->isVisible()},
                                                               {QStringLiteral("align"), alignment(chart.legend()->alignment())}}},
                       {QStringLiteral("axes"), axes},
                       {QStringLiteral("series"), all}};
}

} // namespace showdown
