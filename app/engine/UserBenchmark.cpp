#include "UserBenchmark.h"

#include <QCryptographicHash>

namespace showdown {
namespace {

/// The start of a text for a message: one line, at most 80 characters, quoted.
QString excerpt(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes.left(120));
    text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    if (text.size() > 80 || bytes.size() > 120)
        text = text.left(80) + QStringLiteral("…");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

QString ExpectedBytes::mismatch(const QByteArray &actual) const
{
    if (exact && actual != *exact)
        return QStringLiteral("%1 instead of the expected %2").arg(excerpt(actual), excerpt(*exact));
    if (!sha256.isEmpty()) {
        const QByteArray digest = QCryptographicHash::hash(actual, QCryptographicHash::Sha256).toHex();
        if (digest != sha256)
            return QStringLiteral("%1 (sha256 %2) instead of the expected sha256 %3")
                .arg(excerpt(actual), QString::fromLatin1(digest), QString::fromLatin1(sha256));
    }
    return QString();
}

bool UserBenchmark::runsOn(RuntimeKind kind) const
{
    return commands.contains(kind.family()) && (runtimes.isEmpty() || runtimes.contains(kind));
}

QStringList UserBenchmark::arguments(const RuntimeInfo &runtime, quint16 port) const
{
    const std::optional<RuntimeFamily> family = runtime.family;
    if (!family || !commands.contains(*family))
        return {};
    const QStringList &command = commands.value(*family);
    // The kind's launch arguments around an empty script name: everything before it is the prefix.
    QStringList result = runtime.launchArguments(QString());
    result.removeLast();
    for (qsizetype i = 1; i < command.size(); ++i) {
        QString argument = command.at(i);
        argument.replace(QLatin1String("{size}"), size ? QString::number(*size) : QString());
        argument.replace(QLatin1String("{port}"), QString::number(port));
        result.append(argument);
    }
    if (protocol && form == Form::Program && size)
        result << QStringLiteral("--size") << QString::number(*size) << QStringLiteral("--iterations") << QString::number(iterations)
               << QStringLiteral("--warmup") << QString::number(warmup);
    return result;
}

QList<BenchmarkVariant> UserBenchmark::variants() const
{
    QList<BenchmarkVariant> result;
    for (auto it = commands.begin(); it != commands.end(); ++it) {
        BenchmarkVariant variant;
        variant.runtimeKind = RuntimeKind::familyWord(it.key());
        variant.environment = environment;
        variant.workingDirectory = workingDirectory;
        // {size} is fixed for every suite; {port} stays for the server runner, which chooses the port.
        for (qsizetype i = 1; i < it.value().size(); ++i)
            variant.command.append(QString(it.value().at(i)).replace(QLatin1String("{size}"), size ? QString::number(*size) : QString()));
        for (const RuntimeKind kind : RuntimeKind::all()) {
            if (kind.family() == it.key() && !runsOn(kind))
                variant.unsupported.insert(kind.name(), QStringLiteral("its definition's \"runtimes\" leaves %1 out").arg(kind.name()));
        }
        result.append(variant);
    }
    return result;
}

Benchmark UserBenchmark::toBenchmark(const QStringList &suites, const QByteArray &reference) const
{
    Benchmark benchmark;
    benchmark.name = name;
    benchmark.title = name;
    benchmark.category = category;
    benchmark.description = description;
    benchmark.measure = protocol ? QStringLiteral("iterations") : QStringLiteral("command");
    benchmark.timeoutSeconds = timeoutSeconds;
    benchmark.variants = variants();
    BenchmarkSize measured;
    measured.size = size.value_or(0);
    measured.runs = runs;
    if (protocol) {
        // PROTOCOL.md: the program times its own iterations and reports its result, held to the one its check agreed on.
        measured.iterations = iterations;
        measured.warmup = warmup;
        measured.checksum = QString::fromUtf8(reference);
    } else {
        measured.checksum = QString::fromLatin1(QCryptographicHash::hash(reference, QCryptographicHash::Sha256).toHex());
    }
    for (const QString &suite : suites)
        benchmark.sizes.insert(suite, measured);
    return benchmark;
}

Benchmark UserBenchmark::toServerBenchmark(const QMap<QString, BenchmarkSize> &suiteLoads, const QList<QByteArray> &bodies) const
{
    Benchmark benchmark;
    benchmark.name = name;
    benchmark.title = name;
    benchmark.category = category;
    benchmark.description = description;
    benchmark.measure = QStringLiteral("http");
    benchmark.timeoutSeconds = timeoutSeconds;
    benchmark.ready = ready;
    benchmark.variants = variants();
    // Load rows, the Concurrency page and the server report name a server by its variant ("express (node)"): a
    // user's server is named after its definition, so two of them never share a series.
    for (BenchmarkVariant &variant : benchmark.variants)
        variant.name = name;
    QStringList names;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const UserRequest &request = requests.at(i);
        Endpoint endpoint;
        endpoint.name = request.name;
        endpoint.path = request.path;
        endpoint.sloP99Ms = load.sloP99Ms.value_or(0);
        endpoint.request.method = request.method;
        endpoint.request.headers = request.headers;
        endpoint.request.body = request.body;
        endpoint.request.expectedStatus = request.expectedStatus;
        // Under load every response is held to what was declared, or else to what the check saw every runtime answer.
        const QByteArray required = request.expectedBody.exact ? *request.expectedBody.exact : bodies.value(i);
        if (!request.expectedBody.sha256.isEmpty())
            endpoint.request.expectedBodySha256 = request.expectedBody.sha256;
        else if (!required.isEmpty())
            endpoint.body = required;
        else if (request.method != "HEAD")  // an empty expected body means "any" to the generator: hold it by its digest
            endpoint.request.expectedBodySha256 = QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256).toHex();
        benchmark.endpoints.append(endpoint);
        names.append(request.name);
    }
    for (auto it = suiteLoads.begin(); it != suiteLoads.end(); ++it) {
        const BenchmarkSize &suite = it.value();
        BenchmarkSize measured;
        measured.runs = load.runs.value_or(suite.runs);
        measured.endpoints = names;
        measured.connections = load.connections.isEmpty() ? suite.connections : load.connections;
        measured.durationS = load.durationS.value_or(suite.durationS);
        measured.warmupS = load.warmupS.value_or(suite.warmupS);
        if (load.sloP99Ms && suite.capacity) {
            measured.capacity = suite.capacity;
            measured.capacity->endpoints = names;
        }
        benchmark.sizes.insert(it.key(), measured);
    }
    return benchmark;
}

} // namespace showdown
