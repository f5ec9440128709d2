#include "JsonImporter.h"

#include "JsonExporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace showdown {
namespace {

/// Walks one JSON object, remembering where it is so every complaint names the exact field.
class FieldReader {
public:
    FieldReader(const QJsonObject &object, QString where, QString *error) : m_object(object), m_where(std::move(where)), m_error(error) {}

    [[nodiscard]] bool ok() const { return m_error->isEmpty(); }

    QString text(const char *key, bool required = true)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return {};
        if (!value.isString())
            return fail(key, "text"), QString();
        return value.toString();
    }
    QString optionalText(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        return value.isNull() ? QString() : text(key, false);
    }
    qint64 integer(const char *key, qint64 fallback, qint64 minimum = std::numeric_limits<qint64>::min())
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return fallback;
        return checkedInteger(value, key, minimum);
    }
    double real(const char *key, double fallback)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return fallback;
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0)
            return fail(key, "a number not below 0"), 0;
        return value.toDouble();
    }
    QJsonObject object(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return {};
        if (!value.isObject())
            return fail(key, "an object"), QJsonObject();
        return value.toObject();
    }
    QJsonArray array(const char *key, bool required = true)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined() && !required)
            return {};
        if (!value.isArray())
            return fail(key, "an array"), QJsonArray();
        return value.toArray();
    }
    QList<qint64> integers(const char *key)
    {
        QList<qint64> result;
        const QJsonArray values = array(key);
        for (qsizetype i = 0; ok() && i < values.size(); ++i)
            result.append(checkedInteger(values.at(i), QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i), 0));
        return result;
    }
    QDateTime time(const char *key, bool required = true)
    {
        const QString value = required ? text(key) : optionalText(key);
        if (!ok() || (value.isEmpty() && !required))
            return {};
        QDateTime parsed = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!parsed.isValid())
            fail(key, "an ISO 8601 date and time such as 2025-03-01T12:00:00.000Z");
        return parsed;
    }
    [[nodiscard]] QString path(const QString &key) const { return m_where.isEmpty() ? key : m_where + QLatin1Char('.') + key; }

private:
    qint64 checkedInteger(const QJsonValue &value, const QString &key, qint64 minimum)
    {
        // Beyond 2^53 a double can no longer say which integer it meant.
        constexpr double kExact = 9007199254740992.0;
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number) || std::abs(number) > kExact || number < double(minimum)) {
            fail(key, minimum == 0 ? "a whole number not below 0" : "a whole number");
            return 0;
        }
        return value.toInteger();
    }
    void fail(const QString &key, const char *expected)
    {
        if (m_error->isEmpty())
            *m_error = QStringLiteral("%1 must be %2").arg(path(key), QLatin1String(expected));
    }
    void fail(const char *key, const char *expected) { fail(QLatin1String(key), expected); }

    QJsonObject m_object;
    QString m_where;
    QString *m_error;
};

LoadPoint readPoint(const QJsonObject &object, const QString &where, QString *error)
{
    FieldReader r(object, where, error);
    LoadPoint point;
    point.kind = r.text("kind");
    point.endpoint = r.text("endpoint", false);
    point.connections = int(r.integer("connections", 0, 0));
    point.workers = int(r.integer("workers", 1, 0));
    point.rate = r.real("rate", 0);
    point.durationS = r.real("duration_s", 0);
    point.completed = r.integer("completed", 0, 0);
    point.sent = r.integer("sent", 0, 0);
    point.errors = r.object("errors");
    point.latency = r.object("latency");
    point.generatorCpuNs = r.integer("generator_cpu_ns", 0, 0);
    point.serverCpuNs = r.integer("server_cpu_ns", -1, -1);
    point.serverPssKb = r.integer("server_pss_kb", -1, -1);
    point.error = r.text("error", false);
    point.sloP99Ms = r.real("slo_p99_ms", 0);
    return point;
}

Sample readSample(const QJsonObject &object, const QString &where, QString *error)
{
    FieldReader r(object, where, error);
    Sample s;
    s.benchmark = r.text("benchmark");
    s.variant = r.text("variant", false);
    s.workers = int(r.integer("workers", 0, 0));
    s.runtime = r.text("runtime");
    s.runIndex = int(r.integer("run_index", 0, 0));
    s.size = r.integer("size", 0, 0);
    s.started = r.time("started");
    s.warmupNs = r.integers("warmup_ns");
    s.iterationsNs = r.integers("iterations_ns");
    s.result = r.text("result", false);
    s.status = r.text("status");
    s.error = r.text("error", false);
    s.exitCode = int(r.integer("exit_code", -1, std::numeric_limits<int>::min()));
    s.signal = int(r.integer("signal", 0, 0));
    s.wallNs = r.integer("wall_ns", 0, 0);
    s.userNs = r.integer("user_ns", 0, 0);
    s.sysNs = r.integer("sys_ns", 0, 0);
    s.peakRssKb = r.integer("peak_rss_kb", 0, 0);
    s.stderrTail = r.text("stderr_tail", false);
    s.extra = r.object("extra");
    const QJsonArray points = r.array("load_points", false);
    for (qsizetype i = 0; r.ok() && i < points.size(); ++i) {
        const QString at = r.path(QStringLiteral("load_points[%1]").arg(i));
        if (!points.at(i).isObject()) {
            *error = QStringLiteral("%1 must be an object").arg(at);
            break;
        }
        s.points.append(readPoint(points.at(i).toObject(), at, error));
    }
    return s;
}

StoredDefinitionFile readDefinition(const QJsonObject &object, const QString &where, QString *error)
{
    FieldReader r(object, where, error);
    StoredDefinitionFile definition;
    definition.path = r.text("path");
    definition.sha256 = r.text("sha256");
    const bool plain = object.contains(QLatin1String("text"));
    if (r.ok() && plain == object.contains(QLatin1String("text_base64"))) {
        *error = QStringLiteral("%1 must have exactly one of \"text\" and \"text_base64\"").arg(where);
        return definition;
    }
    if (plain) {
        definition.text = r.text("text").toUtf8();
    } else {
        const QString encoded = r.text("text_base64");
        const auto decoded = QByteArray::fromBase64Encoding(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (r.ok() && !decoded)
            *error = QStringLiteral("%1 must be base64").arg(r.path(QStringLiteral("text_base64")));
        definition.text = decoded.decoded;
    }
    return definition;
}

ResultSetBundle readSet(const QJsonObject &object, const QString &where, QString *error)
{
    FieldReader r(object, where, error);
    ResultSetBundle bundle;
    ResultSetInfo &info = bundle.info;
    info.uuid = r.text("uuid");
    info.created = r.time("created");
    info.finished = r.time("finished", false);
    info.suite = r.text("suite");
    info.status = r.text("status");
    info.name = r.text("name", false);
    info.notes = r.text("notes", false);
    info.appVersion = r.text("app_version", false);
    info.parameters = r.object("parameters");
    info.environment = r.object("environment");
    const QJsonArray runtimes = r.array("runtimes");
    for (qsizetype i = 0; r.ok() && i < runtimes.size(); ++i) {
        if (!runtimes.at(i).isObject() || !runtimes.at(i).toObject().value(QLatin1String("name")).isString()) {
            *error = QStringLiteral("%1 must be an object with a \"name\"").arg(r.path(QStringLiteral("runtimes[%1]").arg(i)));
            break;
        }
        std::optional<RuntimeInfo> runtime = RuntimeInfo::parseJson(runtimes.at(i).toObject(), error);
        if (!runtime) {
            *error = QStringLiteral("%1: %2").arg(r.path(QStringLiteral("runtimes[%1]").arg(i)), *error);
            break;
        }
        bundle.runtimes.append(*runtime);
    }
    const QJsonArray processes = r.array("processes");
    for (qsizetype i = 0; r.ok() && i < processes.size(); ++i) {
        const QString at = r.path(QStringLiteral("processes[%1]").arg(i));
        if (!processes.at(i).isObject()) {
            *error = QStringLiteral("%1 must be an object").arg(at);
            break;
        }
        bundle.samples.append(readSample(processes.at(i).toObject(), at, error));
    }
    const QJsonArray definitions = r.array("definitions", false);
    for (qsizetype i = 0; r.ok() && i < definitions.size(); ++i) {
        const QString at = r.path(QStringLiteral("definitions[%1]").arg(i));
        if (!definitions.at(i).isObject()) {
            *error = QStringLiteral("%1 must be an object").arg(at);
            break;
        }
        bundle.definitions.append(readDefinition(definitions.at(i).toObject(), at, error));
    }
    for (const Sample &sample : bundle.samples)
        info.sampleCount += sample.iterationsNs.size();
    return bundle;
}

} // namespace

std::optional<QList<ResultSetBundle>> JsonImporter::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not valid JSON at byte %1 (%2); the file may be truncated or not a Showdown export")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject() || document.object().value(QLatin1String("format")).toString() != QLatin1String(JsonExporter::kFormat)) {
        *error = QStringLiteral("this JSON is not a Showdown export: it lacks \"format\": \"%1\"").arg(QLatin1String(JsonExporter::kFormat));
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(QLatin1String("schema_version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) || version.toDouble() < 1) {
        *error = QStringLiteral("\"schema_version\" must be a whole number from 1");
        return std::nullopt;
    }
    if (version.toDouble() > JsonExporter::kSchemaVersion) {
        *error = QStringLiteral("this file was written by a newer Showdown (JSON schema version %1; this one reads up to %2); "
                                "update Showdown to import it")
                     .arg(version.toDouble(), 0, 'f', 0)
                     .arg(JsonExporter::kSchemaVersion);
        return std::nullopt;
    }
    if (!root.value(QLatin1String("result_sets")).isArray()) {
        *error = QStringLiteral("result_sets must be an array");
        return std::nullopt;
    }
    const QJsonArray sets = root.value(QLatin1String("result_sets")).toArray();
    QList<ResultSetBundle> bundles;
    QString problem;
    for (qsizetype i = 0; i < sets.size() && problem.isEmpty(); ++i) {
        const QString at = QStringLiteral("result_sets[%1]").arg(i);
        if (!sets.at(i).isObject()) {
            problem = QStringLiteral("%1 must be an object").arg(at);
            break;
        }
        bundles.append(readSet(sets.at(i).toObject(), at, &problem));
        if (problem.isEmpty() && !bundles.last().validate(&problem))
            problem = at + QStringLiteral(": ") + problem;
    }
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return bundles;
}

std::optional<QList<ResultSetBundle>> JsonImporter::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxBytes) {
        *error = QStringLiteral("%1 is %2 MB; exports above %3 MB are refused (a full suite's export is a few MB)")
                     .arg(path)
                     .arg(file.size() / (1024 * 1024))
                     .arg(kMaxBytes / (1024 * 1024));
        return std::nullopt;
    }
    std::optional<QList<ResultSetBundle>> bundles = parse(file.readAll(), error);
    if (!bundles)
        *error = path + QStringLiteral(": ") + *error;
    return bundles;
}

} // namespace showdown
