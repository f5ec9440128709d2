#pragma once

#include "DatasetTable.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

class QChart;
class QAbstractAxis;
class QChartView;
class QScatterSeries;

namespace showdown {

/// Shared drawing for the dataset pages: every point carries its source in a hover tooltip, because a
/// survey or registry figure is only as good as where it came from.
class DatasetChart {
public:
    /// A light, still chart with the legend below.
    [[nodiscard]] static QChart *create(const QString &title);
    /// A line through `points` with a marker on each; hovering a marker shows the matching entry of `tips`.
    static QScatterSeries *addSeries(QChart *chart, const QString &name, const QList<QPointF> &points, const QStringList &tips,
                                     const QColor &color, bool line = true);
    /// "JavaScript 2023: 63.61 % of respondents (all respondents) — source title <url> — notes".
    [[nodiscard]] static QString tip(const DatasetRow &row, const QString &when);
    /// Adds `x` (bottom) and `y` (left) and attaches every series already in the chart to both.
    static void attachAxes(QChart *chart, QAbstractAxis *x, QAbstractAxis *y);
    /// Puts `chart` in `view` and deletes the chart it replaces (a view releases, never deletes, the old one).
    static void show(QChartView *view, QChart *chart);
    /// A stable colour per subject (JavaScript yellow-brown, Python blue, ...), so the pages agree.
    [[nodiscard]] static QColor subjectColor(const QString &subject);
};

} // namespace showdown
