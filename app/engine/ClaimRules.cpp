#include "ClaimRules.h"

#include "BenchmarkBound.h"
#include "ResourceLocator.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace showdown {
namespace {

/// The fields each rule kind cannot do without; CLAIMS.md documents what they mean.
const QHash<QString, QStringList> &requiredFields()
{
    static const QHash<QString, QStringList> fields = {
        {QStringLiteral("ratio"), {QStringLiteral("benchmarks"), QStringLiteral("expect")}},
        {QStringLiteral("throughput_ratio"),
         {QStringLiteral("measure"), QStringLiteral("numerator"), QStringLiteral("denominator"), QStringLiteral("expect")}},
        {QStringLiteral("memory_per_connection"), {QStringLiteral("servers"), QStringLiteral("connections"), QStringLiteral("expect")}},
        {QStringLiteral("speedup"),
         {QStringLiteral("benchmark"), QStringLiteral("variant"), QStringLiteral("runtime_kind"), QStringLiteral("workers"),
          QStringLiteral("expect")}},
        {QStringLiteral("dataset"), {QStringLiteral("file"), QStringLiteral("where"), QStringLiteral("article_value"), QStringLiteral("expect")}},
        {QStringLiteral("dataset_ratio"),
         {QStringLiteral("file"), QStringLiteral("date_column"), QStringLiteral("numerator"), QStringLiteral("denominator"),
          QStringLiteral("expect")}},
        {QStringLiteral("not_measurable"), {QStringLiteral("proxy")}},
    };
    return fields;
}

QString expectProblem(const QJsonObject &expect)
{
    static const QStringList comparisons = {QStringLiteral("above"), QStringLiteral("below"), QStringLiteral("within"),
                                            QStringLiteral("within_relative")};
    if (expect.size() != 1 || !comparisons.contains(expect.begin().key()) || !expect.begin().value().isDouble())
        return QStringLiteral("\"expect\" must be one of {\"above\": x}, {\"below\": x}, {\"within\": x}, {\"within_relative\": x}");
    return {};
}

/// A benchmark filter by what dominates the kernels' time, spelled as the manifest spells it.
QString boundProblem(const QJsonObject &part)
{
    if (!part.contains(QStringLiteral("bound")) || BenchmarkBound::parse(part.value(QStringLiteral("bound")).toString()))
        return {};
    return QStringLiteral("unknown \"bound\" \"%1\"; one of %2")
        .arg(part.value(QStringLiteral("bound")).toVariant().toString(), BenchmarkBound::names().join(QStringLiteral(", ")));
}

/// A finding reads like a ratio part but judges nothing: who is faster is its whole content.
QString findingProblem(const QJsonObject &finding)
{
    if (finding.value(QStringLiteral("label")).toString().isEmpty())
        return QStringLiteral("has no \"label\"");
    if (finding.value(QStringLiteral("kind")).toString() != QLatin1String("ratio"))
        return QStringLiteral("a finding must be of kind ratio");
    if (!finding.contains(QStringLiteral("benchmarks")))
        return QStringLiteral("a finding needs \"benchmarks\"");
    if (finding.contains(QStringLiteral("expect")))
        return QStringLiteral("a finding has no \"expect\": it reports which side is faster, it decides nothing");
    const QJsonValue sides = finding.value(QStringLiteral("sides"));
    if (!sides.isUndefined()) {
        const QJsonObject names = sides.toObject();
        for (auto it = names.begin(); it != names.end(); ++it) {
            if ((it.key() != QLatin1String("node") && it.key() != QLatin1String("python")) || !it.value().isString())
                return QStringLiteral("\"sides\" names the node and python side with text, e.g. {\"python\": \"CPython's C built-ins\"}");
        }
    }
    return boundProblem(finding);
}

QString partProblem(const QJsonObject &part)
{
    const QString kind = part.value(QStringLiteral("kind")).toString();
    if (!requiredFields().contains(kind))
        return QStringLiteral("unknown kind \"%1\"; known: %2").arg(kind, QStringList(requiredFields().keys()).join(QStringLiteral(", ")));
    if (part.value(QStringLiteral("label")).toString().isEmpty())
        return QStringLiteral("has no \"label\"");
    for (const QString &field : requiredFields().value(kind)) {
        if (!part.contains(field))
            return QStringLiteral("kind %1 needs \"%2\"").arg(kind, field);
    }
    if (part.contains(QStringLiteral("expect"))) {
        const QString problem = expectProblem(part.value(QStringLiteral("expect")).toObject());
        if (!problem.isEmpty())
            return problem;
    }
    return boundProblem(part);
}

} // namespace

std::optional<ClaimRules> ClaimRules::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("claim rules are not a JSON object: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toInt() != 1) {
        *error = QStringLiteral("claim rules: \"format\" must be 1");
        return std::nullopt;
    }
    ClaimRules rules;
    const QJsonObject defaults = root.value(QStringLiteral("defaults")).toObject();
    rules.m_confidence = defaults.value(QStringLiteral("confidence")).toDouble(0.95);
    rules.m_maxP = defaults.value(QStringLiteral("max_p")).toDouble(0.05);
    rules.m_minN = defaults.value(QStringLiteral("min_n")).toInt(3);
    if (rules.m_confidence <= 0 || rules.m_confidence >= 1 || rules.m_maxP <= 0 || rules.m_minN < 1) {
        *error = QStringLiteral("claim rules: defaults need 0 < confidence < 1, max_p > 0 and min_n >= 1");
        return std::nullopt;
    }
    QSet<QString> seen;
    for (const QJsonValue &value : root.value(QStringLiteral("claims")).toArray()) {
        const QJsonObject object = value.toObject();
        ClaimRule claim;
        claim.id = object.value(QStringLiteral("id")).toString();
        claim.title = object.value(QStringLiteral("title")).toString();
        claim.articleSays = object.value(QStringLiteral("article_says")).toString();
        if (claim.id.isEmpty() || claim.articleSays.isEmpty() || seen.contains(claim.id)) {
            *error = QStringLiteral("claim rules: claim #%1 needs a unique \"id\" and \"article_says\"").arg(rules.m_claims.size() + 1);
            return std::nullopt;
        }
        seen.insert(claim.id);
        const QJsonArray parts = object.value(QStringLiteral("parts")).toArray();
        if (parts.isEmpty()) {
            *error = QStringLiteral("claim rules: claim %1 has no \"parts\"").arg(claim.id);
            return std::nullopt;
        }
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString problem = partProblem(parts.at(i).toObject());
            if (!problem.isEmpty()) {
                *error = QStringLiteral("claim rules: claim %1, part %2: %3").arg(claim.id).arg(i + 1).arg(problem);
                return std::nullopt;
            }
            claim.parts << parts.at(i).toObject();
        }
        const QJsonArray findings = object.value(QStringLiteral("findings")).toArray();
        for (qsizetype i = 0; i < findings.size(); ++i) {
            const QString problem = findingProblem(findings.at(i).toObject());
            if (!problem.isEmpty()) {
                *error = QStringLiteral("claim rules: claim %1, finding %2: %3").arg(claim.id).arg(i + 1).arg(problem);
                return std::nullopt;
            }
            claim.findings << findings.at(i).toObject();
        }
        rules.m_claims << claim;
    }
    if (rules.m_claims.isEmpty()) {
        *error = QStringLiteral("claim rules: no claims");
        return std::nullopt;
    }
    return rules;
}

std::optional<ClaimRules> ClaimRules::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read claim rules %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::optional<ClaimRules> rules = parse(file.readAll(), error);
    if (!rules)
        *error = path + QStringLiteral(": ") + *error;
    return rules;
}

std::optional<ClaimRules> ClaimRules::loadShipped(QString *error)
{
    return load(ResourceLocator::dataDir() + QStringLiteral("/claims.json"), error);
}

} // namespace showdown
