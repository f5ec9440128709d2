#include "ComparisonTableModel.h"

#include "Format.h"

namespace showdown {

ComparisonTableModel::ComparisonTableModel(QObject *parent) : RowTableModel<Comparison>(parent)
{
    setColumns({
        {tr("Benchmark"), [](const Comparison &c) { return c.variant.isEmpty() ? c.benchmark : QStringLiteral("%1 / %2").arg(c.benchmark, c.variant); }, {}, {}},
        {tr("Node"), [](const Comparison &c) { return c.nodeRuntime; }, {}, {}},
        {tr("Python"), [](const Comparison &c) { return c.pythonRuntime; }, {}, {}},
        {tr("node / python"), [](const Comparison &c) { return Format::ratio(c.ratio.ratio); }, [](const Comparison &c) { return c.ratio.ratio; },
         tr("Ratio of median times: below 1× Node took less time")},
        {tr("95% CI"), [](const Comparison &c) { return QStringLiteral("%1 – %2").arg(Format::ratio(c.ratio.ciLow), Format::ratio(c.ratio.ciHigh)); },
         [](const Comparison &c) { return c.ratio.ciLow; }, tr("Bootstrap interval of the ratio (10,000 resamples, fixed seed)")},
        {tr("Verdict"), [](const Comparison &c) { return Format::faster(c.ratio.ratio, c.nodeRuntime, c.pythonRuntime); }, {}, {}},
        {tr("p"), [](const Comparison &c) { return Format::pValue(c.pValue); }, [](const Comparison &c) { return c.pValue; }, tr("Mann-Whitney U, two-sided")},
        {tr("p (Holm)"), [](const Comparison &c) { return Format::pValue(c.pHolm); }, [](const Comparison &c) { return c.pHolm; },
         tr("Corrected for testing every benchmark of the set at once")},
        {tr("Samples"), [](const Comparison &c) { return c.valid ? tr("all valid") : tr("some invalid"); }, {}, {}},
    });
    setProblem([](const Comparison &c) { return c.valid ? QString() : tr("Some samples of this benchmark failed; the ratio uses the valid ones only."); });
}

} // namespace showdown
