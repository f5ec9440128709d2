#include "ResultAnalysis.h"

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

QList<Comparison> ResultAnalysis::comparisons(const QList<SummaryRow> &rows)
{
    QList<Comparison> result;
    for (const SummaryRow &node : rows) {
        if (node.runtimeKind != QLatin1String("node") || node.stats.n == 0)
            continue;
        for (const SummaryRow &python : rows) {
            // Variants of one benchmark compute the same result, so every Node variant faces every Python one
            // (Float64Array against numpy and against pure Python), at the same worker count.
            if (python.runtimeKind != QLatin1String("python") || python.benchmark != node.benchmark
                || python.workers != node.workers || python.stats.n == 0)
                continue;
            const std::vector<double> a(node.values.begin(), node.values.end());
            const std::vector<double> b(python.values.begin(), python.values.end());
            Comparison comparison;
            comparison.benchmark = node.benchmark;
            comparison.variant = node.variant == python.variant ? node.variant : node.variant + QStringLiteral(" / ") + python.variant;
            comparison.workers = node.workers;
            comparison.nodeRuntime = node.runtime;
            comparison.pythonRuntime = python.runtime;
            comparison.ratio = Statistics::bootstrapRatioOfMedians(a, b);
            comparison.pValue = Statistics::mannWhitneyP(a, b);
            comparison.valid = node.valid() && python.valid();
            result.append(comparison);
        }
    }
    std::vector<double> pValues;
    for (const Comparison &comparison : result)
        pValues.push_back(comparison.pValue);
    const std::vector<double> adjusted = Statistics::holm(pValues);
    for (qsizetype i = 0; i < result.size(); ++i)
        result[i].pHolm = adjusted[std::size_t(i)];
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

} // namespace showdown
