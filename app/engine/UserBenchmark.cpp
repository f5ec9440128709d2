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

} // namespace showdown
