#include "ResultJson.h"

#include "ForeignLoad.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

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

// number()'s inverse: null (a non-finite value, or a figure that does not apply) becomes `absent`.
double toNumber(const QJsonValue &value, double absent)
{
    return value.isDouble() ? value.toDouble() : absent;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A ratio of medians with its CI and p-values, as every comparison writes it.
void putRatio(QJsonObject &object, const RatioEstimate &ratio, double pValue, double pHolm)
{
    object.insert(QStringLiteral("ratio"), number(ratio.ratio));
    object.insert(QStringLiteral("ci_low"), number(ratio.ciLow));
    object.insert(QStringLiteral("ci_high"), number(ratio.ciHigh));
    object.insert(QStringLiteral("p_value"), number(pValue));
    object.insert(QStringLiteral("p_holm"), number(pHolm));
}

/// putRatio()'s inverse.
void readRatio(const QJsonObject &o, RatioEstimate &ratio, double &pValue, double &pHolm)
{
    ratio = {toNumber(o.value(QLatin1String("ratio")), kNaN), toNumber(o.value(QLatin1String("ci_low")), kNaN),
             toNumber(o.value(QLatin1String("ci_high")), kNaN)};
    pValue = toNumber(o.value(QLatin1String("p_value")), kNaN);
    pHolm = toNumber(o.value(QLatin1String("p_holm")), kNaN);
}

std::optional<double> toOptionalNumber(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}


/// A JSON array of numbers, as the per-process lists are stored.
QList<double> numbers(const QJsonValue &value)
{
    QList<double> list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toDouble());
    return list;
}

/// The fields naming a load or capacity row's server and point, read back alike for both.
template <typename Row>
void readServerPoint(const QJsonObject &o, Row &row)
{
    row.benchmark = o.value(QLatin1String("benchmark")).toString();
    row.server = o.value(QLatin1String("server")).toString();
    row.runtime = o.value(QLatin1String("runtime")).toString();
    row.runtimeKind = o.value(QLatin1String("runtime_kind")).toString();
    row.kind = o.value(QLatin1String("kind")).toString();
    row.endpoint = o.value(QLatin1String("endpoint")).toString();
    row.connections = o.value(QLatin1String("connections")).toInt();
    row.workers = o.value(QLatin1String("workers")).toInt();
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
                       {QStringLiteral("p25_ns"), any ? number(s.p25) : QJsonValue()},
                       {QStringLiteral("p75_ns"), any ? number(s.p75) : QJsonValue()},
                       {QStringLiteral("median_ci_low_ns"), s.hasMedianCi() ? number(s.medianCiLow) : QJsonValue()},
                       {QStringLiteral("median_ci_high_ns"), s.hasMedianCi() ? number(s.medianCiHigh) : QJsonValue()},
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
    const bool chat = row.kind == QLatin1String("chat");
    QJsonObject object{{QStringLiteral("n"), row.points},
                       {QStringLiteral("throughput_ci_low"), number(row.throughputCiLow)},
                       {QStringLiteral("throughput_ci_high"), number(row.throughputCiHigh)},
                       {QStringLiteral("p50_ci_low"), number(row.p50CiLowNs)},
                       {QStringLiteral("p50_ci_high"), number(row.p50CiHighNs)},
                       {QStringLiteral("p99_ci_low"), number(row.p99CiLowNs)},
                       {QStringLiteral("p99_ci_high"), number(row.p99CiHighNs)},
                       {QStringLiteral("p99s_ns"), QJsonArray::fromVariantList(QVariantList(row.p99sNs.begin(), row.p99sNs.end()))}};
    if (chat) {
        object.insert(QStringLiteral("delivered_per_s"), any ? number(row.requestsPerSec) : QJsonValue());
        object.insert(QStringLiteral("offered_per_s"), number(row.offeredPerSec));
        object.insert(QStringLiteral("lost"), row.lost);
    }
    const QJsonObject base{{QStringLiteral("benchmark"), row.benchmark},
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
                       {QStringLiteral("throughputs"), QJsonArray::fromVariantList(QVariantList(row.throughputs.begin(), row.throughputs.end()))},
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
    for (auto it = base.begin(); it != base.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject ResultJson::capacityRow(const CapacityRow &row)
{
    QJsonArray steps;
    for (const CapacityStep &step : row.steps)
        steps.append(QJsonObject{{QStringLiteral("run"), step.runIndex},
                                 {QStringLiteral("offered"), number(step.offered)},
                                 {QStringLiteral("achieved"), number(step.achieved)},
                                 {QStringLiteral("p99_ns"), step.p99Ns},
                                 {QStringLiteral("met"), step.met}});
    return QJsonObject{{QStringLiteral("benchmark"), row.benchmark},
                       {QStringLiteral("server"), row.server},
                       {QStringLiteral("runtime"), row.runtime},
                       {QStringLiteral("runtime_kind"), row.runtimeKind},
                       {QStringLiteral("kind"), row.kind},
                       {QStringLiteral("endpoint"), row.endpoint},
                       {QStringLiteral("connections"), row.connections},
                       {QStringLiteral("workers"), row.workers},
                       {QStringLiteral("slo_p99_ms"), row.sloP99Ms},
                       {QStringLiteral("n"), row.rates.size()},
                       {QStringLiteral("rates"), QJsonArray::fromVariantList(QVariantList(row.rates.begin(), row.rates.end()))},
                       {QStringLiteral("rate"), row.valid() ? number(row.rate) : QJsonValue()},
                       {QStringLiteral("ci_low"), number(row.ciLow)},
                       {QStringLiteral("ci_high"), number(row.ciHigh)},
                       {QStringLiteral("per_core"), row.perCore >= 0 ? number(row.perCore) : QJsonValue()},
                       {QStringLiteral("steps"), steps},
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
    QJsonObject object{{QStringLiteral("benchmark"), comparison.benchmark},
                       {QStringLiteral("variant"), comparison.variant},
                       {QStringLiteral("workers"), comparison.workers},
                       {QStringLiteral("node_runtime"), comparison.nodeRuntime},
                       {QStringLiteral("python_runtime"), comparison.pythonRuntime},
                       {QStringLiteral("ratio_meaning"), QStringLiteral("node median time / python median time")},
                       {QStringLiteral("valid"), comparison.valid}};
    putRatio(object, comparison.ratio, comparison.pValue, comparison.pHolm);
    return object;
}

QJsonObject ResultJson::runtimeComparison(const RuntimeComparison &comparison)
{
    QJsonObject object{{QStringLiteral("family"), RuntimeKind::familyName(comparison.family)},
                       {QStringLiteral("benchmark"), comparison.benchmark},
                       {QStringLiteral("variant"), comparison.variant},
                       {QStringLiteral("workers"), comparison.workers},
                       {QStringLiteral("runtime"), comparison.runtime},
                       {QStringLiteral("baseline"), comparison.baseline},
                       {QStringLiteral("ratio_meaning"), QStringLiteral("runtime median time / baseline median time")},
                       {QStringLiteral("valid"), comparison.valid}};
    putRatio(object, comparison.ratio, comparison.pValue, comparison.pHolm);
    return object;
}

SummaryRow ResultJson::rowFromJson(const QJsonObject &o)
{
    SummaryRow row;
    row.benchmark = o.value(QLatin1String("benchmark")).toString();
    row.runtime = o.value(QLatin1String("runtime")).toString();
    row.runtimeKind = o.value(QLatin1String("runtime_kind")).toString();
    row.variant = o.value(QLatin1String("variant")).toString();
    row.workers = o.value(QLatin1String("workers")).toInt();
    row.processes = o.value(QLatin1String("processes")).toInt();
    row.invalidProcesses = o.value(QLatin1String("invalid_processes")).toInt();
    Summary &s = row.stats;
    s.n = std::size_t(std::max<qint64>(0, o.value(QLatin1String("n")).toInteger()));
    s.median = toNumber(o.value(QLatin1String("median_ns")), 0);
    s.mean = toNumber(o.value(QLatin1String("mean_ns")), 0);
    s.sd = toNumber(o.value(QLatin1String("sd_ns")), 0);
    s.mad = toNumber(o.value(QLatin1String("mad_ns")), 0);
    s.min = toNumber(o.value(QLatin1String("min_ns")), 0);
    s.max = toNumber(o.value(QLatin1String("max_ns")), 0);
    s.p5 = toNumber(o.value(QLatin1String("p5_ns")), 0);
    s.p95 = toNumber(o.value(QLatin1String("p95_ns")), 0);
    s.p25 = toNumber(o.value(QLatin1String("p25_ns")), 0);
    s.p75 = toNumber(o.value(QLatin1String("p75_ns")), 0);
    s.medianCiLow = toNumber(o.value(QLatin1String("median_ci_low_ns")), 0);
    s.medianCiHigh = toNumber(o.value(QLatin1String("median_ci_high_ns")), 0);
    s.cv = toNumber(o.value(QLatin1String("cv")), 0);
    row.firstIterationNs = toOptionalNumber(o.value(QLatin1String("first_iteration_ns")));
    row.warmupMedianNs = toOptionalNumber(o.value(QLatin1String("warmup_median_ns")));
    row.cpuNs = toNumber(o.value(QLatin1String("cpu_ns")), 0);
    row.peakRssKb = o.value(QLatin1String("peak_rss_kb")).toInteger();
    row.error = o.value(QLatin1String("error")).toString();
    for (const QJsonValue &warning : o.value(QLatin1String("warnings")).toArray())
        row.warnings.append(warning.toString());
    return row;
}

Comparison ResultJson::comparisonFromJson(const QJsonObject &o)
{
    Comparison comparison;
    comparison.benchmark = o.value(QLatin1String("benchmark")).toString();
    comparison.variant = o.value(QLatin1String("variant")).toString();
    comparison.workers = o.value(QLatin1String("workers")).toInt();
    comparison.nodeRuntime = o.value(QLatin1String("node_runtime")).toString();
    comparison.pythonRuntime = o.value(QLatin1String("python_runtime")).toString();
    readRatio(o, comparison.ratio, comparison.pValue, comparison.pHolm);
    comparison.valid = o.value(QLatin1String("valid")).toBool();
    return comparison;
}

RuntimeComparison ResultJson::runtimeComparisonFromJson(const QJsonObject &o)
{
    RuntimeComparison comparison;
    // Stored analyses are this program's own output; an unknown family would be a damaged one, read as JavaScript.
    comparison.family = RuntimeKind::parseFamily(o.value(QLatin1String("family")).toString()).value_or(RuntimeFamily::JavaScript);
    comparison.benchmark = o.value(QLatin1String("benchmark")).toString();
    comparison.variant = o.value(QLatin1String("variant")).toString();
    comparison.workers = o.value(QLatin1String("workers")).toInt();
    comparison.runtime = o.value(QLatin1String("runtime")).toString();
    comparison.baseline = o.value(QLatin1String("baseline")).toString();
    readRatio(o, comparison.ratio, comparison.pValue, comparison.pHolm);
    comparison.valid = o.value(QLatin1String("valid")).toBool();
    return comparison;
}

LoadRow ResultJson::loadRowFromJson(const QJsonObject &o)
{
    LoadRow row;
    readServerPoint(o, row);
    row.rate = o.value(QLatin1String("rate")).toDouble();
    row.points = o.value(QLatin1String("points")).toInt();
    row.throughputs = numbers(o.value(QLatin1String("throughputs")));
    // Idle rows print no rate, but the median of their points is kept (and is what the throughputs give).
    const std::vector<double> throughputs(row.throughputs.begin(), row.throughputs.end());
    row.requestsPerSec = toNumber(o.value(QLatin1String("requests_per_sec")), throughputs.empty() ? 0 : Statistics::median(throughputs));
    const QJsonObject latency = o.value(QLatin1String("latency_ns")).toObject();
    row.p50Ns = latency.value(QLatin1String("p50")).toInteger();
    row.p90Ns = latency.value(QLatin1String("p90")).toInteger();
    row.p99Ns = latency.value(QLatin1String("p99")).toInteger();
    row.p999Ns = latency.value(QLatin1String("p999")).toInteger();
    row.maxNs = latency.value(QLatin1String("max")).toInteger();
    row.completed = o.value(QLatin1String("completed")).toInteger();
    row.errors = o.value(QLatin1String("errors")).toInteger();
    row.errorsByKind = o.value(QLatin1String("errors_by_kind")).toObject();
    row.serverCpuCores = toNumber(o.value(QLatin1String("server_cpu_cores")), -1);
    row.serverPssKb = o.value(QLatin1String("server_pss_kb")).toInteger(-1);
    row.generatorCpuCores = toNumber(o.value(QLatin1String("generator_cpu_cores")), 0);
    row.error = o.value(QLatin1String("error")).toString();
    row.throughputCiLow = toNumber(o.value(QLatin1String("throughput_ci_low")), kNaN);
    row.throughputCiHigh = toNumber(o.value(QLatin1String("throughput_ci_high")), kNaN);
    row.p50CiLowNs = toNumber(o.value(QLatin1String("p50_ci_low")), kNaN);
    row.p50CiHighNs = toNumber(o.value(QLatin1String("p50_ci_high")), kNaN);
    row.p99CiLowNs = toNumber(o.value(QLatin1String("p99_ci_low")), kNaN);
    row.p99CiHighNs = toNumber(o.value(QLatin1String("p99_ci_high")), kNaN);
    row.p99sNs = numbers(o.value(QLatin1String("p99s_ns")));
    row.offeredPerSec = toNumber(o.value(QLatin1String("offered_per_s")), 0);
    row.lost = o.value(QLatin1String("lost")).toInteger();
    return row;
}

CapacityRow ResultJson::capacityRowFromJson(const QJsonObject &o)
{
    CapacityRow row;
    readServerPoint(o, row);
    row.sloP99Ms = o.value(QLatin1String("slo_p99_ms")).toDouble();
    row.rates = numbers(o.value(QLatin1String("rates")));
    row.rate = toNumber(o.value(QLatin1String("rate")), 0);
    row.ciLow = toNumber(o.value(QLatin1String("ci_low")), kNaN);
    row.ciHigh = toNumber(o.value(QLatin1String("ci_high")), kNaN);
    row.perCore = toNumber(o.value(QLatin1String("per_core")), -1);
    for (const QJsonValue &value : o.value(QLatin1String("steps")).toArray()) {
        const QJsonObject step = value.toObject();
        row.steps.append(CapacityStep{step.value(QLatin1String("run")).toInt(), step.value(QLatin1String("offered")).toDouble(),
                                      step.value(QLatin1String("achieved")).toDouble(), step.value(QLatin1String("p99_ns")).toInteger(),
                                      step.value(QLatin1String("met")).toBool()});
    }
    row.error = o.value(QLatin1String("error")).toString();
    return row;
}

ScalingRow ResultJson::scalingRowFromJson(const QJsonObject &o)
{
    ScalingRow row;
    row.benchmark = o.value(QLatin1String("benchmark")).toString();
    row.variant = o.value(QLatin1String("variant")).toString();
    row.runtime = o.value(QLatin1String("runtime")).toString();
    row.workers = o.value(QLatin1String("workers")).toInt();
    row.medianNs = toNumber(o.value(QLatin1String("median_ns")), 0);
    row.speedup = toNumber(o.value(QLatin1String("speedup")), 0);
    row.ci = {row.speedup, toNumber(o.value(QLatin1String("speedup_ci_low")), 0), toNumber(o.value(QLatin1String("speedup_ci_high")), 0)};
    row.efficiency = toNumber(o.value(QLatin1String("efficiency")), 0);
    return row;
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
