#pragma once

#include "PagePlan.h"
#include "ResultAnalysis.h"
#include "ResultSetAnalysis.h"
#include "ResultSetInfo.h"
#include "RuntimeInfo.h"
#include "Sample.h"
#include "StoredDefinitionFile.h"
#include "UserBenchmark.h"

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
    /// Every process of the set. When the set's analysis is stored, these are the process records alone
    /// (timingsLoaded false): nothing the pages show needs a million raw values, and exports read the file.
    QList<Sample> samples;
    QList<ProcessSummary> processSummaries;  ///< one per sample, same order: iterations and their median
    bool timingsLoaded = true;               ///< false when `samples` carry no timings or load points
    QList<SummaryRow> rows;
    QList<Comparison> comparisons;
    QList<RuntimeComparison> runtimeComparisons;  ///< each runtime against its family's baseline
    PagePlan::Categories categories;  ///< benchmark name → category (manifest, then the set's own benchmarks): which page shows it
    /// The user's definition files the set ran (schema 7); empty for built-in benchmarks and older sets.
    QList<StoredDefinitionFile> definitions;
    /// The benchmarks those files declare, parsed off the GUI thread with the snapshot. Never run from here.
    QList<UserBenchmark> userBenchmarks;
    /// Server benchmarks: HTTP sweeps, idle connections, chat rooms.
    QList<LoadRow> loadRows;
    QList<ScalingRow> scalingRows;
    QList<CapacityRow> capacityRows;  ///< capacity at a latency objective, from the capacity-search steps

    [[nodiscard]] bool isEmpty() const { return info.id == 0; }
    /// The analysis this snapshot shows, e.g. for a report drawn from it.
    [[nodiscard]] ResultSetAnalysis analysis() const { return {rows, comparisons, runtimeComparisons, loadRows, scalingRows, capacityRows, processSummaries}; }
};

} // namespace showdown
