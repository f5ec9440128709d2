#pragma once

#include <QChart>
#include <QLegendMarker>
#include <QStringList>

/// Names of the series a chart's legend lists: helper series (whiskers, further processes' lines) carry no name
/// and no marker label. Shared by the window and chart tests, which both check that legend names stay whole.
inline QStringList legendNames(QChart *chart)
{
    QStringList names;
    for (QLegendMarker *marker : chart->legend()->markers()) {
        if (!marker->label().isEmpty())
            names.append(marker->label());
    }
    return names;
}
