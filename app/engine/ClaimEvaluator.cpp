#include "ClaimEvaluator.h"

#include "LatencyObjective.h"
#include "ParallelFor.h"
#include "Statistics.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace showdown {
namespace {

/// A rule part's figures before and after judging, and what it could not find.
struct PartResult {
    QString label;
    QList<ClaimEvidence> evidence;
    QList<double> references;  ///< the article's value per figure, for "within" expectations
    QStringList subjects;      ///< ratio figures: the benchmark (and variants) each one compares, for findings
    QStringList missing;
    QString outcome;           ///< holds, fails, partly, inconclusive, missing
    int contrary = 0;          ///< figures that say the opposite of the part
    QString note;
};

/// What the rule compares: one JavaScript and one Python runtime of the result set (a pairing).
struct Sides {
    QString node;
    QString python;
    std::optional<bool> pythonGil;
};

Sides sidesOf(const ClaimInputs &inputs, const RuntimePairing &pairing)
{
    Sides sides{pairing.javascript, pairing.python, std::nullopt};
    for (const RuntimeInfo &runtime : inputs.runtimes) {
        if (runtime.name == pairing.python)
            sides.pythonGil = runtime.gilEnabled;
    }
    return sides;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    if (value.isString())
        return {value.toString()};
    for (const QJsonValue &item : value.toArray())
        list << (item.isDouble() ? QString::number(item.toInt()) : item.toString());
    return list;
}

QString judge(const ClaimExpectation &expect, const ClaimEvidence &figure, double reference, std::optional<double> maxP, int minN)
{
    const double threshold = expect.threshold;
    if (expect.test == ClaimExpectation::Test::Within)
        return std::abs(figure.value - reference) <= threshold ? ClaimEvidence::kHolds : ClaimEvidence::kContrary;
    if (expect.test == ClaimExpectation::Test::WithinRelative)
        return std::abs(figure.value - reference) <= threshold * std::abs(figure.value) ? ClaimEvidence::kHolds : ClaimEvidence::kContrary;
    const bool above = expect.test == ClaimExpectation::Test::Above;
    // Too few values for an interval: noise could decide, so nothing does.
    if (figure.n < minN)
        return ClaimEvidence::kInconclusive;
    const double low = figure.ciLow.value_or(figure.value);
    const double high = figure.ciHigh.value_or(figure.value);
    if (!std::isfinite(low) || !std::isfinite(high))
        return ClaimEvidence::kInconclusive;
    const bool significant = !maxP || !figure.p || *figure.p <= *maxP;
    const bool aboveAll = low > threshold;
    const bool belowAll = high < threshold;
    if (significant && (above ? aboveAll : belowAll))
        return ClaimEvidence::kHolds;
    if (significant && (above ? belowAll : aboveAll))
        return ClaimEvidence::kContrary;
    return ClaimEvidence::kInconclusive;
}

/// Values a side needs before a figure's interval may decide: load and capacity figures have one value per
/// server process, and two processes already give an interval; the other kinds use the file's min_n.
int minValues(const ClaimPart &rule, const ClaimRules &rules)
{
    if (rule.minN)
        return *rule.minN;
    const bool perProcess = rule.kind == ClaimPartKind::ThroughputRatio || rule.kind == ClaimPartKind::CapacityRatio;
    return perProcess ? 2 : rules.minN();
}

/// Judges each figure against the part's expectation and sets the part's outcome. A figure's p is the one it
/// came with (a ratio figure's: the set's Holm-corrected p of that comparison); nothing is re-corrected here.
void finish(PartResult &part, const ClaimPart &rule, const ClaimRules &rules, bool statistical)
{
    std::optional<double> maxP = rule.maxP;
    if (!maxP && rule.kind == ClaimPartKind::Ratio)
        maxP = rules.maxP();
    const int minN = statistical ? minValues(rule, rules) : 1;
    int holding = 0;
    int contrary = 0;
    for (qsizetype i = 0; i < part.evidence.size(); ++i) {
        ClaimEvidence &figure = part.evidence[i];
        figure.part = part.label;
        // A part without an expectation (not_measurable) judges nothing; ClaimRules requires one elsewhere.
        figure.outcome = rule.expect ? judge(*rule.expect, figure, part.references.value(i), maxP, minN) : ClaimEvidence::kInconclusive;
        holding += figure.outcome == ClaimEvidence::kHolds;
        contrary += figure.outcome == ClaimEvidence::kContrary;
    }
    part.contrary = contrary;
    const qsizetype measured = part.evidence.size();
    // A figure that says the opposite is news the verdict must not average away.
    if (measured == 0)
        part.outcome = QStringLiteral("missing");
    // The share counts what the part asked for: a figure that was never measured cannot help it hold.
    else if (holding > 0
             && (rule.matchAny || (double(holding) / double(measured + part.missing.size()) >= rule.minShare && contrary <= rule.maxContrary)))
        part.outcome = QStringLiteral("holds");
    else if (holding == 0 && contrary == 0)
        part.outcome = QStringLiteral("inconclusive");
    else if (holding == 0)
        part.outcome = QStringLiteral("fails");
    else
        part.outcome = QStringLiteral("partly");
    const QString counts = QStringLiteral("%1 of %2 figures hold, %3 contrary, %4 within the noise")
                               .arg(holding)
                               .arg(measured)
                               .arg(contrary)
                               .arg(measured - holding - contrary);
    if (measured > 0)
        part.note = part.note.isEmpty() ? counts : counts + QStringLiteral("; ") + part.note;
}

/// median(a) / median(b) with its bootstrap CI at the rules' confidence; no p (a ratio part takes the set's).
ClaimEvidence ratioFigure(const QString &figure, const QList<double> &a, const QList<double> &b, double confidence)
{
    ClaimEvidence evidence;
    evidence.figure = figure;
    const RatioEstimate ratio = Statistics::bootstrapRatioOfMedians(a, b, 10000, 20261125, confidence);
    evidence.value = ratio.ratio;
    evidence.ciLow = ratio.ciLow;
    evidence.ciHigh = ratio.ciHigh;
    evidence.n = int(std::min(a.size(), b.size()));
    if (evidence.n < 2) {
        // One value a side has no spread: a bootstrap "interval" would be the point itself.
        evidence.ciLow.reset();
        evidence.ciHigh.reset();
    }
    return evidence;
}

/// The set's comparison of these two rows (ResultAnalysis::comparisons), whose Holm-corrected p a ratio
/// figure reports, so the Performance page and the claim show one p for one figure.
const Comparison *findComparison(const QList<Comparison> &comparisons, const SummaryRow &node, const SummaryRow &python)
{
    const QString variant = node.variant == python.variant ? node.variant : node.variant + QStringLiteral(" / ") + python.variant;
    const auto found = std::find_if(comparisons.begin(), comparisons.end(), [&](const Comparison &c) {
        return c.benchmark == node.benchmark && c.variant == variant && c.workers == node.workers && c.nodeRuntime == node.runtime
               && c.pythonRuntime == python.runtime;
    });
    return found == comparisons.end() ? nullptr : &*found;
}

const SummaryRow *findRow(const QList<SummaryRow> &rows, const QString &benchmark, const QString &variant,
                          const QString &runtime, std::optional<int> workers)
{
    const SummaryRow *best = nullptr;
    for (const SummaryRow &row : rows) {
        if (row.benchmark != benchmark || row.variant != variant || row.runtime != runtime)
            continue;
        if (workers ? row.workers == *workers : (!best || row.workers < best->workers))
            best = &row;
    }
    return best;
}

QString named(const QString &benchmark, const QString &variant)
{
    return variant.isEmpty() ? benchmark : QStringLiteral("%1 (%2)").arg(benchmark, variant);
}

const Benchmark *findBenchmark(const ClaimInputs &inputs, const QString &name)
{
    const auto found = std::find_if(inputs.benchmarks.begin(), inputs.benchmarks.end(), [&](const Benchmark &b) { return b.name == name; });
    return found == inputs.benchmarks.end() ? nullptr : &*found;
}

/// What dominates a compared pair's time: the benchmark's bound, or each side's where its variants differ.
QString boundText(const Benchmark &benchmark, const QString &nodeVariant, const QString &pythonVariant)
{
    const auto sideBound = [&](const QString &kind, const QString &variantName) -> QString {
        for (const BenchmarkVariant &variant : benchmark.variantsFor(kind)) {
            if (variant.name == variantName)
                return benchmark.boundOf(variant) ? benchmark.boundOf(variant)->name() : QString();
        }
        return benchmark.bound ? benchmark.bound->name() : QString();
    };
    const QString node = sideBound(QStringLiteral("node"), nodeVariant);
    const QString python = sideBound(QStringLiteral("python"), pythonVariant);
    return node == python ? node : QStringLiteral("%1 (node) / %2 (python)").arg(node, python);
}

/// The benchmarks a ratio rule names, narrowed to those whose manifest bound is the rule's "bound" (when
/// it has one), so a claim about a JIT is judged only on kernels whose time is the programs' own code.
QStringList selectBenchmarks(const RatioRule &rule, const ClaimInputs &inputs, PartResult &part)
{
    const QStringList &names = rule.benchmarks;
    if (!rule.bound)
        return names;
    const BenchmarkBound wanted = *rule.bound;
    QStringList kept;
    QStringList left;
    for (const QString &name : names) {
        const Benchmark *benchmark = findBenchmark(inputs, name);
        if (!benchmark || !benchmark->bound) {
            part.missing << QStringLiteral("%1: what dominates its time is unknown (%2)")
                                .arg(name, inputs.benchmarksError.isEmpty() ? QStringLiteral("it has no bound in the benchmark manifest")
                                                                            : inputs.benchmarksError);
        } else if (*benchmark->bound == wanted) {
            kept << name;
        } else {
            left << QStringLiteral("%1 (%2)").arg(name, benchmark->bound->name());
        }
    }
    if (!left.isEmpty())
        part.note = QStringLiteral("%1-bound kernels only; left out: %2").arg(wanted.name(), left.join(QStringLiteral(", ")));
    return kept;
}

/// Node against Python on one benchmark and variant pair, or why that pair cannot be compared.
void addRatio(PartResult &part, const ClaimInputs &inputs, const QList<Comparison> &comparisons, const Sides &sides,
              const ClaimRules &rules, const QString &benchmark,
              const QString &nodeVariant, const QString &pythonVariant, std::optional<int> workers)
{
    const SummaryRow *node = findRow(inputs.rows, benchmark, nodeVariant, sides.node, workers);
    const SummaryRow *python = findRow(inputs.rows, benchmark, pythonVariant, sides.python, workers);
    if (!node || !python) {
        const QString what = !node ? named(benchmark, nodeVariant) : named(benchmark, pythonVariant);
        const QString runtime = !node ? sides.node : sides.python;
        // With no result set open there is no runtime to name.
        part.missing << (runtime.isEmpty() ? QStringLiteral("%1 has no results").arg(what)
                                           : QStringLiteral("%1 has no results on %2").arg(what, runtime));
        return;
    }
    if (!node->valid() || !python->valid()) {
        const SummaryRow *bad = node->valid() ? python : node;
        part.missing << QStringLiteral("%1 on %2: %3").arg(named(benchmark, bad->variant), bad->runtime,
                                                          bad->error.isEmpty() ? QStringLiteral("no valid samples") : bad->error);
        return;
    }
    const QString variants = nodeVariant == pythonVariant ? nodeVariant : nodeVariant + QStringLiteral(" / ") + pythonVariant;
    ClaimEvidence figure = ratioFigure(QStringLiteral("%1/%2 time ratio, %3").arg(sides.node, sides.python, named(benchmark, variants)),
                                       node->values, python->values, rules.confidence());
    figure.source = QStringLiteral("%1/%2/%3,%4").arg(benchmark, variants, sides.node, sides.python);
    if (const Comparison *comparison = findComparison(comparisons, *node, *python); comparison && figure.n >= 2)
        figure.p = comparison->pHolm;
    if (const Benchmark *entry = findBenchmark(inputs, benchmark)) {
        figure.bound = boundText(*entry, nodeVariant, pythonVariant);
        figure.notes = entry->notes;
    }
    part.evidence << figure;
    part.subjects << named(benchmark, variants);
}

PartResult ratioPart(const RatioRule &rule, const ClaimInputs &inputs, const QList<Comparison> &comparisons, const Sides &sides,
                     const ClaimRules &rules)
{
    PartResult part;
    // A side may name several variants (e.g. asyncio and uvloop): each pair is one figure.
    for (const QString &benchmark : selectBenchmarks(rule, inputs, part)) {
        for (const QString &nodeVariant : rule.nodeVariants) {
            for (const QString &pythonVariant : rule.pythonVariants)
                addRatio(part, inputs, comparisons, sides, rules, benchmark, nodeVariant, pythonVariant, rule.workers);
        }
    }
    return part;
}

/// Pairs the server rows (LoadRow or CapacityRow) a load part reads: each numerator server against each
/// denominator server at the same connection count, on the compared runtimes; what is absent or invalid goes to
/// `part.missing` (`what` names a row: "point", "capacity search"). `figure` turns a pair into the part's figure.
template <typename Row, typename MakeFigure>
void pairServerRows(const ServerPoints &rule, const QList<Row> &rows, const Sides &sides, const QString &what, PartResult &part,
                    MakeFigure figure)
{
    const auto rowsOf = [&](const QString &server, int workers) {
        QList<const Row *> found;
        for (const Row &row : rows) {
            const bool connectionsMatch = rule.connections.isEmpty() ? row.connections >= rule.minConnections : rule.connections.contains(row.connections);
            if (row.server == server && row.kind == rule.measure && (rule.endpoint.isEmpty() || row.endpoint == rule.endpoint)
                && row.workers == workers && connectionsMatch && (row.runtime == sides.node || row.runtime == sides.python))
                found << &row;
        }
        return found;
    };
    const QString where = rule.endpoint.isEmpty() ? rule.measure : rule.measure + QLatin1Char(' ') + rule.endpoint;
    QString at;
    if (!rule.connections.isEmpty())
        at = QStringLiteral(" at the listed connection counts");
    else if (rule.minConnections > 0)
        at = QStringLiteral(" at >= %1 connections").arg(rule.minConnections);
    QSet<QString> reported;
    const auto reportMissing = [&](const QString &server, int workers) {
        const QString text = QStringLiteral("%1 with %2 worker(s) has no %3 %4%5").arg(server).arg(workers).arg(where, what, at);
        if (!reported.contains(text))
            part.missing << text;
        reported.insert(text);
    };
    for (const QString &top : rule.numerator.servers) {
        const QList<const Row *> topRows = rowsOf(top, rule.numerator.workers);
        if (topRows.isEmpty())
            reportMissing(top, rule.numerator.workers);
        for (const QString &bottom : rule.denominator.servers) {
            if (rule.sameServer && bottom != top)
                continue;
            const QList<const Row *> bottomRows = rowsOf(bottom, rule.denominator.workers);
            if (bottomRows.isEmpty())
                reportMissing(bottom, rule.denominator.workers);
            for (const Row *a : topRows) {
                for (const Row *b : bottomRows) {
                    if (a->connections != b->connections)
                        continue;
                    if (!a->valid() || !b->valid()) {
                        const Row *bad = a->valid() ? b : a;
                        part.missing << QStringLiteral("%1 at %2 connections: %3").arg(bad->server).arg(bad->connections).arg(bad->error);
                        continue;
                    }
                    const QString workersText = rule.sameServer
                                                    ? QStringLiteral(" (%1 vs %2 workers)").arg(rule.numerator.workers).arg(rule.denominator.workers)
                                                    : QString();
                    std::optional<ClaimEvidence> evidence = figure(*a, *b, workersText);
                    if (!evidence)
                        continue;
                    evidence->source = QStringLiteral("%1/%2,%3/%4/%5 connections").arg(a->benchmark, top, bottom, a->endpoint).arg(a->connections);
                    part.evidence << *evidence;
                }
            }
        }
    }
}

/// A load point the server kept up with: a chat room delivered (nearly) everything offered, an HTTP point
/// had no errors. Comparing two servers where either fell behind compares two overloads.
bool sustained(const LoadRow &row)
{
    if (row.kind == QLatin1String("chat"))
        return row.offeredPerSec > 0 && row.requestsPerSec >= LatencyObjective::kMinDeliveredShare * row.offeredPerSec;
    return row.errors == 0;
}

PartResult throughputPart(const ThroughputRatioRule &rule, const ClaimInputs &inputs, const Sides &sides, const ClaimRules &rules)
{
    PartResult part;
    const QString unit = rule.points.measure == QLatin1String("chat") ? QStringLiteral("messages/s delivered") : QStringLiteral("requests/s");
    QStringList overloaded;
    pairServerRows(rule.points, inputs.loadRows, sides, QStringLiteral("point"), part, [&](const LoadRow &a, const LoadRow &b, const QString &workersText) -> std::optional<ClaimEvidence> {
        if (rule.onlySustained && (!sustained(a) || !sustained(b))) {
            overloaded << QStringLiteral("%1 connections").arg(a.connections);
            return std::nullopt;
        }
        if (rule.p99) {
            // Each process's own p99, so the ratio of their medians has an interval like throughput's.
            ClaimEvidence figure = ratioFigure(QStringLiteral("%1/%2 p99 latency at %3 connections%4").arg(a.server, b.server).arg(a.connections).arg(workersText),
                                               a.p99sNs, b.p99sNs, rules.confidence());
            if (a.p99sNs.isEmpty() || b.p99sNs.isEmpty())
                figure.value = b.p99Ns > 0 ? double(a.p99Ns) / double(b.p99Ns) : std::nan("");  // an older analysis: pooled, no interval
            return figure;
        }
        return ratioFigure(QStringLiteral("%1/%2 %3 at %4 connections%5").arg(a.server, b.server, unit).arg(a.connections).arg(workersText),
                           a.throughputs, b.throughputs, rules.confidence());
    });
    if (!overloaded.isEmpty()) {
        overloaded.removeDuplicates();
        part.note = QStringLiteral("left out where either server fell behind the offered load: %1").arg(overloaded.join(QStringLiteral(", ")));
        if (part.evidence.isEmpty())
            part.missing << QStringLiteral("no point both servers sustained");
    }
    return part;
}

PartResult capacityPart(const CapacityRatioRule &rule, const ClaimInputs &inputs, const Sides &sides, const ClaimRules &rules)
{
    PartResult part;
    pairServerRows(rule.points, inputs.capacityRows, sides, QStringLiteral("capacity search"), part, [&](const CapacityRow &a, const CapacityRow &b, const QString &workersText) {
        const QString at = a.kind == QLatin1String("chat") ? QStringLiteral("%1 clients").arg(a.connections)
                                                           : QStringLiteral("%1, %2 connections").arg(a.endpoint).arg(a.connections);
        ClaimEvidence figure = ratioFigure(QStringLiteral("%1/%2 capacity at p99 under %3 ms, %4%5")
                                               .arg(a.server, b.server)
                                               .arg(a.sloP99Ms, 0, 'g', 4)
                                               .arg(at, workersText),
                                           a.rates, b.rates, rules.confidence());
        if (b.rate <= 0)
            figure.figure += QStringLiteral(" (%1 met the objective at no rate)").arg(b.server);
        return std::optional<ClaimEvidence>(figure);
    });
    return part;
}

PartResult memoryPart(const MemoryRule &rule, const ClaimInputs &inputs, const Sides &sides)
{
    PartResult part;
    const auto idleRow = [&](const QString &server, int connections) -> const LoadRow * {
        for (const LoadRow &row : inputs.loadRows) {
            if (row.server == server && row.kind == QLatin1String("idle") && row.connections == connections
                && (row.runtime == sides.node || row.runtime == sides.python) && row.serverPssKb >= 0)
                return &row;
        }
        return nullptr;
    };
    for (const QString &server : rule.servers) {
        const LoadRow *baseline = idleRow(server, 0);
        if (!baseline) {
            part.missing << QStringLiteral("%1 has no idle-memory row with 0 connections").arg(server);
            continue;
        }
        for (int connections : rule.connections) {
            const LoadRow *loaded = idleRow(server, connections);
            if (!loaded) {
                part.missing << QStringLiteral("%1 has no idle-memory row with %2 connections").arg(server).arg(connections);
                continue;
            }
            ClaimEvidence figure;
            figure.figure = QStringLiteral("%1 KB per idle connection at %2 (PSS %3 KB vs %4 KB idle)")
                                .arg(server)
                                .arg(connections)
                                .arg(loaded->serverPssKb)
                                .arg(baseline->serverPssKb);
            figure.value = double(loaded->serverPssKb - baseline->serverPssKb) / connections;
            figure.n = std::min(loaded->points, baseline->points);
            figure.source = QStringLiteral("%1/%2/%3/idle %4").arg(loaded->benchmark, server, loaded->runtime).arg(connections);
            part.evidence << figure;
        }
    }
    return part;
}

PartResult speedupPart(const SpeedupRule &rule, const ClaimInputs &inputs, const Sides &sides)
{
    PartResult part;
    const QString &benchmark = rule.benchmark;
    const QString &variant = rule.variant;
    const bool python = rule.runtimeKind == QLatin1String("python");
    const QString runtime = python ? sides.python : sides.node;
    if (python && sides.pythonGil == false)
        part.note = QStringLiteral("%1 runs without the GIL (free-threaded build)").arg(runtime);
    for (int workers : rule.workers) {
        const auto found = std::find_if(inputs.scalingRows.begin(), inputs.scalingRows.end(), [&](const ScalingRow &row) {
            return row.benchmark == benchmark && row.variant == variant && row.runtime == runtime && row.workers == workers;
        });
        const SummaryRow *single = findRow(inputs.rows, benchmark, variant, runtime, 1);
        const SummaryRow *many = findRow(inputs.rows, benchmark, variant, runtime, workers);
        if (found == inputs.scalingRows.end() || found->speedup <= 0 || !single || !many) {
            part.missing << QStringLiteral("%1 has no speed-up at %2 workers on %3").arg(named(benchmark, variant)).arg(workers).arg(runtime);
            continue;
        }
        ClaimEvidence figure;
        figure.figure = QStringLiteral("%1 speed-up at %2 workers on %3").arg(named(benchmark, variant)).arg(workers).arg(runtime);
        figure.value = found->speedup;
        figure.ciLow = found->ci.ciLow;
        figure.ciHigh = found->ci.ciHigh;
        figure.n = int(std::min(single->stats.n, many->stats.n));
        figure.source = QStringLiteral("%1/%2/%3/%4 workers").arg(benchmark, variant, runtime).arg(workers);
        part.evidence << figure;
    }
    return part;
}

QList<DatasetRow> selectRows(const DatasetTable &table, const QJsonObject &where)
{
    QList<DatasetRow> rows;
    for (const DatasetRow &row : table.rows()) {
        bool all = true;
        for (auto it = where.begin(); it != where.end() && all; ++it)
            all = strings(it.value()).contains(row.field(it.key()));
        if (all)
            rows << row;
    }
    return rows;
}

QString rowLabel(const DatasetRow &row)
{
    QString label = row.field(QStringLiteral("subject")) + QStringLiteral(", ") + row.field(QStringLiteral("metric"));
    for (const QString &context : {QStringLiteral("population"), QStringLiteral("year"), QStringLiteral("date")}) {
        if (!row.field(context).isEmpty())
            label += QStringLiteral(", ") + row.field(context);
    }
    return label;
}

ClaimEvidence datasetFigure(const QString &file, const DatasetRow &row)
{
    ClaimEvidence figure;
    figure.figure = rowLabel(row);
    figure.value = row.number(QStringLiteral("value")).value_or(std::nan(""));
    figure.n = 1;
    figure.source = QStringLiteral("%1:%2 %3").arg(file).arg(row.line).arg(row.field(QStringLiteral("source_title")));
    figure.url = row.field(QStringLiteral("source_url"));
    return figure;
}

/// The dataset a rule part names, or nullptr with the part told what is missing.
const DatasetTable *tableFor(const QString &file, const ClaimInputs &inputs, PartResult &part)
{
    const DatasetTable *table = inputs.datasets.table(file);
    if (!table)
        part.missing << QStringLiteral("dataset %1 is not loaded").arg(file);
    return table;
}

PartResult datasetPart(const DatasetRule &rule, const ClaimInputs &inputs)
{
    PartResult part;
    const QString &file = rule.file;
    const DatasetTable *table = tableFor(file, inputs, part);
    if (!table)
        return part;
    QList<DatasetRow> rows = selectRows(*table, rule.where);
    const double article = rule.articleValue;
    if (rows.isEmpty()) {
        part.missing << (rule.missingNote.isEmpty() ? QStringLiteral("no row of %1 matches the rule").arg(file) : rule.missingNote);
        return part;
    }
    const QString &latestBy = rule.latestBy;
    if (!latestBy.isEmpty()) {
        // The closest dated figure tells the reader when the article's number was true.
        const auto closest = std::min_element(rows.begin(), rows.end(), [&](const DatasetRow &a, const DatasetRow &b) {
            return std::abs(a.number(QStringLiteral("value")).value_or(0) - article) < std::abs(b.number(QStringLiteral("value")).value_or(0) - article);
        });
        part.note = QStringLiteral("the article's %1 is closest to %2 on %3 (%4)")
                        .arg(article, 0, 'g', 10)
                        .arg(closest->field(QStringLiteral("value")), closest->field(latestBy), closest->field(QStringLiteral("source_title")));
        QString latest;
        for (const DatasetRow &row : rows)
            latest = std::max(latest, row.field(latestBy));
        rows.erase(std::remove_if(rows.begin(), rows.end(), [&](const DatasetRow &row) { return row.field(latestBy) != latest; }), rows.end());
    }
    for (const DatasetRow &row : rows) {
        ClaimEvidence figure = datasetFigure(file, row);
        figure.figure += QStringLiteral(" (article: %1)").arg(article, 0, 'g', 10);
        part.evidence << figure;
        part.references << article;
    }
    return part;
}

PartResult datasetRatioPart(const DatasetRatioRule &rule, const ClaimInputs &inputs)
{
    PartResult part;
    const QString &file = rule.file;
    const DatasetTable *table = tableFor(file, inputs, part);
    if (!table)
        return part;
    const QString &dateColumn = rule.dateColumn;
    const QList<DatasetRow> tops = selectRows(*table, rule.numerator);
    const QList<DatasetRow> bottoms = selectRows(*table, rule.denominator);
    for (const DatasetRow &top : tops) {
        for (const DatasetRow &bottom : bottoms) {
            const std::optional<double> a = top.number(QStringLiteral("value"));
            const std::optional<double> b = bottom.number(QStringLiteral("value"));
            if (top.field(dateColumn) != bottom.field(dateColumn) || !a || !b || *b == 0)
                continue;
            ClaimEvidence figure = datasetFigure(file, top);
            figure.figure = QStringLiteral("%1 %2 / %3 %4 on %5 (%6 vs %7)")
                                .arg(top.field(QStringLiteral("subject")), top.field(QStringLiteral("metric")),
                                     bottom.field(QStringLiteral("subject")), bottom.field(QStringLiteral("metric")), top.field(dateColumn),
                                     top.field(QStringLiteral("value")), bottom.field(QStringLiteral("value")));
            figure.value = *a / *b;
            figure.source += QStringLiteral("; %1:%2 %3").arg(file).arg(bottom.line).arg(bottom.field(QStringLiteral("source_title")));
            part.evidence << figure;
        }
    }
    if (part.evidence.isEmpty())
        part.missing << QStringLiteral("%1 has no date on which both sides are given").arg(file);
    return part;
}

PartResult notMeasurablePart(const NotMeasurableRule &rule, const QString &label, const ClaimInputs &inputs)
{
    PartResult part;
    part.missing << (rule.missingNote.isEmpty() ? QStringLiteral("not measurable") : rule.missingNote);
    std::vector<double> ratios;
    for (const SourceSize &size : inputs.sourceSizes) {
        ClaimEvidence figure;
        figure.figure = QStringLiteral("python/node gzip bytes, %1 (%2 vs %3 bytes) - a proxy")
                            .arg(size.benchmark)
                            .arg(size.pythonGzipBytes)
                            .arg(size.nodeGzipBytes);
        figure.value = double(size.pythonGzipBytes) / double(size.nodeGzipBytes);
        figure.n = 1;
        figure.source = QStringLiteral("resources/benchmarks/{node/%1.js,python/%1.py}").arg(size.benchmark);
        figure.part = label;
        figure.outcome = ClaimEvidence::kProxy;
        ratios.push_back(figure.value);
        part.evidence << figure;
    }
    part.outcome = QStringLiteral("missing");
    part.note = ratios.empty() ? QStringLiteral("no benchmark program pairs were found for the source-size proxy")
                               : QStringLiteral("proxy only: the Python programs' gzip size is %1x the Node programs' (median of %2 "
                                                "equivalent pairs; below 1 means Python is shorter). Shorter is not the same as easier")
                                     .arg(Statistics::median(ratios), 0, 'f', 2)
                                     .arg(ratios.size());
    return part;
}

PartResult evaluatePart(const ClaimPart &rule, const ClaimInputs &inputs, const QList<Comparison> &comparisons, const Sides &sides,
                        const ClaimRules &rules)
{
    PartResult part;
    bool statistical = true;
    switch (rule.kind) {
    case ClaimPartKind::NotMeasurable:
        part = notMeasurablePart(std::get<NotMeasurableRule>(rule.rule), rule.label, inputs);
        part.label = rule.label;
        return part;
    case ClaimPartKind::Ratio:
        part = ratioPart(std::get<RatioRule>(rule.rule), inputs, comparisons, sides, rules);
        break;
    case ClaimPartKind::ThroughputRatio:
        part = throughputPart(std::get<ThroughputRatioRule>(rule.rule), inputs, sides, rules);
        break;
    case ClaimPartKind::CapacityRatio:
        part = capacityPart(std::get<CapacityRatioRule>(rule.rule), inputs, sides, rules);
        break;
    case ClaimPartKind::Speedup:
        part = speedupPart(std::get<SpeedupRule>(rule.rule), inputs, sides);
        break;
    case ClaimPartKind::MemoryPerConnection:
        statistical = false;
        part = memoryPart(std::get<MemoryRule>(rule.rule), inputs, sides);
        break;
    case ClaimPartKind::Dataset:
        statistical = false;
        part = datasetPart(std::get<DatasetRule>(rule.rule), inputs);
        break;
    case ClaimPartKind::DatasetRatio:
        statistical = false;
        part = datasetRatioPart(std::get<DatasetRatioRule>(rule.rule), inputs);
        break;
    }
    part.label = rule.label;
    finish(part, rule, rules, statistical);
    return part;
}

QString describe(const PartResult &part)
{
    QString text;
    if (part.outcome == QLatin1String("holds"))
        text = QStringLiteral("holds");
    else if (part.outcome == QLatin1String("inconclusive"))
        text = QStringLiteral("inconclusive: every figure's interval straddles the threshold or has too few values to decide");
    else if (part.outcome == QLatin1String("fails"))
        text = QStringLiteral("does not hold");
    else if (part.outcome == QLatin1String("partly"))
        text = QStringLiteral("holds only in part");
    else
        text = QStringLiteral("not measured");
    if (!part.note.isEmpty())
        text += QStringLiteral(" (") + part.note + QLatin1Char(')');
    if (!part.missing.isEmpty())
        text += QStringLiteral("; missing: ") + part.missing.join(QStringLiteral("; "));
    return part.label + QStringLiteral(": ") + text + QLatin1Char('.');
}

/// "CPython's C built-ins (python3) win sort, word-count": a side's declared name (plural) with its runtime,
/// or the runtime's name alone.
QString winners(const QString &name, const QString &runtime, const QStringList &wins)
{
    return name.isEmpty() ? QStringLiteral("%1 wins %2").arg(runtime, wins.join(QStringLiteral(", ")))
                          : QStringLiteral("%1 (%2) win %3").arg(name, runtime, wins.join(QStringLiteral(", ")));
}

/// A ratio read as "who is faster" and reported beside the verdict: the same figures, CIs and Holm
/// correction as a part, with Node faster where a part would hold and Python faster where it would be contrary.
ClaimFinding evaluateFinding(const ClaimFindingRule &rule, const ClaimInputs &inputs, const QList<Comparison> &comparisons,
                             const Sides &sides, const ClaimRules &rules)
{
    ClaimPart judged;
    judged.kind = ClaimPartKind::Ratio;
    judged.label = rule.label;
    judged.expect = ClaimExpectation{ClaimExpectation::Test::Below, 1};
    judged.rule = rule.ratio;
    PartResult part = ratioPart(rule.ratio, inputs, comparisons, sides, rules);
    part.label = rule.label;
    finish(part, judged, rules, true);
    ClaimFinding finding;
    finding.label = part.label;
    finding.missing = part.missing;
    for (qsizetype i = 0; i < part.evidence.size(); ++i) {
        ClaimEvidence figure = part.evidence.at(i);
        const QString subject = part.subjects.value(i);
        if (figure.outcome == ClaimEvidence::kHolds) {
            figure.outcome = ClaimFinding::kNodeFaster;
            finding.nodeWins << subject;
        } else if (figure.outcome == ClaimEvidence::kContrary) {
            figure.outcome = ClaimFinding::kPythonFaster;
            finding.pythonWins << subject;
        } else {
            figure.outcome = ClaimFinding::kTooClose;
            finding.tooClose << subject;
        }
        finding.evidence << figure;
    }
    QStringList clauses;
    // The side with more wins first: that is the headline.
    const bool pythonFirst = finding.pythonWins.size() >= finding.nodeWins.size();
    for (const bool python : {pythonFirst, !pythonFirst}) {
        const QStringList &wins = python ? finding.pythonWins : finding.nodeWins;
        if (!wins.isEmpty())
            clauses << winners(python ? rule.pythonSide : rule.nodeSide, python ? sides.python : sides.node, wins);
    }
    if (clauses.isEmpty() && !finding.tooClose.isEmpty())
        clauses << QStringLiteral("neither side wins any with its CI clear of 1x");
    if (!finding.tooClose.isEmpty())
        clauses << QStringLiteral("too close to call: %1").arg(finding.tooClose.join(QStringLiteral(", ")));
    if (!finding.missing.isEmpty())
        clauses << QStringLiteral("not measured: %1").arg(finding.missing.join(QStringLiteral("; ")));
    finding.summary = QStringLiteral("%1: %2.").arg(finding.label, clauses.join(QStringLiteral("; ")));
    return finding;
}

/// The verdict of one claim with the set's comparisons already at hand.
ClaimVerdict evaluateWith(const ClaimRule &claim, const ClaimRules &rules, const ClaimInputs &inputs, const QList<Comparison> &comparisons,
                          const Sides &sides)
{
    ClaimVerdict verdict;
    verdict.id = claim.id;
    verdict.title = claim.title;
    verdict.articleSays = claim.articleSays;
    int holding = 0;
    int failing = 0;
    int inconclusive = 0;
    int missing = 0;
    QStringList lines;
    for (const ClaimPart &rule : claim.parts) {
        const PartResult part = evaluatePart(rule, inputs, comparisons, sides, rules);
        holding += part.outcome == QLatin1String("holds");
        failing += part.outcome == QLatin1String("fails");
        inconclusive += part.outcome == QLatin1String("inconclusive");
        missing += part.outcome == QLatin1String("missing");
        if (part.outcome == QLatin1String("holds"))
            verdict.holdingParts << part.label;
        verdict.missing << part.missing;
        verdict.evidence << part.evidence;
        lines << describe(part);
    }
    const int parts = int(claim.parts.size());
    if (missing == parts)
        verdict.verdict = ClaimVerdict::kNotMeasured;
    else if (holding == parts)
        verdict.verdict = ClaimVerdict::kSupported;
    else if (holding == 0 && failing > 0 && failing + inconclusive + missing == parts)
        verdict.verdict = ClaimVerdict::kNotSupported;
    else if (holding == 0 && inconclusive + missing == parts)
        verdict.verdict = ClaimVerdict::kInconclusive;
    else
        verdict.verdict = ClaimVerdict::kMixed;
    verdict.why = lines.join(QLatin1Char(' '));
    for (const ClaimFindingRule &rule : claim.findings)
        verdict.findings << evaluateFinding(rule, inputs, comparisons, sides, rules);
    return verdict;
}

/// The set's comparisons: the caller's, or derived from its rows the way ResultSetAnalysis derives them.
QList<Comparison> comparisonsOf(const ClaimInputs &inputs)
{
    return inputs.comparisons.isEmpty() ? ResultAnalysis::comparisons(inputs.rows) : inputs.comparisons;
}

/// The pairing a single verdict is about: the caller's, else the baselines'; empty sides when a family is absent.
Sides primarySides(const ClaimInputs &inputs)
{
    const std::optional<RuntimePairing> pairing = inputs.pairing ? inputs.pairing : inputs.runtimeBaselines().primary();
    return pairing ? sidesOf(inputs, *pairing) : Sides{};
}

} // namespace

ClaimVerdict ClaimEvaluator::evaluateClaim(const ClaimRule &claim, const ClaimRules &rules, const ClaimInputs &inputs)
{
    return evaluateWith(claim, rules, inputs, comparisonsOf(inputs), primarySides(inputs));
}

QList<ClaimVerdict> ClaimEvaluator::evaluate(const ClaimRules &rules, const ClaimInputs &inputs)
{
    const QList<Comparison> comparisons = comparisonsOf(inputs);
    const Sides sides = primarySides(inputs);
    // Claims are judged independently, each bootstrap with its own fixed seed: side by side, the same verdicts.
    const QList<ClaimRule> claims = rules.claims();
    QList<ClaimVerdict> verdicts(claims.size());
    ClaimVerdict *out = verdicts.data();  // detached once here, written by index from each thread
    parallelFor(std::size_t(claims.size()), [&](std::size_t i) { out[i] = evaluateWith(claims.at(qsizetype(i)), rules, inputs, comparisons, sides); });
    return verdicts;
}

QList<PairingVerdicts> ClaimEvaluator::evaluateMatrix(const ClaimRules &rules, const ClaimInputs &inputs)
{
    const QList<Comparison> comparisons = comparisonsOf(inputs);
    const QList<RuntimePairing> pairings = inputs.runtimeBaselines().pairings();
    const QList<ClaimRule> claims = rules.claims();
    QList<PairingVerdicts> matrix;
    for (const RuntimePairing &pairing : pairings)
        matrix.append({pairing, QList<ClaimVerdict>(claims.size())});
    // Every claim of every pairing is its own job: one pairing's claims would leave a core idle.
    const std::size_t perPairing = std::size_t(claims.size());
    parallelFor(perPairing * std::size_t(pairings.size()), [&](std::size_t job) {
        const qsizetype pairing = qsizetype(job / perPairing);
        const qsizetype claim = qsizetype(job % perPairing);
        matrix[pairing].verdicts[claim] = evaluateWith(claims.at(claim), rules, inputs, comparisons, sidesOf(inputs, pairings.at(pairing)));
    });
    return matrix;
}

QList<ClaimVerdict> ClaimEvaluator::baselineVerdicts(const QList<PairingVerdicts> &matrix, const ClaimRules &rules,
                                                     const ClaimInputs &inputs)
{
    return matrix.isEmpty() ? evaluate(rules, inputs) : matrix.first().verdicts;
}

QString ClaimEvaluator::verdictByPairing(const QList<PairingVerdicts> &matrix, const QString &claimId)
{
    QStringList parts;
    QSet<QString> verdicts;
    for (const PairingVerdicts &column : matrix) {
        for (const ClaimVerdict &verdict : column.verdicts) {
            if (verdict.id != claimId)
                continue;
            verdicts.insert(verdict.verdict);
            parts << QStringLiteral("%1 for %2").arg(verdict.verdict, column.pairing.label());
        }
    }
    return verdicts.size() > 1 ? parts.join(QStringLiteral("; ")) : QString();
}

} // namespace showdown
