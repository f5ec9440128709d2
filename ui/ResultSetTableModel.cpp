#include "ResultSetTableModel.h"

#include "ForeignLoad.h"
#include "Format.h"
#include "MachineIdentity.h"

#include <QJsonArray>

namespace showdown {

QString ResultSetTableModel::title(const ResultSetInfo &info)
{
    if (!info.name.isEmpty())
        return info.name;
    return tr("#%1 %2, %3").arg(info.id).arg(info.suite, info.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString ResultSetTableModel::runtimes(const ResultSetInfo &info)
{
    QStringList names;
    for (const QJsonValue &name : info.parameters.value(QStringLiteral("runtimes")).toArray())
        names.append(name.toString());
    return names.join(QStringLiteral(", "));
}

QString ResultSetTableModel::machine(const ResultSetInfo &info)
{
    const QString cpu = info.environment.value(QStringLiteral("cpu_model")).toString();
    const int cores = info.environment.value(QStringLiteral("cores")).toInt();
    // Its label where the run was given one (a team store holds many machines), else its host name.
    const QString host = MachineIdentity::fromEnvironment(info.environment).name();
    return QStringLiteral("%1 (%2 cores, %3)").arg(cpu.isEmpty() ? tr("unknown CPU") : cpu).arg(cores).arg(host);
}

QString ResultSetTableModel::foreignLoad(const ResultSetInfo &info)
{
    const ForeignLoad load = ForeignLoad::fromEnvironment(info.environment);
    switch (load.verdict) {
    case ForeignLoad::Verdict::Flagged:
        return tr("⚠ foreign load");
    case ForeignLoad::Verdict::Quiet:
        return tr("quiet");
    case ForeignLoad::Verdict::Unknown:
        break;
    }
    return tr("not recorded");
}

ResultSetTableModel::ResultSetTableModel(QObject *parent) : RowTableModel<ResultSetInfo>(parent)
{
    setColumns({
        {tr("ID"), [](const ResultSetInfo &i) { return QString::number(i.id); }, [](const ResultSetInfo &i) { return i.id; }, {}},
        {tr("Name"), [](const ResultSetInfo &i) { return i.name; }, {}, {}},
        {tr("Created"), [](const ResultSetInfo &i) { return i.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")); },
         [](const ResultSetInfo &i) { return i.created; }, {}},
        {tr("Suite"), [](const ResultSetInfo &i) { return i.suite; }, {}, {}},
        {tr("Status"), [](const ResultSetInfo &i) { return i.status; }, {}, {}},
        {tr("Samples"), [](const ResultSetInfo &i) { return Format::count(double(i.sampleCount)); }, [](const ResultSetInfo &i) { return i.sampleCount; }, {}},
        {tr("Load"), foreignLoad, {}, tr("Whether other processes loaded the machine while this set was measured")},
        {tr("Runtimes"), runtimes, {}, {}},
        {tr("Machine"), machine, {}, {}},
        {tr("Notes"), [](const ResultSetInfo &i) { return i.notes; }, {}, {}},
    });
    setProblem([](const ResultSetInfo &i) {
        if (i.status == QLatin1String("failed"))
            return tr("This run failed: see its Samples table for each process's error.");
        if (i.status == QLatin1String("interrupted"))
            return tr("This run was stopped before it finished; it holds only the samples taken until then.");
        if (const ForeignLoad load = ForeignLoad::fromEnvironment(i.environment); load.flagged())
            return tr("Measured under foreign load: %1. Rerun on a quiet machine before trusting these numbers.")
                .arg(load.reasons.join(QStringLiteral("; ")));
        return QString();
    });
}

} // namespace showdown
