#include "ComparisonTableModel.h"

#include "RatioColumns.h"

namespace showdown {

ComparisonTableModel::ComparisonTableModel(QObject *parent) : RowTableModel<Comparison>(parent)
{
    using Columns = RatioColumns<Comparison>;
    setColumns({
        {tr("Benchmark"), [](const Comparison &c) { return c.variant.isEmpty() ? c.benchmark : QStringLiteral("%1 / %2").arg(c.benchmark, c.variant); }, {}, {}},
        {tr("Node"), [](const Comparison &c) { return c.nodeRuntime; }, {}, {}},
        {tr("Python"), [](const Comparison &c) { return c.pythonRuntime; }, {}, {}},
        Columns::ratio(tr("node / python"), tr("Ratio of median times: below 1× Node took less time")),
        Columns::interval(),
        {tr("Verdict"), [](const Comparison &c) { return Format::faster(c.ratio.ratio, c.nodeRuntime, c.pythonRuntime); }, {}, {}},
        Columns::p(),
        Columns::pHolm(tr("Corrected for testing every benchmark of the set at once")),
        Columns::samples(),
    });
    setProblem(&Columns::problem);
}

} // namespace showdown
