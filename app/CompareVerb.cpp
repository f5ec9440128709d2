#include "CompareVerb.h"

#include "ResultComparison.h"
#include "ResultJson.h"
#include "MachineIdentity.h"
#include "ResultSetReference.h"
#include "VerbArguments.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace showdown {
namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

QJsonObject changeJson(const ResultChange &c)
{
    return QJsonObject{{QStringLiteral("benchmark"), c.benchmark},
                       {QStringLiteral("variant"), c.variant},
                       {QStringLiteral("runtime"), c.runtime},
                       {QStringLiteral("workers"), c.workers},
                       {QStringLiteral("baseline_n"), qint64(c.baselineN)},
                       {QStringLiteral("candidate_n"), qint64(c.candidateN)},
                       {QStringLiteral("baseline_median_ns"), c.baselineN > 0 ? number(c.baselineMedianNs) : QJsonValue()},
                       {QStringLiteral("candidate_median_ns"), c.candidateN > 0 ? number(c.candidateMedianNs) : QJsonValue()},
                       {QStringLiteral("ratio"), number(c.ratio.ratio)},
                       {QStringLiteral("ratio_meaning"), QStringLiteral("candidate median time / baseline median time")},
                       {QStringLiteral("ci_low"), number(c.ratio.ciLow)},
                       {QStringLiteral("ci_high"), number(c.ratio.ciHigh)},
                       {QStringLiteral("p_value"), number(c.pValue)},
                       {QStringLiteral("p_holm"), number(c.pHolm)},
                       {QStringLiteral("verdict"), c.verdict}};
}

QString cell(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '), true) + QLatin1Char(' ');
}

QString describeSet(const ResultSetInfo &info)
{
    return QStringLiteral("%1  %2 suite, %3, %4%5")
        .arg(info.uuid, info.suite, info.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
             MachineIdentity::fromEnvironment(info.environment).description(),
             info.name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(info.name.left(60)));
}

} // namespace

int compareVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compares two result sets (BASELINE, then CANDIDATE): per benchmark × runtime the ratio of median times "
        "(candidate/baseline, below 1 = faster) with a 95% bootstrap CI and a Mann-Whitney p, Holm-corrected; a change "
        "is flagged when the corrected p is below 0.05 and the CI excludes 1. Differences in the recorded environment "
        "are listed. A REF is an ID or uuid in the database, or a file (FILE or FILE#ID)."));
    const QCommandLineOption db = VerbArguments::databaseOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Machine-readable JSON on stdout."));
    parser.addOptions({db, json});
    parser.addPositionalArgument(QStringLiteral("BASELINE"), QStringLiteral("The reference result set."));
    parser.addPositionalArgument(QStringLiteral("CANDIDATE"), QStringLiteral("The result set compared with it."));
    if (const std::optional<int> done = VerbArguments::parse(parser, QStringLiteral("compare"), arguments, out, err))
        return *done;
    if (parser.positionalArguments().size() != 2) {
        err << "showdown compare: give exactly two result sets, BASELINE and CANDIDATE\n";
        return 2;
    }
    QString error;
    QList<ResultSetBundle> sets;
    for (const QString &reference : parser.positionalArguments()) {
        std::optional<ResultSetBundle> bundle = ResultSetReference::load(reference, parser.value(db), &error);
        if (!bundle) {
            err << "showdown compare: " << error << "\n";
            return 1;
        }
        sets.append(*bundle);
    }
    const ResultSetBundle &a = sets.at(0);
    const ResultSetBundle &b = sets.at(1);
    const QList<ResultChange> changes =
        ResultComparison::changes(ResultAnalysis::rows(a.samples, a.runtimes), ResultAnalysis::rows(b.samples, b.runtimes));
    const QList<EnvironmentDifference> differences = ResultComparison::environmentDifferences(a.info, a.runtimes, b.info, b.runtimes);

    if (parser.isSet(json)) {
        QJsonArray changeList, differenceList;
        for (const ResultChange &change : changes)
            changeList.append(changeJson(change));
        for (const EnvironmentDifference &difference : differences)
            differenceList.append(QJsonObject{{QStringLiteral("key"), difference.key},
                                              {QStringLiteral("baseline"), difference.baseline},
                                              {QStringLiteral("candidate"), difference.candidate}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("baseline"), ResultJson::resultSet(a.info)},
                                         {QStringLiteral("candidate"), ResultJson::resultSet(b.info)},
                                         {QStringLiteral("changes"), changeList},
                                         {QStringLiteral("environment_differences"), differenceList}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }

    out << "Baseline:  " << describeSet(a.info) << "\nCandidate: " << describeSet(b.info) << "\n\n";
    out << cell(QStringLiteral("benchmark"), 22) << cell(QStringLiteral("runtime"), 12) << cell(QStringLiteral("baseline"), 10)
        << cell(QStringLiteral("candidate"), 10) << cell(QStringLiteral("ratio [95% CI]"), 24) << cell(QStringLiteral("p (Holm)"), 10)
        << "change\n";
    int flagged = 0;
    for (const ResultChange &c : changes) {
        QString name = c.benchmark + (c.variant.isEmpty() ? QString() : QLatin1Char('/') + c.variant);
        if (c.workers > 0)
            name += QStringLiteral(" ×%1").arg(c.workers);
        out << cell(name, 22) << cell(c.runtime, 12)
            << cell(c.baselineN > 0 ? ResultJson::formatDuration(c.baselineMedianNs) : QStringLiteral("–"), 10)
            << cell(c.candidateN > 0 ? ResultJson::formatDuration(c.candidateMedianNs) : QStringLiteral("–"), 10);
        if (std::isfinite(c.ratio.ratio))
            out << cell(QStringLiteral("%1 [%2, %3]").arg(c.ratio.ratio, 0, 'f', 3).arg(c.ratio.ciLow, 0, 'f', 3).arg(c.ratio.ciHigh, 0, 'f', 3), 24)
                << cell(QString::number(c.pHolm, 'g', 2), 10);
        else
            out << cell(QString(), 24) << cell(QString(), 10);
        out << (c.significant() ? QStringLiteral("** ") : QString()) << c.verdict << "\n";
        flagged += c.significant() ? 1 : 0;
    }
    out << "\n" << flagged << " of " << changes.size() << " rows changed significantly (Holm-corrected p < 0.05, CI excludes 1).\n";
    if (differences.isEmpty()) {
        out << "The recorded environments are the same.\n";
    } else {
        out << "\nEnvironment differences (baseline → candidate):\n";
        for (const EnvironmentDifference &d : differences)
            out << "  " << d.key << ": " << (d.baseline.isEmpty() ? QStringLiteral("(none)") : d.baseline.left(80)) << " → "
                << (d.candidate.isEmpty() ? QStringLiteral("(none)") : d.candidate.left(80)) << "\n";
    }
    return 0;
}

} // namespace showdown
