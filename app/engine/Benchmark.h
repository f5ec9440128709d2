#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace showdown {

/// The workload of one benchmark in one suite, with the result both programs must print.
struct BenchmarkSize {
    qint64 size = 0;
    int runs = 1;        ///< fresh processes per runtime
    int iterations = 1;  ///< measured iterations inside each process
    int warmup = 0;      ///< in-process warm-up iterations, timed but kept apart
    QString checksum;
};

/// One entry of the manifest: a Node program and a Python program that compute the same thing.
struct Benchmark {
    QString name;
    QString title;
    QString category;
    QString description;
    QStringList claims;
    QString measure;  ///< "iterations": the program times itself; "process": the harness times the whole process
    int timeoutSeconds = 60;
    QString nodeScript;    ///< relative to the benchmarks folder
    QString pythonScript;
    QMap<QString, BenchmarkSize> sizes;  ///< by suite name

    [[nodiscard]] bool measuresProcess() const { return measure == QLatin1String("process"); }
    [[nodiscard]] QString scriptFor(const QString &runtimeKind) const
    {
        return runtimeKind == QLatin1String("node") ? nodeScript : pythonScript;
    }
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace showdown
