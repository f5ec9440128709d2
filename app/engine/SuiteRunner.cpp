#include "SuiteRunner.h"

#include "BenchmarkEnvironment.h"
#include "SampleEvaluator.h"
#include "ServerRunner.h"
#include "Statistics.h"

namespace showdown {
namespace {

/// Seeds the interleaved order of server processes; fixed so a suite's plan is reproducible.
constexpr std::uint64_t kServerOrderSeed = 20261130;

/// The package that brings an optional library, for messages a user can act on.
QString installHint(const QString &runtimeKind, const QString &library)
{
    if (runtimeKind == QLatin1String("node"))
        return QStringLiteral("npm ci in the benchmarks' node folder installs %1").arg(library);
    if (library == QLatin1String("gunicorn"))
        return QStringLiteral("Debian: apt-get install gunicorn");
    return QStringLiteral("Debian: apt-get install python3-%1").arg(library);
}

/// PROTOCOL.md section 1: the workload a program is started with.
QStringList protocolArguments(const BenchmarkSize &size)
{
    return {QStringLiteral("--size"), QString::number(size.size), QStringLiteral("--iterations"), QString::number(size.iterations),
            QStringLiteral("--warmup"), QString::number(size.warmup)};
}

} // namespace

SuiteRunner::SuiteRunner(const Catalog &catalog, Executor &executor, LoadDriver *driver)
    : m_catalog(catalog), m_executor(executor), m_driver(driver)
{
}

QString SuiteRunner::unavailableReason(const BenchmarkVariant &variant, const RuntimeInfo &runtime)
{
    if (!runtime.available)
        return runtime.problem;
    // Found by trying and recorded in the manifest (PROTOCOL.md "unsupported"): skipped with that reason.
    const QString unsupported = variant.unsupportedReason(runtime.implementation);
    if (!unsupported.isEmpty())
        return QStringLiteral("%1 (%2) cannot run it: %3").arg(runtime.name, runtime.implementation, unsupported);
    QStringList missing;
    for (const QString &library : variant.libraries) {
        if (!runtime.libraries.contains(library))
            missing.append(library);
    }
    if (missing.isEmpty())
        return QString();
    // Debian's Python libraries are built for its CPython: another Python implementation (PyPy, one day GraalPy)
    // may find them and fail to import them, and no Debian package would help it.
    const std::optional<RuntimeKind> kind = runtime.resolvedKind();
    if (kind && kind->family() == RuntimeFamily::Python && kind->id() != RuntimeKind::CPython)
        return QStringLiteral("%1 (%2) cannot import %3: Debian's Python packages are built for CPython (its probe tried)")
            .arg(runtime.name, kind->name(), missing.join(QStringLiteral(", ")));
    for (QString &library : missing)
        library = QStringLiteral("%1 (%2)").arg(library, installHint(runtime.kind, library));
    return QStringLiteral("%1 has no %2").arg(runtime.name, missing.join(QStringLiteral(", ")));
}

QList<RunStep> SuiteRunner::plan(const QString &suite, const QStringList &only, const QList<RuntimeInfo> &runtimes,
                                 int runs, QString *error, QList<SkippedRun> *skipped) const
{
    QList<RunStep> steps;
    if (!m_catalog.suites().contains(suite)) {
        *error = QStringLiteral("unknown suite \"%1\"; choose one of: %2").arg(suite, m_catalog.suites().join(QStringLiteral(", ")));
        return steps;
    }
    for (const QString &name : only) {
        if (!m_catalog.find(name)) {
            *error = QStringLiteral("unknown benchmark \"%1\"; `showdown benchmarks` lists them").arg(name);
            return steps;
        }
    }
    for (const Benchmark &benchmark : m_catalog.benchmarks()) {
        if (!only.isEmpty() && !only.contains(benchmark.name))
            continue;
        const BenchmarkSize size = benchmark.sizes.value(suite);
        const int processes = runs > 0 ? runs : size.runs;
        const QList<int> workerCounts = size.workers.isEmpty() ? QList<int>{0} : size.workers;
        const qsizetype firstStep = steps.size();
        for (int run = 0; run < processes; ++run) {
            // A B, then B A: each runtime goes first equally often, so slow drift (thermal, other load)
            // does not favour one side.
            for (qsizetype i = 0; i < runtimes.size(); ++i) {
                const RuntimeInfo &runtime = runtimes.at(run % 2 == 0 ? i : runtimes.size() - 1 - i);
                for (const BenchmarkVariant &variant : benchmark.variantsFor(runtime.kind)) {
                    if (!size.servers.isEmpty() && !size.servers.contains(variant.name))
                        continue;  // not measured in this suite (the manifest's per-suite server list)
                    const QString reason = unavailableReason(variant, runtime);
                    if (!reason.isEmpty()) {
                        if (run == 0 && skipped)
                            skipped->append(SkippedRun{benchmark.name, variant.name, runtime.name, reason});
                        continue;
                    }
                    for (int workers : workerCounts)
                        steps.append(RunStep{benchmark, size, runtime, run, variant, workers});
                }
            }
        }
        if (benchmark.isServer()) {
            // A server process measures for seconds, long enough for drift (thermal, other load) to favour
            // whichever servers ran first or last: a fixed-seed shuffle of every server x runtime x workers x run
            // spreads it over all of them, and gives the same order on every plan.
            const QList<RunStep> ordered = steps.mid(firstStep);
            const std::vector<std::size_t> order = Statistics::permutation(std::size_t(ordered.size()), kServerOrderSeed);
            for (std::size_t i = 0; i < order.size(); ++i)
                steps[firstStep + qsizetype(i)] = ordered.at(qsizetype(order[i]));
        }
    }
    return steps;
}

ProcessSpec SuiteRunner::processSpec(const RunStep &step) const
{
    ProcessSpec spec;
    spec.program = step.runtime.path;
    if (!step.variant.command.isEmpty()) {
        // A user's own command (USER_BENCHMARKS.md): the runtime's launch prefix ({runtime}), then the command as written.
        spec.arguments = step.runtime.launchArguments(QString());
        spec.arguments.removeLast();
        spec.arguments << step.variant.command;
        // A user's program that speaks PROTOCOL.md is told its workload as Showdown's own are.
        if (step.benchmark.measure == QLatin1String("iterations"))
            spec.arguments << protocolArguments(step.size);
    } else {
        spec.arguments = step.runtime.launchArguments(m_catalog.scriptPath(step.variant, step.benchmark));
        spec.arguments << protocolArguments(step.size);
        if (step.workers > 0)
            spec.arguments << QStringLiteral("--workers") << QString::number(step.workers);
        if (!step.variant.name.isEmpty())
            spec.arguments << QStringLiteral("--variant") << step.variant.name;
    }
    spec.arguments << step.variant.args;
    spec.workingDirectory = step.variant.workingDirectory.isEmpty() ? m_catalog.baseDir() : step.variant.workingDirectory;
    spec.environment = BenchmarkEnvironment::variables();
    spec.environment.insert(step.variant.environment);  // a user benchmark's `env`
    spec.environment.insert(step.runtime.environment);  // PYTHON_GIL: what makes this runtime this runtime
    spec.timeout = std::chrono::seconds(step.benchmark.timeoutSeconds);
    // A process's wall time is the measurement, taken as hyperfine takes it: one unmeasured start first, so
    // that interleaving runtimes does not leave each start with the other runtime's caches (hyperfine's
    // --warmup, per sample), and stdout a file rather than a pipe (see ProcessSpec).
    if (step.benchmark.measuresProcess()) {
        spec.warmupStarts = 1;
        spec.stdoutToFile = true;
    }
    return spec;
}

int SuiteRunner::execute(const QList<RunStep> &steps, std::stop_token stop,
                         const std::function<void(const RunStep &, const Sample &)> &onSample)
{
    int ran = 0;
    for (const RunStep &step : steps) {
        if (stop.stop_requested())
            break;
        const QDateTime started = QDateTime::currentDateTimeUtc();
        Sample sample;
        if (step.benchmark.isServer() && m_driver) {
            sample = ServerRunner(m_catalog, m_executor, *m_driver).run(step, stop);
        } else if (step.benchmark.isServer()) {
            sample.benchmark = step.benchmark.name;
            sample.runtime = step.runtime.name;
            sample.status = QStringLiteral("spawn");
            sample.error = QStringLiteral("no load generator is available to measure a server");
            sample.extra = QJsonObject{{QStringLiteral("measure"), step.benchmark.measure}};
        } else {
            const ProcessResult process = m_executor.run(processSpec(step), stop);
            sample = SampleEvaluator::evaluate(step.benchmark, step.size, step.runtime, process);
        }
        sample.variant = step.variant.name;
        sample.workers = step.workers;
        sample.runIndex = step.runIndex;
        sample.started = started;
        ++ran;
        onSample(step, sample);
    }
    return ran;
}

/// A server's start-up and stop, on top of its load: 0.2 to 0.4 s per process in the quick suite on 2 cores.
constexpr double kServerStartS = 0.3;

double SuiteRunner::estimateSeconds(const QList<RunStep> &steps, const QMap<QString, double> &secondsPerProcess)
{
    double total = 0;
    for (const RunStep &step : steps) {
        if (step.benchmark.isServer())
            total += ServerRunner::loadSeconds(step.benchmark, step.size) + kServerStartS;
        else
            total += secondsPerProcess.value(timingKey(step.benchmark.name, step.size.size),
                                             step.size.expectedS > 0 ? step.size.expectedS : 1.0);
    }
    return total;
}

} // namespace showdown
