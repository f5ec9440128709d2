#include "RuntimeComparisonTableModel.h"

#include "RatioColumns.h"

namespace showdown {

RuntimeComparisonTableModel::RuntimeComparisonTableModel(QObject *parent) : RowTableModel<RuntimeComparison>(parent)
{
    using Row = RuntimeComparison;
    using Columns = RatioColumns<Row>;
    setColumns({
        {tr("Benchmark"),
         [](const Row &c) {
             const QString name = c.variant.isEmpty() ? c.benchmark : QStringLiteral("%1 / %2").arg(c.benchmark, c.variant);
             return c.workers > 1 ? tr("%1 ×%2").arg(name).arg(c.workers) : name;
         },
         {}, {}},
        {tr("Family"), [](const Row &c) { return c.family == RuntimeFamily::JavaScript ? tr("JavaScript") : tr("Python"); }, {}, {}},
        {tr("Runtime"), [](const Row &c) { return c.runtime; }, {}, {}},
        {tr("Baseline"), [](const Row &c) { return c.baseline; }, {}, tr("The family's baseline: the newest Node, the system CPython")},
        Columns::ratio(tr("runtime / baseline"), tr("Ratio of median times: below 1× the runtime took less time than its baseline")),
        Columns::interval(),
        {tr("Verdict"), [](const Row &c) { return Format::faster(c.ratio.ratio, c.runtime, c.baseline); }, {}, {}},
        Columns::p(),
        Columns::pHolm(tr("Corrected for testing every runtime against its baseline on every benchmark of the set at once")),
        Columns::samples(),
    });
    setProblem(&Columns::problem);
}

} // namespace showdown
