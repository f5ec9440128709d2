#include "UserBenchmarkRun.h"

#include "BenchmarkDefinitionFile.h"
#include "UserBenchmarkCheck.h"

#include <QFileInfo>

namespace showdown {

std::optional<Catalog> UserBenchmarkRun::prepare(const QString &path, const QStringList &suites, Executor &executor,
                                                 const QList<RuntimeInfo> &runtimes, QStringList *notes, QString *error,
                                                 std::stop_token stop)
{
    return prepare(BenchmarkDefinitionFile::load(path), suites, executor, runtimes, notes, error, stop);
}

std::optional<Catalog> UserBenchmarkRun::prepare(const BenchmarkDefinitionFile &file, const QStringList &suites, Executor &executor,
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
    const UserBenchmarkCheck check(executor, runtimes);
    QList<Benchmark> benchmarks;
    QStringList failures;
    for (const UserBenchmark &benchmark : file.benchmarks()) {
        if (benchmark.isServer() || benchmark.protocol) {
            notes->append(QStringLiteral("%1: %2 are checked by `showdown benchmarks check` but not measured by run yet")
                              .arg(benchmark.name, benchmark.isServer() ? QStringLiteral("servers") : QStringLiteral("protocol programs")));
            continue;
        }
        const UserCheckResult result = check.check(benchmark, stop);
        if (!result.passed)
            failures.append(QStringLiteral("%1:%2: %3: %4").arg(file.path()).arg(result.line).arg(result.benchmark, result.message));
        else
            benchmarks.append(benchmark.toBenchmark(suites, result.reference));
    }
    if (!failures.isEmpty()) {
        *error = QStringLiteral("%1 does not pass `showdown benchmarks check`, so nothing was measured:\n%2")
                     .arg(file.path(), failures.join(QLatin1Char('\n')));
        return std::nullopt;
    }
    if (benchmarks.isEmpty()) {
        *error = QStringLiteral("%1 has no whole-process program for run to measure").arg(file.path());
        return std::nullopt;
    }
    return Catalog::fromBenchmarks(benchmarks, suites, QFileInfo(file.path()).absolutePath());
}

} // namespace showdown
