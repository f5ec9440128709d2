#pragma once

#include "ResultAnalysis.h"
#include "ResultSetInfo.h"
#include "RuntimeInfo.h"
#include "Sample.h"

#include <QList>
#include <QMap>
#include <QString>

namespace showdown {

/// Everything the pages show about one result set, read and analysed off the GUI thread in one go so
/// every page (and the report) shows the same numbers.
struct ResultSnapshot {
    QString databasePath;
    ResultSetInfo info;  ///< info.id == 0: no result set is open
    QList<RuntimeInfo> runtimes;
    QList<Sample> samples;
    QList<SummaryRow> rows;
    QList<Comparison> comparisons;
    QMap<QString, QString> categories;  ///< benchmark name → manifest category (cpu, startup, ...)
    /// Server benchmarks: HTTP sweeps, idle connections, chat rooms.
    QList<LoadRow> loadRows;
    QList<ScalingRow> scalingRows;

    [[nodiscard]] bool isEmpty() const { return info.id == 0; }
    /// The summary rows of benchmarks in these categories (unknown benchmarks count as "other").
    [[nodiscard]] QList<SummaryRow> rowsIn(const QStringList &wanted) const
    {
        QList<SummaryRow> result;
        for (const SummaryRow &row : rows) {
            if (wanted.contains(categories.value(row.benchmark, QStringLiteral("other"))))
                result.append(row);
        }
        return result;
    }
    /// The comparisons of benchmarks in these categories.
    [[nodiscard]] QList<Comparison> comparisonsIn(const QStringList &wanted) const
    {
        QList<Comparison> result;
        for (const Comparison &comparison : comparisons) {
            if (wanted.contains(categories.value(comparison.benchmark, QStringLiteral("other"))))
                result.append(comparison);
        }
        return result;
    }
};

} // namespace showdown
