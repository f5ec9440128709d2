#pragma once
// Result sets built in code for the exchange, fuzz and compare tests: realistic shapes, every field set,
// and text that would hurt if anything ever interpreted it.

#include "LatencyHistogram.h"
#include "ResultSetBundle.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QUuid>

#include <random>

namespace showdown::fixtures {

inline QByteArray sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

inline RuntimeInfo runtime(const QString &name, const QString &kind, const QString &version)
{
    RuntimeInfo info;
    info.name = name;
    info.kind = kind;
    info.path = kind == QLatin1String("node") ? QStringLiteral("/usr/bin/node") : QStringLiteral("/usr/bin/python3");
    info.version = version;
    info.implementation = kind == QLatin1String("node") ? QStringLiteral("node") : QStringLiteral("cpython");
    if (kind == QLatin1String("python"))
        info.gilEnabled = true;
    info.libraries = {QStringLiteral("numpy")};
    info.available = true;
    return info;
}

/// Timings drawn around `centreNs` with a fixed seed, so every run of a test sees the same numbers.
inline QList<qint64> timings(double centreNs, int count, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<double> noise(centreNs, centreNs * 0.02);
    QList<qint64> values;
    for (int i = 0; i < count; ++i)
        values.append(std::max<qint64>(1, qint64(noise(random))));
    return values;
}

/// A result set of two benchmarks on node and python3 whose medians are about nodeNs and pythonNs.
inline ResultSetBundle bundle(const QString &name, double nodeNs = 2e6, double pythonNs = 9e6, std::uint64_t seed = 1)
{
    ResultSetBundle b;
    b.info.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    b.info.created = QDateTime(QDate(2025, 3, 1), QTime(12, 0, 0, 123), Qt::UTC);
    b.info.finished = b.info.created.addSecs(61);
    b.info.suite = QStringLiteral("quick");
    b.info.status = QStringLiteral("complete");
    b.info.name = name;
    b.info.notes = QStringLiteral("<script>alert('notes')</script> <b>bold</b> &amp;");
    b.info.appVersion = QStringLiteral("0.1.0");
    b.info.parameters = QJsonObject{{QStringLiteral("suite"), QStringLiteral("quick")}, {QStringLiteral("runs"), 3}};
    b.info.environment = QJsonObject{{QStringLiteral("cpu_model"), QStringLiteral("Test CPU @ 3.0GHz")},
                                     {QStringLiteral("cores"), 2},
                                     {QStringLiteral("host"), QStringLiteral("bench-1")},
                                     {QStringLiteral("load_average"), QJsonArray({0.5, 0.25, 0.125})}};
    b.runtimes = {runtime(QStringLiteral("node"), QStringLiteral("node"), QStringLiteral("v20.20.2")),
                  runtime(QStringLiteral("python3"), QStringLiteral("python"), QStringLiteral("3.11.2"))};
    int run = 0;
    for (const QString &benchmark : {QStringLiteral("nbody"), QStringLiteral("fib")}) {
        for (int index = 0; index < 3; ++index) {
            for (const RuntimeInfo &r : b.runtimes) {
                Sample s;
                s.benchmark = benchmark;
                s.runtime = r.name;
                s.runIndex = index;
                s.size = 1000;
                s.started = b.info.created.addMSecs(1000 * ++run);
                const double centre = (r.isNode() ? nodeNs : pythonNs) * (benchmark == QLatin1String("fib") ? 0.5 : 1.0);
                s.warmupNs = timings(centre * 1.5, 2, seed * 1000 + run);
                s.iterationsNs = timings(centre, 5, seed * 1000 + run + 500);
                s.result = QStringLiteral("-0.169075164");
                s.exitCode = 0;
                s.wallNs = 50000000;
                s.userNs = 40000000;
                s.sysNs = 3000000;
                s.peakRssKb = 40000 + run;
                s.stderrTail = QStringLiteral("warning: \"quoted\", comma\nsecond line");
                s.extra = QJsonObject{{QStringLiteral("version"), r.version}};
                b.samples.append(s);
            }
        }
    }
    // One failed process, so invalid samples travel too.
    Sample failed = b.samples.first();
    failed.runIndex = 3;
    failed.warmupNs.clear();
    failed.iterationsNs.clear();
    failed.status = QStringLiteral("exit");
    failed.error = QStringLiteral("exited with status 1: '; DROP TABLE samples; --");
    failed.exitCode = 1;
    b.samples.append(failed);
    return b;
}

/// `set` as if measured on another machine: its host name and, when given, the label its run was given.
inline ResultSetBundle onMachine(ResultSetBundle set, const QString &host, const QString &label = {})
{
    set.info.environment.insert(QStringLiteral("host"), host);
    if (!label.isEmpty())
        set.info.environment.insert(QStringLiteral("label"), label);
    return set;
}

/// A server benchmark process with load points, for the fields only servers have.
inline Sample serverSample(const QString &runtimeName)
{
    Sample s;
    s.benchmark = QStringLiteral("http-server");
    s.variant = runtimeName == QLatin1String("node") ? QStringLiteral("node-http") : QStringLiteral("asyncio");
    s.workers = 2;
    s.runtime = runtimeName;
    s.started = QDateTime(QDate(2025, 3, 1), QTime(12, 5, 0, 7), Qt::UTC);
    s.exitCode = 0;
    LoadPoint point;
    point.kind = QStringLiteral("http");
    point.endpoint = QStringLiteral("/json");
    point.connections = 64;
    point.workers = 2;
    point.rate = 1500.5;
    point.durationS = 2.25;
    point.completed = 3375;
    point.sent = 3380;
    point.errors = QJsonObject{{QStringLiteral("timeout"), 5}};
    point.latency = QJsonObject{{QStringLiteral("buckets"), QJsonArray({0, 12, 3000, 363})}};
    point.generatorCpuNs = 123456789;
    point.serverCpuNs = 987654321;
    point.serverPssKb = 30210;
    s.points = {point, point};
    s.points[1].connections = 128;
    s.points[1].error = QStringLiteral("server exited");
    return s;
}

/// Two server processes per runtime (node, python3) of serverSample(), each measured at 8 and 64 connections on one
/// worker (several workers belong to Scaling) with a real latency histogram: lines with CI whiskers on the
/// Concurrency charts.
inline QList<Sample> sweptServers()
{
    QList<Sample> samples;
    for (const QString &runtime : {QStringLiteral("node"), QStringLiteral("python3")}) {
        for (int process = 0; process < 2; ++process) {
            Sample server = serverSample(runtime);
            server.workers = 1;
            server.runIndex = process;
            QList<LoadPoint> points;
            for (int connections : {8, 64}) {
                LoadPoint point = server.points.first();
                point.workers = 1;
                point.connections = connections;
                point.completed = (runtime == QLatin1String("node") ? 3000 : 1800) * (connections == 8 ? 1 : 2) + 50 * process;
                point.sent = point.completed;
                point.errors = QJsonObject();
                LatencyHistogram latency;
                for (int i = 0; i < 200; ++i)
                    latency.record(qint64(1'000'000) * connections / 8 + 5'000 * i + 100'000 * process);
                point.latency = latency.toJson();
                points.append(point);
            }
            server.points = points;
            samples.append(server);
        }
    }
    return samples;
}

} // namespace showdown::fixtures
