#include "CompareTableModel.h"

#include "Format.h"

#include <cmath>

namespace showdown {
namespace {

QString median(const std::optional<SummaryRow> &row)
{
    if (!row)
        return QObject::tr("not run");
    return row->stats.n > 0 ? Format::duration(row->stats.median) : QObject::tr("no valid samples");
}

QString key(const SummaryRow &row)
{
    return row.benchmark + QLatin1Char('\x1f') + row.variant + QLatin1Char('\x1f') + row.runtime;
}

} // namespace

double CompareRow::ratio() const
{
    if (!first || !second || first->stats.n == 0 || second->stats.n == 0 || first->stats.median <= 0)
        return NAN;
    return second->stats.median / first->stats.median;
}

QList<CompareRow> CompareTableModel::pair(const QList<SummaryRow> &first, const QList<SummaryRow> &second)
{
    QList<CompareRow> result;
    auto add = [&](const SummaryRow &row, bool isFirst) {
        for (CompareRow &existing : result) {
            const SummaryRow &other = existing.first ? *existing.first : *existing.second;
            if (key(other) == key(row)) {
                (isFirst ? existing.first : existing.second) = row;
                return;
            }
        }
        CompareRow added;
        added.benchmark = row.variant.isEmpty() ? row.benchmark : QStringLiteral("%1 / %2").arg(row.benchmark, row.variant);
        added.runtime = row.runtime;
        (isFirst ? added.first : added.second) = row;
        result.append(added);
    };
    for (const SummaryRow &row : first)
        add(row, true);
    for (const SummaryRow &row : second)
        add(row, false);
    return result;
}

CompareTableModel::CompareTableModel(QObject *parent) : RowTableModel<CompareRow>(parent)
{
    setColumns({
        {tr("Benchmark"), [](const CompareRow &r) { return r.benchmark; }, {}, {}},
        {tr("Runtime"), [](const CompareRow &r) { return r.runtime; }, {}, {}},
        {tr("Median (first)"), [](const CompareRow &r) { return median(r.first); },
         [](const CompareRow &r) { return r.first ? r.first->stats.median : -1.0; }, {}},
        {tr("Median (second)"), [](const CompareRow &r) { return median(r.second); },
         [](const CompareRow &r) { return r.second ? r.second->stats.median : -1.0; }, {}},
        {tr("second / first"), [](const CompareRow &r) { return Format::ratio(r.ratio()); }, [](const CompareRow &r) { return r.ratio(); },
         tr("Below 1×: the second result set took less time")},
    });
    setProblem([](const CompareRow &r) { return std::isfinite(r.ratio()) ? QString() : tr("Only one of the two result sets has valid samples here."); });
}

} // namespace showdown
