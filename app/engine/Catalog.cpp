#include "Catalog.h"

#include "RuntimeKind.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace showdown {
namespace {

const QStringList kMeasures = {QStringLiteral("iterations"), QStringLiteral("process"), QStringLiteral("http"),
                               QStringLiteral("idle"), QStringLiteral("chat")};

std::optional<QJsonObject> readJsonObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the benchmark manifest (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: invalid JSON at offset %2: %3").arg(path).arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1: the manifest must be a JSON object").arg(path);
        return std::nullopt;
    }
    return document.object();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

/// Positive whole numbers only: a zero or negative count is a typo, not a request.
bool positiveIntList(const QJsonValue &value, QList<int> *out)
{
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isDouble() || item.toInt() < 1 || item.toDouble() != item.toInt())
            return false;
        out->append(item.toInt());
    }
    return true;
}

/// Reads an optional "bound" field; a value that is not a known bound is an error naming the entry.
bool parseBound(const QJsonObject &json, std::optional<BenchmarkBound> *out, const QString &what, QString *error)
{
    const QJsonValue value = json.value(QLatin1String("bound"));
    if (value.isUndefined())
        return true;
    *out = BenchmarkBound::parse(value.toString());
    if (!*out) {
        *error = what + QStringLiteral(": unknown bound \"%1\"; one of %2 (what dominates its time)")
                            .arg(value.toVariant().toString(), BenchmarkBound::names().join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

/// An object's keys must all be known: a misspelt key would otherwise be a silent default.
bool onlyKnownKeys(const QJsonObject &json, const QStringList &known, const QString &what, QString *error)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = what + QStringLiteral(": unknown key \"%1\"; known keys are %2").arg(it.key(), known.join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

/// A required number of at least `minimum` (exclusive when `open`); false, with `error` naming the key, otherwise.
bool requiredNumber(const QJsonObject &json, const QString &key, double minimum, bool open, double *out, const QString &what,
                    QString *error)
{
    const QJsonValue value = json.value(key);
    if (!value.isDouble() || value.toDouble() < minimum || (open && value.toDouble() == minimum)) {
        *error = what + QStringLiteral(": \"%1\" must be a number %2 %3").arg(key, open ? QStringLiteral("above") : QStringLiteral("of at least")).arg(minimum);
        return false;
    }
    *out = value.toDouble();
    return true;
}

/// Reads a suite's "capacity" block: which targets get a capacity search and how it steps (CapacitySearch).
bool parseCapacity(const Benchmark &benchmark, const QJsonValue &value, std::optional<CapacitySettings> *out, const QString &suiteWhat,
                   QString *error)
{
    const QString what = suiteWhat + QStringLiteral(", capacity");
    const bool chat = benchmark.measure == QLatin1String("chat");
    if (!value.isObject() || (!chat && benchmark.measure != QLatin1String("http"))) {
        *error = what + QStringLiteral(": must be an object, and only http and chat benchmarks have one");
        return false;
    }
    const QJsonObject json = value.toObject();
    const QString countKey = chat ? QStringLiteral("clients") : QStringLiteral("connections");
    QStringList known = {countKey, QStringLiteral("duration_s"), QStringLiteral("warmup_s"), QStringLiteral("max_steps"),
                         QStringLiteral("precision"), QStringLiteral("start_rate")};
    if (!chat)
        known.append(QStringLiteral("endpoints"));
    if (!onlyKnownKeys(json, known, what, error))
        return false;
    CapacitySettings settings;
    if (!positiveIntList(json.value(countKey), &settings.connections) || settings.connections.isEmpty()) {
        *error = what + QStringLiteral(": \"%1\" must list at least one whole number from 1").arg(countKey);
        return false;
    }
    // Chat searches the room, which the benchmark's one endpoint describes; http names its endpoints.
    const QStringList targets = chat ? QStringList{benchmark.endpoints.isEmpty() ? QString() : benchmark.endpoints.first().name}
                                     : stringList(json.value(QLatin1String("endpoints")));
    if (!chat)
        settings.endpoints = targets;
    if (targets.isEmpty()) {
        *error = what + QStringLiteral(": \"endpoints\" must name at least one endpoint");
        return false;
    }
    for (const QString &name : targets) {
        const Endpoint *endpoint = benchmark.endpoint(name);
        if (!endpoint || endpoint->sloP99Ms <= 0) {
            *error = what + QStringLiteral(": endpoint \"%1\" %2").arg(name, endpoint ? QStringLiteral("declares no \"slo_p99_ms\" to search against")
                                                                                      : QStringLiteral("is not among the benchmark's endpoints"));
            return false;
        }
    }
    double maxSteps = 0;
    CapacityPlan &plan = settings.plan;
    if (!requiredNumber(json, QStringLiteral("duration_s"), 0, true, &plan.stepS, what, error)
        || !requiredNumber(json, QStringLiteral("warmup_s"), 0, false, &plan.warmupS, what, error)
        || !requiredNumber(json, QStringLiteral("start_rate"), 0, true, &plan.startRate, what, error)
        || !requiredNumber(json, QStringLiteral("precision"), 0, true, &plan.precision, what, error)
        || !requiredNumber(json, QStringLiteral("max_steps"), 2, false, &maxSteps, what, error))
        return false;
    if (maxSteps != double(int(maxSteps)) || plan.precision >= 1) {
        *error = what + QStringLiteral(": \"max_steps\" must be a whole number and \"precision\" a share below 1");
        return false;
    }
    plan.maxSteps = int(maxSteps);
    *out = settings;
    return true;
}

/// Reads one suite's size; `what` prefixes any message so the user knows which entry to fix.
bool parseSize(const Benchmark &benchmark, const QJsonObject &json, BenchmarkSize *size, const QString &what, QString *error)
{
    size->runs = json.value(QLatin1String("runs")).toInt(1);
    if (size->runs < 1) {
        *error = what + QStringLiteral(": runs must be at least 1");
        return false;
    }
    if (!positiveIntList(json.value(QLatin1String("workers")), &size->workers)) {
        *error = what + QStringLiteral(": workers must be a list of whole numbers from 1");
        return false;
    }
    if (benchmark.isServer()) {
        const QString countKey = benchmark.measure == QLatin1String("chat") ? QStringLiteral("clients") : QStringLiteral("connections");
        if (!positiveIntList(json.value(countKey), &size->connections) || size->connections.isEmpty()) {
            *error = what + QStringLiteral(": \"%1\" must list at least one whole number from 1").arg(countKey);
            return false;
        }
        size->endpoints = stringList(json.value(QLatin1String("endpoints")));
        for (const QString &endpoint : size->endpoints) {
            if (!benchmark.endpoint(endpoint)) {
                *error = what + QStringLiteral(": endpoint \"%1\" is not among the benchmark's endpoints").arg(endpoint);
                return false;
            }
        }
        const QJsonObject perEndpoint = json.value(QLatin1String("endpoint_connections")).toObject();
        for (auto it = perEndpoint.begin(); it != perEndpoint.end(); ++it) {
            QList<int> counts;
            if (!size->endpoints.contains(it.key()) || !positiveIntList(it.value(), &counts) || counts.isEmpty()) {
                *error = what + QStringLiteral(": \"endpoint_connections\" entry \"%1\" must name one of the suite's endpoints "
                                               "and list at least one whole number from 1").arg(it.key());
                return false;
            }
            size->endpointConnections.insert(it.key(), counts);
        }
        if (benchmark.measure == QLatin1String("http") && size->endpoints.isEmpty()) {
            *error = what + QStringLiteral(": an http benchmark needs \"endpoints\"");
            return false;
        }
        size->servers = stringList(json.value(QLatin1String("servers")));
        for (const QString &server : size->servers) {
            const bool known = std::any_of(benchmark.variants.begin(), benchmark.variants.end(),
                                           [&](const BenchmarkVariant &variant) { return variant.name == server; });
            if (!known) {
                *error = what + QStringLiteral(": server \"%1\" is not among the benchmark's servers").arg(server);
                return false;
            }
        }
        size->rate = json.value(QLatin1String("rate")).toDouble(0);
        size->durationS = json.value(QLatin1String("duration_s")).toDouble(benchmark.measure == QLatin1String("idle") ? 1 : 0);
        size->warmupS = json.value(QLatin1String("warmup_s")).toDouble(0);
        if (size->durationS <= 0 || size->warmupS < 0 || size->rate < 0) {
            *error = what + QStringLiteral(": duration_s must be positive, warmup_s and rate not negative");
            return false;
        }
        const QJsonValue capacity = json.value(QLatin1String("capacity"));
        return capacity.isUndefined() || parseCapacity(benchmark, capacity, &size->capacity, what, error);
    }
    size->size = json.value(QLatin1String("size")).toInteger();
    size->iterations = json.value(QLatin1String("iterations")).toInt(1);
    size->warmup = json.value(QLatin1String("warmup")).toInt(0);
    size->checksum = json.value(QLatin1String("checksum")).toString();
    size->expectedS = json.value(QLatin1String("expected_s")).toDouble(0);
    if (size->iterations < 0 || size->warmup < 0 || size->checksum.isEmpty()) {
        *error = what + QStringLiteral(": iterations and warmup must not be negative and a checksum is required");
        return false;
    }
    return true;
}

/// The keys a server entry may have; any other (a misspelt "env") is an error rather than silently ignored.
const QStringList kServerKeys = {QStringLiteral("name"),     QStringLiteral("runtime"), QStringLiteral("script"),
                                 QStringLiteral("args"),     QStringLiteral("requires"), QStringLiteral("env"),
                                 QStringLiteral("config"),   QStringLiteral("per_request"), QStringLiteral("config_by_kind"),
                                 QStringLiteral("unsupported")};

/// Checks that `kind` is a runtime kind (RuntimeKind), of the family whose word is `family` when one is given
/// (an empty family: either), so the manifest's "unsupported" and "config_by_kind" name only real kinds.
bool checkKind(const QString &kind, const QString &family, const QString &key, const QString &what, QString *error)
{
    const std::optional<RuntimeKind> parsed = RuntimeKind::parse(kind);
    if (parsed && (family.isEmpty() || RuntimeKind::familyWord(parsed->family()) == family))
        return true;
    QStringList kinds;
    for (const RuntimeKind candidate : RuntimeKind::all()) {
        if (family.isEmpty() || RuntimeKind::familyWord(candidate.family()) == family)
            kinds.append(candidate.name());
    }
    *error = what + QStringLiteral(": \"%1\" names \"%2\", not a runtime kind%3; one of %4")
                        .arg(key, kind, family.isEmpty() ? QString() : QStringLiteral(" that runs %1 programs").arg(family),
                             kinds.join(QStringLiteral(", ")));
    return false;
}

/// Reads an optional "unsupported" object: runtime kind → the reason, found by trying, that it cannot run the program.
bool parseUnsupported(const QJsonObject &json, const QString &family, QMap<QString, QString> *out, const QString &what,
                      QString *error)
{
    const QJsonValue value = json.value(QLatin1String("unsupported"));
    if (value.isUndefined())
        return true;
    if (!value.isObject() || value.toObject().isEmpty()) {
        *error = what + QStringLiteral(": \"unsupported\" must be an object of runtime kind and reason");
        return false;
    }
    const QJsonObject reasons = value.toObject();
    for (auto it = reasons.begin(); it != reasons.end(); ++it) {
        if (!checkKind(it.key(), family, QStringLiteral("unsupported"), what, error))
            return false;
        if (it.value().toString().trimmed().isEmpty()) {
            *error = what + QStringLiteral(": \"unsupported\" for \"%1\" needs the reason it cannot run there").arg(it.key());
            return false;
        }
        out->insert(it.key(), it.value().toString());
    }
    return true;
}

/// Reads a server entry's optional "env" (variable name → string) and "config" (a non-empty object).
bool parseServerFields(const QJsonObject &json, BenchmarkVariant *variant, const QString &what, QString *error)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!kServerKeys.contains(it.key())) {
            *error = what + QStringLiteral(": unknown key \"%1\"; a server entry has %2").arg(it.key(), kServerKeys.join(QStringLiteral(", ")));
            return false;
        }
    }
    const QJsonValue env = json.value(QLatin1String("env"));
    if (!env.isUndefined() && !env.isObject()) {
        *error = what + QStringLiteral(": \"env\" must be an object of variable names and string values");
        return false;
    }
    const QJsonObject variables = env.toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        if (it.key().isEmpty() || it.key().contains(QLatin1Char('=')) || !it.value().isString()) {
            *error = what + QStringLiteral(": \"env\" entry \"%1\" needs a variable name without '=' and a string value").arg(it.key());
            return false;
        }
        variant->environment.insert(it.key(), it.value().toString());
    }
    const QJsonValue config = json.value(QLatin1String("config"));
    if (!config.isUndefined() && (!config.isObject() || config.toObject().isEmpty())) {
        *error = what + QStringLiteral(": \"config\" must be a non-empty object (the configuration the ready line reports)");
        return false;
    }
    variant->config = config.toObject();
    const QJsonValue byKind = json.value(QLatin1String("config_by_kind"));
    if (!byKind.isUndefined() && !byKind.isObject()) {
        *error = what + QStringLiteral(": \"config_by_kind\" must be an object of runtime kind and configuration");
        return false;
    }
    const QJsonObject configs = byKind.toObject();
    for (auto it = configs.begin(); it != configs.end(); ++it) {
        if (!checkKind(it.key(), variant->runtimeKind, QStringLiteral("config_by_kind"), what, error))
            return false;
        if (!it.value().isObject() || it.value().toObject().isEmpty()) {
            *error = what + QStringLiteral(": \"config_by_kind\" for \"%1\" must be a non-empty object").arg(it.key());
            return false;
        }
        variant->configByKind.insert(it.key(), it.value().toObject());
    }
    return true;
}

bool parseVariants(Benchmark *benchmark, const QJsonArray &list, QString *error)
{
    for (const QJsonValue &value : list) {
        const QJsonObject json = value.toObject();
        BenchmarkVariant variant;
        variant.name = json.value(QLatin1String("name")).toString();
        variant.runtimeKind = json.value(QLatin1String("runtime")).toString();
        variant.script = json.value(QLatin1String("script")).toString();
        variant.args = stringList(json.value(QLatin1String("args")));
        variant.libraries = stringList(json.value(QLatin1String("requires")));
        variant.description = json.value(benchmark->isServer() ? QLatin1String("per_request") : QLatin1String("description")).toString();
        const QString what = QStringLiteral("benchmark \"%1\", variant \"%2\"").arg(benchmark->name, variant.name);
        if (variant.name.isEmpty() || (variant.runtimeKind != QLatin1String("node") && variant.runtimeKind != QLatin1String("python"))) {
            *error = what + QStringLiteral(": needs a name and a runtime of node or python");
            return false;
        }
        if (!parseBound(json, &variant.bound, what, error))
            return false;
        if (!parseUnsupported(json, variant.runtimeKind, &variant.unsupported, what, error))
            return false;
        if (benchmark->isServer() && variant.script.isEmpty()) {
            *error = what + QStringLiteral(": a server needs a script");
            return false;
        }
        if (benchmark->isServer() && !parseServerFields(json, &variant, what, error))
            return false;
        for (const BenchmarkVariant &other : std::as_const(benchmark->variants)) {
            if (other.name == variant.name) {
                *error = what + QStringLiteral(": appears twice");
                return false;
            }
        }
        benchmark->variants.append(variant);
    }
    return true;
}

std::optional<Benchmark> parseBenchmark(const QJsonObject &entry, const QStringList &suites, QString *error)
{
    Benchmark benchmark;
    benchmark.name = entry.value(QLatin1String("name")).toString();
    if (benchmark.name.isEmpty()) {
        *error = QStringLiteral("a benchmark has no name");
        return std::nullopt;
    }
    const QString what = QStringLiteral("benchmark \"%1\"").arg(benchmark.name);
    benchmark.title = entry.value(QLatin1String("title")).toString(benchmark.name);
    const QString category = entry.value(QLatin1String("category")).toString();
    const std::optional<BenchmarkCategory> parsedCategory = BenchmarkCategory::parse(category);
    if (!parsedCategory) {
        *error = what + QStringLiteral(": unknown category \"%1\"; one of %2 (the window and report place benchmarks by it)")
                            .arg(category, BenchmarkCategory::names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    benchmark.category = *parsedCategory;
    benchmark.description = entry.value(QLatin1String("description")).toString();
    benchmark.claims = stringList(entry.value(QLatin1String("claims")));
    benchmark.measure = entry.value(QLatin1String("measure")).toString(QStringLiteral("iterations"));
    if (!kMeasures.contains(benchmark.measure)) {
        *error = what + QStringLiteral(": unknown measure \"%1\"; one of %2").arg(benchmark.measure, kMeasures.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    // A program pair says what dominates its time and how its two programs differ: claims are judged
    // on those (the jit claim only on code-bound kernels), and readers judge fairness by them.
    if (!parseBound(entry, &benchmark.bound, what, error))
        return std::nullopt;
    benchmark.notes = entry.value(QLatin1String("notes")).toString();
    if (!benchmark.isServer() && !benchmark.bound) {
        *error = what + QStringLiteral(" needs \"bound\": what dominates its time, one of %1").arg(BenchmarkBound::names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (!benchmark.isServer() && benchmark.notes.isEmpty()) {
        *error = what + QStringLiteral(" needs \"notes\": what differs between its Node and its Python program");
        return std::nullopt;
    }
    benchmark.timeoutSeconds = entry.value(QLatin1String("timeout_s")).toInt(60);
    benchmark.nodeScript = entry.value(QLatin1String("node")).toString();
    benchmark.pythonScript = entry.value(QLatin1String("python")).toString();
    const QJsonObject endpoints = entry.value(QLatin1String("endpoints")).toObject();
    for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
        const QJsonObject json = it.value().toObject();
        const QString endpointWhat = what + QStringLiteral(", endpoint \"%1\"").arg(it.key());
        if (!onlyKnownKeys(json, {QStringLiteral("path"), QStringLiteral("body"), QStringLiteral("content_type"), QStringLiteral("work"),
                                  QStringLiteral("slo_p99_ms")},
                           endpointWhat, error))
            return std::nullopt;
        benchmark.endpoints.append(Endpoint{it.key(), json.value(QLatin1String("path")).toString(),
                                            json.value(QLatin1String("body")).toString().toUtf8()});
        if (!benchmark.endpoints.last().path.startsWith(QLatin1Char('/'))) {
            *error = what + QStringLiteral(": endpoint \"%1\" needs a path starting with /").arg(it.key());
            return std::nullopt;
        }
        if (json.contains(QLatin1String("slo_p99_ms"))
            && !requiredNumber(json, QStringLiteral("slo_p99_ms"), 0, true, &benchmark.endpoints.last().sloP99Ms, endpointWhat, error))
            return std::nullopt;
    }
    // A benchmark without variants says here which runtime kinds cannot run its programs; with variants each says it.
    if (entry.contains(QLatin1String("unsupported")) && (benchmark.isServer() || entry.contains(QLatin1String("variants")))) {
        *error = what + QStringLiteral(": \"unsupported\" belongs on each variant or server of a benchmark that lists them");
        return std::nullopt;
    }
    if (!parseUnsupported(entry, QString(), &benchmark.unsupported, what, error))
        return std::nullopt;
    const QJsonValue variants = entry.value(benchmark.isServer() ? QLatin1String("servers") : QLatin1String("variants"));
    if (!parseVariants(&benchmark, variants.toArray(), error))
        return std::nullopt;
    if (benchmark.isServer() && benchmark.variants.isEmpty()) {
        *error = what + QStringLiteral(" lists no servers");
        return std::nullopt;
    }
    if (!benchmark.isServer()) {
        for (const QString &kind : {QStringLiteral("node"), QStringLiteral("python")}) {
            if (benchmark.scriptFor(kind).isEmpty()) {
                *error = what + QStringLiteral(" needs both a node and a python program");
                return std::nullopt;
            }
        }
    }
    const QJsonObject sizes = entry.value(QLatin1String("sizes")).toObject();
    for (const QString &suite : suites) {
        const QJsonObject json = sizes.value(suite).toObject();
        if (json.isEmpty()) {
            *error = what + QStringLiteral(" has no size for suite \"%1\"").arg(suite);
            return std::nullopt;
        }
        BenchmarkSize size;
        if (!parseSize(benchmark, json, &size, what + QStringLiteral(", suite \"%1\"").arg(suite), error))
            return std::nullopt;
        benchmark.sizes.insert(suite, size);
    }
    return benchmark;
}

} // namespace

std::optional<Catalog> Catalog::load(const QString &manifestPath, QString *error)
{
    QString message;
    auto fail = [&](const QString &file, const QString &text) {
        if (error)
            *error = file.isEmpty() ? text : QStringLiteral("%1: %2").arg(file, text);
        return std::optional<Catalog>();
    };
    const std::optional<QJsonObject> root = readJsonObject(manifestPath, &message);
    if (!root)
        return fail(QString(), message);
    if (root->value(QLatin1String("protocol")).toInt() != 1)
        return fail(manifestPath, QStringLiteral("unsupported protocol version %1 (this Showdown speaks 1)")
                                      .arg(root->value(QLatin1String("protocol")).toVariant().toString()));

    Catalog catalog;
    catalog.m_baseDir = QFileInfo(manifestPath).absolutePath();
    const QJsonObject suites = root->value(QLatin1String("suites")).toObject();
    for (const QString &suite : {QStringLiteral("quick"), QStringLiteral("standard"), QStringLiteral("full")}) {
        if (!suites.contains(suite))
            return fail(manifestPath, QStringLiteral("suite \"%1\" is missing").arg(suite));
        catalog.m_suites.append(suite);
        catalog.m_suiteDescriptions.insert(suite, suites.value(suite).toObject().value(QLatin1String("description")).toString());
    }

    // Benchmarks may also come from manifest.d/*.json, one file per category, read in name order.
    QList<QPair<QString, QJsonArray>> files{{manifestPath, root->value(QLatin1String("benchmarks")).toArray()}};
    const QDir fragments(catalog.m_baseDir + QStringLiteral("/manifest.d"));
    for (const QString &name : fragments.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = fragments.filePath(name);
        const std::optional<QJsonObject> fragment = readJsonObject(path, &message);
        if (!fragment)
            return fail(QString(), message);
        files.append({path, fragment->value(QLatin1String("benchmarks")).toArray()});
    }
    for (const auto &[path, entries] : files) {
        for (const QJsonValue &value : entries) {
            std::optional<Benchmark> benchmark = parseBenchmark(value.toObject(), catalog.m_suites, &message);
            if (!benchmark)
                return fail(path, message);
            if (catalog.find(benchmark->name))
                return fail(path, QStringLiteral("benchmark \"%1\" appears twice").arg(benchmark->name));
            catalog.m_benchmarks.append(*benchmark);
        }
    }
    if (catalog.m_benchmarks.isEmpty())
        return fail(manifestPath, QStringLiteral("lists no benchmarks"));
    return catalog;
}

const Benchmark *Catalog::find(const QString &name) const
{
    for (const Benchmark &benchmark : m_benchmarks) {
        if (benchmark.name == name)
            return &benchmark;
    }
    return nullptr;
}

QString Catalog::suiteDescription(const QString &suite) const
{
    return m_suiteDescriptions.value(suite);
}

QString Catalog::scriptPath(const Benchmark &benchmark, const QString &runtimeKind) const
{
    return QDir(m_baseDir).absoluteFilePath(benchmark.scriptFor(runtimeKind));
}

QString Catalog::scriptPath(const BenchmarkVariant &variant, const Benchmark &benchmark) const
{
    return QDir(m_baseDir).absoluteFilePath(variant.script.isEmpty() ? benchmark.scriptFor(variant.runtimeKind) : variant.script);
}

Catalog Catalog::fromBenchmarks(QList<Benchmark> benchmarks, QStringList suites, QString baseDir)
{
    Catalog catalog;
    catalog.m_benchmarks = std::move(benchmarks);
    catalog.m_suites = std::move(suites);
    catalog.m_baseDir = std::move(baseDir);
    return catalog;
}

} // namespace showdown
