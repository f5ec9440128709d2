#include "ResultJson.h"

#include "ForeignLoad.h"

#include <QJsonArray>

#include <cmath>

namespace showdown {
namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? number(*value) : QJsonValue();
}

} // namespace

QJsonObject ResultJson::resultSet(const ResultSetInfo &info)
{
    return QJsonObject{{QStringLiteral("id"), info.id},
                       {QStringLiteral("uuid"), info.uuid},
                       {QStringLiteral("created"), info.created.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("finished"), info.finished.isValid() ? QJsonValue(info.finished.toUTC().toString(Qt::ISODate)) : QJsonValue()},
                       {QStringLiteral("suite"), info.suite},
                       {QStringLiteral("status"), info.status},
                       {QStringLiteral("name"), info.name},
                       {QStringLiteral("notes"), info.notes},
                       {QStringLiteral("app_version"), info.appVersion},
                       {QStringLiteral("samples"), info.sampleCount},
                       {QStringLiteral("parameters"), info.parameters},
                       {QStringLiteral("environment"), info.environment},
                       {QStringLiteral("foreign_load"), ForeignLoad::fromEnvironment(info.environment).toJson()}};
}

QJsonObject ResultJson::row(const SummaryRow &row)
{
    const Summary &s = row.stats;
    const bool any = s.n > 0;
    return QJsonObject{{QStringLiteral("benchmark"), row.benchmark},
                       {QStringLiteral("runtime"), row.runtime},
                       {QStringLiteral("runtime_kind"), row.runtimeKind},
                       {QStringLiteral("variant"), row.variant},
                       {QStringLiteral("workers"), row.workers},
                       {QStringLiteral("n"), qint64(s.n)},
                       {QStringLiteral("processes"), row.processes},
                       {QStringLiteral("invalid_processes"), row.invalidProcesses},
                       {QStringLiteral("median_ns"), any ? number(s.median) : QJsonValue()},
                       {QStringLiteral("mean_ns"), any ? number(s.mean) : QJsonValue()},
                       {QStringLiteral("sd_ns"), any ? number(s.sd) : QJsonValue()},
                       {QStringLiteral("mad_ns"), any ? number(s.mad) : QJsonValue()},
                       {QStringLiteral("min_ns"), any ? number(s.min) : QJsonValue()},
                       {QStringLiteral("max_ns"), any ? number(s.max) : QJsonValue()},
                       {QStringLiteral("p5_ns"), any ? number(s.p5) : QJsonValue()},
                       {QStringLiteral("p95_ns"), any ? number(s.p95) : QJsonValue()},
                       {QStringLiteral("cv"), any ? number(s.cv) : QJsonValue()},
                       {QStringLiteral("first_iteration_ns"), optionalNumber(row.firstIterationNs)},
                       {QStringLiteral("warmup_median_ns"), optionalNumber(row.warmupMedianNs)},
                       {QStringLiteral("cpu_ns"), any ? number(row.cpuNs) : QJsonValue()},
                       {QStringLiteral("peak_rss_kb"), any ? QJsonValue(row.peakRssKb) : QJsonValue()},
                       {QStringLiteral("valid"), row.valid()},
                       {QStringLiteral("error"), row.error.isEmpty() ? QJsonValue() : QJsonValue(row.error)},
                       {QStringLiteral("warnings"), QJsonArray::fromStringList(row.warnings)}};
}

QJsonObject ResultJson::loadRow(const LoadRow &row)
{
    const bool any = row.points > 0;
    const bool timed = any && row.p50Ns > 0;
    auto ns = [timed](qint64 value) { return timed ? QJsonValue(value) : QJsonValue(); };
    return QJsonObject{{QStringLiteral("benchmark"), row.benchmark},
                       {QStringLiteral("server"), row.server},
                       {QStringLiteral("runtime"), row.runtime},
                       {QStringLiteral("runtime_kind"), row.runtimeKind},
                       {QStringLiteral("kind"), row.kind},
                       {QStringLiteral("endpoint"), row.endpoint},
                       {QStringLiteral("connections"), row.connections},
                       {QStringLiteral("workers"), row.workers},
                       {QStringLiteral("rate"), row.rate},
                       {QStringLiteral("points"), row.points},
                       {QStringLiteral("requests_per_sec"), any && row.kind != QLatin1String("idle") ? number(row.requestsPerSec) : QJsonValue()},
                       {QStringLiteral("latency_ns"), QJsonObject{{QStringLiteral("p50"), ns(row.p50Ns)},
                                                                  {QStringLiteral("p90"), ns(row.p90Ns)},
                                                                  {QStringLiteral("p99"), ns(row.p99Ns)},
                                                                  {QStringLiteral("p999"), ns(row.p999Ns)},
                                                                  {QStringLiteral("max"), ns(row.maxNs)}}},
                       {QStringLiteral("completed"), row.completed},
                       {QStringLiteral("errors"), row.errors},
                       {QStringLiteral("errors_by_kind"), row.errorsByKind},
                       {QStringLiteral("server_cpu_cores"), row.serverCpuCores >= 0 ? number(row.serverCpuCores) : QJsonValue()},
                       {QStringLiteral("server_pss_kb"), row.serverPssKb >= 0 ? QJsonValue(row.serverPssKb) : QJsonValue()},
                       {QStringLiteral("generator_cpu_cores"), any ? number(row.generatorCpuCores) : QJsonValue()},
                       {QStringLiteral("valid"), row.valid()},
                       {QStringLiteral("error"), row.error.isEmpty() ? QJsonValue() : QJsonValue(row.error)}};
}

QJsonObject ResultJson::scalingRow(const ScalingRow &row)
{
    const bool any = row.speedup > 0;
    return QJsonObject{{QStringLiteral("benchmark"), row.benchmark},
                       {QStringLiteral("variant"), row.variant},
                       {QStringLiteral("runtime"), row.runtime},
                       {QStringLiteral("workers"), row.workers},
                       {QStringLiteral("median_ns"), row.medianNs > 0 ? number(row.medianNs) : QJsonValue()},
                       {QStringLiteral("speedup"), any ? number(row.speedup) : QJsonValue()},
                       {QStringLiteral("speedup_ci_low"), any ? number(row.ci.ciLow) : QJsonValue()},
                       {QStringLiteral("speedup_ci_high"), any ? number(row.ci.ciHigh) : QJsonValue()},
                       {QStringLiteral("efficiency"), any ? number(row.efficiency) : QJsonValue()}};
}

QJsonObject ResultJson::comparison(const Comparison &comparison)
{
    return QJsonObject{{QStringLiteral("benchmark"), comparison.benchmark},
                       {QStringLiteral("variant"), comparison.variant},
                       {QStringLiteral("workers"), comparison.workers},
                       {QStringLiteral("node_runtime"), comparison.nodeRuntime},
                       {QStringLiteral("python_runtime"), comparison.pythonRuntime},
                       {QStringLiteral("ratio"), number(comparison.ratio.ratio)},
                       {QStringLiteral("ratio_meaning"), QStringLiteral("node median time / python median time")},
                       {QStringLiteral("ci_low"), number(comparison.ratio.ciLow)},
                       {QStringLiteral("ci_high"), number(comparison.ratio.ciHigh)},
                       {QStringLiteral("p_value"), number(comparison.pValue)},
                       {QStringLiteral("p_holm"), number(comparison.pHolm)},
                       {QStringLiteral("valid"), comparison.valid}};
}

QString ResultJson::formatDuration(double ns)
{
    if (!std::isfinite(ns))
        return QStringLiteral("–");
    // Minutes from 2 min on: "9.8 min" reads better than "589 s".
    if (std::abs(ns) >= 120e9)
        return QStringLiteral("%1 min").arg(ns / 60e9, 0, 'f', 1);
    static const struct { double scale; const char *unit; } units[] = {{1e9, "s"}, {1e6, "ms"}, {1e3, "µs"}, {1, "ns"}};
    for (const auto &unit : units) {
        const double value = ns / unit.scale;
        if (std::abs(value) >= 1 || unit.scale == 1) {
            // Three significant digits, never an exponent.
            const int decimals = unit.scale == 1 ? 0 : std::abs(value) < 10 ? 2 : std::abs(value) < 100 ? 1 : 0;
            return QStringLiteral("%1 %2").arg(value, 0, 'f', decimals).arg(QString::fromUtf8(unit.unit));
        }
    }
    return {};
}

} // namespace showdown
