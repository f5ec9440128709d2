#include "SampleTableModel.h"

#include "Format.h"
#include "Statistics.h"

#include <vector>

namespace showdown {
namespace {

double medianIteration(const Sample &s)
{
    if (s.iterationsNs.isEmpty())
        return 0;
    const std::vector<double> values(s.iterationsNs.begin(), s.iterationsNs.end());
    return Statistics::median(values);
}

QString problem(const Sample &s)
{
    if (s.valid())
        return {};
    QString text = QStringLiteral("%1: %2").arg(s.status, s.error);
    if (!s.stderrTail.isEmpty())
        text += QStringLiteral("\n\nstderr:\n") + s.stderrTail.right(2000);
    return text;
}

} // namespace

SampleTableModel::SampleTableModel(QObject *parent) : RowTableModel<Sample>(parent)
{
    setColumns({
        {tr("Process"), [](const Sample &s) { return QString::number(s.id); }, [](const Sample &s) { return s.id; }, {}},
        {tr("Benchmark"), [](const Sample &s) { return s.variant.isEmpty() ? s.benchmark : QStringLiteral("%1 / %2").arg(s.benchmark, s.variant); }, {}, {}},
        {tr("Runtime"), [](const Sample &s) { return s.runtime; }, {}, {}},
        {tr("Run"), [](const Sample &s) { return QString::number(s.runIndex + 1); }, [](const Sample &s) { return s.runIndex; }, {}},
        {tr("Status"), [](const Sample &s) { return s.status; }, {}, {}},
        {tr("Median iteration"), [](const Sample &s) { return s.valid() ? Format::duration(medianIteration(s)) : QString(); },
         [](const Sample &s) { return medianIteration(s); }, {}},
        {tr("Iterations"), [](const Sample &s) { return QString::number(s.iterationsNs.size()); }, [](const Sample &s) { return s.iterationsNs.size(); }, {}},
        {tr("Wall"), [](const Sample &s) { return Format::duration(double(s.wallNs)); }, [](const Sample &s) { return s.wallNs; },
         tr("Whole process, start-up included")},
        {tr("Peak RSS"), [](const Sample &s) { return Format::megabytes(double(s.peakRssKb)); }, [](const Sample &s) { return s.peakRssKb; }, {}},
        {tr("Started (UTC)"), [](const Sample &s) { return s.started.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")); },
         [](const Sample &s) { return s.started; }, {}},
        {tr("Error"), [](const Sample &s) { return s.error; }, {}, {}},
    });
    setProblem(problem);
}

} // namespace showdown
