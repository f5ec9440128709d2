#pragma once

#include "ResultAnalysis.h"
#include "RuntimeInfo.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

class QChart;
class QWidget;

namespace showdown {

/// How a chart should look: the page's palette, and no animation when it is rendered for an export.
struct ChartStyle {
    bool dark = false;
    bool animated = true;
    /// The set is still being measured: charts redraw as samples arrive, so they leave out what is costly
    /// to draw and settles only at the end (the CI whiskers), and keep each redraw within a frame.
    bool live = false;
    /// The set's runtimes (ResultSnapshot::runtimes): what each runtime's colour is decided from.
    QList<RuntimeInfo> runtimes;

    /// Matches a widget's palette (dark window background → dark theme).
    [[nodiscard]] static ChartStyle forWidget(const QWidget *widget);
    /// For images and PDFs: light, and still on the first frame.
    [[nodiscard]] static ChartStyle forExport(const QList<RuntimeInfo> &runtimes = {}) { return {false, false, false, runtimes}; }
};

/// Builds every chart of the window and the report from plain rows (the rows behind the tables), so a
/// page and a PDF page draw the same thing. Each returns a new QChart (the caller owns it) with hover
/// tooltips giving exact values and n, legend markers that toggle their series, and axis titles with
/// units — or nullptr when the rows hold nothing to draw, so the caller can say what is missing.
class ChartFactory {
public:
    /// Dynamic property of a helper series (CI whiskers, per-point labels): the legend entry it belongs to and is toggled with.
    static constexpr const char *kOwnerProperty = "showdownOwner";
    /// Dynamic property (QStringList) of a series or bar set: the hover text of each of its points or bars, in
    /// order, so a rendering without Qt's hover (the HTML report) shows the window's exact wording.
    static constexpr const char *kTipsProperty = "showdownTips";
    /// Dynamic property (bool) of a series left out of the legend (helpers), which a chart not yet laid out cannot tell.
    static constexpr const char *kNotInLegendProperty = "showdownNotInLegend";
    /// Dynamic property (bool) of a reference line (1×, the objective, the ideal speed-up, delivered = offered): in
    /// the legend to be named, but not one of the measured series a reader tells apart.
    static constexpr const char *kReferenceProperty = "showdownReference";

    /// Grouped bars of median time per benchmark and runtime with 95% CI whiskers (once the set is no longer
    /// live); log scale when the medians span more than a decade.
    [[nodiscard]] static QChart *medianBars(const QList<SummaryRow> &rows, const ChartStyle &style);
    /// Box plots of every measured iteration per benchmark and runtime (quartiles, whiskers min–max).
    [[nodiscard]] static QChart *distributions(const QList<SummaryRow> &rows, const ChartStyle &style);
    /// node/python ratio of medians per benchmark on a log axis with bootstrap CI whiskers and the 1× line.
    [[nodiscard]] static QChart *ratios(const QList<Comparison> &comparisons, const ChartStyle &style);
    /// Each runtime against its family's baseline (bun / node, pypy3 / python3) per benchmark: the same log axis,
    /// whiskers and 1× line as ratios(), one series per runtime in its own colour.
    [[nodiscard]] static QChart *runtimeRatios(const QList<RuntimeComparison> &comparisons, const ChartStyle &style);
    /// Peak resident memory per benchmark and runtime.
    [[nodiscard]] static QChart *memoryBars(const QList<SummaryRow> &rows, const ChartStyle &style);
    /// Requests per second against connections (log x), one line per server and runtime, with whiskers for the
    /// 95% CI across server processes. `only` (series names, ServerRows::seriesName) limits the lines drawn while
    /// the axes still span every row, so one endpoint's charts split by server share their scales.
    [[nodiscard]] static QChart *throughput(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style,
                                            const QStringList &only = {});
    /// p99 latency against connections (log x and y), one line per server and runtime, with CI whiskers.
    [[nodiscard]] static QChart *latency(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style,
                                         const QStringList &only = {});
    /// Chat: messages delivered per second against the deliveries offered (log–log) with the delivered = offered
    /// line, one line per server: where a line leaves the diagonal, the server loses or delays messages.
    [[nodiscard]] static QChart *delivered(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style);
    /// Chat: p99 delivery latency against the deliveries offered, one line per server.
    [[nodiscard]] static QChart *deliveryLatency(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style);
    /// The capacity searches' steps: p99 latency against the achieved rate (the "hockey stick"), one line per
    /// server (each further process a thinner line of the same colour) and the objective as a dashed line.
    [[nodiscard]] static QChart *latencyAgainstRate(const QList<CapacityRow> &rows, const QString &title, const ChartStyle &style,
                                                    const QStringList &only = {});
    /// Capacity at the latency objective per server: horizontal bars with 95% CI whiskers, each labelled with
    /// its whole server name and the per-core figure.
    [[nodiscard]] static QChart *capacityBars(const QList<CapacityRow> &rows, const QString &title, const ChartStyle &style);
    /// "12,300 req/s [11,900 – 12,800]" (chat: broadcast msgs/s sent), or why there is none: the bars' and tables' one wording.
    [[nodiscard]] static QString capacityText(const CapacityRow &row);
    /// "4,100 req/s per core" (chat: deliveries), or "CPU unknown".
    [[nodiscard]] static QString perCoreText(const CapacityRow &row);
    /// Speed-up against workers with the ideal (linear) line.
    [[nodiscard]] static QChart *speedup(const QList<ScalingRow> &rows, const QString &title, const ChartStyle &style);

    /// The colour runtime `runtime` has on every page and in every report of the set whose runtimes are
    /// `runtimes`: the first runtime of a kind gets RuntimeKind::colour(), each further one of that kind a
    /// related shade, by its place in the list. A runtime missing from the list takes its kind from
    /// `familyWord` ("node", "python": SummaryRow::runtimeKind).
    [[nodiscard]] static QColor runtimeColor(const QList<RuntimeInfo> &runtimes, const QString &runtime, const QString &familyWord = {});
};

} // namespace showdown
