#include "DatasetChart.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

namespace showdown {

QChart *DatasetChart::create(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

QScatterSeries *DatasetChart::addSeries(QChart *chart, const QString &name, const QList<QPointF> &points, const QStringList &tips,
                                        const QColor &color, bool line)
{
    if (line && points.size() > 1) {
        auto *path = new QLineSeries;
        path->setName(name);
        path->append(points);
        path->setColor(color);
        chart->addSeries(path);
    }
    auto *markers = new QScatterSeries;
    markers->setName(name);
    markers->append(points);
    markers->setColor(color);
    markers->setBorderColor(color.darker(130));
    markers->setMarkerSize(9);
    chart->addSeries(markers);
    // The legend names each subject once (by its line when it has one).
    if (line && points.size() > 1) {
        for (QLegendMarker *marker : chart->legend()->markers(markers))
            marker->setVisible(false);
    }
    QObject::connect(markers, &QScatterSeries::hovered, chart, [markers, tips](const QPointF &point, bool on) {
        if (!on)
            return QToolTip::hideText();
        const QList<QPointF> all = markers->points();
        const qsizetype index = all.indexOf(point);
        if (index >= 0 && index < tips.size())
            QToolTip::showText(QCursor::pos(), tips.at(index));
    });
    return markers;
}

void DatasetChart::attachAxes(QChart *chart, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

void DatasetChart::show(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

QString DatasetChart::tip(const DatasetRow &row, const QString &when)
{
    QString text = QStringLiteral("%1 %2: %3 %4").arg(row.field(QStringLiteral("subject")), when, row.field(QStringLiteral("value")),
                                                      row.field(QStringLiteral("unit")));
    if (!row.field(QStringLiteral("population")).isEmpty())
        text += QStringLiteral(" (%1)").arg(row.field(QStringLiteral("population")));
    text += QStringLiteral("\n%1\nSource: %2\n%3").arg(row.field(QStringLiteral("metric")), row.field(QStringLiteral("source_title")),
                                                       row.field(QStringLiteral("source_url")));
    const QString notes = row.field(QStringLiteral("notes"));
    if (!notes.isEmpty())
        text += QStringLiteral("\nNote: ") + (notes.size() > 300 ? notes.left(297) + QStringLiteral("…") : notes);
    return text;
}

QColor DatasetChart::subjectColor(const QString &subject)
{
    static const QList<QPair<QString, QColor>> known = {
        {QStringLiteral("JavaScript"), QColor(0xc9, 0xa0, 0x00)}, {QStringLiteral("Python"), QColor(0x30, 0x6f, 0xb5)},
        {QStringLiteral("TypeScript"), QColor(0x8e, 0x44, 0xad)}, {QStringLiteral("Node.js"), QColor(0x3c, 0x87, 0x3a)},
        {QStringLiteral("npm"), QColor(0xcb, 0x38, 0x37)},        {QStringLiteral("PyPI"), QColor(0x30, 0x6f, 0xb5)},
        {QStringLiteral("Express"), QColor(0x55, 0x55, 0x55)},    {QStringLiteral("Django"), QColor(0x0c, 0x4b, 0x33)},
        {QStringLiteral("Flask"), QColor(0xd3, 0x54, 0x00)},      {QStringLiteral("FastAPI"), QColor(0x00, 0x96, 0x88)},
    };
    for (const auto &[name, color] : known) {
        if (name == subject)
            return color;
    }
    return QColor(0x79, 0x55, 0x48);
}

} // namespace showdown
