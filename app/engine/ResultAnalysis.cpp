#include "ResultAnalysis.h"

#include "LatencyHistogram.h"
#include "LatencyObjective.h"
#include "ParallelFor.h"

#include <QMap>

#include <algorithm>
#include <vector>

namespace showdown {
namespace {

constexpr double kNoisyCv = 0.10;
constexpr double kShortSampleNs = 1e6;

std::optional<double> medianOf(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    return Statistics::median(values);
}

/// The seed of every across-process bootstrap of a load or capacity row: fixed, so a set's rows are the same
/// on every computation.
constexpr std::uint64_t kAcrossProcessSeed = 20261125;

/// Median of one value per server process with its bootstrap 95% CI (NaN bounds with fewer than two).
RatioEstimate acrossProcesses(const std::vector<double> &values)
{
    return Statistics::bootstrapMedian(values, 10000, kAcrossProcessSeed);
}

/// Whether a load or capacity row is the one for this server process's point (same server, target and load).
template <typename Row>
bool sameServerPoint(const Row &row, const Sample &sample, const LoadPoint &point)
{
    return row.benchmark == sample.benchmark && row.server == sample.variant && row.runtime == sample.runtime && row.kind == point.kind
           && row.endpoint == point.endpoint && row.connections == point.connections && row.workers == point.workers;
}

/// A new load or capacity row named after a server process's point.
template <typename Row>
Row serverPointRow(const Sample &sample, const LoadPoint &point, const QMap<QString, QString> &kindOf)
{
    Row row;
    row.benchmark = sample.benchmark;
    row.server = sample.variant;
    row.runtime = sample.runtime;
    row.runtimeKind = kindOf.value(sample.runtime);
    row.kind = point.kind;
    row.endpoint = point.endpoint;
    row.connections = point.connections;
    row.workers = point.workers;
    return row;
}

/// Chat: every message offered to every member of the room per second; 0 for other kinds.
double offeredPerSec(const LoadPoint &point)
{
    return point.kind == QLatin1String("chat") ? point.rate * point.connections : 0;
}

/// Chat deliveries that never arrived: the generator's own count when it reports one, else what was offered
/// (each sent message once per client) minus what was delivered.
qint64 lostOf(const LoadPoint &point)
{
    if (point.errors.contains(QLatin1String("lost")))
        return point.errors.value(QLatin1String("lost")).toInteger();
    return std::max<qint64>(0, point.sent * point.connections - point.completed);
}

/// A point's throughput as its row reports it: chat's delivered rate never above what was offered (messages
/// timed from the end of the warm-up can include a few sent before it).
double deliveredPerSec(const LoadPoint &point)
{
    const double offered = offeredPerSec(point);
    return offered > 0 ? std::min(point.throughput(), offered) : point.throughput();
}

} // namespace

bool ResultAnalysis::isServerSample(const Sample &sample)
{
    static const QStringList kServerMeasures = {QStringLiteral("http"), QStringLiteral("idle"), QStringLiteral("chat")};
    return kServerMeasures.contains(sample.extra.value(QLatin1String("measure")).toString()) || !sample.points.isEmpty();
}

QList<SummaryRow> ResultAnalysis::rows(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes)
{
    QMap<QString, QString> kindOf;
    for (const RuntimeInfo &runtime : runtimes)
        kindOf.insert(runtime.name, runtime.kind);

    // Keep the order in which benchmarks and runtimes first appear: it is the order they ran in.
    QList<SummaryRow> result;
    QList<std::vector<double>> values;
    QList<std::vector<double>> firsts;
    QList<std::vector<double>> warmups;
    QList<std::vector<double>> cpu;
    auto rowFor = [&](const Sample &sample) -> qsizetype {
        for (qsizetype i = 0; i < result.size(); ++i) {
            const SummaryRow &row = result.at(i);
            if (row.benchmark == sample.benchmark && row.variant == sample.variant && row.runtime == sample.runtime
                && row.workers == sample.workers)
                return i;
        }
        SummaryRow row;
        row.benchmark = sample.benchmark;
        row.variant = sample.variant;
        row.runtime = sample.runtime;
        row.runtimeKind = kindOf.value(sample.runtime);
        row.workers = sample.workers;
        result.append(row);
        values.append(std::vector<double>());
        firsts.append(std::vector<double>());
        warmups.append(std::vector<double>());
        cpu.append(std::vector<double>());
        return result.size() - 1;
    };

    for (const Sample &sample : samples) {
        if (isServerSample(sample))
            continue;  // servers are summarised per load point by loadRows()
        const qsizetype index = rowFor(sample);
        SummaryRow &row = result[index];
        ++row.processes;
        if (!sample.valid()) {
            if (++row.invalidProcesses == 1)
                row.error = sample.error;
            continue;
        }
        row.peakRssKb = std::max(row.peakRssKb, sample.peakRssKb);
        cpu[index].push_back(double(sample.userNs + sample.sysNs));
        for (qint64 ns : sample.iterationsNs)
            values[index].push_back(double(ns));
        for (qint64 ns : sample.warmupNs)
            warmups[index].push_back(double(ns));
        // Only a program that times its own iterations has a first one to compare with the steady state.
        if (!sample.warmupNs.isEmpty())
            firsts[index].push_back(double(sample.warmupNs.first()));
        else if (sample.iterationsNs.size() > 1)
            firsts[index].push_back(double(sample.iterationsNs.first()));
    }

    for (qsizetype i = 0; i < result.size(); ++i) {
        SummaryRow &row = result[i];
        row.stats = Statistics::summarize(values[i]);
        row.values = QList<double>(values[i].begin(), values[i].end());
        row.firstIterationNs = medianOf(firsts[i]);
        row.warmupMedianNs = medianOf(warmups[i]);
        row.cpuNs = medianOf(cpu[i]).value_or(0);
        if (row.invalidProcesses > 0)
            row.error = QStringLiteral("%1 of %2 processes failed; first: %3").arg(row.invalidProcesses).arg(row.processes).arg(row.error);
        if (row.stats.n == 0)
            continue;
        if (row.stats.cv > kNoisyCv)
            row.warnings.append(QStringLiteral("noisy: CV %1% is above 10%").arg(row.stats.cv * 100, 0, 'f', 1));
        if (row.stats.median < kShortSampleNs)
            row.warnings.append(QStringLiteral("samples under 1 ms: timer overhead matters"));
        if (const auto outliers = Statistics::outliers(values[i]); !outliers.empty())
            row.warnings.append(QStringLiteral("%1 outlier(s) by modified z-score").arg(outliers.size()));
    }
    return result;
}

namespace {

using RowPair = std::pair<const SummaryRow *, const SummaryRow *>;

/// What a comparison of two rows measures: the ratio of medians (first / second) with its bootstrap CI,
/// the Mann-Whitney p and its Holm correction across every pair given.
struct PairFigures {
    RatioEstimate ratio;
    double pValue = 1;
    double pHolm = 1;
};

std::vector<PairFigures> measurePairs(const QList<RowPair> &pairs)
{
    // Each pair's bootstrap has its own fixed seed: computed side by side, the figures are the same as one by one.
    std::vector<PairFigures> figures(std::size_t(pairs.size()));
    parallelFor(figures.size(), [&](std::size_t i) {
        const std::vector<double> a(pairs.at(qsizetype(i)).first->values.begin(), pairs.at(qsizetype(i)).first->values.end());
        const std::vector<double> b(pairs.at(qsizetype(i)).second->values.begin(), pairs.at(qsizetype(i)).second->values.end());
        figures[i].ratio = Statistics::bootstrapRatioOfMedians(a, b);
        figures[i].pValue = Statistics::mannWhitneyP(a, b);
    });
    std::vector<double> pValues;
    for (const PairFigures &figure : figures)
        pValues.push_back(figure.pValue);
    const std::vector<double> adjusted = Statistics::holm(pValues);
    for (std::size_t i = 0; i < figures.size(); ++i)
        figures[i].pHolm = adjusted[i];
    return figures;
}

/// Copies a pair's figures into a Comparison or a RuntimeComparison, which name them alike.
template <typename ComparisonType>
void setFigures(ComparisonType &comparison, const PairFigures &figures)
{
    comparison.ratio = figures.ratio;
    comparison.pValue = figures.pValue;
    comparison.pHolm = figures.pHolm;
}

} // namespace

QList<Comparison> ResultAnalysis::comparisons(const QList<SummaryRow> &rows)
{
    QList<RowPair> pairs;
    for (const SummaryRow &node : rows) {
        if (node.runtimeKind != QLatin1String("node") || node.stats.n == 0)
            continue;
        for (const SummaryRow &python : rows) {
            // Variants of one benchmark compute the same result, so every Node variant faces every Python one
            // (Float64Array against numpy and against pure Python), at the same worker count.
            if (python.runtimeKind != QLatin1String("python") || python.benchmark != node.benchmark
                || python.workers != node.workers || python.stats.n == 0)
                continue;
            pairs.append(RowPair(&node, &python));
        }
    }
    const std::vector<PairFigures> figures = measurePairs(pairs);
    QList<Comparison> result;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const SummaryRow &node = *pairs.at(i).first;
        const SummaryRow &python = *pairs.at(i).second;
        Comparison comparison;
        comparison.benchmark = node.benchmark;
        comparison.variant = node.variant == python.variant ? node.variant : node.variant + QStringLiteral(" / ") + python.variant;
        comparison.workers = node.workers;
        comparison.nodeRuntime = node.runtime;
        comparison.pythonRuntime = python.runtime;
        setFigures(comparison, figures[std::size_t(i)]);
        comparison.valid = node.valid() && python.valid();
        result.append(comparison);
    }
    return result;
}

QList<RuntimeComparison> ResultAnalysis::runtimeComparisons(const QList<SummaryRow> &rows, const RuntimeBaselines &baselines)
{
    QList<RowPair> pairs;
    QList<RuntimeFamily> families;
    for (const RuntimeFamily family : {RuntimeFamily::JavaScript, RuntimeFamily::Python}) {
        const QString baseline = baselines.baseline(family);
        for (const RuntimeInfo &runtime : baselines.members(family)) {
            if (runtime.name == baseline)
                continue;
            for (const SummaryRow &row : rows) {
                if (row.runtime != runtime.name || row.stats.n == 0)
                    continue;
                // The same program on both: the variant is part of what is compared.
                const auto base = std::find_if(rows.begin(), rows.end(), [&](const SummaryRow &other) {
                    return other.runtime == baseline && other.benchmark == row.benchmark && other.variant == row.variant
                           && other.workers == row.workers && other.stats.n > 0;
                });
                if (base == rows.end())
                    continue;
                pairs.append(RowPair(&row, &*base));
                families.append(family);
            }
        }
    }
    const std::vector<PairFigures> figures = measurePairs(pairs);
    QList<RuntimeComparison> result;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const SummaryRow &row = *pairs.at(i).first;
        const SummaryRow &base = *pairs.at(i).second;
        RuntimeComparison comparison;
        comparison.family = families.at(i);
        comparison.benchmark = row.benchmark;
        comparison.variant = row.variant;
        comparison.workers = row.workers;
        comparison.runtime = row.runtime;
        comparison.baseline = base.runtime;
        setFigures(comparison, figures[std::size_t(i)]);
        comparison.valid = row.valid() && base.valid();
        result.append(comparison);
    }
    return result;
}

QList<ScalingRow> ResultAnalysis::scalingRows(const QList<SummaryRow> &rows)
{
    QList<ScalingRow> result;
    for (const SummaryRow &row : rows) {
        if (row.workers < 1)
            continue;
        ScalingRow scaling;
        scaling.benchmark = row.benchmark;
        scaling.variant = row.variant;
        scaling.runtime = row.runtime;
        scaling.workers = row.workers;
        scaling.medianNs = row.stats.n > 0 ? row.stats.median : 0;
        const auto single = std::find_if(rows.begin(), rows.end(), [&](const SummaryRow &other) {
            return other.benchmark == row.benchmark && other.variant == row.variant && other.runtime == row.runtime && other.workers == 1;
        });
        if (single != rows.end() && single->stats.n > 0 && row.stats.n > 0 && single->valid() && row.valid()) {
            const std::vector<double> one(single->values.begin(), single->values.end());
            const std::vector<double> many(row.values.begin(), row.values.end());
            // The ratio of time at one worker to time at N is the speed-up; its bootstrap CI comes with it.
            scaling.ci = Statistics::bootstrapRatioOfMedians(one, many);
            scaling.speedup = scaling.ci.ratio;
            scaling.efficiency = scaling.speedup / row.workers;
        }
        result.append(scaling);
    }
    return result;
}

QList<LoadRow> ResultAnalysis::loadRows(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes)
{
    QMap<QString, QString> kindOf;
    for (const RuntimeInfo &runtime : runtimes)
        kindOf.insert(runtime.name, runtime.kind);
    QList<LoadRow> result;
    QList<LatencyHistogram> histograms;
    QList<std::vector<double>> serverCpu, serverPss, generatorCpu, p50s, p99s, offered;
    auto rowFor = [&](const Sample &sample, const LoadPoint &point) -> qsizetype {
        for (qsizetype i = 0; i < result.size(); ++i) {
            if (sameServerPoint(result.at(i), sample, point) && result.at(i).rate == point.rate)
                return i;
        }
        LoadRow row = serverPointRow<LoadRow>(sample, point, kindOf);
        row.rate = point.rate;
        result.append(row);
        histograms.append(LatencyHistogram());
        serverCpu.append(std::vector<double>());
        serverPss.append(std::vector<double>());
        generatorCpu.append(std::vector<double>());
        p50s.append(std::vector<double>());
        p99s.append(std::vector<double>());
        offered.append(std::vector<double>());
        return result.size() - 1;
    };
    for (const Sample &sample : samples) {
        for (const LoadPoint &point : sample.points) {
            if (point.sloP99Ms > 0)
                continue;  // a capacity-search step: capacityRows() reads it
            const qsizetype index = rowFor(sample, point);
            LoadRow &row = result[index];
            if (!point.valid()) {
                if (row.error.isEmpty())
                    row.error = point.error.isEmpty() ? QStringLiteral("no request completed") : point.error;
                continue;
            }
            QString histogramError;
            const std::optional<LatencyHistogram> latency = LatencyHistogram::fromJson(point.latency, &histogramError);
            if (!latency && point.kind != QLatin1String("idle")) {
                row.error = QStringLiteral("stored latency histogram unreadable: %1").arg(histogramError);
                continue;
            }
            if (latency && latency->count() > 0) {
                histograms[index].merge(*latency);
                p50s[index].push_back(double(latency->percentile(50)));
                p99s[index].push_back(double(latency->percentile(99)));
            }
            ++row.points;
            row.throughputs.append(deliveredPerSec(point));
            if (point.kind == QLatin1String("chat")) {
                offered[index].push_back(offeredPerSec(point));
                row.lost += lostOf(point);
            }
            row.completed += point.completed;
            row.errors += point.errorCount();
            for (auto it = point.errors.begin(); it != point.errors.end(); ++it)
                row.errorsByKind.insert(it.key(), row.errorsByKind.value(it.key()).toInteger() + it.value().toInteger());
            if (point.serverCpuNs >= 0 && point.durationS > 0)
                serverCpu[index].push_back(double(point.serverCpuNs) / 1e9 / point.durationS);
            if (point.serverPssKb >= 0)
                serverPss[index].push_back(double(point.serverPssKb));
            if (point.durationS > 0)
                generatorCpu[index].push_back(double(point.generatorCpuNs) / 1e9 / point.durationS);
        }
        // A server that failed before its first point still has to show up, with its error.
        if (sample.points.isEmpty() && !sample.valid()) {
            LoadPoint none;
            none.kind = sample.extra.value(QLatin1String("measure")).toString();
            none.workers = std::max(sample.workers, 1);
            LoadRow &row = result[rowFor(sample, none)];
            if (row.error.isEmpty())
                row.error = sample.error;
        }
    }
    for (qsizetype i = 0; i < result.size(); ++i) {
        LoadRow &row = result[i];
        if (row.points > 0)
            row.error.clear();  // one failed repetition does not void the others; its errors are counted
        const std::vector<double> throughputs(row.throughputs.begin(), row.throughputs.end());
        row.requestsPerSec = medianOf(throughputs).value_or(0);
        if (throughputs.size() >= 2) {
            const RatioEstimate throughput = acrossProcesses(throughputs);
            row.throughputCiLow = throughput.ciLow;
            row.throughputCiHigh = throughput.ciHigh;
        }
        if (p50s.at(i).size() >= 2) {
            const RatioEstimate p50 = acrossProcesses(p50s.at(i));
            row.p50CiLowNs = p50.ciLow;
            row.p50CiHighNs = p50.ciHigh;
        }
        row.p99sNs = QList<double>(p99s.at(i).begin(), p99s.at(i).end());
        if (p99s.at(i).size() >= 2) {
            const RatioEstimate p99 = acrossProcesses(p99s.at(i));
            row.p99CiLowNs = p99.ciLow;
            row.p99CiHighNs = p99.ciHigh;
        }
        row.offeredPerSec = medianOf(offered.at(i)).value_or(0);
        const LatencyHistogram &h = histograms.at(i);
        if (h.count() > 0) {
            row.p50Ns = h.percentile(50);
            row.p90Ns = h.percentile(90);
            row.p99Ns = h.percentile(99);
            row.p999Ns = h.percentile(99.9);
            row.maxNs = h.max();
        }
        row.serverCpuCores = medianOf(serverCpu.at(i)).value_or(-1);
        row.serverPssKb = serverPss.at(i).empty() ? -1 : qint64(*medianOf(serverPss.at(i)));
        row.generatorCpuCores = medianOf(generatorCpu.at(i)).value_or(0);
    }
    return result;
}

QList<CapacityRow> ResultAnalysis::capacityRows(const QList<Sample> &samples, const QList<RuntimeInfo> &runtimes)
{
    QMap<QString, QString> kindOf;
    for (const RuntimeInfo &runtime : runtimes)
        kindOf.insert(runtime.name, runtime.kind);
    QList<CapacityRow> result;
    QList<std::vector<double>> perCore;
    auto rowFor = [&](const Sample &sample, const LoadPoint &point) -> qsizetype {
        for (qsizetype i = 0; i < result.size(); ++i) {
            if (sameServerPoint(result.at(i), sample, point) && result.at(i).sloP99Ms == point.sloP99Ms)
                return i;
        }
        CapacityRow row = serverPointRow<CapacityRow>(sample, point, kindOf);
        row.sloP99Ms = point.sloP99Ms;
        result.append(row);
        perCore.append(std::vector<double>());
        return result.size() - 1;
    };
    for (const Sample &sample : samples) {
        // One server process: its capacity per searched point is its highest step that met the objective.
        struct Best {
            double rate = 0;
            double perCore = -1;
        };
        QMap<qsizetype, Best> best;
        for (const LoadPoint &point : sample.points) {
            if (point.sloP99Ms <= 0)
                continue;
            const qsizetype index = rowFor(sample, point);
            const bool met = LatencyObjective{point.sloP99Ms}.metBy(point);
            CapacityStep step;
            step.runIndex = sample.runIndex;
            step.offered = point.rate;
            step.achieved = point.throughput();
            if (const std::optional<LatencyHistogram> latency = LatencyHistogram::fromJson(point.latency, nullptr); latency && latency->count() > 0)
                step.p99Ns = latency->percentile(99);
            step.met = met;
            result[index].steps.append(step);
            Best &process = best[index];  // a process that searched counts, with 0 when no step met
            if (met && point.rate >= process.rate) {
                process.rate = point.rate;
                const double cores = point.serverCpuNs >= 0 && point.durationS > 0 ? double(point.serverCpuNs) / 1e9 / point.durationS : 0;
                process.perCore = cores > 0 ? point.throughput() / cores : -1;
            }
        }
        for (auto it = best.begin(); it != best.end(); ++it) {
            result[it.key()].rates.append(it.value().rate);
            if (it.value().perCore > 0)
                perCore[it.key()].push_back(it.value().perCore);
        }
    }
    for (qsizetype i = 0; i < result.size(); ++i) {
        CapacityRow &row = result[i];
        const std::vector<double> rates(row.rates.begin(), row.rates.end());
        const RatioEstimate capacity = acrossProcesses(rates);
        row.rate = capacity.ratio;
        row.ciLow = capacity.ciLow;
        row.ciHigh = capacity.ciHigh;
        row.perCore = medianOf(perCore.at(i)).value_or(-1);
    }
    return result;
}

} // namespace showdown
