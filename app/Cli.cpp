#include "Cli.h"

#include "CompareVerb.h"
#include "ExportVerb.h"
#include "ImportVerb.h"
#include "MergeVerb.h"
#include "PushVerb.h"
#include "ReportVerb.h"
#include "RerunVerb.h"

#include "AsioLoadDriver.h"
#include "BenchmarkDefinitionFile.h"
#include "BenchmarksCheckVerb.h"
#include "DatabaseReference.h"
#include "Catalog.h"
#include "ClaimsVerb.h"
#include "DataVerb.h"
#include "ForeignLoad.h"
#include "InterruptWatcher.h"
#include "LoadgenVerb.h"
#include "MachineIdentity.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "ResultAnalysis.h"
#include "ResultJson.h"
#include "ResultStore.h"
#include "RunEvent.h"
#include "RunLockWaiter.h"
#include "RuntimesVerb.h"
#include "RuntimeDetector.h"
#include "RuntimeListing.h"
#include "StoredDefinitionListing.h"
#include "SuiteRecorder.h"
#include "SuiteRunner.h"
#include "TerminalProgress.h"
#include "UserBenchmarkRun.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <csignal>
#include <cstdio>
#include <stop_token>
#include <vector>

namespace showdown {
namespace {

/// Verbs that own their options live in files of their own and are listed here; each receives the
/// arguments after its name. The verbs handled in this file share one option parser below.
struct OwnVerb {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments, QTextStream &out, QTextStream &err);
};
const std::vector<OwnVerb> kOwnVerbs = {
    {"export", "REF... --json|--csv|--showdown FILE: result sets to a file", &exportVerb},
    {"import", "FILE: add a JSON export or .showdown file's result sets", &importVerb},
    {"merge", "FILE...: merge other databases/.showdown files (dedup by uuid)", &mergeVerb},
    {"push", "REF... --to URL: send finished result sets to a team store (dedup by uuid)", &pushVerb},
    {"compare", "REF1 REF2: what changed between two result sets", &compareVerb},
    {"report", "REF [--vs REF2] --pdf FILE and/or --html FILE: the PDF or interactive HTML report", &reportVerb},
    {"claims", "ID: the article's claims judged on a result set", &claimsVerb},
    {"data", "list | import FILE | reset NAME: the sourced datasets", &dataVerb},
    {"loadgen", "load a local HTTP server or chat room (built-in generator)", &loadgenVerb},
};

const OwnVerb *findOwnVerb(const QStringList &arguments)
{
    // The verb is the first argument after the program name; options before it belong to the shared parser.
    if (arguments.size() < 2)
        return nullptr;
    for (const OwnVerb &verb : kOwnVerbs) {
        if (arguments.at(1) == QLatin1String(verb.name))
            return &verb;
    }
    return nullptr;
}

const QStringList kVerbs = {QStringLiteral("runtimes"), QStringLiteral("benchmarks"), QStringLiteral("run"),
                            QStringLiteral("list"), QStringLiteral("show")};

QString nodeModulesDir()
{
    return ResourceLocator::benchmarksDir() + QStringLiteral("/node/node_modules");
}

std::optional<Catalog> loadCatalog(QString *error)
{
    return Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), error);
}

QString describeStep(const RunStep &step)
{
    return QStringLiteral("%1 on %2").arg(step.benchmark.name, step.runtime.name);
}

QString padded(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '), false) + QLatin1Char(' ');
}

/// "http/express", or a user server's own name alone (USER_BENCHMARKS.md: its server is named after its entry):
/// a load row's name in the text tables.
QString serverLabel(const QString &benchmark, const QString &server)
{
    return server == benchmark ? benchmark : benchmark + QLatin1Char('/') + server;
}

/// "fib", "matmul/numpy", "parallel-cpu x4": a row's name in the text tables.
QString benchmarkLabel(const QString &benchmark, const QString &variant, int workers)
{
    QString name = benchmark + (variant.isEmpty() ? QString() : QLatin1Char('/') + variant);
    if (workers > 0)
        name += QStringLiteral(" x%1").arg(workers);
    return name;
}

/// One comparison line: the ratio of `first`'s median time to `second`'s with its CI and p-values, and who
/// was faster by how much.
QString ratioLine(const QString &name, const QString &first, const QString &second, const RatioEstimate &ratio, double pValue,
                  double pHolm, bool valid)
{
    const double r = ratio.ratio;
    const QString faster = r < 1 ? QStringLiteral("%1 is %2x faster").arg(first).arg(1 / r, 0, 'f', 2)
                                 : QStringLiteral("%1 is %2x faster").arg(second).arg(r, 0, 'f', 2);
    return QStringLiteral("  ") + padded(name, 16) + padded(first + QStringLiteral(" / ") + second, 22)
           + padded(QStringLiteral("%1 [%2, %3]").arg(r, 0, 'g', 3).arg(ratio.ciLow, 0, 'g', 3).arg(ratio.ciHigh, 0, 'g', 3), 24)
           + padded(QStringLiteral("p=%1 (%2)").arg(pValue, 0, 'g', 2).arg(pHolm, 0, 'g', 2), 20) + faster
           + (valid ? QString() : QStringLiteral("  (some samples invalid)")) + QLatin1Char('\n');
}

/// Whether a benchmark can run with the default runtimes, and what keeps any of its variants out.
struct BenchmarkAvailability {
    bool available = false;  ///< at least one variant runs on a Node and one on a Python runtime
    QStringList reasons;
    QJsonArray variants;     ///< {runtime, variant, available, reason} for each variant of each default runtime
};

BenchmarkAvailability describeAvailability(const Benchmark &benchmark, const QList<RuntimeInfo> &detected,
                                           const QList<RuntimeInfo> &selection)
{
    BenchmarkAvailability result;
    bool runs[2] = {false, false};
    for (const QString &kind : {QStringLiteral("node"), QStringLiteral("python")}) {
        const auto runtime = std::find_if(selection.begin(), selection.end(), [&](const RuntimeInfo &r) { return r.kind == kind; });
        if (runtime == selection.end()) {
            const auto described = std::find_if(detected.begin(), detected.end(), [&](const RuntimeInfo &r) { return r.kind == kind; });
            result.reasons.append(described != detected.end() ? described->problem : QStringLiteral("no %1 interpreter found").arg(kind));
            continue;
        }
        for (const BenchmarkVariant &variant : benchmark.variantsFor(kind)) {
            const QString reason = SuiteRunner::unavailableReason(variant, *runtime);
            result.variants.append(QJsonObject{{QStringLiteral("runtime"), runtime->name},
                                               {QStringLiteral("variant"), variant.name},
                                               {QStringLiteral("available"), reason.isEmpty()},
                                               {QStringLiteral("reason"), reason}});
            if (reason.isEmpty())
                runs[kind == QLatin1String("node") ? 0 : 1] = true;
            else
                result.reasons.append(variant.name.isEmpty() ? reason : QStringLiteral("%1: %2").arg(variant.name, reason));
        }
    }
    result.available = runs[0] && runs[1];
    return result;
}

} // namespace

Cli::Cli() : m_out(stdout), m_err(stderr) {}

QStringList Cli::verbs()
{
    QStringList names = kVerbs;
    for (const OwnVerb &verb : kOwnVerbs)
        names.append(QString::fromLatin1(verb.name));
    names.append(QStringLiteral("rerun"));
    return names;
}

int Cli::usage(const QString &message)
{
    m_err << "showdown: " << message << "\n" << "Try `showdown --help`.\n";
    m_err.flush();
    emitEvent(RunEvent::finished(0, QStringLiteral("failed"), message));
    return Usage;
}

int Cli::fail(const QString &message, qint64 resultSetId)
{
    m_err << "showdown: " << message << "\n";
    m_err.flush();
    emitEvent(RunEvent::finished(resultSetId, QStringLiteral("failed"), message));
    return Failure;
}

void Cli::emitEvent(const RunEvent &event)
{
    if (!m_events)
        return;
    m_out << event.toLine() << "\n";
    m_out.flush();
}

bool Cli::openStore(ResultStore &store, const QString &path, ResultStore::OpenMode mode)
{
    QString error;
    if (!store.open(path.isEmpty() ? ResultStore::defaultPath() : path, mode, &error)) {
        m_err << "showdown: " << error << "\n";
        m_err.flush();
        return false;
    }
    return true;
}

int Cli::run(const QStringList &arguments)
{
    // `runtimes install|remove|installed` has options of its own; bare `runtimes` stays with the shared parser.
    if (arguments.size() >= 3 && arguments.at(1) == QLatin1String("runtimes") && RuntimesVerb::handles(arguments.at(2))) {
        const int code = RuntimesVerb::run(arguments.mid(2), m_out, m_err);
        m_out.flush();
        m_err.flush();
        return code;
    }
    // `benchmarks check FILE` (a user's own definitions) has options of its own; bare `benchmarks` lists the catalogue.
    if (arguments.size() >= 3 && arguments.at(1) == QLatin1String("benchmarks") && BenchmarksCheckVerb::handles(arguments.at(2))) {
        const int code = BenchmarksCheckVerb::run(arguments.mid(2), m_out, m_err);
        m_out.flush();
        m_err.flush();
        return code;
    }
    // `rerun REF` has options of its own and, once confirmed, runs through runVerb like `run --benchmarks`.
    if (arguments.size() >= 2 && arguments.at(1) == QLatin1String("rerun"))
        return rerunVerb(arguments.mid(2));
    if (const OwnVerb *verb = findOwnVerb(arguments)) {
        const int code = verb->run(arguments.mid(2), m_out, m_err);
        m_out.flush();
        m_err.flush();
        return code;
    }
    QString ownVerbHelp;
    for (const OwnVerb &verb : kOwnVerbs)
        ownVerbHelp += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(verb.name).leftJustified(25), QString::fromUtf8(verb.summary));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Node.js or Python for your backend? Showdown measures both on this machine.\n\n"
        "Verbs:\n"
        "  runtimes                 every runtime found (PATH, version managers, data folder): family, kind, version, GIL\n"
        "  runtimes install NAME    add node@MAJOR, bun or deno to Showdown's folder (remove NAME, installed)\n"
        "  benchmarks               the benchmarks, their claims, bound and notes\n"
        "  benchmarks check FILE    check a definition file of your own benchmarks (USER_BENCHMARKS.md), running each once\n"
        "  run                      run a suite and store every sample\n"
        "  list                     the result sets in the database\n"
        "  show ID                  statistics and node/python comparisons of a result set\n"
        "  rerun REF [--yes]        show, then with --yes run, the commands of a set's stored definition file\n")
        + ownVerbHelp + QStringLiteral(
        "\nWithout a verb Showdown opens its window (or, with no display, runs the quick suite):\n"
        "  showdown FILE            opens a saved .showdown file (read-only) or a database in the window\n"
        "  showdown --db FILE       opens the window on that database (--new: one that does not exist yet)\n"
        "`showdown VERB --help` describes a verb's own options."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable JSON on stdout."));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The database: a file, or a team store as postgresql://USER@HOST:PORT/DBNAME (default: %1).").arg(ResultStore::defaultPath()),
                                      QStringLiteral("FILE"));
    const QCommandLineOption suiteOption(QStringLiteral("suite"), QStringLiteral("quick, standard or full (run; default quick)."),
                                         QStringLiteral("SUITE"), QStringLiteral("quick"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Comma-separated benchmark names (run)."),
                                        QStringLiteral("a,b"));
    const QCommandLineOption runtimeOption(QStringLiteral("runtime"),
                                           QStringLiteral("An interpreter to use: a path or a detected name such as pypy3; repeatable (run)."),
                                           QStringLiteral("PATH"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Processes per benchmark and runtime, overriding the suite's (run)."),
                                        QStringLiteral("N"));
    const QCommandLineOption pdfOption(QStringLiteral("pdf"), QStringLiteral("After the run, write its PDF report to FILE (run)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Seconds each process may take, overriding each benchmark's own limit (run)."),
                                           QStringLiteral("SECONDS"));
    const QCommandLineOption eventsOption(QStringLiteral("events"),
                                          QStringLiteral("Progress as JSON lines on stdout, one per event, for front ends (run)."));
    const QCommandLineOption noWaitOption(QStringLiteral("no-wait"),
                                          QStringLiteral("If another run is measuring on this machine, exit 1 at once instead of waiting (run)."));
    const QCommandLineOption baselineOption(QStringLiteral("baseline"),
                                            QStringLiteral("The runtime its family is compared against (default: the newest Node and "
                                                           "the system CPython); at most one per family, repeatable (show)."),
                                            QStringLiteral("NAME"));
    const QCommandLineOption labelOption(QStringLiteral("label"),
                                         QStringLiteral("What to call this machine in a team store, e.g. ci-runner or prod-c7i.large (run)."),
                                         QStringLiteral("TEXT"));
    const QCommandLineOption machineOption(QStringLiteral("machine"),
                                           QStringLiteral("Only the sets measured on this machine: its label, host name or id (list)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption benchmarksOption(QStringLiteral("benchmarks"),
                                              QStringLiteral("Measure your own benchmarks from this definition file or folder (USER_BENCHMARKS.md) "
                                                             "instead of Showdown's; refused unless it passes `benchmarks check` (run)."),
                                              QStringLiteral("FILE"));
    parser.addOptions({jsonOption, dbOption, suiteOption, onlyOption, runtimeOption, runsOption, pdfOption, timeoutOption, eventsOption,
                       noWaitOption, baselineOption, labelOption, machineOption, benchmarksOption});
    parser.addPositionalArgument(QStringLiteral("verb"), QStringLiteral("runtimes | benchmarks | run | list | show"));

    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        m_out.flush();
        return Success;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_out << "showdown " << SHOWDOWN_VERSION << "\n";
        m_out.flush();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("no verb given; one of: %1").arg(kVerbs.join(QStringLiteral(", "))));
    const QString verb = positional.first();
    if (!kVerbs.contains(verb))
        return usage(QStringLiteral("unknown verb \"%1\"; one of: %2 (a saved result file is opened by its path, "
                                    "e.g. `showdown results.showdown`)")
                         .arg(verb, verbs().join(QStringLiteral(", "))));
    const int expectedPositionals = verb == QLatin1String("show") ? 2 : 1;
    if (positional.size() != expectedPositionals)
        return usage(verb == QLatin1String("show") ? QStringLiteral("show needs exactly one result set ID")
                                                   : QStringLiteral("unexpected argument \"%1\"").arg(positional.last()));
    const bool json = parser.isSet(jsonOption);
    const QString db = parser.value(dbOption);
    if (parser.isSet(benchmarksOption) && verb != QLatin1String("run"))
        return usage(QStringLiteral("--benchmarks is for run; `showdown benchmarks check FILE` checks a definition file"));
    if (parser.isSet(baselineOption) && verb != QLatin1String("show"))
        return usage(QStringLiteral("--baseline is for show and claims: %1 has no comparisons to base").arg(verb));
    if (verb == QLatin1String("run") && DatabaseReference::isServerUrl(db))
        return usage(QStringLiteral("a run records into a local database first, so a network fault never costs a sample; "
                                    "run without --db (or with --db FILE), then send the set with `showdown push ID --to %1`")
                         .arg(db));

    if (verb == QLatin1String("runtimes"))
        return runtimesVerb(json);
    if (verb == QLatin1String("benchmarks"))
        return benchmarksVerb(json);
    if (verb == QLatin1String("list"))
        return listVerb(db, json, parser.value(machineOption));
    if (verb == QLatin1String("show"))
        return showVerb(positional.at(1), db, json, parser.values(baselineOption));

    int runs = 0;
    if (parser.isSet(runsOption)) {
        bool ok = false;
        runs = parser.value(runsOption).toInt(&ok);
        if (!ok || runs < 1 || runs > 10000)
            return usage(QStringLiteral("--runs needs a whole number from 1 to 10000, not \"%1\"").arg(parser.value(runsOption)));
    }
    RunOptions options;
    options.suite = parser.value(suiteOption);
    for (const QString &name : parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.only.append(name.trimmed());
    options.runtimes = parser.values(runtimeOption);
    options.runs = runs;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        options.timeoutSeconds = parser.value(timeoutOption).toInt(&ok);
        if (!ok || options.timeoutSeconds < 1 || options.timeoutSeconds > 86400)
            return usage(QStringLiteral("--timeout needs a whole number of seconds from 1 to 86400, not \"%1\"").arg(parser.value(timeoutOption)));
    }
    options.db = db;
    options.json = json;
    options.events = parser.isSet(eventsOption);
    options.pdf = parser.value(pdfOption);
    options.noWait = parser.isSet(noWaitOption);
    options.benchmarks = parser.value(benchmarksOption);
    if (parser.isSet(labelOption)) {
        options.label = parser.value(labelOption).trimmed();
        if (const QString problem = MachineIdentity::labelProblem(options.label); !problem.isEmpty())
            return usage(problem);
    }
    if (options.events && json)
        return usage(QStringLiteral("--events and --json both write to stdout; choose one"));
    return runVerb(options);
}

int Cli::runtimesVerb(bool json)
{
    ProcessRunner runner(ResourceLocator::execHelper());
    RuntimeDetector detector(runner, nodeModulesDir());
    const QList<RuntimeInfo> runtimes = detector.detectAll();
    if (json) {
        QJsonArray list;
        for (const RuntimeInfo &runtime : runtimes)
            list.append(runtime.toJson());
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("runtimes"), list}}).toJson(QJsonDocument::Indented);
    } else {
        for (const RuntimeInfo &runtime : runtimes)
            m_out << RuntimeListing::line(runtime) << "\n";
    }
    m_out.flush();
    return Success;
}

int Cli::benchmarksVerb(bool json)
{
    QString error;
    const std::optional<Catalog> catalog = loadCatalog(&error);
    if (!catalog)
        return fail(error);
    ProcessRunner runner(ResourceLocator::execHelper());
    RuntimeDetector detector(runner, nodeModulesDir());
    const QList<RuntimeInfo> detected = detector.detectDefaults();
    const QList<RuntimeInfo> selection = RuntimeDetector::defaultSelection(detected);
    if (json) {
        QJsonArray list;
        for (const Benchmark &benchmark : catalog->benchmarks()) {
            const BenchmarkAvailability availability = describeAvailability(benchmark, detected, selection);
            QJsonObject entry = benchmark.toJson();
            entry.insert(QStringLiteral("available"), availability.available);
            entry.insert(QStringLiteral("reason"), availability.reasons.join(QStringLiteral("; ")));
            entry.insert(QStringLiteral("variants_available"), availability.variants);
            list.append(entry);
        }
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("benchmarks"), list}}).toJson(QJsonDocument::Indented);
    } else {
        for (const Benchmark &benchmark : catalog->benchmarks()) {
            const BenchmarkAvailability availability = describeAvailability(benchmark, detected, selection);
            m_out << padded(benchmark.name, 16) << padded(benchmark.category.name(), 9) << padded(benchmark.bound ? benchmark.bound->name() : QString(), 9)
                  << padded(benchmark.claims.join(QLatin1Char(',')), 24) << benchmark.title;
            if (!availability.reasons.isEmpty())
                m_out << "  [" << (availability.available ? "partly: " : "unavailable: ") << availability.reasons.join(QStringLiteral("; ")) << "]";
            m_out << "\n";
            if (!benchmark.notes.isEmpty())
                m_out << "    " << benchmark.notes << "\n";
        }
    }
    m_out.flush();
    return Success;
}

int Cli::runVerb(const RunOptions &options)
{
    m_events = options.events;
    if (m_events)
        std::signal(SIGPIPE, SIG_IGN);  // a window that dies must not take the run with it: its writes just fail
    const QString &suite = options.suite;
    const QStringList &only = options.only;
    const int runs = options.runs;
    QString error;
    const std::optional<Catalog> catalog = loadCatalog(&error);
    if (!catalog)
        return fail(error);
    const QString helper = ResourceLocator::execHelper();
    if (!QFileInfo(helper).isExecutable())
        return fail(QStringLiteral("the process helper %1 is missing; rebuild Showdown (cmake --build build)").arg(helper));

    // One run at a time on this machine, held until the set is finished; taken before the runtimes are
    // probed, since probing starts interpreters that would disturb the run being waited for.
    RunLock runLock;
    const auto waiting = [this](const RunLockHolder &holder, const QString &message) {
        m_err << message << "\n";
        m_err.flush();
        emitEvent(RunEvent::waiting(holder, message));
    };
    if (!RunLockWaiter(runLock).acquire(QFileInfo(options.db.isEmpty() ? ResultStore::defaultPath() : options.db).absoluteFilePath(),
                                        options.noWait, waiting, &error))
        return fail(error);
    ProcessRunner runner(helper);
    RuntimeDetector detector(runner, nodeModulesDir());
    const QList<RuntimeInfo> detected = detector.detectDefaults(options.runtimes);
    QList<RuntimeInfo> selection;
    for (const QString &argument : options.runtimes) {
        RuntimeInfo runtime;
        if (argument.contains(QLatin1Char('/'))) {
            // The very path of a runtime that detection also found keeps its detected name, so the window (which
            // passes paths) and the command line label the same interpreter the same way. Another path to the
            // same file (a copy, a link) is probed and recorded as given.
            const QString path = QFileInfo(argument).absoluteFilePath();
            auto found = std::find_if(detected.begin(), detected.end(), [&](const RuntimeInfo &r) { return r.available && r.path == path; });
            runtime = found != detected.end() ? *found : detector.probe(argument);
        } else {
            auto found = std::find_if(detected.begin(), detected.end(), [&](const RuntimeInfo &r) { return r.name == argument; });
            if (found == detected.end())
                return usage(QStringLiteral("unknown runtime \"%1\"; give a path or one of the names `showdown runtimes` lists").arg(argument));
            runtime = *found;
        }
        if (!runtime.available)
            return fail(runtime.problem);
        // Two interpreters may share a file name; the label must stay unique within a result set.
        const QString base = runtime.name;
        for (int n = 2; std::any_of(selection.begin(), selection.end(), [&](const RuntimeInfo &r) { return r.name == runtime.name; }); ++n)
            runtime.name = QStringLiteral("%1-%2").arg(base).arg(n);
        selection.append(runtime);
    }
    // A comparison needs both sides: fill in the default node or python where none was named.
    for (const RuntimeInfo &fallback : RuntimeDetector::defaultSelection(detected)) {
        if (std::none_of(selection.begin(), selection.end(), [&](const RuntimeInfo &r) { return r.kind == fallback.kind; }))
            selection.append(fallback);
    }
    for (const QString &kind : {QStringLiteral("node"), QStringLiteral("python")}) {
        if (std::none_of(selection.begin(), selection.end(), [&](const RuntimeInfo &r) { return r.kind == kind; })) {
            for (const RuntimeInfo &runtime : detected) {
                if (runtime.kind == kind && !runtime.problem.isEmpty())
                    return fail(runtime.problem);
            }
            return fail(QStringLiteral("no %1 interpreter found; pass one with --runtime PATH").arg(kind));
        }
    }

    // A user's definition file replaces the catalogue, once it has passed its check on these very runtimes.
    // The text checked is the text run and stored with the set.
    std::optional<Catalog> userCatalog;
    QList<StoredDefinitionFile> definitions;
    if (!options.benchmarks.isEmpty() || options.storedBenchmarks) {
        const BenchmarkDefinitionFile file = options.storedBenchmarks ? BenchmarkDefinitionFile::fromStored(*options.storedBenchmarks)
                                                                      : BenchmarkDefinitionFile::load(options.benchmarks);
        definitions.append(file.stored());
        QStringList notes;
        userCatalog = UserBenchmarkRun::prepare(file, *catalog, runner, selection, &notes, &error);
        for (const QString &note : std::as_const(notes))
            m_err << "Not measured: " << note << "\n";
        if (!userCatalog)
            return fail(error);
    }
    AsioLoadDriver loadDriver;
    SuiteRunner suiteRunner(userCatalog ? *userCatalog : *catalog, runner, &loadDriver);
    QList<SkippedRun> skipped;
    QList<RunStep> steps = suiteRunner.plan(suite, only, selection, runs, &error, &skipped);
    if (!error.isEmpty())
        return usage(error);
    QStringList skippedReasons;
    for (const SkippedRun &skip : skipped) {
        const QString line = QStringLiteral("%1%2 on %3: %4")
                                 .arg(skip.benchmark, skip.variant.isEmpty() ? QString() : QLatin1Char('/') + skip.variant, skip.runtime, skip.reason);
        m_err << "Skipped " << line << "\n";
        skippedReasons.append(line);
    }
    if (!skipped.isEmpty())
        emitEvent(RunEvent::skipped(skippedReasons));
    if (steps.isEmpty())
        return fail(QStringLiteral("the %1 suite has nothing to run with this choice of benchmarks and runtimes").arg(suite));
    if (options.timeoutSeconds > 0) {
        for (RunStep &step : steps)
            step.benchmark.timeoutSeconds = options.timeoutSeconds;
    }

    ResultStore store;
    if (!openStore(store, options.db, ResultStore::OpenMode::Write))
        return Failure;
    SuiteRecorder recorder(store, suiteRunner);
    recorder.setMachineLabel(options.label);
    recorder.setDefinitions(definitions);
    const qint64 id = recorder.begin(suite, only, runs, selection, steps.size(), &error);
    if (id == 0)
        return fail(error);
    QStringList runtimeNames;
    for (const RuntimeInfo &runtime : selection)
        runtimeNames.append(runtime.name);
    const QMap<QString, double> history = store.typicalProcessSeconds();
    const double expected = SuiteRunner::estimateSeconds(steps, history);
    m_err << "Result set " << id << ": " << steps.size() << " processes (" << suite << " suite) on "
          << QJsonDocument(QJsonArray::fromStringList(runtimeNames)).toJson(QJsonDocument::Compact) << ", stored in " << store.path() << "\n"
          << "Expected to take about " << ResultJson::formatDuration(expected * 1e9)
          << (history.isEmpty() ? " (from the manifest's reference timings: this database has no earlier runs to go by).\n"
                                : " (from the earlier runs in this database).\n");
    m_err.flush();
    emitEvent(RunEvent::started(id, int(steps.size()), expected, describeStep(steps.first())));

    std::stop_source stopSource;
    SuiteRecorder::Outcome outcome;
    {
        InterruptWatcher watcher(stopSource);
        TerminalProgress progress(int(steps.size()));
        progress.update(0, describeStep(steps.first()));
        outcome = recorder.record(id, steps, stopSource, [&](int done, const RunStep &, const Sample &sample) {
            const bool failed = !sample.valid() && sample.status != QLatin1String("cancelled");
            if (failed) {
                progress.finish();
                m_err << "  " << sample.benchmark << " on " << sample.runtime << ", run " << sample.runIndex + 1 << ": "
                      << sample.error << "\n";
                m_err.flush();
            }
            const QString next = done < steps.size() ? describeStep(steps.at(done)) : QString();
            if (!next.isEmpty())
                progress.update(done, next);
            const bool benchmarkEnded = done >= steps.size() || steps.at(done).benchmark.name != steps.at(done - 1).benchmark.name;
            emitEvent(RunEvent::progressed(done, int(steps.size()), next, !failed, benchmarkEnded,
                                           failed ? QStringLiteral("%1 on %2: %3").arg(sample.benchmark, sample.runtime, sample.error) : QString()));
        }, &error);
        progress.finish();
    }
    if (!error.isEmpty())
        return fail(error, id);
    // The recorder's message already says what failed, what is safe and what to do.
    const QString storeProblem = outcome.storeError;
    if (!storeProblem.isEmpty())
        m_err << "showdown: " << storeProblem << "\n";
    const QString &status = outcome.status;
    const int stored = outcome.stored;
    const int invalid = outcome.invalid;
    // The report is one more view of what was stored; it is written even for an incomplete run.
    const bool reported = options.pdf.isEmpty() || stored == 0
                          || reportVerb({QString::number(id), QStringLiteral("--db"), store.path(), QStringLiteral("--pdf"), options.pdf}, m_err, m_err)
                                 == Success;

    if (m_events) {
        emitEvent(RunEvent::finished(id, status, storeProblem));
    } else if (options.json) {
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("result_set"), id},
                                           {QStringLiteral("status"), status},
                                           {QStringLiteral("database"), store.path()},
                                           {QStringLiteral("processes"), stored},
                                           {QStringLiteral("skipped"), qint64(skipped.size())},
                                           {QStringLiteral("invalid"), invalid}})
                     .toJson(QJsonDocument::Compact)
              << "\n";
    } else {
        printSummary(store, id);
        m_out << "\nResult set " << id << " (" << status << "): `showdown show " << id << "` shows it again.\n";
    }
    m_out.flush();
    m_err.flush();
    return status == QLatin1String("complete") && invalid == 0 && reported ? Success : Failure;
}

int Cli::rerunVerb(const QStringList &arguments)
{
    // The window's form (`--events`, as `run` takes it): stdout carries only the run's events, so the commands
    // (already shown in the window before it asked) go to stderr.
    QStringList rest = arguments;
    const bool events = rest.removeAll(QStringLiteral("--events")) > 0;
    const std::variant<int, RerunVerb::Plan> prepared = RerunVerb::prepare(rest, events ? m_err : m_out, m_err);
    m_out.flush();
    m_err.flush();
    if (const int *code = std::get_if<int>(&prepared))
        return *code;
    const RerunVerb::Plan &plan = std::get<RerunVerb::Plan>(prepared);
    RunOptions options;
    options.suite = plan.suite;
    options.only = plan.only;
    options.runtimes = plan.runtimes;
    options.runs = plan.runs;
    options.db = plan.db;
    options.storedBenchmarks = plan.definition;
    options.json = plan.json;
    options.noWait = plan.noWait;
    options.events = events;
    return runVerb(options);
}

int Cli::listVerb(const QString &db, bool json, const QString &machine)
{
    ResultStore store;
    if (!openStore(store, db, ResultStore::OpenMode::Read))
        return Failure;
    QString error;
    const QList<ResultSetInfo> sets = machine.isEmpty() ? store.resultSets(&error) : store.resultSetsOnMachine(machine, &error);
    if (!error.isEmpty())
        return fail(error);
    if (json) {
        QJsonArray list;
        for (const ResultSetInfo &set : sets) {
            list.append(QJsonObject{{QStringLiteral("id"), set.id},
                                    {QStringLiteral("uuid"), set.uuid},
                                    {QStringLiteral("created"), set.created.toUTC().toString(Qt::ISODate)},
                                    {QStringLiteral("suite"), set.suite},
                                    {QStringLiteral("status"), set.status},
                                    {QStringLiteral("samples"), set.sampleCount},
                                    {QStringLiteral("foreign_load"), ForeignLoad::fromEnvironment(set.environment).toJson().value(QLatin1String("flagged"))},
                                    {QStringLiteral("machine"), MachineIdentity::fromEnvironment(set.environment).name()}});
        }
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("result_sets"), list}}).toJson(QJsonDocument::Indented);
    } else if (sets.isEmpty() && !machine.isEmpty()) {
        m_err << "No result sets of a machine called \"" << machine << "\" in " << store.path()
              << "; `showdown list` shows every set with its machine.\n";
    } else if (sets.isEmpty()) {
        m_err << "No result sets in " << store.path() << " yet; `showdown run` makes one.\n";
    } else {
        m_out << padded(QStringLiteral("ID"), 5) << padded(QStringLiteral("created (UTC)"), 20) << padded(QStringLiteral("suite"), 9)
              << padded(QStringLiteral("status"), 12) << padded(QStringLiteral("samples"), 8) << padded(QStringLiteral("load"), 8)
              << padded(QStringLiteral("machine"), 18) << "uuid\n";
        for (const ResultSetInfo &set : sets) {
            const ForeignLoad load = ForeignLoad::fromEnvironment(set.environment);
            const QString marker = load.flagged() ? QStringLiteral("FOREIGN") : load.verdict == ForeignLoad::Verdict::Quiet ? QStringLiteral("quiet") : QStringLiteral("-");
            m_out << padded(QString::number(set.id), 5) << padded(set.created.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), 20)
                  << padded(set.suite, 9) << padded(set.status, 12) << padded(QString::number(set.sampleCount), 8) << padded(marker, 8)
                  << padded(MachineIdentity::fromEnvironment(set.environment).name(), 18) << set.uuid << "\n";
        }
        if (std::any_of(sets.begin(), sets.end(), [](const ResultSetInfo &set) { return ForeignLoad::fromEnvironment(set.environment).flagged(); }))
            m_out << "FOREIGN: measured while other processes loaded the machine; `showdown show ID` says what.\n";
    }
    m_out.flush();
    m_err.flush();
    return Success;
}

int Cli::showVerb(const QString &idText, const QString &db, bool json, const QStringList &baselineNames)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id < 1)
        return usage(QStringLiteral("\"%1\" is not a result set ID; `showdown list` shows them").arg(idText));
    ResultStore store;
    if (!openStore(store, db, ResultStore::OpenMode::Read))
        return Failure;
    QString error;
    const std::optional<ResultSetInfo> info = store.resultSet(id, &error);
    if (!info)
        return fail(error);
    const QList<RuntimeInfo> runtimes = store.runtimes(id, &error);
    // The analysis stored with the set; computed here (and not stored) only for a set that has none.
    std::optional<ResultSetAnalysis> analysis = error.isEmpty() ? store.analysis(id, &error) : std::nullopt;
    if (!analysis)
        return fail(error);
    const std::optional<RuntimeBaselines> baselines = RuntimeBaselines::choose(runtimes, baselineNames, &error);
    if (!baselines)
        return usage(error);
    if (!baselineNames.isEmpty()) {
        // Other baselines than the stored analysis's: those comparisons come from the raw samples again.
        const QList<Sample> samples = store.samples(id, &error);
        if (!error.isEmpty())
            return fail(error);
        analysis->runtimeComparisons = ResultAnalysis::runtimeComparisons(ResultAnalysis::rows(samples, runtimes), *baselines);
    }
    // A set of the user's own benchmarks says which definition file declared each of them; others have none.
    const QList<StoredDefinitionFile> definitions = store.definitionFiles(id, &error);
    if (!error.isEmpty())
        return fail(error);
    if (!json) {
        printSummary(*info, *analysis);
        m_out << StoredDefinitionListing::text(definitions);
        m_out.flush();
        return Success;
    }
    QJsonArray rowList, comparisonList, runtimeComparisonList, runtimeList, loadList, scalingList, capacityList;
    for (const SummaryRow &row : analysis->rows)
        rowList.append(ResultJson::row(row));
    for (const LoadRow &row : analysis->loadRows)
        loadList.append(ResultJson::loadRow(row));
    for (const ScalingRow &row : analysis->scalingRows)
        scalingList.append(ResultJson::scalingRow(row));
    for (const CapacityRow &row : analysis->capacityRows)
        capacityList.append(ResultJson::capacityRow(row));
    for (const Comparison &comparison : analysis->comparisons)
        comparisonList.append(ResultJson::comparison(comparison));
    for (const RuntimeComparison &comparison : analysis->runtimeComparisons)
        runtimeComparisonList.append(ResultJson::runtimeComparison(comparison));
    for (const RuntimeInfo &runtime : runtimes)
        runtimeList.append(runtime.toJson());
    QJsonObject set = ResultJson::resultSet(*info);
    set.insert(QStringLiteral("runtimes"), runtimeList);
    m_out << QJsonDocument(QJsonObject{{QStringLiteral("result_set"), set},
                                       {QStringLiteral("baselines"), QJsonObject{{QStringLiteral("javascript"), baselines->baseline(RuntimeFamily::JavaScript)},
                                                                                 {QStringLiteral("python"), baselines->baseline(RuntimeFamily::Python)}}},
                                       {QStringLiteral("rows"), rowList},
                                       {QStringLiteral("comparisons"), comparisonList},
                                       {QStringLiteral("runtime_comparisons"), runtimeComparisonList},
                                       {QStringLiteral("load_rows"), loadList},
                                       {QStringLiteral("scaling"), scalingList},
                                       {QStringLiteral("capacity"), capacityList},
                                       {QStringLiteral("definitions"), StoredDefinitionListing::toJson(definitions)}})
                 .toJson(QJsonDocument::Indented);
    m_out.flush();
    return Success;
}

void Cli::printSummary(ResultStore &store, qint64 id)
{
    QString error;
    const std::optional<ResultSetInfo> info = store.resultSet(id, &error);
    const std::optional<ResultSetAnalysis> analysis = info ? store.analysis(id, &error) : std::nullopt;
    if (!analysis) {
        m_err << "showdown: " << error << "\n";
        return;
    }
    printSummary(*info, *analysis);
}

void Cli::printSummary(const ResultSetInfo &info, const ResultSetAnalysis &analysis)
{
    if (const ForeignLoad load = ForeignLoad::fromEnvironment(info.environment); load.flagged())
        m_out << "Warning: result set " << info.id << " was " << load.summary() << ".\n";
    const QList<SummaryRow> &rows = analysis.rows;
    printLoadRows(analysis.loadRows);
    printCapacity(analysis.capacityRows);
    printScaling(analysis.scalingRows);
    if (rows.isEmpty())
        return;
    m_out << "\n" << padded(QStringLiteral("benchmark"), 16) << padded(QStringLiteral("runtime"), 13) << padded(QStringLiteral("n"), 5)
          << padded(QStringLiteral("median"), 10) << padded(QStringLiteral("± sd"), 10) << padded(QStringLiteral("min"), 10)
          << padded(QStringLiteral("max"), 10) << padded(QStringLiteral("CV"), 7) << padded(QStringLiteral("peak RSS"), 9) << "notes\n";
    for (const SummaryRow &row : rows) {
        const Summary &s = row.stats;
        QStringList notes = row.warnings;
        if (!row.error.isEmpty())
            notes.prepend(row.error);
        m_out << padded(benchmarkLabel(row.benchmark, row.variant, row.workers), 16)
              << padded(row.runtime, 13) << padded(QString::number(s.n), 5);
        if (s.n > 0)
            m_out << padded(ResultJson::formatDuration(s.median), 10) << padded(ResultJson::formatDuration(s.sd), 10)
                  << padded(ResultJson::formatDuration(s.min), 10) << padded(ResultJson::formatDuration(s.max), 10)
                  << padded(QStringLiteral("%1%").arg(s.cv * 100, 0, 'f', 1), 7)
                  << padded(QStringLiteral("%1 MB").arg(double(row.peakRssKb) / 1024, 0, 'f', 1), 9);
        else
            m_out << padded(QStringLiteral("no valid samples"), 66);
        m_out << notes.join(QStringLiteral("; ")) << "\n";
    }
    printRuntimeComparisons(analysis.runtimeComparisons);
    const QList<Comparison> &comparisons = analysis.comparisons;
    if (comparisons.isEmpty())
        return;
    m_out << "\nnode / python, ratio of median times (below 1: Node took less time), 95% bootstrap CI, Mann-Whitney p (Holm):\n";
    for (const Comparison &c : comparisons)
        m_out << ratioLine(benchmarkLabel(c.benchmark, c.variant, c.workers), c.nodeRuntime, c.pythonRuntime, c.ratio, c.pValue, c.pHolm, c.valid);
}

void Cli::printRuntimeComparisons(const QList<RuntimeComparison> &comparisons)
{
    if (comparisons.isEmpty())
        return;
    m_out << "\neach runtime / its family's baseline, ratio of median times (below 1: the runtime took less time), 95% bootstrap CI, "
             "Mann-Whitney p (Holm):\n";
    for (const RuntimeComparison &c : comparisons)
        m_out << ratioLine(benchmarkLabel(c.benchmark, c.variant, c.workers), c.runtime, c.baseline, c.ratio, c.pValue, c.pHolm, c.valid);
}

void Cli::printLoadRows(const QList<LoadRow> &rows)
{
    if (rows.isEmpty())
        return;
    m_out << "\n" << padded(QStringLiteral("server"), 22) << padded(QStringLiteral("runtime"), 10) << padded(QStringLiteral("point"), 22)
          << padded(QStringLiteral("req/s"), 10) << padded(QStringLiteral("p50"), 9) << padded(QStringLiteral("p99"), 9)
          << padded(QStringLiteral("errors"), 7) << padded(QStringLiteral("srv CPU"), 8) << padded(QStringLiteral("srv PSS"), 9) << "notes\n";
    for (const LoadRow &row : rows) {
        QString point = row.kind == QLatin1String("idle") ? QStringLiteral("%1 idle conns").arg(row.connections)
                        : row.kind == QLatin1String("chat") ? QStringLiteral("%1 clients").arg(row.connections)
                                                            : QStringLiteral("%1 @%2c").arg(row.endpoint).arg(row.connections);
        if (row.workers > 1)
            point += QStringLiteral(" x%1").arg(row.workers);
        m_out << padded(serverLabel(row.benchmark, row.server), 22) << padded(row.runtime, 10) << padded(point, 22);
        if (!row.valid()) {
            m_out << row.error << "\n";
            continue;
        }
        const bool timed = row.p50Ns > 0;
        m_out << padded(row.kind == QLatin1String("idle") ? QStringLiteral("-") : QString::number(row.requestsPerSec, 'f', 0), 10)
              << padded(timed ? ResultJson::formatDuration(double(row.p50Ns)) : QStringLiteral("-"), 9)
              << padded(timed ? ResultJson::formatDuration(double(row.p99Ns)) : QStringLiteral("-"), 9)
              << padded(QString::number(row.errors), 7)
              << padded(row.serverCpuCores >= 0 ? QString::number(row.serverCpuCores, 'f', 2) : QStringLiteral("-"), 8)
              << padded(row.serverPssKb >= 0 ? QStringLiteral("%1 MB").arg(double(row.serverPssKb) / 1024, 0, 'f', 1) : QStringLiteral("-"), 9);
        QStringList notes{QStringLiteral("n=%1").arg(row.points)};
        if (std::isfinite(row.throughputCiLow))
            notes << QStringLiteral("req/s CI [%1, %2]").arg(row.throughputCiLow, 0, 'f', 0).arg(row.throughputCiHigh, 0, 'f', 0);
        if (std::isfinite(row.p99CiLowNs))
            notes << QStringLiteral("p99 CI [%1, %2]").arg(ResultJson::formatDuration(row.p99CiLowNs), ResultJson::formatDuration(row.p99CiHighNs));
        if (row.kind == QLatin1String("chat"))
            notes << QStringLiteral("offered %1/s, lost %2").arg(row.offeredPerSec, 0, 'f', 0).arg(row.lost);
        if (row.errors > 0)
            notes << QString::fromUtf8(QJsonDocument(row.errorsByKind).toJson(QJsonDocument::Compact));
        m_out << notes.join(QStringLiteral("; ")) << "\n";
    }
    m_out << "(req/s: median over the n server processes; p50/p99: every process's histogram pooled; CIs: bootstrap 95% across processes)\n";
}

void Cli::printCapacity(const QList<CapacityRow> &rows)
{
    if (rows.isEmpty())
        return;
    m_out << "\ncapacity: highest constant rate with p99 under the objective and no errors, median over n processes, 95% bootstrap CI:\n";
    for (const CapacityRow &row : rows) {
        QString point = row.kind == QLatin1String("chat") ? QStringLiteral("%1 clients").arg(row.connections) : row.endpoint;
        if (row.workers > 1)
            point += QStringLiteral(" x%1").arg(row.workers);
        m_out << "  " << padded(serverLabel(row.benchmark, row.server), 22) << padded(row.runtime, 10) << padded(point, 14)
              << padded(QStringLiteral("p99 < %1 ms").arg(row.sloP99Ms, 0, 'g', 4), 14);
        if (!row.valid()) {
            m_out << row.error << "\n";
            continue;
        }
        m_out << QStringLiteral("%1/s").arg(row.rate, 0, 'f', 0);
        if (std::isfinite(row.ciLow))
            m_out << QStringLiteral(" [%1, %2]").arg(row.ciLow, 0, 'f', 0).arg(row.ciHigh, 0, 'f', 0);
        m_out << QStringLiteral(" n=%1").arg(row.rates.size());
        if (row.perCore > 0)
            m_out << QStringLiteral(", %1/s per server core").arg(row.perCore, 0, 'f', 0);
        m_out << "\n";
    }
}

void Cli::printScaling(const QList<ScalingRow> &rows)
{
    if (rows.isEmpty())
        return;
    m_out << "\nspeed-up over 1 worker (time at 1 / time at N), 95% bootstrap CI:\n";
    for (const ScalingRow &row : rows) {
        m_out << "  " << padded(row.benchmark + QLatin1Char('/') + row.variant, 28) << padded(row.runtime, 10)
              << padded(QStringLiteral("%1 workers").arg(row.workers), 11);
        if (row.speedup > 0)
            m_out << QStringLiteral("%1x [%2, %3], efficiency %4%")
                         .arg(row.speedup, 0, 'f', 2)
                         .arg(row.ci.ciLow, 0, 'f', 2)
                         .arg(row.ci.ciHigh, 0, 'f', 2)
                         .arg(row.efficiency * 100, 0, 'f', 0);
        else
            m_out << "no valid samples at 1 or N workers";
        m_out << "\n";
    }
}

} // namespace showdown
