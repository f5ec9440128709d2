#pragma once

#include "Benchmark.h"

#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// The benchmark manifest (manifest.json plus manifest.d/*.json): which benchmarks exist, their programs, sizes per suite and checksums.
class Catalog {
public:
    /// Reads and validates a manifest.json; on failure returns nothing and sets `error` to a message naming
    /// the file and the offending entry.
    [[nodiscard]] static std::optional<Catalog> load(const QString &manifestPath, QString *error);
    /// A catalogue of benchmarks made elsewhere (a user's definition file, UserBenchmark::toBenchmark), already validated.
    [[nodiscard]] static Catalog fromBenchmarks(QList<Benchmark> benchmarks, QStringList suites, QString baseDir);

    [[nodiscard]] const QList<Benchmark> &benchmarks() const { return m_benchmarks; }
    [[nodiscard]] const Benchmark *find(const QString &name) const;
    [[nodiscard]] QStringList suites() const { return m_suites; }
    [[nodiscard]] QString suiteDescription(const QString &suite) const;
    /// Folder the scripts' relative paths start from.
    [[nodiscard]] QString baseDir() const { return m_baseDir; }
    [[nodiscard]] QString scriptPath(const Benchmark &benchmark, const QString &runtimeKind) const;
    /// The program a variant runs: its own script (servers) or the benchmark's program for its runtime.
    [[nodiscard]] QString scriptPath(const BenchmarkVariant &variant, const Benchmark &benchmark) const;

private:
    QList<Benchmark> m_benchmarks;
    QStringList m_suites;
    QMap<QString, QString> m_suiteDescriptions;
    QString m_baseDir;
};

} // namespace showdown
