#include "SampleTableModel.h"

#include "Format.h"

namespace showdown {
namespace {

double medianIteration(const ProcessRow &r)
{
    return r.summary.medianIterationNs.value_or(0);
}

QString problem(const ProcessRow &r)
{
    const Sample &s = r.process;
    if (s.valid())
        return {};
    QString text = QStringLiteral("%1: %2").arg(s.status, s.error);
    if (!s.stderrTail.isEmpty())
        text += QStringLiteral("\n\nstderr:\n") + s.stderrTail.right(2000);
    return text;
}

} // namespace

SampleTableModel::SampleTableModel(QObject *parent) : RowTableModel<ProcessRow>(parent)
{
    setColumns({
        {tr("Process"), [](const ProcessRow &r) { return QString::number(r.process.id); }, [](const ProcessRow &r) { return r.process.id; }, {}},
        {tr("Benchmark"),
         [](const ProcessRow &r) {
             return r.process.variant.isEmpty() ? r.process.benchmark : QStringLiteral("%1 / %2").arg(r.process.benchmark, r.process.variant);
         },
         {}, {}},
        {tr("Runtime"), [](const ProcessRow &r) { return r.process.runtime; }, {}, {}},
        {tr("Run"), [](const ProcessRow &r) { return QString::number(r.process.runIndex + 1); }, [](const ProcessRow &r) { return r.process.runIndex; }, {}},
        {tr("Status"), [](const ProcessRow &r) { return r.process.status; }, {}, {}},
        {tr("Median iteration"), [](const ProcessRow &r) { return r.process.valid() ? Format::duration(medianIteration(r)) : QString(); },
         [](const ProcessRow &r) { return medianIteration(r); }, {}},
        {tr("Iterations"), [](const ProcessRow &r) { return QString::number(r.summary.iterations); },
         [](const ProcessRow &r) { return r.summary.iterations; }, {}},
        {tr("Wall"), [](const ProcessRow &r) { return Format::duration(double(r.process.wallNs)); }, [](const ProcessRow &r) { return r.process.wallNs; },
         tr("Whole process, start-up included")},
        {tr("Peak RSS"), [](const ProcessRow &r) { return Format::megabytes(double(r.process.peakRssKb)); },
         [](const ProcessRow &r) { return r.process.peakRssKb; }, {}},
        {tr("Started (UTC)"), [](const ProcessRow &r) { return r.process.started.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")); },
         [](const ProcessRow &r) { return r.process.started; }, {}},
        {tr("Error"), [](const ProcessRow &r) { return r.process.error; }, {}, {}},
    });
    setProblem(problem);
}

} // namespace showdown
