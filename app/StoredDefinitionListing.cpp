#include "StoredDefinitionListing.h"

#include "BenchmarkDefinitionFile.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace showdown {
namespace {

/// Stands for `{port}` while UserBenchmark::arguments() expands the rest: a private-use character no file contains.
const QString kPortMark = QStringLiteral("\uE000port\uE000");

} // namespace

QString StoredDefinitionListing::shellQuoted(const QString &argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./=:,@%+-]+$"));
    if (plain.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QStringList StoredDefinitionListing::commandLines(const UserBenchmark &benchmark, const QList<RuntimeInfo> &runtimes)
{
    // `{port}` is chosen when a server starts; show the placeholder rather than a port that will not be used.
    UserBenchmark shown = benchmark;
    for (QStringList &command : shown.commands)
        command.replaceInStrings(QStringLiteral("{port}"), kPortMark);
    QStringList lines;
    for (const RuntimeInfo &runtime : runtimes) {
        const std::optional<RuntimeKind> kind = runtime.resolvedKind();
        if (!kind || !benchmark.runsOn(*kind))
            continue;
        QStringList words{shellQuoted(runtime.path)};
        for (const QString &argument : shown.arguments(runtime))
            words.append(shellQuoted(argument).replace(kPortMark, QStringLiteral("{port}")));
        lines.append(QStringLiteral("%1: %2").arg(runtime.name, words.join(QLatin1Char(' '))));
    }
    return lines;
}

QJsonArray StoredDefinitionListing::toJson(const QList<StoredDefinitionFile> &definitions)
{
    QJsonArray files;
    for (const StoredDefinitionFile &definition : definitions) {
        const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::fromStored(definition);
        QJsonArray problems;
        for (const DefinitionProblem &problem : file.problems())
            problems.append(problem.text());
        QJsonArray benchmarks;
        for (const UserBenchmark &benchmark : file.benchmarks()) {
            QJsonObject commands;
            for (auto it = benchmark.commands.begin(); it != benchmark.commands.end(); ++it)
                commands.insert(RuntimeKind::familyName(it.key()), QJsonArray::fromStringList(it.value()));
            QJsonObject environment;
            for (auto it = benchmark.environment.begin(); it != benchmark.environment.end(); ++it)
                environment.insert(it.key(), it.value());
            benchmarks.append(QJsonObject{{QStringLiteral("name"), benchmark.name},
                                          {QStringLiteral("category"), benchmark.category.name()},
                                          {QStringLiteral("form"), benchmark.isServer() ? QStringLiteral("server") : QStringLiteral("program")},
                                          {QStringLiteral("description"), benchmark.description},
                                          {QStringLiteral("working_directory"), benchmark.workingDirectory},
                                          {QStringLiteral("env"), environment},
                                          {QStringLiteral("commands"), commands}});
        }
        files.append(QJsonObject{{QStringLiteral("path"), definition.path},
                                 {QStringLiteral("sha256"), definition.sha256},
                                 {QStringLiteral("bytes"), qint64(definition.text.size())},
                                 {QStringLiteral("problems"), problems},
                                 {QStringLiteral("benchmarks"), benchmarks}});
    }
    return files;
}

QString StoredDefinitionListing::text(const QList<StoredDefinitionFile> &definitions)
{
    if (definitions.isEmpty())
        return QString();
    QString result = QStringLiteral("Your benchmarks came from:\n");
    for (const StoredDefinitionFile &definition : definitions) {
        const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::fromStored(definition);
        QStringList names;
        for (const UserBenchmark &benchmark : file.benchmarks())
            names.append(QStringLiteral("%1 (%2 %3)").arg(benchmark.name, benchmark.category.name(),
                                                          benchmark.isServer() ? QStringLiteral("server") : QStringLiteral("program")));
        result += QStringLiteral("  %1 (sha256 %2): %3\n")
                      .arg(definition.path, definition.sha256.left(12),
                           names.isEmpty() ? QStringLiteral("no longer readable by this Showdown (%1)")
                                                 .arg(file.problems().isEmpty() ? QString() : file.problems().first().message)
                                           : names.join(QStringLiteral(", ")));
    }
    return result;
}

} // namespace showdown
