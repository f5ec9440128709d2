#include "RerunVerb.h"

#include "BenchmarkDefinitionFile.h"
#include "DatabaseReference.h"
#include "ResultSetReference.h"
#include "StoredDefinitionListing.h"
#include "VerbArguments.h"

#include <QFileInfo>
#include <QJsonArray>

namespace showdown {

std::variant<int, RerunVerb::Plan> RerunVerb::prepare(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString verb = QStringLiteral("rerun");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs again the definition file of your own benchmarks that a result set stored (USER_BENCHMARKS.md), on the set's "
        "runtimes, and records a new result set. Every command is shown first; they run only with --yes.\n"
        "REF is an ID or uuid in the database, or a file (FILE or FILE#ID)."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("Run the commands shown (without it nothing runs)."));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Processes per benchmark and runtime, overriding the file's."),
                                  QStringLiteral("N"));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Comma-separated benchmark names of the file."), QStringLiteral("a,b"));
    const QCommandLineOption db = VerbArguments::databaseOption();
    parser.addOptions({yes, runs, only, db});
    parser.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("The result set whose definitions to run again."));
    if (const std::optional<int> done = VerbArguments::parse(parser, verb, arguments, out, err))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return VerbArguments::fail(err, verb, QStringLiteral("give exactly one result set"), 2);
    Plan plan;
    plan.db = parser.value(db);
    if (DatabaseReference::isServerUrl(plan.db))
        return VerbArguments::fail(err, verb, QStringLiteral("a run records into a local database first; import the set "
                                                             "(`showdown import`) or give --db FILE"), 2);
    if (parser.isSet(runs)) {
        bool ok = false;
        plan.runs = parser.value(runs).toInt(&ok);
        if (!ok || plan.runs < 1 || plan.runs > 10000)
            return VerbArguments::fail(err, verb, QStringLiteral("--runs needs a whole number from 1 to 10000, not \"%1\"").arg(parser.value(runs)), 2);
    }
    for (const QString &name : parser.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts))
        plan.only.append(name.trimmed());

    const QString reference = parser.positionalArguments().first();
    QString error;
    const std::optional<ResultSetBundle> set = ResultSetReference::load(reference, plan.db, &error);
    if (!set)
        return VerbArguments::fail(err, verb, error);
    if (set->definitions.isEmpty())
        return VerbArguments::fail(err, verb, QStringLiteral("result set %1 stores no definition file: it ran Showdown's own benchmarks, or was "
                                                             "recorded before definitions were stored with sets; `showdown run` measures again")
                                                  .arg(reference));
    if (set->definitions.size() > 1)
        return VerbArguments::fail(err, verb, QStringLiteral("result set %1 stores %2 definition files; a run takes one").arg(reference).arg(set->definitions.size()));
    plan.definition = set->definitions.first();
    plan.suite = set->info.suite;
    // The same run again unless told otherwise: the set's own --runs and --only, as its parameters recorded them.
    if (plan.runs == 0)
        plan.runs = set->info.parameters.value(QLatin1String("runs")).toInt(0);
    if (plan.only.isEmpty()) {
        for (const QJsonValue &name : set->info.parameters.value(QLatin1String("only")).toArray())
            plan.only.append(name.toString());
    }
    const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::fromStored(plan.definition);
    if (!file.ok()) {
        QStringList lines;
        for (const DefinitionProblem &problem : file.problems())
            lines.append(problem.text());
        return VerbArguments::fail(err, verb, QStringLiteral("the definition file stored with result set %1 cannot be read by this Showdown, so "
                                                             "nothing was run:\n%2").arg(reference, lines.join(QLatin1Char('\n'))));
    }
    QList<UserBenchmark> chosen;
    QStringList names;
    for (const UserBenchmark &benchmark : file.benchmarks()) {
        names.append(benchmark.name);
        if (plan.only.isEmpty() || plan.only.contains(benchmark.name))
            chosen.append(benchmark);
    }
    for (const QString &name : std::as_const(plan.only)) {
        if (!names.contains(name))
            return VerbArguments::fail(err, verb, QStringLiteral("--only: the stored definition file has no benchmark \"%1\"; it has: %2")
                                                      .arg(name, names.join(QStringLiteral(", "))), 2);
    }
    for (const RuntimeInfo &runtime : set->runtimes)
        plan.runtimes.append(runtime.path);

    out << "Result set " << reference << " ran " << plan.definition.path << " (sha256 " << plan.definition.sha256
        << "), stored with it. Running it again runs these commands, each in its folder:\n";
    for (const UserBenchmark &benchmark : std::as_const(chosen)) {
        out << "  " << benchmark.name << " (" << benchmark.category.name() << ' '
            << (benchmark.isServer() ? "server" : "program") << "), in " << benchmark.workingDirectory << ":\n";
        for (auto it = benchmark.environment.begin(); it != benchmark.environment.end(); ++it)
            out << "    with " << it.key() << '=' << StoredDefinitionListing::shellQuoted(it.value()) << "\n";
        for (const QString &line : StoredDefinitionListing::commandLines(benchmark, set->runtimes))
            out << "    " << line << "\n";
    }
    // A folder that has gone would make every command fail, or worse, run something else that sits there now.
    for (const UserBenchmark &benchmark : std::as_const(chosen)) {
        if (!QFileInfo(benchmark.workingDirectory).isDir())
            return VerbArguments::fail(err, verb, QStringLiteral("%1 ran in the folder %2, which no longer exists, so nothing was run; restore that "
                                                                 "folder, or run the definition file from where it is now with "
                                                                 "`showdown run --benchmarks FILE`")
                                                      .arg(benchmark.name, benchmark.workingDirectory));
    }
    if (!parser.isSet(yes)) {
        QStringList again{QStringLiteral("showdown rerun"), StoredDefinitionListing::shellQuoted(reference)};
        if (!plan.db.isEmpty())
            again << QStringLiteral("--db") << StoredDefinitionListing::shellQuoted(plan.db);
        if (!plan.only.isEmpty())
            again << QStringLiteral("--only") << StoredDefinitionListing::shellQuoted(plan.only.join(QLatin1Char(',')));
        if (plan.runs > 0)
            again << QStringLiteral("--runs") << QString::number(plan.runs);
        out << "Nothing was run. To check and run these commands and record a new result set: " << again.join(QLatin1Char(' '))
            << " --yes\n";
        return 0;
    }
    return plan;
}

} // namespace showdown
