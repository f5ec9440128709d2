#include "ForeignLoad.h"

#include <QJsonArray>

namespace showdown {
namespace {

const QString kKey = QStringLiteral("foreign_load");

QString coreText(double value)
{
    return QString::number(value, 'f', 2);
}

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'f', 1) + QLatin1Char('%');
}

void judgeWindow(const char *when, const CpuShare &window, QStringList &reasons)
{
    if (!window.known)
        return;
    if (window.otherCores > ForeignLoad::Rule::kWindowOtherCores)
        reasons.append(QStringLiteral("other processes used %1 cores at the %2 (over %3)")
                           .arg(coreText(window.otherCores), QLatin1String(when), coreText(ForeignLoad::Rule::kWindowOtherCores)));
    if (window.stealFraction > ForeignLoad::Rule::kStealFraction)
        reasons.append(QStringLiteral("the hypervisor stole %1 of the CPU at the %2 (over %3)")
                           .arg(percent(window.stealFraction), QLatin1String(when), percent(ForeignLoad::Rule::kStealFraction)));
}

} // namespace

QString ForeignLoad::summary() const
{
    switch (verdict) {
    case Verdict::Flagged:
        return QStringLiteral("measured under foreign load: %1").arg(reasons.join(QStringLiteral("; ")));
    case Verdict::Quiet:
        return QStringLiteral("no foreign load");
    case Verdict::Unknown:
        break;
    }
    return QStringLiteral("foreign load not recorded");
}

QJsonObject ForeignLoad::toJson() const
{
    return QJsonObject{{QStringLiteral("flagged"), verdict == Verdict::Unknown ? QJsonValue() : QJsonValue(flagged())},
                       {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
                       {QStringLiteral("rule"), ruleText()}};
}

QString ForeignLoad::ruleText()
{
    return QStringLiteral("flagged when other processes used more than %1 cores on average over the run, or more than %2 cores "
                          "in the %3 ms window at its start or end, or steal exceeded %4, or, where the start window could not "
                          "be read, the 1-minute load average at the start exceeded %5 per core")
        .arg(coreText(Rule::kRunOtherCores), coreText(Rule::kWindowOtherCores))
        .arg(MachineState::kWindow.count())
        .arg(percent(Rule::kStealFraction), QString::number(Rule::kStartLoadPerCore, 'f', 1));
}

ForeignLoad ForeignLoad::fromEnvironment(const QJsonObject &environment)
{
    const QJsonObject stored = environment.value(MachineState::kKey).toObject().value(kKey).toObject();
    ForeignLoad load;
    const QJsonValue flagged = stored.value(QLatin1String("flagged"));
    if (!flagged.isBool())
        return load;  // absent or not ours: say "not recorded" rather than guess
    load.verdict = flagged.toBool() ? Verdict::Flagged : Verdict::Quiet;
    for (const QJsonValue &reason : stored.value(QLatin1String("reasons")).toArray())
        load.reasons.append(reason.toString());
    return load;
}

ForeignLoad ForeignLoad::judge(const MachineReading &start, const MachineReading &end, const CpuShare &run, int cores)
{
    ForeignLoad load;
    if (!run.known && !start.window.known && !end.window.known && !start.load1)
        return load;
    if (run.known) {
        if (run.otherCores > Rule::kRunOtherCores)
            load.reasons.append(QStringLiteral("other processes used %1 cores on average over the run (over %2)")
                                    .arg(coreText(run.otherCores), coreText(Rule::kRunOtherCores)));
        if (run.stealFraction > Rule::kStealFraction)
            load.reasons.append(QStringLiteral("the hypervisor stole %1 of the CPU over the run (over %2)")
                                    .arg(percent(run.stealFraction), percent(Rule::kStealFraction)));
    }
    judgeWindow("start", start.window, load.reasons);
    judgeWindow("end", end.window, load.reasons);
    // The load average is only a stand-in for the start window's CPU reading: it decays over minutes and counts
    // this machine's previous run too (a standard run's 5,000-thread server leaves it near 50 for a minute
    // after it stopped), so when the window measured what other processes really used, that decides.
    if (!start.window.known && start.load1 && cores > 0 && *start.load1 / cores > Rule::kStartLoadPerCore)
        load.reasons.append(QStringLiteral("the 1-minute load average was %1 on %2 cores at the start (over %3 per core)")
                                .arg(*start.load1, 0, 'f', 2)
                                .arg(cores)
                                .arg(Rule::kStartLoadPerCore, 0, 'f', 1));
    load.verdict = load.reasons.isEmpty() ? Verdict::Quiet : Verdict::Flagged;
    return load;
}

} // namespace showdown
