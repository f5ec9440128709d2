#include "SummaryTableModel.h"

#include "Format.h"
#include "MedianInterval.h"

namespace showdown {
namespace {

QString label(const SummaryRow &row)
{
    return row.variant.isEmpty() ? row.benchmark : QStringLiteral("%1 / %2").arg(row.benchmark, row.variant);
}

QString timed(const SummaryRow &row, double ns)
{
    return row.stats.n > 0 ? Format::duration(ns) : QString();
}

QString notes(const SummaryRow &row)
{
    QStringList all = row.warnings;
    if (!row.error.isEmpty())
        all.prepend(row.error);
    if (row.stats.n == 0 && row.error.isEmpty())
        all.prepend(QObject::tr("no valid samples"));
    return all.join(QStringLiteral("; "));
}

} // namespace

SummaryTableModel::SummaryTableModel(QObject *parent) : RowTableModel<SummaryRow>(parent)
{
    setColumns({
        {tr("Benchmark"), label, {}, {}},
        {tr("Runtime"), [](const SummaryRow &r) { return r.runtime; }, {}, {}},
        {tr("n"), [](const SummaryRow &r) { return QString::number(r.stats.n); }, [](const SummaryRow &r) { return qulonglong(r.stats.n); },
         tr("Measured iterations over every valid process")},
        {tr("Median"), [](const SummaryRow &r) { return r.stats.n > 0 ? Format::duration(r.stats.median) : tr("no valid samples"); },
         [](const SummaryRow &r) { return r.stats.median; }, {}},
        {tr("95% CI of median"),
         [](const SummaryRow &r) {
             const MedianInterval ci = MedianInterval::of(r.stats);
             return ci.valid ? QStringLiteral("%1 – %2").arg(Format::duration(ci.low), Format::duration(ci.high))
                             : (r.stats.n > 0 ? tr("n < 6") : QString());
         },
         [](const SummaryRow &r) { return MedianInterval::of(r.stats).high - MedianInterval::of(r.stats).low; },
         tr("Distribution-free interval from order statistics")},
        {tr("Mean"), [](const SummaryRow &r) { return timed(r, r.stats.mean); }, [](const SummaryRow &r) { return r.stats.mean; }, {}},
        {tr("SD"), [](const SummaryRow &r) { return timed(r, r.stats.sd); }, [](const SummaryRow &r) { return r.stats.sd; }, {}},
        {tr("CV"), [](const SummaryRow &r) { return r.stats.n > 0 ? Format::percent(r.stats.cv) : QString(); },
         [](const SummaryRow &r) { return r.stats.cv; }, tr("Standard deviation / mean; above 10% is noisy")},
        {tr("Min"), [](const SummaryRow &r) { return timed(r, r.stats.min); }, [](const SummaryRow &r) { return r.stats.min; }, {}},
        {tr("Max"), [](const SummaryRow &r) { return timed(r, r.stats.max); }, [](const SummaryRow &r) { return r.stats.max; }, {}},
        {tr("First iteration"), [](const SummaryRow &r) { return r.firstIterationNs ? Format::duration(*r.firstIterationNs) : QString(); },
         [](const SummaryRow &r) { return r.firstIterationNs.value_or(0); }, tr("Median cold (first) iteration per process: JIT warm-up shows here")},
        {tr("Peak RSS"), [](const SummaryRow &r) { return r.stats.n > 0 ? Format::megabytes(double(r.peakRssKb)) : QString(); },
         [](const SummaryRow &r) { return r.peakRssKb; }, tr("Largest peak resident memory of any process")},
        {tr("CPU / process"), [](const SummaryRow &r) { return timed(r, r.cpuNs); }, [](const SummaryRow &r) { return r.cpuNs; },
         tr("Median user + system CPU time per process")},
        {tr("Processes"), [](const SummaryRow &r) { return QStringLiteral("%1 (%2 failed)").arg(r.processes).arg(r.invalidProcesses); },
         [](const SummaryRow &r) { return r.processes; }, {}},
        {tr("Notes"), notes, {}, {}},
    });
    setProblem([](const SummaryRow &r) { return r.invalidProcesses > 0 || r.stats.n == 0 ? notes(r) : QString(); });
}

} // namespace showdown
