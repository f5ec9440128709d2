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
            if (row.benchmark == sample.benchmark && row.variant == sample.variant && row.runtime == sample.runtime)
                return i;
        }
        SummaryRow row;
        row.benchmark = sample.benchmark;
        row.variant = sample.variant;
        row.runtime = sample.runtime;
        row.runtimeKind = kindOf.value(sample.runtime);
        result.append(row);
        values.append(std::vector<double>());
        firsts.append(std::vector<double>());
        warmups.append(std::vector<double>());
        cpu.append(std::vector<double>());
        return result.size() - 1;
    };

    for (const Sample &sample : samples) {
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
            if (python.runtimeKind != QLatin1String("python") || python.benchmark != node.benchmark
                || python.variant != node.variant || python.stats.n == 0)
                continue;
            const std::vector<double> a(node.values.begin(), node.values.end());
            const std::vector<double> b(python.values.begin(), python.values.end());
            Comparison comparison;
            comparison.benchmark = node.benchmark;
            comparison.variant = node.variant;
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

} // namespace showdown
