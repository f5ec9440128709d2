#include "BenchmarksCheckVerb.h"

#include "BenchmarkDefinitionFile.h"
#include "InterruptWatcher.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "RuntimeDetector.h"
#include "UserBenchmarkCheck.h"
#include "VerbArguments.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace showdown {
namespace {

const QString kVerb = QStringLiteral("benchmarks check");

QJsonObject problemJson(const DefinitionProblem &problem)
{
    return QJsonObject{{QStringLiteral("file"), problem.file},
                       {QStringLiteral("line"), problem.line},
                       {QStringLiteral("field"), problem.field},
                       {QStringLiteral("message"), problem.message}};
}

} // namespace

bool BenchmarksCheckVerb::handles(const QString &action)
{
    return action == QLatin1String("check");
}

int BenchmarksCheckVerb::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks a definition file of your own benchmarks (resources/benchmarks/USER_BENCHMARKS.md): every mistake in it with\n"
        "file, line and field; then runs each definition once on node and the preferred Python (and every --runtime), and\n"
        "says for each the first thing that failed. FILE may be a folder holding showdown.json (default: the current folder)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable JSON on stdout."));
    const QCommandLineOption runtimeOption(QStringLiteral("runtime"),
                                           QStringLiteral("Also check on this interpreter: a path or a detected name such as pypy3; repeatable."),
                                           QStringLiteral("PATH"));
    parser.addOptions({jsonOption, runtimeOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The definition file, or a folder with showdown.json."));
    if (const std::optional<int> code = VerbArguments::parse(parser, kVerb, arguments.mid(1), out, err))
        return *code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return VerbArguments::fail(err, kVerb, QStringLiteral("one definition file at a time, not %1").arg(positional.size()), 2);
    const bool json = parser.isSet(jsonOption);

    const BenchmarkDefinitionFile file = BenchmarkDefinitionFile::load(positional.isEmpty() ? QStringLiteral(".") : positional.first());
    if (!file.ok()) {
        if (json) {
            QJsonArray problems;
            for (const DefinitionProblem &problem : file.problems())
                problems.append(problemJson(problem));
            out << QJsonDocument(QJsonObject{{QStringLiteral("file"), file.path()},
                                             {QStringLiteral("passed"), false},
                                             {QStringLiteral("problems"), problems},
                                             {QStringLiteral("benchmarks"), QJsonArray()}})
                       .toJson(QJsonDocument::Indented);
        }
        for (const DefinitionProblem &problem : file.problems())
            err << problem.text() << "\n";
        err << "showdown " << kVerb << ": " << file.problems().size() << (file.problems().size() == 1 ? " problem" : " problems")
            << " in " << file.path() << "; nothing was run.\n";
        return 1;
    }

    const QString helper = ResourceLocator::execHelper();
    if (!QFileInfo(helper).isExecutable())
        return VerbArguments::fail(err, kVerb, QStringLiteral("the process helper %1 is missing; rebuild Showdown (cmake --build build)").arg(helper));
    ProcessRunner runner(helper);
    RuntimeDetector detector(runner, ResourceLocator::benchmarksDir() + QStringLiteral("/node/node_modules"));
    const QStringList named = parser.values(runtimeOption);
    const QList<RuntimeInfo> detected = detector.detectDefaults(named);
    QList<RuntimeInfo> runtimes = RuntimeDetector::defaultSelection(detected);
    for (const QString &name : named) {
        const bool isPath = name.contains(QLatin1Char('/'));
        RuntimeInfo runtime;
        const auto found = std::find_if(detected.begin(), detected.end(), [&](const RuntimeInfo &r) {
            return isPath ? r.path == QFileInfo(name).absoluteFilePath() : r.name == name;
        });
        if (found != detected.end())
            runtime = *found;
        else if (isPath)
            runtime = detector.probe(name);
        else
            return VerbArguments::fail(err, kVerb, QStringLiteral("unknown runtime \"%1\"; give a path or one of the names `showdown runtimes` lists").arg(name), 2);
        if (!runtime.available)
            return VerbArguments::fail(err, kVerb, runtime.problem);
        if (std::none_of(runtimes.begin(), runtimes.end(), [&](const RuntimeInfo &r) { return r.path == runtime.path && r.environment == runtime.environment; }))
            runtimes.append(runtime);
    }

    std::stop_source stopSource;
    InterruptWatcher watcher(stopSource);
    const UserBenchmarkCheck check(runner, runtimes);
    QJsonArray results;
    int failed = 0;
    for (const UserBenchmark &benchmark : file.benchmarks()) {
        if (!json) {
            out << "checking " << benchmark.name << " ...\n";
            out.flush();
        }
        const UserCheckResult result = check.check(benchmark, stopSource.get_token());
        if (!result.passed)
            ++failed;
        if (json) {
            results.append(QJsonObject{{QStringLiteral("name"), result.benchmark},
                                       {QStringLiteral("line"), result.line},
                                       {QStringLiteral("passed"), result.passed},
                                       {QStringLiteral("message"), result.message},
                                       {QStringLiteral("runtimes"), QJsonArray::fromStringList(result.runtimes)}});
        } else if (result.passed) {
            out << "  ok: " << result.message << "\n";
        } else {
            err << file.path() << ":" << result.line << ": " << result.benchmark << ": " << result.message << "\n";
        }
        if (stopSource.stop_requested())
            break;
    }
    if (json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("file"), file.path()},
                                         {QStringLiteral("passed"), failed == 0},
                                         {QStringLiteral("problems"), QJsonArray()},
                                         {QStringLiteral("benchmarks"), results}})
                   .toJson(QJsonDocument::Indented);
    } else {
        if (failed == 0)
            out << (file.benchmarks().size() == 1 ? QStringLiteral("The definition passed.\n")
                                                  : QStringLiteral("All %1 definitions passed.\n").arg(file.benchmarks().size()));
        if (failed > 0)
            err << "showdown " << kVerb << ": " << failed << " of " << file.benchmarks().size() << " definitions failed; fix them and check again.\n";
    }
    return failed == 0 && !stopSource.stop_requested() ? 0 : 1;
}

} // namespace showdown
