#include "ScalingTableModel.h"

#include "Format.h"

namespace showdown {

ScalingTableModel::ScalingTableModel(QObject *parent) : RowTableModel<ScalingRow>(parent)
{
    setColumns({
        {tr("Benchmark"), [](const ScalingRow &r) { return r.benchmark; }, {}, {}},
        {tr("Variant"), [](const ScalingRow &r) { return r.variant; }, {}, {}},
        {tr("Runtime"), [](const ScalingRow &r) { return r.runtime; }, {}, {}},
        {tr("Workers"), [](const ScalingRow &r) { return QString::number(r.workers); }, [](const ScalingRow &r) { return r.workers; }, {}},
        {tr("Median time"), [](const ScalingRow &r) { return r.medianNs > 0 ? Format::duration(r.medianNs) : QString(); },
         [](const ScalingRow &r) { return r.medianNs; }, {}},
        {tr("Speed-up"), [](const ScalingRow &r) { return r.speedup > 0 ? Format::ratio(r.speedup) : tr("missing"); },
         [](const ScalingRow &r) { return r.speedup; }, tr("Time with 1 worker / time with N workers")},
        {tr("95% CI"), [](const ScalingRow &r) { return QStringLiteral("%1 – %2").arg(Format::ratio(r.ci.ciLow), Format::ratio(r.ci.ciHigh)); },
         [](const ScalingRow &r) { return r.ci.ciLow; }, {}},
        {tr("Efficiency"), [](const ScalingRow &r) { return r.speedup > 0 ? Format::percent(r.efficiency) : QString(); },
         [](const ScalingRow &r) { return r.efficiency; }, tr("Speed-up / workers: 100% is perfect scaling")},
    });
    setProblem([](const ScalingRow &r) { return r.speedup > 0 ? QString() : tr("The 1-worker or the N-worker measurement is missing or failed."); });
}

} // namespace showdown
