#include "ResultComparison.h"

#include "ForeignLoad.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <cmath>

namespace showdown {
namespace {

bool sameRow(const SummaryRow &a, const SummaryRow &b)
{
    return a.benchmark == b.benchmark && a.variant == b.variant && a.runtime == b.runtime && a.workers == b.workers;
}

QString display(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

void flatten(const QJsonObject &object, const QString &prefix, QMap<QString, QString> &into)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix + it.key();
        if (it.value().isObject())
            flatten(it.value().toObject(), key + QLatin1Char('.'), into);
        else
            into.insert(key, display(it.value()));
    }
}

QMap<QString, QString> describe(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes)
{
    QMap<QString, QString> fields;
    // The machine's state at the start and end of a run differs every time (times, pids, load); only its
    // verdict is a difference worth showing.
    QJsonObject environment = info.environment;
    environment.remove(MachineState::kKey);
    flatten(environment, QString(), fields);
    fields.insert(QStringLiteral("foreign load"), ForeignLoad::fromEnvironment(info.environment).summary());
    fields.insert(QStringLiteral("app_version"), info.appVersion);
    fields.insert(QStringLiteral("suite"), info.suite);
    for (const RuntimeInfo &runtime : runtimes) {
        const QString prefix = QStringLiteral("runtime %1 ").arg(runtime.name);
        fields.insert(prefix + QStringLiteral("version"), runtime.version);
        fields.insert(prefix + QStringLiteral("path"), runtime.path);
        if (runtime.gilEnabled)
            fields.insert(prefix + QStringLiteral("GIL"), *runtime.gilEnabled ? QStringLiteral("on") : QStringLiteral("off"));
        if (!runtime.libraries.isEmpty())
            fields.insert(prefix + QStringLiteral("libraries"), runtime.libraries.join(QStringLiteral(", ")));
    }
    return fields;
}

} // namespace

QList<ResultChange> ResultComparison::changes(const QList<SummaryRow> &baseline, const QList<SummaryRow> &candidate)
{
    QList<ResultChange> result;
    auto start = [](const SummaryRow &row) {
        ResultChange change;
        change.benchmark = row.benchmark;
        change.variant = row.variant;
        change.runtime = row.runtime;
        change.workers = row.workers;
        return change;
    };
    // Baseline order first (the order things ran in), then rows only the candidate has.
    for (const SummaryRow &before : baseline) {
        ResultChange change = start(before);
        change.baselineN = qsizetype(before.stats.n);
        change.baselineMedianNs = before.stats.median;
        const auto after = std::find_if(candidate.begin(), candidate.end(), [&](const SummaryRow &row) { return sameRow(row, before); });
        if (after == candidate.end()) {
            change.verdict = QStringLiteral("only-baseline");
            result.append(change);
            continue;
        }
        change.candidateN = qsizetype(after->stats.n);
        change.candidateMedianNs = after->stats.median;
        if (before.stats.n == 0 || after->stats.n == 0) {
            change.verdict = QStringLiteral("no-valid-samples");
            result.append(change);
            continue;
        }
        const std::vector<double> a(after->values.begin(), after->values.end());
        const std::vector<double> b(before.values.begin(), before.values.end());
        change.ratio = Statistics::bootstrapRatioOfMedians(a, b);
        change.pValue = Statistics::mannWhitneyP(a, b);
        result.append(change);
    }
    for (const SummaryRow &after : candidate) {
        if (std::none_of(baseline.begin(), baseline.end(), [&](const SummaryRow &row) { return sameRow(row, after); })) {
            ResultChange change = start(after);
            change.candidateN = qsizetype(after.stats.n);
            change.candidateMedianNs = after.stats.median;
            change.verdict = QStringLiteral("only-candidate");
            result.append(change);
        }
    }

    // Only the rows actually tested form the family the correction is over.
    std::vector<double> pValues;
    for (const ResultChange &change : result)
        pValues.push_back(change.verdict.isEmpty() ? change.pValue : std::nan(""));
    const std::vector<double> adjusted = Statistics::holm(pValues);
    for (qsizetype i = 0; i < result.size(); ++i) {
        ResultChange &change = result[i];
        if (!change.verdict.isEmpty())
            continue;
        change.pHolm = adjusted[std::size_t(i)];
        const bool ciExcludesOne = change.ratio.ciHigh < 1 || change.ratio.ciLow > 1;
        if (change.pHolm < ResultChange::kAlpha && ciExcludesOne)
            change.verdict = change.ratio.ratio < 1 ? QStringLiteral("faster") : QStringLiteral("slower");
        else
            change.verdict = QStringLiteral("unchanged");
    }
    return result;
}

QList<EnvironmentDifference> ResultComparison::environmentDifferences(const ResultSetInfo &baseline,
                                                                      const QList<RuntimeInfo> &baselineRuntimes,
                                                                      const ResultSetInfo &candidate,
                                                                      const QList<RuntimeInfo> &candidateRuntimes)
{
    const QMap<QString, QString> before = describe(baseline, baselineRuntimes);
    const QMap<QString, QString> after = describe(candidate, candidateRuntimes);
    QStringList keys = before.keys();
    for (const QString &key : after.keys()) {
        if (!before.contains(key))
            keys.append(key);
    }
    keys.sort();
    QList<EnvironmentDifference> result;
    for (const QString &key : keys) {
        if (before.value(key) != after.value(key))
            result.append({key, before.value(key), after.value(key)});
    }
    return result;
}

} // namespace showdown
