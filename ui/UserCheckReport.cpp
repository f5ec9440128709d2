#include "UserCheckReport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace showdown {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UserCheckReport", text);
}

} // namespace

std::optional<UserCheckReport> UserCheckReport::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !root.value(QStringLiteral("passed")).isBool()
        || !root.value(QStringLiteral("problems")).isArray() || !root.value(QStringLiteral("benchmarks")).isArray()) {
        *error = json.trimmed().isEmpty() ? tr("the check printed no result")
                                          : tr("the check's answer is not the JSON it should print (%1): %2")
                                                .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString() : tr("fields missing"),
                                                     QString::fromUtf8(json.left(200)));
        return std::nullopt;
    }
    UserCheckReport report;
    report.file = root.value(QStringLiteral("file")).toString();
    report.passed = root.value(QStringLiteral("passed")).toBool();
    for (const QJsonValue &value : root.value(QStringLiteral("problems")).toArray()) {
        const QJsonObject problem = value.toObject();
        report.problems.append(DefinitionProblem{problem.value(QStringLiteral("file")).toString(), problem.value(QStringLiteral("line")).toInt(),
                                                 problem.value(QStringLiteral("field")).toString(),
                                                 problem.value(QStringLiteral("message")).toString()});
    }
    for (const QJsonValue &value : root.value(QStringLiteral("benchmarks")).toArray()) {
        const QJsonObject benchmark = value.toObject();
        UserCheckResult result;
        result.benchmark = benchmark.value(QStringLiteral("name")).toString();
        result.line = benchmark.value(QStringLiteral("line")).toInt();
        result.passed = benchmark.value(QStringLiteral("passed")).toBool();
        result.message = benchmark.value(QStringLiteral("message")).toString();
        for (const QJsonValue &runtime : benchmark.value(QStringLiteral("runtimes")).toArray())
            result.runtimes.append(runtime.toString());
        report.benchmarks.append(result);
    }
    return report;
}

QStringList UserCheckReport::arguments(const QString &path, const QStringList &runtimeArguments)
{
    return QStringList{QStringLiteral("benchmarks"), QStringLiteral("check"), QStringLiteral("--json")} + runtimeArguments + QStringList{path};
}

} // namespace showdown
