#include "PagePlan.h"

#include "Catalog.h"
#include "ResourceLocator.h"

namespace showdown {
namespace {

template<typename Row>
QList<Row> on(PagePlan::Page page, const QList<Row> &rows, const PagePlan::Categories &categories)
{
    QList<Row> result;
    for (const Row &row : rows) {
        if (PagePlan::pageOf(categories, row.benchmark) == page)
            result.append(row);
    }
    return result;
}

} // namespace

PagePlan::Page PagePlan::pageOf(BenchmarkCategory category)
{
    switch (category.kind) {
    case BenchmarkCategory::Startup:
        return Page::StartUp;
    case BenchmarkCategory::Cpu:
    case BenchmarkCategory::Library:
    case BenchmarkCategory::Io:
        return Page::Performance;
    case BenchmarkCategory::Scaling:
        return Page::Scaling;
    case BenchmarkCategory::Memory:
    case BenchmarkCategory::Realtime:
        return Page::Servers;
    }
    return Page::Performance;
}

PagePlan::Page PagePlan::pageOf(const Categories &categories, const QString &benchmark)
{
    const auto found = categories.constFind(benchmark);
    return found == categories.constEnd() ? Page::Performance : pageOf(*found);
}

QList<SummaryRow> PagePlan::rows(Page page, const QList<SummaryRow> &rows, const Categories &categories)
{
    return on(page, rows, categories);
}

QList<Comparison> PagePlan::comparisons(Page page, const QList<Comparison> &comparisons, const Categories &categories)
{
    return on(page, comparisons, categories);
}

PagePlan::Categories PagePlan::shipped(QString *error)
{
    Categories categories;
    if (const std::optional<Catalog> catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), error)) {
        for (const Benchmark &benchmark : catalog->benchmarks())
            categories.insert(benchmark.name, benchmark.category);
    }
    return categories;
}

PagePlan::Categories PagePlan::withUserBenchmarks(Categories categories, const QList<UserBenchmark> &benchmarks)
{
    for (const UserBenchmark &benchmark : benchmarks)
        categories.insert(benchmark.name, benchmark.category);
    return categories;
}

} // namespace showdown
