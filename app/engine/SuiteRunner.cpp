#include "SuiteRunner.h"

#include "SampleEvaluator.h"

namespace showdown {

SuiteRunner::SuiteRunner(const Catalog &catalog, Executor &executor) : m_catalog(catalog), m_executor(executor) {}

QList<RunStep> SuiteRunner::plan(const QString &suite, const QStringList &only, const QList<RuntimeInfo> &runtimes,
                                 int runs, QString *error) const
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
        for (int run = 0; run < processes; ++run) {
            // A B, then B A: each runtime goes first equally often, so slow drift (thermal, other load)
            // does not favour one side.
            for (qsizetype i = 0; i < runtimes.size(); ++i) {
                const qsizetype index = run % 2 == 0 ? i : runtimes.size() - 1 - i;
                steps.append(RunStep{benchmark, size, runtimes.at(index), run});
            }
        }
    }
    return steps;
}

ProcessSpec SuiteRunner::processSpec(const RunStep &step) const
{
    ProcessSpec spec;
    spec.program = step.runtime.path;
    spec.arguments = {m_catalog.scriptPath(step.benchmark, step.runtime.kind),
                      QStringLiteral("--size"), QString::number(step.size.size),
                      QStringLiteral("--iterations"), QString::number(step.size.iterations),
                      QStringLiteral("--warmup"), QString::number(step.size.warmup)};
    spec.workingDirectory = m_catalog.baseDir();
    spec.timeout = std::chrono::seconds(step.benchmark.timeoutSeconds);
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
        const ProcessResult process = m_executor.run(processSpec(step), stop);
        Sample sample = SampleEvaluator::evaluate(step.benchmark, step.size, step.runtime, process);
        sample.runIndex = step.runIndex;
        sample.started = started;
        ++ran;
        onSample(step, sample);
    }
    return ran;
}

} // namespace showdown
