#include "ChartFactory.h"

#include "ChartCategories.h"
#include "Format.h"
#include "MedianInterval.h"
#include "ServerRows.h"
#include "Statistics.h"

#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace showdown {
namespace {

/// Series and axes that only draw helpers (whiskers, reference lines) carry the name of the legend entry
/// they belong to, so toggling that entry hides them too.
const char *const kOwner = ChartFactory::kOwnerProperty;

struct TimeUnit {
    double ns = 1e6;
    QString name = QStringLiteral("ms");
};

/// The unit that keeps the largest value under a thousand-odd, so axis labels stay short (log axes then
/// read 0.1, 1, 10, 100, 1000 rather than 1e+06).
TimeUnit unitFor(double largestNs)
{
    if (largestNs >= 1e9)
        return {1e9, QStringLiteral("s")};
    if (largestNs >= 1e6)
        return {1e6, QStringLiteral("ms")};
    if (largestNs >= 1e3)
        return {1e3, QStringLiteral("µs")};
    return {1, QStringLiteral("ns")};
}

QString rowLabel(const QString &benchmark, const QString &variant)
{
    return variant.isEmpty() ? benchmark : QStringLiteral("%1 / %2").arg(benchmark, variant);
}

/// A row in a tooltip: its benchmark, variant and worker count (parallel-cpu / threads ×2).
QString rowLabel(const SummaryRow &row)
{
    const QString label = rowLabel(row.benchmark, row.variant);
    return row.workers > 0 ? QStringLiteral("%1 ×%2").arg(label).arg(row.workers) : label;
}

QChart *newChart(const QString &title, const ChartStyle &style)
{
    auto *chart = new QChart;
    chart->setTheme(style.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setAnimationOptions(style.animated ? QChart::SeriesAnimations : QChart::NoAnimation);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);  // a label shortened for lack of room shows whole on hover
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

void showTip(const QString &text)
{
    QToolTip::showText(QCursor::pos(), text);
}

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    series->setProperty(ChartFactory::kNotInLegendProperty, true);
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

/// Legend clicks hide or show a series (or a bar set) and the helpers drawn for it; the marker fades.
void enableLegendToggles(QChart *chart)
{
    for (QLegendMarker *marker : chart->legend()->markers()) {
        QObject::connect(marker, &QLegendMarker::clicked, chart, [chart, marker] {
            const bool hide = marker->labelBrush().color().alphaF() > 0.5;
            QString owner;
            if (auto *barMarker = qobject_cast<QBarLegendMarker *>(marker)) {
                QBarSet *set = barMarker->barset();
                owner = set->label();
                QColor color = set->property("showdownColor").value<QColor>();
                color.setAlphaF(hide ? 0.0 : 1.0);
                set->setColor(color);
                set->setBorderColor(hide ? Qt::transparent : color.darker(120));
            } else {
                owner = marker->series()->name();
                marker->series()->setVisible(!hide);
                marker->setVisible(true);  // hiding a series hides its marker too; keep it clickable
            }
            for (QAbstractSeries *series : chart->series()) {
                if (series->property(kOwner).toString() == owner)
                    series->setVisible(!hide);
            }
            QColor label = marker->labelBrush().color();
            label.setAlphaF(hide ? 0.35 : 1.0);
            marker->setLabelBrush(label);
            QBrush brush = marker->brush();
            QColor fill = brush.color();
            fill.setAlphaF(hide ? 0.25 : 1.0);
            brush.setColor(fill);
            marker->setBrush(brush);
        });
    }
}

QLogValueAxis *logAxis(double minimum, double maximum, const QString &title)
{
    auto *axis = new QLogValueAxis;
    axis->setBase(10);
    axis->setLabelFormat(QStringLiteral("%g"));
    axis->setMinorTickCount(8);
    axis->setRange(std::pow(10.0, std::floor(std::log10(minimum))), std::pow(10.0, std::ceil(std::log10(maximum))));
    axis->setTitleText(title);
    return axis;
}

QValueAxis *linearAxis(double maximum, const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, maximum > 0 ? maximum * 1.1 : 1);
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%g"));
    axis->setTitleText(title);
    return axis;
}

/// A whisker drawn as one polyline: cap, stem, cap.
QLineSeries *whisker(double x, double low, double high, double capHalfWidth, const QColor &color)
{
    auto *series = new QLineSeries;
    series->append({{x - capHalfWidth, low}, {x + capHalfWidth, low}, {x, low}, {x, high}, {x - capHalfWidth, high}, {x + capHalfWidth, high}});
    QPen pen(color.darker(150));
    pen.setWidthF(1.5);
    series->setPen(pen);
    return series;
}

/// Many benchmark names side by side would be cut to "json-rou…"; slanted, and never shortened (the axis takes the
/// height its longest label needs), they stay whole. Labels of several lines stand upright on their side: slanted,
/// their width would reach into the next slot and QtCharts would hide every other one.
void slantIfCrowded(QAbstractAxis *axis, const QStringList &labels)
{
    if (labels.size() <= 7)
        return;
    const bool severalLines = std::any_of(labels.begin(), labels.end(), [](const QString &l) { return l.contains(QLatin1String("<br>")); });
    axis->setLabelsAngle(severalLines ? -90 : -60);
    axis->setTruncateLabels(false);
}

/// Hovering a line names the measured point nearest the cursor (the hover point lies anywhere on the line).
void tipNearestPoint(QChart *chart, QLineSeries *series, const QStringList &tips, bool logX)
{
    series->setProperty(ChartFactory::kTipsProperty, tips);
    QObject::connect(series, &QLineSeries::hovered, chart, [series, tips, logX](const QPointF &point, bool on) {
        if (!on)
            return QToolTip::hideText();
        auto distance = [&](const QPointF &p) { return logX ? std::abs(std::log(p.x() / point.x())) : std::abs(p.x() - point.x()); };
        const QList<QPointF> all = series->points();
        qsizetype best = 0;
        for (qsizetype i = 1; i < all.size(); ++i) {
            if (distance(all.at(i)) < distance(all.at(best)))
                best = i;
        }
        if (best < tips.size())
            showTip(tips.at(best));
    });
}

/// Categories (ChartCategories) and runtimes in the order they first appear (the order they ran in).
struct Grid {
    QList<ChartCategory> categories;
    QStringList runtimes;
    QList<QColor> colours;  ///< each runtime's, as ChartFactory::runtimeColor gives it for the set
    Grid(const QList<SummaryRow> &rows, const ChartStyle &style)
        : categories(ChartCategories::of(rows))
    {
        for (const SummaryRow &row : rows) {
            if (!runtimes.contains(row.runtime)) {
                runtimes.append(row.runtime);
                colours.append(ChartFactory::runtimeColor(style.runtimes, row.runtime, row.runtimeKind));
            }
        }
    }
    [[nodiscard]] const SummaryRow *find(const QList<SummaryRow> &rows, const ChartCategory &category, const QString &runtime) const
    {
        for (const SummaryRow &row : rows) {
            if (category.holds(row) && row.runtime == runtime)
                return &row;
        }
        return nullptr;
    }
    /// The category axis's labels.
    [[nodiscard]] QStringList labels() const
    {
        QStringList result;
        for (const ChartCategory &category : categories)
            result.append(category.axisLabel());
        return result;
    }
};

/// Grouped bars for one value per benchmark × runtime; `value` returns nullopt where there is none, drawn as `missing`.
/// Returns the bar series so callers can add whiskers at the bars' centres.
QBarSeries *groupedBars(QChart *chart, const QList<SummaryRow> &rows, const Grid &grid,
                        const std::function<std::optional<double>(const SummaryRow &)> &value,
                        const std::function<QString(const SummaryRow &)> &tip, double missing)
{
    auto *series = new QBarSeries;
    series->setBarWidth(0.8);
    for (qsizetype r = 0; r < grid.runtimes.size(); ++r) {
        auto *set = new QBarSet(grid.runtimes.at(r));
        const QColor color = grid.colours.at(r);
        set->setColor(color);
        set->setBorderColor(color.darker(120));
        set->setProperty("showdownColor", color);
        QStringList tips;
        for (const ChartCategory &category : grid.categories) {
            const SummaryRow *row = grid.find(rows, category, grid.runtimes.at(r));
            const std::optional<double> v = row ? value(*row) : std::nullopt;
            set->append(v.value_or(missing));  // a log axis has no 0: missing bars sit on its floor
            tips.append(row ? tip(*row) : QObject::tr("%1 was not run on %2").arg(category.text(), grid.runtimes.at(r)));
        }
        set->setProperty(ChartFactory::kTipsProperty, tips);
        QObject::connect(set, &QBarSet::hovered, chart, [tips](bool on, int index) {
            if (on && index >= 0 && index < tips.size())
                showTip(tips.at(index));
            else
                QToolTip::hideText();
        });
        series->append(set);
    }
    chart->addSeries(series);
    return series;
}

/// The x centre of bar `set` of `sets` in category `category`, in category-axis units.
double barCentre(int category, int set, int sets, double barWidth)
{
    return category - barWidth / 2 + (set + 0.5) * barWidth / sets;
}

/// A hidden value axis spanning the categories, for helpers (whiskers) drawn over bars or boxes.
QValueAxis *overlayAxis(QChart *chart, int categories)
{
    auto *axis = new QValueAxis;
    axis->setRange(-0.5, categories - 0.5);
    axis->setVisible(false);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

} // namespace

ChartStyle ChartStyle::forWidget(const QWidget *widget)
{
    ChartStyle style;
    style.dark = widget && widget->palette().color(QPalette::Window).lightness() < 128;
    return style;
}

QColor ChartFactory::runtimeColor(const QList<RuntimeInfo> &runtimes, const QString &runtime, const QString &familyWord)
{
    // The kind comes from the set's records (a Bun named "node-compatible" is still Bun); the ordinal among the
    // set's runtimes of that kind picks the shade, so the colour depends on the set's list alone, never on
    // which chart draws it or in what order.
    std::optional<RuntimeKind> kind;
    int ordinal = 0;
    for (const RuntimeInfo &info : runtimes) {
        if (info.name == runtime) {
            kind = info.resolvedKind();
            break;
        }
    }
    if (kind) {
        for (const RuntimeInfo &info : runtimes) {
            if (info.name == runtime)
                break;
            ordinal += info.resolvedKind() == kind ? 1 : 0;
        }
    } else {
        // Not one of the set's records (rows of an older file, a chart given no runtimes): the family word
        // decides the kind, and only the kind's own executable name takes the kind's colour itself.
        RuntimeInfo guess;
        guess.name = runtime;
        guess.kind = familyWord.isEmpty() ? QStringLiteral("python") : familyWord;
        guess.implementation = runtime.startsWith(QLatin1String("pypy")) ? QStringLiteral("pypy") : QString();
        kind = guess.resolvedKind().value_or(RuntimeKind::CPython);
        ordinal = kind->executableNames().value(0) == runtime ? 0 : 1 + int(qHash(runtime) % 5);
    }
    const QColor base(kind->colour());
    if (ordinal == 0)
        return base;
    // Further runtimes of a kind: the same hue family, alternately lighter and darker and turned a little
    // further round the wheel each time, so node, node-22 and node-24 read as related but stay apart.
    const int step = (ordinal + 1) / 2;
    const bool lighter = ordinal % 2 == 1;
    float hue = 0, saturation = 0, lightness = 0;
    base.getHslF(&hue, &saturation, &lightness);
    lightness = std::clamp(lightness + (lighter ? 0.17f : -0.11f) * float(step), 0.14f, 0.82f);
    hue = hue < 0 ? 0 : std::fmod(hue + (lighter ? 0.03f : -0.03f) * float(step) + 1.0f, 1.0f);
    return QColor::fromHslF(hue, saturation, lightness);
}

QChart *ChartFactory::medianBars(const QList<SummaryRow> &rows, const ChartStyle &style)
{
    double smallest = INFINITY, largest = 0;
    for (const SummaryRow &row : rows) {
        if (row.stats.n == 0)
            continue;
        const MedianInterval ci = MedianInterval::of(row.stats);
        smallest = std::min(smallest, ci.valid ? ci.low : row.stats.median);
        largest = std::max(largest, ci.valid ? ci.high : row.stats.median);
    }
    if (largest <= 0)
        return nullptr;
    const TimeUnit unit = unitFor(largest);
    const bool logScale = largest / smallest > 10;
    const Grid grid(rows, style);
    QChart *chart = newChart(style.live ? QObject::tr("Median time per benchmark (lower is better); 95% CI whiskers when the run ends")
                                         : QObject::tr("Median time per benchmark (lower is better), 95% CI whiskers"),
                             style);
    QBarSeries *bars = groupedBars(
        chart, rows, grid,
        [&](const SummaryRow &row) -> std::optional<double> {
            if (row.stats.n == 0)
                return std::nullopt;
            return row.stats.median / unit.ns;
        },
        [](const SummaryRow &row) {
            if (row.stats.n == 0)
                return QObject::tr("%1 on %2: no valid samples\n%3").arg(rowLabel(row), row.runtime, row.error);
            const MedianInterval ci = MedianInterval::of(row.stats);
            return QObject::tr("%1 on %2\nmedian %3 (n = %4)\n95% CI %5\nmin %6, max %7")
                .arg(rowLabel(row), row.runtime, Format::duration(row.stats.median))
                .arg(row.stats.n)
                .arg(ci.valid ? QStringLiteral("%1 – %2").arg(Format::duration(ci.low), Format::duration(ci.high)) : QObject::tr("needs n ≥ 6"))
                .arg(Format::duration(row.stats.min), Format::duration(row.stats.max));
        },
        logScale ? std::pow(10.0, std::floor(std::log10(smallest / unit.ns))) : 0.0);
    auto *categories = new QBarCategoryAxis;
    categories->append(grid.labels());
    slantIfCrowded(categories, grid.labels());
    chart->addAxis(categories, Qt::AlignBottom);
    bars->attachAxis(categories);
    const QString title = QObject::tr("Median time (%1%2)").arg(unit.name, logScale ? QObject::tr(", log scale") : QString());
    QAbstractAxis *values = logScale ? static_cast<QAbstractAxis *>(logAxis(smallest / unit.ns, largest / unit.ns, title))
                                     : static_cast<QAbstractAxis *>(linearAxis(largest / unit.ns, title));
    chart->addAxis(values, Qt::AlignLeft);
    bars->attachAxis(values);

    if (style.live) {
        enableLegendToggles(chart);
        return chart;
    }
    QValueAxis *overlay = overlayAxis(chart, int(grid.categories.size()));
    const double barWidth = bars->barWidth();
    for (int r = 0; r < grid.runtimes.size(); ++r) {
        for (int c = 0; c < grid.categories.size(); ++c) {
            const SummaryRow *row = grid.find(rows, grid.categories.at(c), grid.runtimes.at(r));
            if (!row || row->stats.n == 0)
                continue;
            const MedianInterval ci = MedianInterval::of(row->stats);
            if (!ci.valid)
                continue;
            const double x = barCentre(c, r, int(grid.runtimes.size()), barWidth);
            QLineSeries *line = whisker(x, ci.low / unit.ns, ci.high / unit.ns, barWidth / grid.runtimes.size() / 4,
                                        grid.colours.at(r));
            line->setProperty(kOwner, grid.runtimes.at(r));
            chart->addSeries(line);
            line->attachAxis(overlay);
            line->attachAxis(values);
            hideFromLegend(chart, line);
        }
    }
    enableLegendToggles(chart);
    return chart;
}

QChart *ChartFactory::distributions(const QList<SummaryRow> &rows, const ChartStyle &style)
{
    double smallest = INFINITY, largest = 0;
    for (const SummaryRow &row : rows) {
        if (row.stats.n == 0)
            continue;
        smallest = std::min(smallest, row.stats.min);
        largest = std::max(largest, row.stats.max);
    }
    if (largest <= 0)
        return nullptr;
    const TimeUnit unit = unitFor(largest);
    const bool logScale = largest / smallest > 10;
    const Grid grid(rows, style);
    QChart *chart = newChart(QObject::tr("Distribution of every measured iteration (box: quartiles, whiskers: min–max)"), style);
    const QString title = QObject::tr("Time per iteration (%1%2)").arg(unit.name, logScale ? QObject::tr(", log scale") : QString());
    QAbstractAxis *values = logScale ? static_cast<QAbstractAxis *>(logAxis(smallest / unit.ns, largest / unit.ns, title))
                                     : static_cast<QAbstractAxis *>(linearAxis(largest / unit.ns, title));
    auto *categories = new QBarCategoryAxis;
    categories->append(grid.labels());
    slantIfCrowded(categories, grid.labels());
    chart->addAxis(categories, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (qsizetype r = 0; r < grid.runtimes.size(); ++r) {
        auto *series = new QBoxPlotSeries;
        series->setName(grid.runtimes.at(r));
        const QColor color = grid.colours.at(r);
        series->setBrush(color);
        series->setPen(QPen(color.darker(160), 1.2));
        series->setBoxWidth(0.7);
        for (const ChartCategory &category : grid.categories) {
            const SummaryRow *row = grid.find(rows, category, grid.runtimes.at(r));
            auto *box = new QBoxSet(category.text());
            if (row && row->stats.n > 0) {
                box->setValue(QBoxSet::LowerExtreme, row->stats.min / unit.ns);
                box->setValue(QBoxSet::LowerQuartile, row->stats.p25 / unit.ns);
                box->setValue(QBoxSet::Median, row->stats.median / unit.ns);
                box->setValue(QBoxSet::UpperQuartile, row->stats.p75 / unit.ns);
                box->setValue(QBoxSet::UpperExtreme, row->stats.max / unit.ns);
                box->setProperty("tip", QObject::tr("%1 on %2 (n = %3)\nmin %4, Q1 %5, median %6, Q3 %7, max %8")
                                            .arg(category.text(), row->runtime)
                                            .arg(row->stats.n)
                                            .arg(Format::duration(row->stats.min), Format::duration(row->stats.p25),
                                                 Format::duration(row->stats.median), Format::duration(row->stats.p75),
                                                 Format::duration(row->stats.max)));
            } else {
                // An empty box keeps the other runtime's box in its slot; the tooltip says why it is empty.
                const double floor = logScale ? smallest / unit.ns : 0;
                for (int which = QBoxSet::LowerExtreme; which <= QBoxSet::UpperExtreme; ++which)
                    box->setValue(which, floor);
                box->setProperty("tip", QObject::tr("%1 on %2: no valid samples").arg(category.text(), grid.runtimes.at(r)));
            }
            series->append(box);
        }
        QObject::connect(series, &QBoxPlotSeries::hovered, chart, [](bool on, QBoxSet *box) {
            if (on && box)
                showTip(box->property("tip").toString());
            else
                QToolTip::hideText();
        });
        chart->addSeries(series);
        series->attachAxis(categories);
        series->attachAxis(values);
    }
    enableLegendToggles(chart);
    return chart;
}

namespace {

/// One point of a ratio chart: a ratio of median times in a category, in one series.
struct RatioPoint {
    ChartCategory category;
    QString series;   ///< legend entry: "node / python3", "bun / node"
    QColor colour;
    RatioEstimate ratio;
    QString tip;
};

/// Ratios of median times per category on a log axis with CI whiskers and the dashed 1× line: the node/python
/// chart and the same-family chart draw the same way. Points that cannot sit on a log axis are left out.
QChart *ratioChart(const QList<RatioPoint> &all, const QString &title, const QString &axisTitle, const ChartStyle &style)
{
    QStringList categories;
    QStringList series;
    QList<RatioPoint> points;
    double smallest = INFINITY, largest = 0;
    for (const RatioPoint &point : all) {
        if (!std::isfinite(point.ratio.ratio) || point.ratio.ratio <= 0)
            continue;
        points.append(point);
        if (!categories.contains(point.category.axisLabel()))
            categories.append(point.category.axisLabel());
        if (!series.contains(point.series))
            series.append(point.series);
        for (double v : {point.ratio.ratio, point.ratio.ciLow, point.ratio.ciHigh}) {
            if (std::isfinite(v) && v > 0) {
                smallest = std::min(smallest, v);
                largest = std::max(largest, v);
            }
        }
    }
    if (categories.isEmpty())
        return nullptr;
    smallest = std::min(smallest, 0.5);  // keep the 1× line inside the plot with room on both sides
    largest = std::max(largest, 2.0);
    QChart *chart = newChart(title, style);
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    for (qsizetype i = 0; i < categories.size(); ++i)
        x->append(categories.at(i), double(i) + 0.5);
    x->setRange(-0.5, double(categories.size()) - 0.5);
    x->setStartValue(-0.5);
    x->setGridLineVisible(false);
    slantIfCrowded(x, categories);
    QLogValueAxis *y = logAxis(smallest, largest, axisTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);

    auto *equal = new QLineSeries;
    equal->setName(QObject::tr("1× (equal time)"));
    equal->setProperty(ChartFactory::kReferenceProperty, true);
    equal->append({{-0.5, 1.0}, {double(categories.size()) - 0.5, 1.0}});
    QPen dashed(style.dark ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x55, 0x55, 0x55));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    equal->setPen(dashed);
    chart->addSeries(equal);
    equal->attachAxis(x);
    equal->attachAxis(y);

    for (qsizetype p = 0; p < series.size(); ++p) {
        // Side by side when several series (e.g. node vs python3 and vs pypy3) share a benchmark.
        const double offset = series.size() > 1 ? (double(p) - double(series.size() - 1) / 2) * 0.6 / double(series.size()) : 0;
        auto *scatter = new QScatterSeries;
        scatter->setName(series.at(p));
        scatter->setMarkerSize(11);
        QStringList tips;
        for (const RatioPoint &point : points) {
            if (point.series != series.at(p))
                continue;
            scatter->setColor(point.colour);
            scatter->setBorderColor(point.colour.darker(150));
            const double xValue = double(categories.indexOf(point.category.axisLabel())) + offset;
            scatter->append(xValue, point.ratio.ratio);
            tips.append(point.tip);
            if (std::isfinite(point.ratio.ciLow) && std::isfinite(point.ratio.ciHigh) && point.ratio.ciLow > 0) {
                QLineSeries *line = whisker(xValue, point.ratio.ciLow, point.ratio.ciHigh, 0.08, point.colour);
                line->setProperty(kOwner, series.at(p));
                chart->addSeries(line);
                line->attachAxis(x);
                line->attachAxis(y);
                hideFromLegend(chart, line);
            }
        }
        scatter->setProperty(ChartFactory::kTipsProperty, tips);
        QObject::connect(scatter, &QScatterSeries::hovered, chart, [scatter, tips](const QPointF &point, bool on) {
            if (!on)
                return QToolTip::hideText();
            const QList<QPointF> all = scatter->points();
            for (qsizetype i = 0; i < all.size() && i < tips.size(); ++i) {
                if (all.at(i) == point)
                    return showTip(tips.at(i));
            }
        });
        chart->addSeries(scatter);
        scatter->attachAxis(x);
        scatter->attachAxis(y);
    }
    enableLegendToggles(chart);
    return chart;
}

/// "95% CI a – b\n<who is faster>\np = … (Holm …)": the hover text of a ratio, whichever two runtimes it compares.
QString ratioTip(const QString &heading, const RatioEstimate &ratio, const QString &first, const QString &second, double p, double pHolm, bool valid)
{
    return QObject::tr("%1 = %2\n95% CI %3 – %4\n%5\np = %6 (Holm %7)%8")
        .arg(heading, Format::ratio(ratio.ratio), Format::ratio(ratio.ciLow), Format::ratio(ratio.ciHigh),
             Format::faster(ratio.ratio, first, second), Format::pValue(p), Format::pValue(pHolm),
             valid ? QString() : QObject::tr("\nsome samples invalid"));
}

} // namespace

QChart *ChartFactory::ratios(const QList<Comparison> &comparisons, const ChartStyle &style)
{
    // One JavaScript runtime: each point in its Python runtime's colour. Several: in its JavaScript runtime's
    // colour, lighter for each further Python runtime, so no two pairings share a colour.
    QStringList javascript, python;
    for (const Comparison &c : comparisons) {
        if (!javascript.contains(c.nodeRuntime))
            javascript.append(c.nodeRuntime);
        if (!python.contains(c.pythonRuntime))
            python.append(c.pythonRuntime);
    }
    const auto colourOf = [&](const Comparison &c) {
        if (javascript.size() < 2)
            return runtimeColor(style.runtimes, c.pythonRuntime, QStringLiteral("python"));
        return runtimeColor(style.runtimes, c.nodeRuntime, QStringLiteral("node")).lighter(100 + 45 * int(python.indexOf(c.pythonRuntime)));
    };
    QList<RatioPoint> points;
    for (const Comparison &c : comparisons) {
        const ChartCategory category = ChartCategories::of(c);
        points.append({category, QStringLiteral("%1 / %2").arg(c.nodeRuntime, c.pythonRuntime), colourOf(c), c.ratio,
                       ratioTip(QObject::tr("%1: node/python").arg(category.text()), c.ratio, c.nodeRuntime, c.pythonRuntime, c.pValue, c.pHolm, c.valid)});
    }
    return ratioChart(points, QObject::tr("node / python time ratio (below 1×: Node faster), 95% bootstrap CI"),
                      QObject::tr("node / python (log scale)"), style);
}

QChart *ChartFactory::runtimeRatios(const QList<RuntimeComparison> &comparisons, const ChartStyle &style)
{
    QList<RatioPoint> points;
    for (const RuntimeComparison &c : comparisons) {
        const ChartCategory category = ChartCategories::of(c);
        points.append({category, QStringLiteral("%1 / %2").arg(c.runtime, c.baseline), runtimeColor(style.runtimes, c.runtime), c.ratio,
                       ratioTip(QObject::tr("%1: %2/%3").arg(category.text(), c.runtime, c.baseline), c.ratio, c.runtime, c.baseline, c.pValue,
                                c.pHolm, c.valid)});
    }
    return ratioChart(points, QObject::tr("Each runtime against its family's baseline: time ratio (below 1×: faster than the baseline), 95% bootstrap CI"),
                      QObject::tr("runtime / baseline (log)"), style);
}

QChart *ChartFactory::memoryBars(const QList<SummaryRow> &rows, const ChartStyle &style)
{
    double largest = 0;
    for (const SummaryRow &row : rows) {
        if (row.stats.n > 0)
            largest = std::max(largest, double(row.peakRssKb) / 1024);
    }
    if (largest <= 0)
        return nullptr;
    const Grid grid(rows, style);
    QChart *chart = newChart(QObject::tr("Peak resident memory per process (lower is better)"), style);
    QBarSeries *bars = groupedBars(
        chart, rows, grid,
        [](const SummaryRow &row) -> std::optional<double> {
            if (row.stats.n == 0)
                return std::nullopt;
            return double(row.peakRssKb) / 1024;
        },
        [](const SummaryRow &row) {
            if (row.stats.n == 0)
                return QObject::tr("%1 on %2: no valid samples").arg(rowLabel(row), row.runtime);
            return QObject::tr("%1 on %2\npeak RSS %3 (largest of %4 processes)")
                .arg(rowLabel(row), row.runtime, Format::megabytes(double(row.peakRssKb)))
                .arg(row.processes - row.invalidProcesses);
        },
        0.0);
    auto *categories = new QBarCategoryAxis;
    categories->append(grid.labels());
    slantIfCrowded(categories, grid.labels());
    chart->addAxis(categories, Qt::AlignBottom);
    bars->attachAxis(categories);
    QValueAxis *values = linearAxis(largest, QObject::tr("Peak RSS (MB)"));
    chart->addAxis(values, Qt::AlignLeft);
    bars->attachAxis(values);
    enableLegendToggles(chart);
    return chart;
}

namespace {

/// What a chart of load rows draws: one value per row against another, one line per server.
struct LoadLineSpec {
    QString xTitle;
    int xLogBase = 2;  ///< connections double from point to point; rates span decades (10)
    QString yTitle;
    bool logY = false;
    std::function<double(const LoadRow &)> x;
    std::function<double(const LoadRow &)> y;
    /// The 95% CI of y across processes, NaN-NaN when there is none (one process): drawn as whiskers.
    std::function<std::pair<double, double>(const LoadRow &)> interval;
    bool identityLine = false;  ///< y = x dashed (delivered = offered)
};

/// Several servers share a runtime here, so each line gets its own colour; Node's stay green.
QColor lineColor(bool node, qsizetype index)
{
    static const QList<QColor> pythonColors = {QColor(0x30, 0x69, 0x98), QColor(0xe0, 0x8a, 0x1e), QColor(0x8e, 0x44, 0xad),
                                               QColor(0xc0, 0x39, 0x2b), QColor(0x16, 0xa0, 0x85), QColor(0x7f, 0x8c, 0x8d),
                                               QColor(0xd4, 0xac, 0x0d), QColor(0x2c, 0x3e, 0x50)};
    static const QList<QColor> nodeColors = {QColor(0x3c, 0x87, 0x3a), QColor(0x8b, 0xc3, 0x4a), QColor(0x1b, 0x5e, 0x20)};
    const QList<QColor> &palette = node ? nodeColors : pythonColors;
    return palette.at(int(index % palette.size()));
}

/// Colours by position among the servers of the same runtime kind in `names`, so a server keeps its colour
/// on every chart of one endpoint (throughput, latency, capacity) whichever of them it appears on.
QColor serverColor(const QStringList &names, const QStringList &kinds, const QString &name)
{
    const qsizetype at = std::max<qsizetype>(0, names.indexOf(name));
    const bool node = kinds.value(at) == QLatin1String("node");
    qsizetype sameKind = 0;
    for (qsizetype i = 0; i < at; ++i)
        sameKind += (kinds.at(i) == QLatin1String("node")) == node ? 1 : 0;
    return lineColor(node, sameKind);
}

/// Server names run long ("flask-gunicorn (python3)"): a legend beside the plot lists one per line, each whole,
/// where one along the bottom would cut them to "fla…" once more than a few share the row.
void legendBeside(QChart *chart)
{
    chart->legend()->setAlignment(Qt::AlignRight);
}

QPen dashedPen(const ChartStyle &style)
{
    QPen dashed(style.dark ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x55, 0x55, 0x55));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    return dashed;
}

QString ciText(double low, double high, const std::function<QString(double)> &format)
{
    return std::isfinite(low) && std::isfinite(high) ? QObject::tr("95% CI %1 – %2").arg(format(low), format(high))
                                                     : QObject::tr("no CI (one process)");
}

QString loadTip(const LoadRow &row)
{
    const auto rate = [](double v) { return QObject::tr("%1 /s").arg(Format::count(v)); };
    const auto time = [](double v) { return Format::duration(v); };
    QString text = QObject::tr("%1 %2, %3 connections, %4 worker(s)\n%5 (median of n = %6 processes), %7\np50 %8, p99 %9 (%10), p99.9 %11\n%12 errors")
                       .arg(ServerRows::seriesName(row.server, row.runtime), row.endpoint)
                       .arg(row.connections)
                       .arg(row.workers)
                       .arg(rate(row.requestsPerSec))
                       .arg(row.points)
                       .arg(ciText(row.throughputCiLow, row.throughputCiHigh, rate))
                       .arg(Format::duration(double(row.p50Ns)), Format::duration(double(row.p99Ns)),
                            ciText(row.p99CiLowNs, row.p99CiHighNs, time), Format::duration(double(row.p999Ns)))
                       .arg(row.errors);
    if (row.kind == QLatin1String("chat"))
        text += QObject::tr("\noffered %1, delivered %2, %3 deliveries lost").arg(rate(row.offeredPerSec), rate(row.requestsPerSec)).arg(row.lost);
    return text;
}

/// One line per server of `rows` (only those named in `only`, when given), with CI whiskers once the set is
/// no longer live. The axes span every row, so the charts of one endpoint split by server read alike.
QChart *loadLines(const QList<LoadRow> &rows, const QStringList &only, const QString &title, const ChartStyle &style, const LoadLineSpec &spec)
{
    QMap<QString, QList<const LoadRow *>> lines;
    QStringList order, kinds;
    double minX = INFINITY, maxX = 0, smallest = INFINITY, largest = 0;
    for (const LoadRow &row : rows) {
        if (!row.valid() || spec.x(row) <= 0 || spec.y(row) <= 0)
            continue;
        const QString name = ServerRows::seriesName(row.server, row.runtime, row.workers);
        if (!lines.contains(name)) {
            order.append(name);
            kinds.append(row.runtimeKind);
        }
        lines[name].append(&row);
        minX = std::min(minX, spec.x(row));
        maxX = std::max(maxX, spec.x(row));
        const auto [low, high] = spec.interval ? spec.interval(row) : std::pair{qQNaN(), qQNaN()};
        smallest = std::min({smallest, spec.y(row), std::isfinite(low) && low > 0 ? low : INFINITY});
        largest = std::max({largest, spec.y(row), std::isfinite(high) ? high : 0.0});
    }
    QStringList drawn;
    for (const QString &name : order) {
        if (only.isEmpty() || only.contains(name))
            drawn.append(name);
    }
    if (drawn.isEmpty())
        return nullptr;
    if (spec.identityLine) {
        smallest = std::min(smallest, minX);
        largest = std::max(largest, maxX);
    }
    QChart *chart = newChart(title, style);
    legendBeside(chart);
    auto *x = new QLogValueAxis;
    x->setBase(spec.xLogBase);
    x->setLabelFormat(QStringLiteral("%g"));
    x->setMinorTickCount(spec.xLogBase == 10 ? 8 : 0);
    if (spec.xLogBase == 10)
        x->setRange(std::pow(10.0, std::floor(std::log10(minX))), std::pow(10.0, std::ceil(std::log10(maxX))));
    else if (minX == maxX)  // one connection count (an endpoint measured at one point): room around it for the whiskers
        x->setRange(std::max(1.0, minX / 4), maxX * 4);
    else
        x->setRange(std::max(1.0, minX / 1.5), maxX * 1.5);
    x->setTitleText(spec.xTitle);
    QAbstractAxis *y = spec.logY ? static_cast<QAbstractAxis *>(logAxis(smallest, largest, spec.yTitle))
                                 : static_cast<QAbstractAxis *>(linearAxis(largest, spec.yTitle));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    if (spec.identityLine) {
        auto *ideal = new QLineSeries;
        ideal->setName(QObject::tr("delivered = offered"));
        ideal->setProperty(ChartFactory::kReferenceProperty, true);
        ideal->append({{x->min(), x->min()}, {x->max(), x->max()}});
        ideal->setPen(dashedPen(style));
        chart->addSeries(ideal);
        ideal->attachAxis(x);
        ideal->attachAxis(y);
    }
    const double cap = spec.xLogBase == 10 ? 1.08 : 1.06;  // whisker caps, as a factor on the log x axis
    for (const QString &name : drawn) {
        QList<const LoadRow *> points = lines.value(name);
        std::sort(points.begin(), points.end(), [&](const LoadRow *a, const LoadRow *b) { return spec.x(*a) < spec.x(*b); });
        auto *series = new QLineSeries;
        series->setName(name);
        series->setPointsVisible(true);
        const QColor color = serverColor(order, kinds, name);
        QPen pen(color);
        pen.setWidthF(2);
        series->setPen(pen);
        QStringList tips;
        for (const LoadRow *row : points) {
            series->append(spec.x(*row), spec.y(*row));
            tips.append(loadTip(*row));
        }
        tipNearestPoint(chart, series, tips, true);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        if (style.live || !spec.interval)
            continue;
        for (const LoadRow *row : points) {
            const auto [low, high] = spec.interval(*row);
            // An interval of one value (every process measured the same, e.g. a chat room below saturation) is no whisker.
            if (!std::isfinite(low) || !std::isfinite(high) || high <= low || (spec.logY && low <= 0))
                continue;
            const double at = spec.x(*row);
            auto *line = new QLineSeries;
            line->append({{at / cap, low}, {at * cap, low}, {at, low}, {at, high}, {at / cap, high}, {at * cap, high}});
            QPen whiskerPen(color);
            whiskerPen.setWidthF(1.2);
            line->setPen(whiskerPen);
            line->setProperty(kOwner, name);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
            hideFromLegend(chart, line);
        }
    }
    enableLegendToggles(chart);
    return chart;
}

std::pair<double, double> throughputInterval(const LoadRow &row)
{
    return {row.throughputCiLow, row.throughputCiHigh};
}

std::pair<double, double> p99IntervalMs(const LoadRow &row)
{
    return {row.p99CiLowNs / 1e6, row.p99CiHighNs / 1e6};
}

double p99Ms(const LoadRow &row)
{
    return double(row.p99Ns) / 1e6;
}

/// The capacity row's legend or bar name: its server, and the room size for chat.
QString capacityName(const CapacityRow &row)
{
    const QString name = ServerRows::seriesName(row.server, row.runtime, row.workers);
    return row.kind == QLatin1String("chat") ? QObject::tr("%1, %2 clients").arg(name).arg(row.connections) : name;
}

QString capacityFigure(const CapacityRow &row)
{
    if (!row.valid())
        return row.error.isEmpty() ? QObject::tr("no capacity") : row.error;
    // Chat capacity is a broadcast rate (messages sent per second, each to every client).
    const QString unit = row.kind == QLatin1String("chat") ? QObject::tr("msgs/s sent") : QObject::tr("req/s");
    QString text = QStringLiteral("%1 %2").arg(Format::count(row.rate), unit);
    if (std::isfinite(row.ciLow) && std::isfinite(row.ciHigh))
        text += QStringLiteral(" [%1 – %2]").arg(Format::count(row.ciLow), Format::count(row.ciHigh));
    return text;
}

QString perCoreFigure(const CapacityRow &row)
{
    if (row.perCore < 0)
        return QObject::tr("CPU unknown");
    return row.kind == QLatin1String("chat") ? QObject::tr("%1 deliveries/s per core").arg(Format::count(row.perCore))
                                             : QObject::tr("%1 req/s per core").arg(Format::count(row.perCore));
}

} // namespace

QString ChartFactory::capacityText(const CapacityRow &row)
{
    return capacityFigure(row);
}

QString ChartFactory::perCoreText(const CapacityRow &row)
{
    return perCoreFigure(row);
}

QChart *ChartFactory::throughput(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style, const QStringList &only)
{
    LoadLineSpec spec;
    spec.xTitle = QObject::tr("Concurrent connections (log scale)");
    spec.yTitle = style.live ? QObject::tr("Requests/s (median)") : QObject::tr("Requests/s (median, 95% CI)");
    spec.x = [](const LoadRow &row) { return double(row.connections); };
    spec.y = [](const LoadRow &row) { return row.requestsPerSec; };
    spec.interval = throughputInterval;
    return loadLines(rows, only, title, style, spec);
}

QChart *ChartFactory::latency(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style, const QStringList &only)
{
    LoadLineSpec spec;
    spec.xTitle = QObject::tr("Concurrent connections (log scale)");
    spec.yTitle = QObject::tr("p99 latency (ms, log scale)");
    spec.logY = true;
    spec.x = [](const LoadRow &row) { return double(row.connections); };
    spec.y = p99Ms;
    spec.interval = p99IntervalMs;
    return loadLines(rows, only, title, style, spec);
}

QChart *ChartFactory::delivered(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style)
{
    LoadLineSpec spec;
    spec.xTitle = QObject::tr("Offered deliveries (messages/s to all clients, log scale)");
    spec.xLogBase = 10;
    spec.yTitle = QObject::tr("Delivered (messages/s, log scale)");
    spec.logY = true;
    spec.x = [](const LoadRow &row) { return row.offeredPerSec; };
    spec.y = [](const LoadRow &row) { return row.requestsPerSec; };
    spec.interval = throughputInterval;
    spec.identityLine = true;
    return loadLines(rows, {}, title, style, spec);
}

QChart *ChartFactory::deliveryLatency(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style)
{
    LoadLineSpec spec;
    spec.xTitle = QObject::tr("Offered deliveries (messages/s to all clients, log scale)");
    spec.xLogBase = 10;
    spec.yTitle = QObject::tr("p99 delivery latency (ms, log scale)");
    spec.logY = true;
    spec.x = [](const LoadRow &row) { return row.offeredPerSec; };
    spec.y = p99Ms;
    spec.interval = p99IntervalMs;
    return loadLines(rows, {}, title, style, spec);
}

QChart *ChartFactory::latencyAgainstRate(const QList<CapacityRow> &rows, const QString &title, const ChartStyle &style, const QStringList &only)
{
    QStringList order, kinds;
    QList<double> objectives;
    double largestRate = 0, smallest = INFINITY, largest = 0;
    for (const CapacityRow &row : rows) {
        const QString name = capacityName(row);
        if (!order.contains(name)) {
            order.append(name);
            kinds.append(row.runtimeKind);
        }
        // The scales span every row (as loadLines' do), so one endpoint's charts split by server read alike.
        if (row.sloP99Ms > 0 && !objectives.contains(row.sloP99Ms))
            objectives.append(row.sloP99Ms);
        for (const CapacityStep &step : row.steps) {
            if (step.achieved <= 0 || step.p99Ns <= 0)
                continue;
            largestRate = std::max(largestRate, step.achieved);
            smallest = std::min(smallest, double(step.p99Ns) / 1e6);
            largest = std::max(largest, double(step.p99Ns) / 1e6);
        }
    }
    if (largestRate <= 0)
        return nullptr;
    for (double objective : objectives) {
        smallest = std::min(smallest, objective);
        largest = std::max(largest, objective);
    }
    const bool chat = rows.first().kind == QLatin1String("chat");
    QChart *chart = newChart(title, style);
    legendBeside(chart);
    QValueAxis *x = linearAxis(largestRate, chat ? QObject::tr("Achieved deliveries (messages/s)") : QObject::tr("Achieved rate (requests/s)"));
    QLogValueAxis *y = logAxis(smallest, largest, QObject::tr("p99 latency (ms, log scale)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (double objective : objectives) {
        auto *line = new QLineSeries;
        line->setName(QObject::tr("objective: p99 ≤ %1 ms").arg(objective));
        line->setProperty(ChartFactory::kReferenceProperty, true);
        line->append({{x->min(), objective}, {x->max(), objective}});
        // Dash-dot and near black: no server's colour (the palette has a red and a grey) can be taken for it.
        QPen pen = dashedPen(style);
        pen.setStyle(Qt::DashDotLine);
        pen.setWidthF(2);
        pen.setColor(style.dark ? QColor(0xf5, 0xf5, 0xf5) : QColor(0x11, 0x11, 0x11));
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    for (const CapacityRow &row : rows) {
        if (!only.isEmpty() && !only.contains(ServerRows::seriesName(row.server, row.runtime, row.workers)))
            continue;
        const QString name = capacityName(row);
        const QColor color = serverColor(order, kinds, name);
        // Each process searched on its own: one line per process through its steps in the order of the rate asked
        // for, the first named in the legend, the others owned by it (toggled with it).
        QMap<int, QList<CapacityStep>> byProcess;
        for (const CapacityStep &step : row.steps) {
            if (step.achieved > 0 && step.p99Ns > 0)
                byProcess[step.runIndex].append(step);
        }
        bool first = true;
        for (auto it = byProcess.begin(); it != byProcess.end(); ++it) {
            QList<CapacityStep> steps = it.value();
            std::sort(steps.begin(), steps.end(), [](const CapacityStep &a, const CapacityStep &b) { return a.offered < b.offered; });
            auto *series = new QLineSeries;
            series->setPointsVisible(true);
            QPen pen(color);
            pen.setWidthF(first ? 2 : 1.2);
            series->setPen(pen);
            QStringList tips;
            for (const CapacityStep &step : steps) {
                series->append(step.achieved, double(step.p99Ns) / 1e6);
                tips.append(QObject::tr("%1, process %2\nasked %3 /s, achieved %4 /s\np99 %5: %6 the objective (p99 ≤ %7 ms, no errors)")
                                .arg(name)
                                .arg(step.runIndex + 1)
                                .arg(Format::count(step.offered), Format::count(step.achieved), Format::duration(double(step.p99Ns)),
                                     step.met ? QObject::tr("met") : QObject::tr("missed"))
                                .arg(row.sloP99Ms));
            }
            tipNearestPoint(chart, series, tips, false);
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
            if (first) {
                series->setName(name);
            } else {
                series->setProperty(kOwner, name);
                hideFromLegend(chart, series);
            }
            first = false;
        }
    }
    enableLegendToggles(chart);
    return chart;
}

QChart *ChartFactory::capacityBars(const QList<CapacityRow> &sorted, const QString &title, const ChartStyle &style)
{
    if (sorted.isEmpty())
        return nullptr;
    // A horizontal bar axis counts from the bottom: reversed, the first server measured reads at the top.
    const QList<CapacityRow> rows(sorted.rbegin(), sorted.rend());
    QStringList order, kinds;  // measured order, for the colours the line charts give the same servers
    for (const CapacityRow &row : sorted) {
        order.append(capacityName(row));
        kinds.append(row.runtimeKind);
    }
    double largest = 0;
    for (const CapacityRow &row : rows)
        largest = std::max({largest, row.rate, std::isfinite(row.ciHigh) ? row.ciHigh : 0.0});
    QChart *chart = newChart(title, style);
    // Horizontal bars: the category labels (whole server names and the per-core figure) read across, never slanted
    // or cut; a stacked series with one set per server gives each bar its server's colour at full width.
    auto *series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.6);
    QStringList categories;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const CapacityRow &row = rows.at(i);
        const QString name = capacityName(row);
        // The per-core figure on a second line under the server's name: whole, and never over a bar or whisker.
        categories.append(QStringLiteral("%1<br>%2").arg(name.toHtmlEscaped(), perCoreFigure(row).toHtmlEscaped()));
        auto *set = new QBarSet(name);
        const QColor color = serverColor(order, kinds, name);
        set->setColor(color);
        set->setBorderColor(color.darker(120));
        set->setProperty("showdownColor", color);
        for (qsizetype c = 0; c < rows.size(); ++c)
            set->append(c == i && row.valid() ? row.rate : 0.0);
        const QString tip = QObject::tr("%1 %2: capacity at p99 ≤ %3 ms\n%4 (median of n = %5 processes)\n%6")
                                .arg(name, row.endpoint)
                                .arg(row.sloP99Ms)
                                .arg(capacityFigure(row))
                                .arg(row.rates.size())
                                .arg(perCoreFigure(row));
        set->setProperty(kTipsProperty, QStringList(rows.size(), tip));
        QObject::connect(set, &QBarSet::hovered, chart, [tip](bool on, int) {
            if (on)
                showTip(tip);
            else
                QToolTip::hideText();
        });
        series->append(set);
    }
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setTruncateLabels(false);  // a name is never cut: the axis takes the width its longest label needs
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    const bool chat = rows.first().kind == QLatin1String("chat");
    QValueAxis *x = linearAxis(largest, chat ? QObject::tr("Capacity (broadcast messages sent/s, median, 95% CI)")
                                             : QObject::tr("Capacity (requests/s, median, 95% CI)"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setVisible(false);  // the category labels name every bar
    // Whiskers over the bars: an overlay axis running along the categories, as the vertical bars' helpers do.
    auto *overlay = new QValueAxis;
    overlay->setRange(-0.5, double(rows.size()) - 0.5);
    overlay->setVisible(false);
    chart->addAxis(overlay, Qt::AlignLeft);
    if (!style.live) {
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const CapacityRow &row = rows.at(i);
            if (!row.valid() || !std::isfinite(row.ciLow) || !std::isfinite(row.ciHigh) || row.ciHigh <= row.ciLow)
                continue;
            auto *line = new QLineSeries;
            const double at = double(i), capHalf = 0.15;
            line->append({{row.ciLow, at - capHalf}, {row.ciLow, at + capHalf}, {row.ciLow, at}, {row.ciHigh, at}, {row.ciHigh, at - capHalf},
                          {row.ciHigh, at + capHalf}});
            QPen pen(style.dark ? QColor(0xee, 0xee, 0xee) : QColor(0x22, 0x22, 0x22));
            pen.setWidthF(1.5);
            line->setPen(pen);
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(overlay);
        }
    }
    return chart;
}

QChart *ChartFactory::speedup(const QList<ScalingRow> &rows, const QString &title, const ChartStyle &style)
{
    QMap<QString, QList<ScalingRow>> lines;
    QStringList order;
    int maxWorkers = 1;
    double largest = 1;
    for (const ScalingRow &row : rows) {
        if (row.speedup <= 0)
            continue;
        const QString name = QStringLiteral("%1 (%2)").arg(rowLabel(row.benchmark, row.variant), row.runtime);
        if (!lines.contains(name))
            order.append(name);
        lines[name].append(row);
        maxWorkers = std::max(maxWorkers, row.workers);
        largest = std::max(largest, row.speedup);
    }
    if (order.isEmpty())
        return nullptr;
    QChart *chart = newChart(title, style);
    legendBeside(chart);  // "parallel-cpu / worker_threads (node)" and its kind, whole
    auto *x = new QValueAxis;
    x->setRange(1, maxWorkers);
    x->setTickCount(maxWorkers);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(QObject::tr("Workers (threads or processes)"));
    QValueAxis *y = linearAxis(std::max(largest, double(maxWorkers)), QObject::tr("Speed-up over 1 worker (×)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto *ideal = new QLineSeries;
    ideal->setName(QObject::tr("ideal (speed-up = workers)"));
    ideal->setProperty(ChartFactory::kReferenceProperty, true);
    ideal->append({{1, 1}, {double(maxWorkers), double(maxWorkers)}});
    QPen dashed(style.dark ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x55, 0x55, 0x55));
    dashed.setStyle(Qt::DashLine);
    ideal->setPen(dashed);
    chart->addSeries(ideal);
    ideal->attachAxis(x);
    ideal->attachAxis(y);
    for (const QString &name : order) {
        QList<ScalingRow> points = lines.value(name);
        std::sort(points.begin(), points.end(), [](const ScalingRow &a, const ScalingRow &b) { return a.workers < b.workers; });
        auto *series = new QLineSeries;
        series->setName(name);
        series->setPointsVisible(true);
        QPen pen(runtimeColor(style.runtimes, points.first().runtime));
        pen.setWidthF(2);
        series->setPen(pen);
        QStringList tips;
        for (const ScalingRow &row : points) {
            series->append(row.workers, row.speedup);
            tips.append(QObject::tr("%1 with %2 worker(s)\nspeed-up %3 (95% CI %4 – %5)\nefficiency %6, median time %7")
                            .arg(name)
                            .arg(row.workers)
                            .arg(Format::ratio(row.speedup), Format::ratio(row.ci.ciLow), Format::ratio(row.ci.ciHigh),
                                 Format::percent(row.efficiency), Format::duration(row.medianNs)));
        }
        tipNearestPoint(chart, series, tips, false);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    enableLegendToggles(chart);
    return chart;
}

} // namespace showdown
