#pragma once

#include "BenchmarkCategory.h"
#include "ResultAnalysis.h"
#include "UserBenchmark.h"

#include <QList>
#include <QMap>
#include <QString>

namespace showdown {

/// Which page of the window, and which section of the report, shows a benchmark's rows: one description for both, so
/// the window and the paper always show the same set of benchmarks. Benchmarks are placed by their manifest category.
class PagePlan {
public:
    enum class Page {
        Performance,  ///< the kernels' times and ratios: cpu, library, io (and benchmarks this build no longer knows)
        StartUp,      ///< start-up time, under Memory and start-up
        Scaling,      ///< the same work over more workers
        Servers,      ///< measured by load, shown from load rows (Concurrency, Real-time, Memory)
    };
    /// Benchmark name → category, as this build's manifest (and a set's own definition files) declare it.
    using Categories = QMap<QString, BenchmarkCategory>;

    [[nodiscard]] static Page pageOf(BenchmarkCategory category);
    /// A benchmark missing from `categories` (a set recorded by another version) is shown under Performance.
    [[nodiscard]] static Page pageOf(const Categories &categories, const QString &benchmark);
    [[nodiscard]] static QList<SummaryRow> rows(Page page, const QList<SummaryRow> &rows, const Categories &categories);
    [[nodiscard]] static QList<Comparison> comparisons(Page page, const QList<Comparison> &comparisons, const Categories &categories);
    /// The categories of the shipped manifest. Reads a file: call it off the GUI thread.
    [[nodiscard]] static Categories shipped(QString *error);
    /// `categories` with a set's own benchmarks (its stored definition files) placed by the category each declares, so
    /// the window and the reports put a user's cpu program on Performance like a built-in one. A user benchmark named
    /// like a built-in one wins: the set measured the user's.
    [[nodiscard]] static Categories withUserBenchmarks(Categories categories, const QList<UserBenchmark> &benchmarks);
};

} // namespace showdown
