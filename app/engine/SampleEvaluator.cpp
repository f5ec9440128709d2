#include "SampleEvaluator.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace showdown {
namespace {

constexpr int kProtocolVersion = 1;
/// The version of the "runtime_info" object this Showdown reads.
constexpr int kRuntimeInfoSchema = 1;

} // namespace

QString SampleEvaluator::statusFor(ProcessResult::Outcome outcome)
{
    switch (outcome) {
    case ProcessResult::Outcome::Exited: return QStringLiteral("exit");
    case ProcessResult::Outcome::Signaled: return QStringLiteral("signal");
    case ProcessResult::Outcome::TimedOut: return QStringLiteral("timeout");
    case ProcessResult::Outcome::Cancelled: return QStringLiteral("cancelled");
    case ProcessResult::Outcome::StdoutOverflow: return QStringLiteral("overflow");
    case ProcessResult::Outcome::SpawnFailed: return QStringLiteral("spawn");
    }
    return QStringLiteral("exit");
}

namespace {

/// Reads an array of positive nanosecond counts; returns false if any entry is not one.
bool readDurations(const QJsonValue &value, QList<qint64> *out)
{
    if (!value.isArray())
        return false;
    for (const QJsonValue &entry : value.toArray()) {
        const double number = entry.toDouble(-1);
        if (!entry.isDouble() || number <= 0 || number != double(qint64(number)))
            return false;
        out->append(qint64(number));
    }
    return true;
}

} // namespace

QString SampleEvaluator::runtimeMismatch(const QJsonObject &report, const RuntimeInfo &runtime)
{
    const QJsonValue value = report.value(QLatin1String("runtime_info"));
    if (value.isUndefined())
        return QString();  // programs written before runtime_info: nothing to compare
    const QJsonObject info = value.toObject();
    if (info.value(QLatin1String("schema")).toInt(-1) != kRuntimeInfoSchema)
        return QStringLiteral("reports runtime_info schema %1; this Showdown reads %2")
            .arg(info.value(QLatin1String("schema")).toVariant().toString())
            .arg(kRuntimeInfoSchema);
    const QString kind = info.value(QLatin1String("kind")).toString();
    if (!runtime.implementation.isEmpty() && kind != runtime.implementation)
        return QStringLiteral("was started with %1 (%2) but reports that %3 %4 ran it; %1 is mislabelled")
            .arg(runtime.name, runtime.implementation, kind, info.value(QLatin1String("version")).toString());
    return QString();
}

Sample SampleEvaluator::fromProcess(const Benchmark &benchmark, const RuntimeInfo &runtime, const ProcessResult &process)
{
    Sample sample;
    sample.benchmark = benchmark.name;
    sample.runtime = runtime.name;
    sample.exitCode = process.exitCode;
    sample.signal = process.signal;
    sample.wallNs = process.wallNs;
    sample.userNs = process.userNs;
    sample.sysNs = process.sysNs;
    sample.peakRssKb = process.peakRssKb;
    sample.stderrTail = QString::fromUtf8(process.stderrTail);
    return sample;
}

Sample SampleEvaluator::evaluate(const Benchmark &benchmark, const BenchmarkSize &size, const RuntimeInfo &runtime,
                                 const ProcessResult &process)
{
    Sample sample = fromProcess(benchmark, runtime, process);
    sample.size = size.size;

    auto reject = [&sample](const QString &status, const QString &error) {
        sample.status = status;
        sample.error = error;
        return sample;
    };
    if (!process.succeeded())
        return reject(statusFor(process.outcome), process.error);
    if (benchmark.measure == QLatin1String("command")) {
        // A user's program (USER_BENCHMARKS.md): any output, judged by its SHA-256 against the one its check agreed on.
        sample.iterationsNs = {process.wallNs};
        sample.result = QString::fromLatin1(QCryptographicHash::hash(process.stdoutData, QCryptographicHash::Sha256).toHex());
        if (!size.checksum.isEmpty() && sample.result != size.checksum)
            return reject(QStringLiteral("checksum"), QStringLiteral("wrong output: it began %1 (sha256 %2, expected %3)")
                                                          .arg(QString::fromUtf8(process.stdoutData.left(60)).trimmed(), sample.result, size.checksum));
        return sample;
    }

    const QByteArray output = process.stdoutData.trimmed();
    if (output.isEmpty())
        return reject(QStringLiteral("protocol"), QStringLiteral("printed nothing on stdout; expected one JSON object"));
    if (output.contains('\n'))
        return reject(QStringLiteral("protocol"),
                      QStringLiteral("printed %1 lines on stdout; expected exactly one JSON object")
                          .arg(output.count('\n') + 1));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return reject(QStringLiteral("protocol"),
                      QStringLiteral("stdout is not a JSON object (%1); it began: %2")
                          .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString() : QStringLiteral("not an object"),
                               QString::fromUtf8(output.left(80))));
    const QJsonObject object = document.object();

    const int protocol = object.value(QLatin1String("protocol")).toInt(-1);
    if (protocol != kProtocolVersion)
        return reject(QStringLiteral("protocol"), QStringLiteral("speaks protocol %1; this Showdown expects %2")
                                                      .arg(object.value(QLatin1String("protocol")).toVariant().toString())
                                                      .arg(kProtocolVersion));
    if (object.value(QLatin1String("benchmark")).toString() != benchmark.name)
        return reject(QStringLiteral("protocol"), QStringLiteral("reported benchmark \"%1\", expected \"%2\"")
                                                      .arg(object.value(QLatin1String("benchmark")).toString(), benchmark.name));
    if (const QString mismatch = runtimeMismatch(object, runtime); !mismatch.isEmpty())
        return reject(QStringLiteral("protocol"), mismatch);
    sample.extra = object.value(QLatin1String("extra")).toObject();
    sample.extra.insert(QStringLiteral("version"), object.value(QLatin1String("version")));
    // Which runtime really ran it (PROTOCOL.md "runtime_info": Bun's own version, not the Node one it imitates).
    if (object.value(QLatin1String("runtime_info")).isObject())
        sample.extra.insert(QStringLiteral("runtime_info"), object.value(QLatin1String("runtime_info")));
    if (object.contains(QLatin1String("peak_rss_kb")))
        sample.extra.insert(QStringLiteral("self_peak_rss_kb"), object.value(QLatin1String("peak_rss_kb")));
    sample.result = object.value(QLatin1String("result")).toString();

    if (!readDurations(object.value(QLatin1String("warmup_ns")), &sample.warmupNs)
        || !readDurations(object.value(QLatin1String("iterations_ns")), &sample.iterationsNs))
        return reject(QStringLiteral("protocol"), QStringLiteral("warmup_ns and iterations_ns must be arrays of positive integer nanoseconds"));
    if (benchmark.measuresProcess()) {
        // The program cannot time its own start-up: the whole process, as timed next to it, is the sample.
        sample.iterationsNs = {process.wallNs};
    } else if (sample.iterationsNs.size() != size.iterations || sample.warmupNs.size() != size.warmup) {
        return reject(QStringLiteral("protocol"), QStringLiteral("reported %1 iterations and %2 warm-ups; asked for %3 and %4")
                                                      .arg(sample.iterationsNs.size())
                                                      .arg(sample.warmupNs.size())
                                                      .arg(size.iterations)
                                                      .arg(size.warmup));
    }
    if (sample.result != size.checksum)
        return reject(QStringLiteral("checksum"), QStringLiteral("wrong result: expected \"%1\", got \"%2\"")
                                                      .arg(size.checksum, sample.result));
    return sample;
}

} // namespace showdown
