#include "CompareTableModel.h"

#include "Format.h"

#include <cmath>

namespace showdown {
namespace {

QString median(qsizetype n, double medianNs, bool present)
{
    if (!present)
        return QObject::tr("not run");
    return n > 0 ? Format::duration(medianNs) : QObject::tr("no valid samples");
}

bool compared(const ResultChange &c)
{
    return c.baselineN > 0 && c.candidateN > 0;
}

QString verdictText(const ResultChange &c)
{
    if (c.verdict == QLatin1String("faster"))
        return QObject::tr("faster");
    if (c.verdict == QLatin1String("slower"))
        return QObject::tr("slower");
    if (c.verdict == QLatin1String("unchanged"))
        return QObject::tr("no clear change");
    if (c.verdict == QLatin1String("only-baseline"))
        return QObject::tr("only in the first");
    if (c.verdict == QLatin1String("only-candidate"))
        return QObject::tr("only in the second");
    return QObject::tr("no valid samples");
}

} // namespace

CompareTableModel::CompareTableModel(QObject *parent) : RowTableModel<ResultChange>(parent)
{
    setColumns({
        {tr("Benchmark"),
         [](const ResultChange &c) {
             QString name = c.variant.isEmpty() ? c.benchmark : QStringLiteral("%1 / %2").arg(c.benchmark, c.variant);
             return c.workers > 0 ? tr("%1 ×%2 workers").arg(name).arg(c.workers) : name;
         },
         {}, {}},
        {tr("Runtime"), [](const ResultChange &c) { return c.runtime; }, {}, {}},
        {tr("Median (first)"), [](const ResultChange &c) { return median(c.baselineN, c.baselineMedianNs, c.verdict != QLatin1String("only-candidate")); },
         [](const ResultChange &c) { return c.baselineN > 0 ? c.baselineMedianNs : -1.0; }, {}},
        {tr("Median (second)"), [](const ResultChange &c) { return median(c.candidateN, c.candidateMedianNs, c.verdict != QLatin1String("only-baseline")); },
         [](const ResultChange &c) { return c.candidateN > 0 ? c.candidateMedianNs : -1.0; }, {}},
        {tr("second / first [95% CI]"),
         [](const ResultChange &c) {
             return compared(c) ? QStringLiteral("%1 [%2, %3]").arg(Format::ratio(c.ratio.ratio), Format::ratio(c.ratio.ciLow), Format::ratio(c.ratio.ciHigh))
                                : QString();
         },
         [](const ResultChange &c) { return compared(c) ? c.ratio.ratio : NAN; }, tr("Below 1×: the second result set took less time")},
        {tr("p (Holm)"), [](const ResultChange &c) { return compared(c) ? QString::number(c.pHolm, 'g', 2) : QString(); },
         [](const ResultChange &c) { return compared(c) ? c.pHolm : NAN; }, tr("Mann-Whitney U, Holm-corrected across the comparison")},
        {tr("Change"), [](const ResultChange &c) { return verdictText(c); }, {}, {}},
    });
    setProblem([](const ResultChange &c) { return compared(c) ? QString() : tr("Only one of the two result sets has valid samples here."); });
}

} // namespace showdown
