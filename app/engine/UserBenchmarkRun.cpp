#include "UserBenchmarkRun.h"

#include "BenchmarkDefinitionFile.h"
#include "UserBenchmarkCheck.h"

#include <QFileInfo>

namespace showdown {

namespace {

/// The built-in benchmark whose load points, repeats and capacity searches a user's server gets in each suite.
const QString kServerDefaults = QStringLiteral("http");

} // namespace

std::optional<Catalog> UserBenchmarkRun::prepare(const QString &path, const Catalog &builtIns, Executor &executor,
                                                 const QList<RuntimeInfo> &runtimes, QStringList *notes, QString *error,
                                                 std::stop_token stop)
{
    return prepare(BenchmarkDefinitionFile::load(path), builtIns, executor, runtimes, notes, error, stop);
}

std::optional<Catalog> UserBenchmarkRun::prepare(const BenchmarkDefinitionFile &file, const Catalog &builtIns, Executor &executor,
                                                 const QList<RuntimeInfo> &runtimes, QStringList *notes, QString *error,
                                                 std::stop_token stop)
{
    if (!file.ok()) {
        QStringList lines;
        for (const DefinitionProblem &problem : file.problems())
            lines.append(problem.text());
        *error = QStringLiteral("%1 has %2 problem(s); nothing was run:\n%3").arg(file.path()).arg(lines.size()).arg(lines.join(QLatin1Char('\n')));
        return std::nullopt;
    }
    const Benchmark *serverDefaults = builtIns.find(kServerDefaults);
    const UserBenchmarkCheck check(executor, runtimes);
    QList<Benchmark> benchmarks;
    QStringList failures;
    for (const UserBenchmark &benchmark : file.benchmarks()) {
        if (benchmark.isServer() && !serverDefaults) {
            notes->append(QStringLiteral("%1: servers are loaded as the built-in \"%2\" servers are, and this catalogue has none")
                              .arg(benchmark.name, kServerDefaults));
            continue;
        }
        const UserCheckResult result = check.check(benchmark, stop);
        if (!result.passed)
            failures.append(QStringLiteral("%1:%2: %3: %4").arg(file.path()).arg(result.line).arg(result.benchmark, result.message));
        else if (benchmark.isServer())
            benchmarks.append(benchmark.toServerBenchmark(serverDefaults->sizes, result.bodies));
        else
            benchmarks.append(benchmark.toBenchmark(builtIns.suites(), result.reference));
    }
    if (!failures.isEmpty()) {
        *error = QStringLiteral("%1 does not pass `showdown benchmarks check`, so nothing was measured:\n%2")
                     .arg(file.path(), failures.join(QLatin1Char('\n')));
        return std::nullopt;
    }
    if (benchmarks.isEmpty()) {
        *error = QStringLiteral("%1 has nothing for run to measure").arg(file.path());
        return std::nullopt;
    }
    return Catalog::fromBenchmarks(benchmarks, builtIns.suites(), QFileInfo(file.path()).absolutePath());
}

} // namespace showdown
