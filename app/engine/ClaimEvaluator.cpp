#include "ClaimEvaluator.h"

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
    QString outcome;           ///< holds, fails, partly, missing
    int contrary = 0;          ///< figures that say the opposite of the part
    QString note;
};

/// What the rule compares: the first node and the first python runtime of the result set.
struct Sides {
    QString node;
    QString python;
    std::optional<bool> pythonGil;
};

Sides pickSides(const ClaimInputs &inputs)
{
    Sides sides;
    for (const RuntimeInfo &runtime : inputs.runtimes) {
        if (runtime.isNode() && sides.node.isEmpty())
            sides.node = runtime.name;
        if (runtime.isPython() && sides.python.isEmpty()) {
            sides.python = runtime.name;
            sides.pythonGil = runtime.gilEnabled;
        }
    }
    // Without runtime records (an old or partial result set) fall back to the rows' own runtime kinds.
    for (const SummaryRow &row : inputs.rows) {
        if (row.runtimeKind == QLatin1String("node") && sides.node.isEmpty())
            sides.node = row.runtime;
        if (row.runtimeKind == QLatin1String("python") && sides.python.isEmpty())
            sides.python = row.runtime;
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

QList<int> integers(const QJsonValue &value)
{
    QList<int> list;
    if (value.isDouble())
        return {value.toInt()};
    for (const QJsonValue &item : value.toArray())
        list << item.toInt();
    return list;
}

QString judge(const QJsonObject &expect, const ClaimEvidence &figure, double reference, std::optional<double> maxP, int minN,
              std::optional<double> singlePointMargin)
{
    const QString how = expect.begin().key();
    const double threshold = expect.begin().value().toDouble();
    if (how == QLatin1String("within"))
        return std::abs(figure.value - reference) <= threshold ? ClaimEvidence::kHolds : ClaimEvidence::kContrary;
    if (how == QLatin1String("within_relative"))
        return std::abs(figure.value - reference) <= threshold * std::abs(figure.value) ? ClaimEvidence::kHolds : ClaimEvidence::kContrary;
    const bool above = how == QLatin1String("above");
    if (figure.n < minN) {
        // Too few values for a CI: only a declared margin around the threshold may decide, never noise.
        if (!singlePointMargin || figure.n < 1 || !std::isfinite(figure.value))
            return ClaimEvidence::kInconclusive;
        const double high = threshold * *singlePointMargin;
        const double low = threshold / *singlePointMargin;
        if (above ? figure.value > high : figure.value < low)
            return ClaimEvidence::kHolds;
        if (above ? figure.value < low : figure.value > high)
            return ClaimEvidence::kContrary;
        return ClaimEvidence::kInconclusive;
    }
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

/// Holm-corrects the part's p-values (its figures are one family), judges each figure and sets the outcome.
void finish(PartResult &part, const QJsonObject &rule, const ClaimRules &rules, bool statistical)
{
    std::vector<double> raw;
    for (const ClaimEvidence &figure : part.evidence)
        raw.push_back(figure.p.value_or(std::nan("")));
    const std::vector<double> adjusted = Statistics::holm(raw);
    std::optional<double> maxP;
    if (rule.contains(QStringLiteral("max_p")))
        maxP = rule.value(QStringLiteral("max_p")).toDouble();
    else if (rule.value(QStringLiteral("kind")).toString() == QLatin1String("ratio"))
        maxP = rules.maxP();
    const int minN = statistical ? rule.value(QStringLiteral("min_n")).toInt(rules.minN()) : 1;
    std::optional<double> margin;
    if (rule.contains(QStringLiteral("single_point_margin")))
        margin = rule.value(QStringLiteral("single_point_margin")).toDouble();
    int holding = 0;
    int contrary = 0;
    for (qsizetype i = 0; i < part.evidence.size(); ++i) {
        ClaimEvidence &figure = part.evidence[i];
        figure.part = part.label;
        if (figure.p)
            figure.p = adjusted[size_t(i)];
        figure.outcome = judge(rule.value(QStringLiteral("expect")).toObject(), figure, part.references.value(i), maxP, minN, margin);
        holding += figure.outcome == ClaimEvidence::kHolds;
        contrary += figure.outcome == ClaimEvidence::kContrary;
    }
    part.contrary = contrary;
    const qsizetype measured = part.evidence.size();
    const bool any = rule.value(QStringLiteral("match")).toString() == QLatin1String("any");
    const double minShare = rule.value(QStringLiteral("min_share")).toDouble(1.0);
    // A figure that says the opposite is news the verdict must not average away.
    const int maxContrary = rule.value(QStringLiteral("max_contrary")).toInt(0);
    if (measured == 0)
        part.outcome = QStringLiteral("missing");
    // The share counts what the part asked for: a figure that was never measured cannot help it hold.
    else if (holding > 0 && (any || (double(holding) / double(measured + part.missing.size()) >= minShare && contrary <= maxContrary)))
        part.outcome = QStringLiteral("holds");
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

ClaimEvidence ratioFigure(const QString &figure, const QList<double> &a, const QList<double> &b, double confidence)
{
    ClaimEvidence evidence;
    evidence.figure = figure;
    const RatioEstimate ratio = Statistics::bootstrapRatioOfMedians(a, b, 10000, 20261125, confidence);
    evidence.value = ratio.ratio;
    evidence.ciLow = ratio.ciLow;
    evidence.ciHigh = ratio.ciHigh;
    evidence.n = int(std::min(a.size(), b.size()));
    evidence.p = Statistics::mannWhitneyP(a, b);
    if (evidence.n < 2) {
        // One value a side has no spread: a bootstrap "interval" would be the point itself, a p-value meaningless.
        evidence.ciLow.reset();
        evidence.ciHigh.reset();
        evidence.p.reset();
    }
    return evidence;
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
QStringList selectBenchmarks(const QJsonObject &rule, const ClaimInputs &inputs, PartResult &part)
{
    const QStringList names = strings(rule.value(QStringLiteral("benchmarks")));
    if (!rule.contains(QStringLiteral("bound")))
        return names;
    // ClaimRules has rejected any other spelling.
    const BenchmarkBound wanted = BenchmarkBound::parse(rule.value(QStringLiteral("bound")).toString()).value_or(BenchmarkBound{});
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
void addRatio(PartResult &part, const ClaimInputs &inputs, const Sides &sides, const ClaimRules &rules, const QString &benchmark,
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
    if (const Benchmark *entry = findBenchmark(inputs, benchmark)) {
        figure.bound = boundText(*entry, nodeVariant, pythonVariant);
        figure.notes = entry->notes;
    }
    part.evidence << figure;
    part.subjects << named(benchmark, variants);
}

PartResult ratioPart(const QJsonObject &rule, const ClaimInputs &inputs, const Sides &sides, const ClaimRules &rules)
{
    PartResult part;
    // A side may name several variants (e.g. asyncio and uvloop): each pair is one figure.
    QStringList nodeVariants = strings(rule.value(QStringLiteral("node_variant")));
    QStringList pythonVariants = strings(rule.value(QStringLiteral("python_variant")));
    if (nodeVariants.isEmpty())
        nodeVariants << QString();
    if (pythonVariants.isEmpty())
        pythonVariants << QString();
    std::optional<int> workers;
    if (rule.contains(QStringLiteral("workers")))
        workers = rule.value(QStringLiteral("workers")).toInt();
    for (const QString &benchmark : selectBenchmarks(rule, inputs, part)) {
        for (const QString &nodeVariant : nodeVariants) {
            for (const QString &pythonVariant : pythonVariants)
                addRatio(part, inputs, sides, rules, benchmark, nodeVariant, pythonVariant, workers);
        }
    }
    return part;
}

PartResult throughputPart(const QJsonObject &rule, const ClaimInputs &inputs, const Sides &sides, const ClaimRules &rules)
{
    PartResult part;
    const QString measure = rule.value(QStringLiteral("measure")).toString();
    const QString endpoint = rule.value(QStringLiteral("endpoint")).toString();
    const QList<int> connections = integers(rule.value(QStringLiteral("connections")));
    const int minConnections = rule.value(QStringLiteral("min_connections")).toInt(0);
    const bool sameServer = rule.value(QStringLiteral("pairing")).toString() == QLatin1String("same_server");
    const bool p99 = rule.value(QStringLiteral("figure")).toString() == QLatin1String("p99");
    const QString unit = measure == QLatin1String("chat") ? QStringLiteral("messages/s") : QStringLiteral("requests/s");
    const auto rowsOf = [&](const QString &server, int workers) {
        QList<const LoadRow *> found;
        for (const LoadRow &row : inputs.loadRows) {
            const bool connectionsMatch = connections.isEmpty() ? row.connections >= minConnections : connections.contains(row.connections);
            if (row.server == server && row.kind == measure && (endpoint.isEmpty() || row.endpoint == endpoint)
                && row.workers == workers && connectionsMatch && (row.runtime == sides.node || row.runtime == sides.python))
                found << &row;
        }
        return found;
    };
    const QJsonObject numerator = rule.value(QStringLiteral("numerator")).toObject();
    const QJsonObject denominator = rule.value(QStringLiteral("denominator")).toObject();
    const int numeratorWorkers = numerator.value(QStringLiteral("workers")).toInt(1);
    const int denominatorWorkers = denominator.value(QStringLiteral("workers")).toInt(1);
    const QString where = endpoint.isEmpty() ? measure : measure + QLatin1Char(' ') + endpoint;
    QString at;
    if (!connections.isEmpty())
        at = QStringLiteral(" at the listed connection counts");
    else if (minConnections > 0)
        at = QStringLiteral(" at >= %1 connections").arg(minConnections);
    QSet<QString> reported;
    const auto reportMissing = [&](const QString &server, int workers) {
        const QString text = QStringLiteral("%1 with %2 worker(s) has no %3 point%4").arg(server).arg(workers).arg(where, at);
        if (!reported.contains(text))
            part.missing << text;
        reported.insert(text);
    };
    for (const QString &top : strings(numerator.value(QStringLiteral("servers")))) {
        const QList<const LoadRow *> topRows = rowsOf(top, numeratorWorkers);
        if (topRows.isEmpty())
            reportMissing(top, numeratorWorkers);
        for (const QString &bottom : strings(denominator.value(QStringLiteral("servers")))) {
            if (sameServer && bottom != top)
                continue;
            const QList<const LoadRow *> bottomRows = rowsOf(bottom, denominatorWorkers);
            if (bottomRows.isEmpty())
                reportMissing(bottom, denominatorWorkers);
            for (const LoadRow *a : topRows) {
                for (const LoadRow *b : bottomRows) {
                    if (a->connections != b->connections)
                        continue;
                    if (!a->valid() || !b->valid()) {
                        const LoadRow *bad = a->valid() ? b : a;
                        part.missing << QStringLiteral("%1 at %2 connections: %3").arg(bad->server).arg(bad->connections).arg(bad->error);
                        continue;
                    }
                    const QString workersText = sameServer ? QStringLiteral(" (%1 vs %2 workers)").arg(numeratorWorkers).arg(denominatorWorkers)
                                                           : QString();
                    ClaimEvidence figure;
                    if (p99) {
                        // Percentiles come from merged histograms, so they have no per-process spread to bootstrap.
                        figure.figure = QStringLiteral("%1/%2 p99 latency at %3 connections%4").arg(top, bottom).arg(a->connections).arg(workersText);
                        figure.value = b->p99Ns > 0 ? double(a->p99Ns) / double(b->p99Ns) : std::nan("");
                        figure.n = std::min(a->points, b->points);
                    } else {
                        figure = ratioFigure(QStringLiteral("%1/%2 %3 at %4 connections%5").arg(top, bottom, unit).arg(a->connections).arg(workersText),
                                             a->throughputs, b->throughputs, rules.confidence());
                    }
                    figure.source = QStringLiteral("%1/%2,%3/%4/%5 connections").arg(a->benchmark, top, bottom, a->endpoint).arg(a->connections);
                    part.evidence << figure;
                }
            }
        }
    }
    return part;
}

PartResult memoryPart(const QJsonObject &rule, const ClaimInputs &inputs, const Sides &sides)
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
    for (const QString &server : strings(rule.value(QStringLiteral("servers")))) {
        const LoadRow *baseline = idleRow(server, 0);
        if (!baseline) {
            part.missing << QStringLiteral("%1 has no idle-memory row with 0 connections").arg(server);
            continue;
        }
        for (int connections : integers(rule.value(QStringLiteral("connections")))) {
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

PartResult speedupPart(const QJsonObject &rule, const ClaimInputs &inputs, const Sides &sides)
{
    PartResult part;
    const QString benchmark = rule.value(QStringLiteral("benchmark")).toString();
    const QString variant = rule.value(QStringLiteral("variant")).toString();
    const bool python = rule.value(QStringLiteral("runtime_kind")).toString() == QLatin1String("python");
    const QString runtime = python ? sides.python : sides.node;
    if (python && sides.pythonGil == false)
        part.note = QStringLiteral("%1 runs without the GIL (free-threaded build)").arg(runtime);
    for (int workers : integers(rule.value(QStringLiteral("workers")))) {
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
const DatasetTable *tableFor(const QJsonObject &rule, const ClaimInputs &inputs, PartResult &part)
{
    const QString file = rule.value(QStringLiteral("file")).toString();
    const DatasetTable *table = inputs.datasets.table(file);
    if (!table)
        part.missing << QStringLiteral("dataset %1 is not loaded").arg(file);
    return table;
}

PartResult datasetPart(const QJsonObject &rule, const ClaimInputs &inputs)
{
    PartResult part;
    const QString file = rule.value(QStringLiteral("file")).toString();
    const DatasetTable *table = tableFor(rule, inputs, part);
    if (!table)
        return part;
    QList<DatasetRow> rows = selectRows(*table, rule.value(QStringLiteral("where")).toObject());
    const double article = rule.value(QStringLiteral("article_value")).toDouble();
    if (rows.isEmpty()) {
        part.missing << rule.value(QStringLiteral("missing_note")).toString(QStringLiteral("no row of %1 matches the rule").arg(file));
        return part;
    }
    const QString latestBy = rule.value(QStringLiteral("latest_by")).toString();
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

PartResult datasetRatioPart(const QJsonObject &rule, const ClaimInputs &inputs)
{
    PartResult part;
    const QString file = rule.value(QStringLiteral("file")).toString();
    const DatasetTable *table = tableFor(rule, inputs, part);
    if (!table)
        return part;
    const QString dateColumn = rule.value(QStringLiteral("date_column")).toString();
    const QList<DatasetRow> tops = selectRows(*table, rule.value(QStringLiteral("numerator")).toObject());
    const QList<DatasetRow> bottoms = selectRows(*table, rule.value(QStringLiteral("denominator")).toObject());
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

PartResult notMeasurablePart(const QJsonObject &rule, const ClaimInputs &inputs)
{
    PartResult part;
    part.missing << rule.value(QStringLiteral("missing_note")).toString(QStringLiteral("not measurable"));
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
        figure.part = rule.value(QStringLiteral("label")).toString();
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

PartResult evaluatePart(const QJsonObject &rule, const ClaimInputs &inputs, const Sides &sides, const ClaimRules &rules)
{
    const QString kind = rule.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("not_measurable")) {
        PartResult part = notMeasurablePart(rule, inputs);
        part.label = rule.value(QStringLiteral("label")).toString();
        return part;
    }
    PartResult part;
    bool statistical = true;
    if (kind == QLatin1String("ratio"))
        part = ratioPart(rule, inputs, sides, rules);
    else if (kind == QLatin1String("throughput_ratio"))
        part = throughputPart(rule, inputs, sides, rules);
    else if (kind == QLatin1String("speedup"))
        part = speedupPart(rule, inputs, sides);
    else {
        statistical = false;
        if (kind == QLatin1String("memory_per_connection"))
            part = memoryPart(rule, inputs, sides);
        else if (kind == QLatin1String("dataset"))
            part = datasetPart(rule, inputs);
        else
            part = datasetRatioPart(rule, inputs);
    }
    part.label = rule.value(QStringLiteral("label")).toString();
    finish(part, rule, rules, statistical);
    return part;
}

QString describe(const PartResult &part)
{
    QString text;
    if (part.outcome == QLatin1String("holds"))
        text = QStringLiteral("holds");
    else if (part.outcome == QLatin1String("fails") && part.contrary == 0)
        text = QStringLiteral("not shown: every figure is within the noise or has too few values to decide");
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
QString winners(const QJsonObject &names, const QString &kind, const QString &runtime, const QStringList &wins)
{
    const QString name = names.value(kind).toString();
    return name.isEmpty() ? QStringLiteral("%1 wins %2").arg(runtime, wins.join(QStringLiteral(", ")))
                          : QStringLiteral("%1 (%2) win %3").arg(name, runtime, wins.join(QStringLiteral(", ")));
}

/// A ratio read as "who is faster" and reported beside the verdict: the same figures, CIs and Holm
/// correction as a part, with Node faster where a part would hold and Python faster where it would be contrary.
ClaimFinding evaluateFinding(const QJsonObject &rule, const ClaimInputs &inputs, const Sides &sides, const ClaimRules &rules)
{
    QJsonObject judged = rule;
    judged.insert(QStringLiteral("expect"), QJsonObject{{QStringLiteral("below"), 1}});
    PartResult part = ratioPart(judged, inputs, sides, rules);
    part.label = rule.value(QStringLiteral("label")).toString();
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
    const QJsonObject names = rule.value(QStringLiteral("sides")).toObject();
    QStringList clauses;
    // The side with more wins first: that is the headline.
    const bool pythonFirst = finding.pythonWins.size() >= finding.nodeWins.size();
    for (const bool python : {pythonFirst, !pythonFirst}) {
        const QStringList &wins = python ? finding.pythonWins : finding.nodeWins;
        if (!wins.isEmpty())
            clauses << winners(names, python ? QStringLiteral("python") : QStringLiteral("node"), python ? sides.python : sides.node, wins);
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

} // namespace

ClaimVerdict ClaimEvaluator::evaluateClaim(const ClaimRule &claim, const ClaimRules &rules, const ClaimInputs &inputs)
{
    const Sides sides = pickSides(inputs);
    ClaimVerdict verdict;
    verdict.id = claim.id;
    verdict.title = claim.title;
    verdict.articleSays = claim.articleSays;
    int holding = 0;
    int failing = 0;
    int missing = 0;
    QStringList lines;
    for (const QJsonObject &rule : claim.parts) {
        const PartResult part = evaluatePart(rule, inputs, sides, rules);
        holding += part.outcome == QLatin1String("holds");
        failing += part.outcome == QLatin1String("fails");
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
    else if (holding == 0 && failing + missing == parts)
        verdict.verdict = ClaimVerdict::kNotSupported;
    else
        verdict.verdict = ClaimVerdict::kMixed;
    verdict.why = lines.join(QLatin1Char(' '));
    for (const QJsonObject &rule : claim.findings)
        verdict.findings << evaluateFinding(rule, inputs, sides, rules);
    return verdict;
}

QList<ClaimVerdict> ClaimEvaluator::evaluate(const ClaimRules &rules, const ClaimInputs &inputs)
{
    QList<ClaimVerdict> verdicts;
    for (const ClaimRule &claim : rules.claims())
        verdicts << evaluateClaim(claim, rules, inputs);
    return verdicts;
}

} // namespace showdown
