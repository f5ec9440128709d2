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

Benchmark UserBenchmark::toBenchmark(const QStringList &suites, const QByteArray &reference) const
{
    Benchmark benchmark;
    benchmark.name = name;
    benchmark.title = name;
    benchmark.category = category;
    benchmark.description = description;
    benchmark.measure = QStringLiteral("command");
    benchmark.timeoutSeconds = timeoutSeconds;
    for (auto it = commands.begin(); it != commands.end(); ++it) {
        BenchmarkVariant variant;
        variant.runtimeKind = RuntimeKind::familyWord(it.key());
        variant.environment = environment;
        variant.workingDirectory = workingDirectory;
        for (qsizetype i = 1; i < it.value().size(); ++i)
            variant.command.append(QString(it.value().at(i)).replace(QLatin1String("{size}"), size ? QString::number(*size) : QString()));
        for (const RuntimeKind kind : RuntimeKind::all()) {
            if (kind.family() == it.key() && !runsOn(kind))
                variant.unsupported.insert(kind.name(), QStringLiteral("its definition's \"runtimes\" leaves %1 out").arg(kind.name()));
        }
        benchmark.variants.append(variant);
    }
    BenchmarkSize measured;
    measured.size = size.value_or(0);
    measured.runs = runs;
    measured.checksum = QString::fromLatin1(QCryptographicHash::hash(reference, QCryptographicHash::Sha256).toHex());
    for (const QString &suite : suites)
        benchmark.sizes.insert(suite, measured);
    return benchmark;
}

} // namespace showdown
