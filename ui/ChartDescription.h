#pragma once

#include <QJsonObject>

class QChart;

namespace showdown {

/// A ChartFactory chart as plain JSON, for renderings that are not QtCharts (the HTML report draws it as SVG):
/// the title, the axes (linear, log or category, with range, unit title, categories and label angle), the legend,
/// and every series with the axes it uses: bar sets, box plots, lines and scatter points with their colours,
/// dashes, widths, hover texts, and whether they are in the legend or helpers of a legend entry (CI whiskers,
/// reference lines). Values are the chart's own doubles, written whole, so nothing is rounded differently
/// from the PDF drawn from the same QChart.
class ChartDescription {
public:
    [[nodiscard]] static QJsonObject describe(const QChart &chart);
};

} // namespace showdown
