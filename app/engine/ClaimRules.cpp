#include "ClaimRules.h"

#include "BenchmarkBound.h"
#include "ResourceLocator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <utility>

namespace showdown {
namespace {

/// The spelling of each part kind in claims.json.
const QList<QPair<QString, ClaimPartKind>> &kindNames()
{
    static const QList<QPair<QString, ClaimPartKind>> names = {
        {QStringLiteral("ratio"), ClaimPartKind::Ratio},
        {QStringLiteral("throughput_ratio"), ClaimPartKind::ThroughputRatio},
        {QStringLiteral("capacity_ratio"), ClaimPartKind::CapacityRatio},
        {QStringLiteral("memory_per_connection"), ClaimPartKind::MemoryPerConnection},
        {QStringLiteral("speedup"), ClaimPartKind::Speedup},
        {QStringLiteral("dataset"), ClaimPartKind::Dataset},
        {QStringLiteral("dataset_ratio"), ClaimPartKind::DatasetRatio},
        {QStringLiteral("not_measurable"), ClaimPartKind::NotMeasurable},
    };
    return names;
}

/// Reads one JSON object's fields by name, remembering which names were asked for, so that whatever the
/// file holds beyond them (a misspelt or retired key) is an error rather than silently ignored. The first
/// problem wins; later reads return empty values.
class Fields {
public:
    Fields(const QJsonObject &object, QString what) : m_object(object), m_what(std::move(what)) {}

    [[nodiscard]] bool has(const QString &key)
    {
        m_known << key;
        return m_object.contains(key);
    }
    [[nodiscard]] QString text(const QString &key, bool required = false)
    {
        if (!present(key, required))
            return {};
        if (!m_object.value(key).isString())
            return fail(QStringLiteral("\"%1\" must be text").arg(key)), QString();
        return m_object.value(key).toString();
    }
    /// A name or a list of names.
    [[nodiscard]] QStringList texts(const QString &key, bool required = false)
    {
        if (!present(key, required))
            return {};
        const QJsonValue value = m_object.value(key);
        if (value.isString())
            return {value.toString()};
        QStringList list;
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                return fail(QStringLiteral("\"%1\" must be a name or a list of names").arg(key)), QStringList();
            list << item.toString();
        }
        if (!value.isArray() || list.isEmpty())
            return fail(QStringLiteral("\"%1\" must be a name or a non-empty list of names").arg(key)), QStringList();
        return list;
    }
    /// A whole number or a list of them.
    [[nodiscard]] QList<int> integers(const QString &key, bool required = false)
    {
        if (!present(key, required))
            return {};
        const QJsonValue value = m_object.value(key);
        const QJsonArray items = value.isArray() ? value.toArray() : QJsonArray{value};
        QList<int> list;
        for (const QJsonValue &item : items) {
            if (!item.isDouble() || item.toDouble() != double(item.toInt()))
                return fail(QStringLiteral("\"%1\" must be a whole number or a list of them").arg(key)), QList<int>();
            list << item.toInt();
        }
        if (list.isEmpty())
            return fail(QStringLiteral("\"%1\" must not be empty").arg(key)), QList<int>();
        return list;
    }
    [[nodiscard]] std::optional<double> number(const QString &key, bool required = false)
    {
        if (!present(key, required))
            return std::nullopt;
        if (!m_object.value(key).isDouble())
            return fail(QStringLiteral("\"%1\" must be a number").arg(key)), std::nullopt;
        return m_object.value(key).toDouble();
    }
    [[nodiscard]] std::optional<int> integer(const QString &key, bool required = false)
    {
        const std::optional<double> value = number(key, required);
        if (value && *value != double(int(*value)))
            return fail(QStringLiteral("\"%1\" must be a whole number").arg(key)), std::nullopt;
        return value ? std::optional<int>(int(*value)) : std::nullopt;
    }
    [[nodiscard]] std::optional<bool> boolean(const QString &key)
    {
        if (!present(key, false))
            return std::nullopt;
        if (!m_object.value(key).isBool())
            return fail(QStringLiteral("\"%1\" must be true or false").arg(key)), std::nullopt;
        return m_object.value(key).toBool();
    }
    [[nodiscard]] QJsonObject object(const QString &key, bool required = false)
    {
        if (!present(key, required))
            return {};
        if (!m_object.value(key).isObject())
            return fail(QStringLiteral("\"%1\" must be an object").arg(key)), QJsonObject();
        return m_object.value(key).toObject();
    }
    /// One of `choices`, or empty when absent.
    [[nodiscard]] QString choice(const QString &key, const QStringList &choices)
    {
        const QString value = text(key);
        if (has(key) && m_problem.isEmpty() && !choices.contains(value))
            fail(QStringLiteral("\"%1\" must be one of %2, not \"%3\"").arg(key, choices.join(QStringLiteral(", ")), value));
        return value;
    }
    void fail(const QString &problem)
    {
        if (m_problem.isEmpty())
            m_problem = problem;
    }
    /// The first problem, or else the first key nobody asked for.
    [[nodiscard]] QString problem() const
    {
        if (!m_problem.isEmpty())
            return m_problem;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_known.contains(it.key())) {
                QStringList known = m_known;
                known.removeDuplicates();
                return QStringLiteral("unknown key \"%1\"; %2 takes %3").arg(it.key(), m_what, known.join(QStringLiteral(", ")));
            }
        }
        return {};
    }

private:
    bool present(const QString &key, bool required)
    {
        if (has(key))
            return m_problem.isEmpty();
        if (required)
            fail(QStringLiteral("%1 needs \"%2\"").arg(m_what, key));
        return false;
    }

    QJsonObject m_object;
    QString m_what;
    QStringList m_known;
    QString m_problem;
};

std::optional<ClaimExpectation> readExpectation(Fields &fields, bool required)
{
    const QJsonObject expect = fields.object(QStringLiteral("expect"), required);
    if (!fields.has(QStringLiteral("expect")))
        return std::nullopt;
    static const QList<QPair<QString, ClaimExpectation::Test>> tests = {{QStringLiteral("above"), ClaimExpectation::Test::Above},
                                                                       {QStringLiteral("below"), ClaimExpectation::Test::Below},
                                                                       {QStringLiteral("within"), ClaimExpectation::Test::Within},
                                                                       {QStringLiteral("within_relative"), ClaimExpectation::Test::WithinRelative}};
    if (expect.size() == 1 && expect.begin().value().isDouble()) {
        for (const auto &[name, test] : tests) {
            if (expect.begin().key() == name)
                return ClaimExpectation{test, expect.begin().value().toDouble()};
        }
    }
    fields.fail(QStringLiteral("\"expect\" must be one of {\"above\": x}, {\"below\": x}, {\"within\": x}, {\"within_relative\": x}"));
    return std::nullopt;
}

/// A benchmark filter by what dominates the kernels' time, spelled as the manifest spells it.
std::optional<BenchmarkBound> readBound(Fields &fields)
{
    if (!fields.has(QStringLiteral("bound")))
        return std::nullopt;
    const QString name = fields.text(QStringLiteral("bound"));
    const std::optional<BenchmarkBound> bound = BenchmarkBound::parse(name);
    if (!bound)
        fields.fail(QStringLiteral("unknown \"bound\" \"%1\"; one of %2").arg(name, BenchmarkBound::names().join(QStringLiteral(", "))));
    return bound;
}

RatioRule readRatio(Fields &fields)
{
    RatioRule rule;
    rule.benchmarks = fields.texts(QStringLiteral("benchmarks"), true);
    rule.bound = readBound(fields);
    if (fields.has(QStringLiteral("node_variant")))
        rule.nodeVariants = fields.texts(QStringLiteral("node_variant"));
    if (fields.has(QStringLiteral("python_variant")))
        rule.pythonVariants = fields.texts(QStringLiteral("python_variant"));
    rule.workers = fields.integer(QStringLiteral("workers"));
    return rule;
}

ServerSide readSide(Fields &fields, const QString &key)
{
    const QJsonObject object = fields.object(key, true);
    Fields side(object, QStringLiteral("\"%1\"").arg(key));
    ServerSide result;
    result.servers = side.texts(QStringLiteral("servers"), true);
    result.workers = side.integer(QStringLiteral("workers")).value_or(1);
    if (fields.has(key) && !side.problem().isEmpty())
        fields.fail(side.problem());
    return result;
}

ServerPoints readServerPoints(Fields &fields)
{
    ServerPoints points;
    points.measure = fields.choice(QStringLiteral("measure"), {QStringLiteral("http"), QStringLiteral("chat")});
    if (!fields.has(QStringLiteral("measure")))
        fields.fail(QStringLiteral("needs \"measure\" (http or chat)"));
    points.endpoint = fields.text(QStringLiteral("endpoint"));
    points.connections = fields.integers(QStringLiteral("connections"));
    points.minConnections = fields.integer(QStringLiteral("min_connections")).value_or(0);
    points.numerator = readSide(fields, QStringLiteral("numerator"));
    points.denominator = readSide(fields, QStringLiteral("denominator"));
    points.sameServer = fields.choice(QStringLiteral("pairing"), {QStringLiteral("same_server")}) == QLatin1String("same_server");
    return points;
}

/// Reads one part, or says what is wrong with it.
std::optional<ClaimPart> readPart(const QJsonObject &object, QString *problem)
{
    const QString kindName = object.value(QStringLiteral("kind")).toString();
    const auto kind = std::find_if(kindNames().begin(), kindNames().end(), [&](const auto &entry) { return entry.first == kindName; });
    if (kind == kindNames().end()) {
        QStringList known;
        for (const auto &entry : kindNames())
            known << entry.first;
        *problem = QStringLiteral("unknown kind \"%1\"; known: %2").arg(kindName, known.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    Fields fields(object, QStringLiteral("kind %1").arg(kindName));
    (void)fields.has(QStringLiteral("kind"));
    ClaimPart part;
    part.kind = kind->second;
    part.label = fields.text(QStringLiteral("label"));
    if (part.label.isEmpty())
        fields.fail(QStringLiteral("has no \"label\""));
    part.expect = readExpectation(fields, part.kind != ClaimPartKind::NotMeasurable);
    part.matchAny = fields.choice(QStringLiteral("match"), {QStringLiteral("all"), QStringLiteral("any")}) == QLatin1String("any");
    part.minShare = fields.number(QStringLiteral("min_share")).value_or(1.0);
    part.maxContrary = fields.integer(QStringLiteral("max_contrary")).value_or(0);
    part.maxP = fields.number(QStringLiteral("max_p"));
    part.minN = fields.integer(QStringLiteral("min_n"));
    switch (part.kind) {
    case ClaimPartKind::Ratio:
        part.rule = readRatio(fields);
        break;
    case ClaimPartKind::ThroughputRatio: {
        ThroughputRatioRule rule;
        rule.points = readServerPoints(fields);
        rule.p99 = fields.choice(QStringLiteral("figure"), {QStringLiteral("throughput"), QStringLiteral("p99")}) == QLatin1String("p99");
        rule.onlySustained = fields.boolean(QStringLiteral("only_sustained")).value_or(false);
        part.rule = rule;
        break;
    }
    case ClaimPartKind::CapacityRatio:
        part.rule = CapacityRatioRule{readServerPoints(fields)};
        break;
    case ClaimPartKind::MemoryPerConnection:
        part.rule = MemoryRule{fields.texts(QStringLiteral("servers"), true), fields.integers(QStringLiteral("connections"), true)};
        break;
    case ClaimPartKind::Speedup:
        part.rule = SpeedupRule{fields.text(QStringLiteral("benchmark"), true), fields.text(QStringLiteral("variant"), true),
                                fields.choice(QStringLiteral("runtime_kind"), {QStringLiteral("node"), QStringLiteral("python")}),
                                fields.integers(QStringLiteral("workers"), true)};
        if (!fields.has(QStringLiteral("runtime_kind")))
            fields.fail(QStringLiteral("kind speedup needs \"runtime_kind\""));
        break;
    case ClaimPartKind::Dataset:
        part.rule = DatasetRule{fields.text(QStringLiteral("file"), true), fields.object(QStringLiteral("where"), true),
                                fields.number(QStringLiteral("article_value"), true).value_or(0), fields.text(QStringLiteral("latest_by")),
                                fields.text(QStringLiteral("missing_note"))};
        break;
    case ClaimPartKind::DatasetRatio:
        part.rule = DatasetRatioRule{fields.text(QStringLiteral("file"), true), fields.text(QStringLiteral("date_column"), true),
                                     fields.object(QStringLiteral("numerator"), true), fields.object(QStringLiteral("denominator"), true)};
        break;
    case ClaimPartKind::NotMeasurable:
        part.rule = NotMeasurableRule{fields.choice(QStringLiteral("proxy"), {QStringLiteral("gzip_source_size")}),
                                      fields.text(QStringLiteral("missing_note"))};
        if (!fields.has(QStringLiteral("proxy")))
            fields.fail(QStringLiteral("kind not_measurable needs \"proxy\""));
        break;
    }
    *problem = fields.problem();
    if (!problem->isEmpty())
        return std::nullopt;
    return part;
}

/// A finding reads like a ratio part but judges nothing: who is faster is its whole content.
std::optional<ClaimFindingRule> readFinding(const QJsonObject &object, QString *problem)
{
    Fields fields(object, QStringLiteral("a finding"));
    ClaimFindingRule finding;
    finding.label = fields.text(QStringLiteral("label"));
    if (finding.label.isEmpty())
        fields.fail(QStringLiteral("has no \"label\""));
    if (fields.text(QStringLiteral("kind")) != QLatin1String("ratio"))
        fields.fail(QStringLiteral("a finding must be of kind ratio"));
    if (fields.has(QStringLiteral("expect")))
        fields.fail(QStringLiteral("a finding has no \"expect\": it reports which side is faster, it decides nothing"));
    if (!fields.has(QStringLiteral("benchmarks")))
        fields.fail(QStringLiteral("a finding needs \"benchmarks\""));
    finding.ratio = readRatio(fields);
    Fields sides(fields.object(QStringLiteral("sides")), QStringLiteral("\"sides\""));
    finding.nodeSide = sides.text(QStringLiteral("node"));
    finding.pythonSide = sides.text(QStringLiteral("python"));
    if (!sides.problem().isEmpty())
        fields.fail(QStringLiteral("\"sides\" names the node and python side with text, e.g. {\"python\": \"CPython's C built-ins\"} (%1)")
                        .arg(sides.problem()));
    *problem = fields.problem();
    if (!problem->isEmpty())
        return std::nullopt;
    return finding;
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
    Fields root(document.object(), QStringLiteral("the file"));
    if (root.integer(QStringLiteral("format")) != 1) {
        *error = QStringLiteral("claim rules: \"format\" must be 1");
        return std::nullopt;
    }
    (void)root.text(QStringLiteral("about"));
    ClaimRules rules;
    Fields defaults(root.object(QStringLiteral("defaults")), QStringLiteral("\"defaults\""));
    rules.m_confidence = defaults.number(QStringLiteral("confidence")).value_or(0.95);
    rules.m_maxP = defaults.number(QStringLiteral("max_p")).value_or(0.05);
    rules.m_minN = defaults.integer(QStringLiteral("min_n")).value_or(3);
    if (!defaults.problem().isEmpty()) {
        *error = QStringLiteral("claim rules: %1").arg(defaults.problem());
        return std::nullopt;
    }
    if (rules.m_confidence <= 0 || rules.m_confidence >= 1 || rules.m_maxP <= 0 || rules.m_minN < 1) {
        *error = QStringLiteral("claim rules: defaults need 0 < confidence < 1, max_p > 0 and min_n >= 1");
        return std::nullopt;
    }
    QSet<QString> seen;
    const QJsonArray claims = root.has(QStringLiteral("claims")) ? document.object().value(QStringLiteral("claims")).toArray() : QJsonArray();
    if (!root.problem().isEmpty()) {
        *error = QStringLiteral("claim rules: %1").arg(root.problem());
        return std::nullopt;
    }
    for (const QJsonValue &value : claims) {
        Fields object(value.toObject(), QStringLiteral("a claim"));
        ClaimRule claim;
        claim.id = object.text(QStringLiteral("id"));
        claim.title = object.text(QStringLiteral("title"));
        claim.articleSays = object.text(QStringLiteral("article_says"));
        if (claim.id.isEmpty() || claim.articleSays.isEmpty() || seen.contains(claim.id)) {
            *error = QStringLiteral("claim rules: claim #%1 needs a unique \"id\" and \"article_says\"").arg(rules.m_claims.size() + 1);
            return std::nullopt;
        }
        seen.insert(claim.id);
        const QJsonArray parts = value.toObject().value(QStringLiteral("parts")).toArray();
        const QJsonArray findings = value.toObject().value(QStringLiteral("findings")).toArray();
        (void)object.has(QStringLiteral("parts"));
        (void)object.has(QStringLiteral("findings"));
        if (!object.problem().isEmpty()) {
            *error = QStringLiteral("claim rules: claim %1: %2").arg(claim.id, object.problem());
            return std::nullopt;
        }
        if (parts.isEmpty()) {
            *error = QStringLiteral("claim rules: claim %1 has no \"parts\"").arg(claim.id);
            return std::nullopt;
        }
        for (qsizetype i = 0; i < parts.size(); ++i) {
            QString problem;
            const std::optional<ClaimPart> part = readPart(parts.at(i).toObject(), &problem);
            if (!part) {
                const QString label = parts.at(i).toObject().value(QStringLiteral("label")).toString();
                *error = QStringLiteral("claim rules: claim %1, part %2%3: %4")
                             .arg(claim.id)
                             .arg(i + 1)
                             .arg(label.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(label), problem);
                return std::nullopt;
            }
            claim.parts << *part;
        }
        for (qsizetype i = 0; i < findings.size(); ++i) {
            QString problem;
            const std::optional<ClaimFindingRule> finding = readFinding(findings.at(i).toObject(), &problem);
            if (!finding) {
                *error = QStringLiteral("claim rules: claim %1, finding %2: %3").arg(claim.id).arg(i + 1).arg(problem);
                return std::nullopt;
            }
            claim.findings << *finding;
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
