#pragma once

#include "ResultAnalysis.h"

#include <QColor>
#include <QList>
#include <QString>

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

    /// Matches a widget's palette (dark window background → dark theme).
    [[nodiscard]] static ChartStyle forWidget(const QWidget *widget);
    /// For images and PDFs: light, and still on the first frame.
    [[nodiscard]] static ChartStyle forExport() { return {false, false, false}; }
};

/// Builds every chart of the window and the report from plain rows (the rows behind the tables), so a
/// page and a PDF page draw the same thing. Each returns a new QChart (the caller owns it) with hover
/// tooltips giving exact values and n, legend markers that toggle their series, and axis titles with
/// units — or nullptr when the rows hold nothing to draw, so the caller can say what is missing.
class ChartFactory {
public:
    /// Grouped bars of median time per benchmark and runtime with 95% CI whiskers (once the set is no longer
    /// live); log scale when the medians span more than a decade.
    [[nodiscard]] static QChart *medianBars(const QList<SummaryRow> &rows, const ChartStyle &style);
    /// Box plots of every measured iteration per benchmark and runtime (quartiles, whiskers min–max).
    [[nodiscard]] static QChart *distributions(const QList<SummaryRow> &rows, const ChartStyle &style);
    /// node/python ratio of medians per benchmark on a log axis with bootstrap CI whiskers and the 1× line.
    [[nodiscard]] static QChart *ratios(const QList<Comparison> &comparisons, const ChartStyle &style);
    /// Peak resident memory per benchmark and runtime.
    [[nodiscard]] static QChart *memoryBars(const QList<SummaryRow> &rows, const ChartStyle &style);
    /// Requests per second against connections (log x), one line per server and runtime.
    [[nodiscard]] static QChart *throughput(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style);
    /// p99 latency against connections (log x and y), one line per server and runtime.
    [[nodiscard]] static QChart *latency(const QList<LoadRow> &rows, const QString &title, const ChartStyle &style);
    /// Speed-up against workers with the ideal (linear) line.
    [[nodiscard]] static QChart *speedup(const QList<ScalingRow> &rows, const QString &title, const ChartStyle &style);

    /// The colour of a runtime in every chart: Node green, CPython blue, others from a fixed list.
    [[nodiscard]] static QColor runtimeColor(const QString &runtime, const QString &kind);
};

} // namespace showdown
