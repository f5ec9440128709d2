#include "ReportWriter.h"

#include "ChartCategories.h"
#include "ChartFactory.h"
#include "ClaimEvaluator.h"
#include "ClaimEvidenceDialog.h"
#include "ForeignLoad.h"
#include "Format.h"
#include "HtmlReportDocument.h"
#include "MachineIdentity.h"
#include "MachineState.h"
#include "ReportLayout.h"
#include "ResultComparison.h"
#include "ServerReport.h"
#include "ServerRows.h"
#include "UserBenchmarkReport.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPageLayout>
#include <QPdfWriter>
#include <QFontMetricsF>

#include <cmath>

namespace showdown {
namespace {

constexpr qreal kChartHeight = 400;
constexpr qreal kPlotWidth = 520;  // ReportLayout::kTextWidth (673 px) less the value axis, its title and margins
constexpr qsizetype kCategoriesPerChart = 7;  // beyond this ChartFactory slants the labels; upright they read best

/// Categories cut into groups small enough for one chart each: every label fits its slot upright (measured in the
/// paper's label font), at most kCategoriesPerChart, and a benchmark's categories (its variant pairings at one worker
/// count) always on one chart, so each chart pairs its rows as the comparisons do.
QList<QList<ChartCategory>> categoryGroups(const QList<ChartCategory> &categories)
{
    if (categories.isEmpty())
        return {};
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(ReportLayout::kChartLabelPoints);
    const QFontMetricsF metrics(font);
    qreal widest = 0;
    for (const ChartCategory &category : categories) {
        for (const QString &line : category.lines())
            widest = std::max(widest, metrics.horizontalAdvance(line));
    }
    const qsizetype perChart = std::clamp(qsizetype(kPlotWidth / (widest + 12)), qsizetype(1), kCategoriesPerChart);
    // Blocks of categories that must stay together: one benchmark at one worker count.
    QList<QList<ChartCategory>> blocks;
    for (const ChartCategory &category : categories) {
        if (blocks.isEmpty() || blocks.last().first().benchmark != category.benchmark || blocks.last().first().workers != category.workers)
            blocks.append(QList<ChartCategory>());
        blocks.last().append(category);
    }
    // Whole blocks, a chart filled up to `limit` categories before the next begins.
    const auto pack = [&blocks](qsizetype limit) {
        QList<QList<ChartCategory>> groups{{}};
        for (const QList<ChartCategory> &block : blocks) {
            if (!groups.last().isEmpty() && groups.last().size() + block.size() > limit)
                groups.append(QList<ChartCategory>());
            groups.last().append(block);
        }
        return groups;
    };
    // As few charts as the limit allows, then as even as the blocks allow (13 → 7 + 6, not 7 + 6 + 0 or 12 + 1),
    // so no chart is left nearly empty.
    const QList<QList<ChartCategory>> fewest = pack(perChart);
    const QList<QList<ChartCategory>> even = pack((categories.size() + fewest.size() - 1) / fewest.size());
    return even.size() <= fewest.size() ? even : fewest;
}

/// The rows in groups of categoryGroups(), one chart each.
QList<QList<SummaryRow>> chartGroups(const QList<SummaryRow> &rows)
{
    QList<QList<SummaryRow>> result;
    for (const QList<ChartCategory> &group : categoryGroups(ChartCategories::of(rows))) {
        QList<SummaryRow> part;
        for (const SummaryRow &row : rows) {
            if (std::any_of(group.begin(), group.end(), [&](const ChartCategory &c) { return c.holds(row); }))
                part.append(row);
        }
        result.append(part);
    }
    return result;
}

/// Ratios (node / python, or runtime / baseline) in groups of categoryGroups(), one chart each.
template <typename ComparisonType>
QList<QList<ComparisonType>> chartGroups(const QList<ComparisonType> &comparisons)
{
    QList<ChartCategory> categories;
    for (const ComparisonType &c : comparisons) {
        if (!categories.contains(ChartCategories::of(c)))
            categories.append(ChartCategories::of(c));
    }
    QList<QList<ComparisonType>> result;
    for (const QList<ChartCategory> &group : categoryGroups(categories)) {
        QList<ComparisonType> part;
        for (const ComparisonType &c : comparisons) {
            if (group.contains(ChartCategories::of(c)))
                part.append(c);
        }
        result.append(part);
    }
    return result;
}

/// The comparisons drawn beside a group's bars: those of the same benchmarks at the same worker counts.
QList<Comparison> comparisonsOf(const QList<Comparison> &comparisons, const QList<SummaryRow> &group)
{
    QList<Comparison> result;
    for (const Comparison &c : comparisons) {
        if (std::any_of(group.begin(), group.end(), [&](const SummaryRow &r) { return r.benchmark == c.benchmark && r.workers == c.workers; }))
            result.append(c);
    }
    return result;
}

QString tr(const char *text)
{
    return QObject::tr(text);
}

QString label(const QString &benchmark, const QString &variant, int workers = 0)
{
    QString text = variant.isEmpty() ? benchmark : QStringLiteral("%1 / %2").arg(benchmark, variant);
    if (workers > 0)
        text += QStringLiteral(" ×%1").arg(workers);
    return text;
}

QString interval(const RatioEstimate &r)
{
    if (!std::isfinite(r.ratio))
        return QStringLiteral("–");
    return QStringLiteral("%1 [%2, %3]").arg(r.ratio, 0, 'f', 3).arg(r.ciLow, 0, 'f', 3).arg(r.ciHigh, 0, 'f', 3);
}

QString shortId(const ResultSetInfo &info)
{
    return info.name.isEmpty() ? info.uuid.left(8) : info.name;
}

QString when(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QStringLiteral("–");
}

QString env(const ResultSetInfo &info, const char *key)
{
    const QJsonValue value = info.environment.value(QLatin1String(key));
    if (value.isString() && !value.toString().isEmpty())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QStringLiteral("–");
}

/// One reading of the machine (start or end of the run) in words: load, others' CPU, steal, the busiest
/// other processes, governor and turbo.
QString describeReading(const QJsonObject &reading)
{
    QStringList load;
    for (const QJsonValue &value : reading.value(QLatin1String("load_average")).toArray())
        load.append(QString::number(value.toDouble(), 'f', 2));
    const QJsonObject window = reading.value(QLatin1String("window")).toObject();
    QStringList busiest;
    for (const QJsonValue &value : reading.value(QLatin1String("busiest_other_processes")).toArray()) {
        const QJsonObject process = value.toObject();
        busiest.append(QStringLiteral("%1 (pid %2, %3% of a core)")
                           .arg(process.value(QLatin1String("name")).toString())
                           .arg(process.value(QLatin1String("pid")).toInteger())
                           .arg(process.value(QLatin1String("core_percent")).toDouble(), 0, 'f', 1));
    }
    return QObject::tr("%1: load average %2; other processes %3 cores, steal %4%; busiest others: %5; governor: %6; turbo: %7")
        .arg(reading.value(QLatin1String("time")).toString(), load.join(QStringLiteral(" / ")))
        .arg(window.value(QLatin1String("other_cores")).toDouble(), 0, 'f', 2)
        .arg(100 * window.value(QLatin1String("steal_fraction")).toDouble(), 0, 'f', 1)
        .arg(busiest.isEmpty() ? QObject::tr("none") : busiest.join(QStringLiteral(", ")),
             reading.value(QLatin1String("governor")).toString(), reading.value(QLatin1String("turbo")).toString());
}

/// What the run was asked for, as words that wrap on paper ("suite: standard; runs: –; child_environment:
/// OMP_NUM_THREADS=1, ..."), where compact JSON is one unbreakable line.
QString describeParameters(const QJsonObject &parameters)
{
    auto text = [](const QJsonValue &value) -> QString {
        if (value.isArray()) {
            QStringList items;
            for (const QJsonValue &item : value.toArray())
                items.append(item.toVariant().toString());
            return items.isEmpty() ? QStringLiteral("–") : items.join(QStringLiteral(", "));
        }
        if (value.isObject()) {
            QStringList items;
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                items.append(QStringLiteral("%1=%2").arg(it.key(), it.value().toVariant().toString()));
            return items.join(QStringLiteral(", "));
        }
        if (value.isNull() || value.isUndefined())
            return QStringLiteral("–");
        return value.toVariant().toString();
    };
    QStringList parts;
    for (auto it = parameters.begin(); it != parameters.end(); ++it)
        parts.append(QStringLiteral("%1: %2").arg(it.key(), text(it.value())));
    return parts.join(QStringLiteral("; "));
}

/// The Environment table's rows for the machine's state around the run (stored under machine_state).
QList<QStringList> machineStateRows(const ResultSetInfo &info)
{
    const QJsonObject state = info.environment.value(MachineState::kKey).toObject();
    if (state.isEmpty())
        return {};
    QList<QStringList> rows{{QObject::tr("foreign load"), ForeignLoad::fromEnvironment(info.environment).summary()}};
    for (const char *edge : {"start", "end"}) {
        const QJsonObject reading = state.value(QLatin1String(edge)).toObject();
        if (!reading.isEmpty())
            rows.append({QObject::tr("machine at %1").arg(QLatin1String(edge)), describeReading(reading)});
    }
    const QJsonObject run = state.value(QLatin1String("run")).toObject();
    if (!run.isEmpty())
        rows.append({QObject::tr("over the run"), QObject::tr("%1 s; Showdown %2 cores, other processes %3 cores, steal %4%")
                                                       .arg(run.value(QLatin1String("seconds")).toDouble(), 0, 'f', 0)
                                                       .arg(run.value(QLatin1String("own_cores")).toDouble(), 0, 'f', 2)
                                                       .arg(run.value(QLatin1String("other_cores")).toDouble(), 0, 'f', 2)
                                                       .arg(100 * run.value(QLatin1String("steal_fraction")).toDouble(), 0, 'f', 2)});
    return rows;
}

QString machine(const ResultSetInfo &info)
{
    // Only what was actually recorded: a field the capture could not read is left out, not shown as 0.
    QStringList parts;
    const QString cpu = env(info, "cpu_model");
    if (cpu != QLatin1String("–"))
        parts.append(cpu);
    parts.append(QObject::tr("%1 cores").arg(env(info, "cores")));
    const double memoryKb = info.environment.value(QLatin1String("memory_kb")).toDouble();
    if (memoryKb > 0)
        parts.append(QObject::tr("%1 GB memory").arg(memoryKb / 1024 / 1024, 0, 'f', 1));
    parts.append(env(info, "architecture"));
    return parts.join(QStringLiteral(", "));
}

QString runtimeList(const QList<RuntimeInfo> &runtimes)
{
    QStringList lines;
    for (const RuntimeInfo &r : runtimes) {
        QString line = QStringLiteral("%1 %2 (%3)").arg(r.name, r.version, r.path);
        if (r.gilEnabled)
            line += *r.gilEnabled ? tr(", GIL on") : tr(", GIL off");
        lines.append(line);
    }
    return lines.join(QLatin1Char('\n'));
}

QList<QStringList> setFacts(const ResultSetBundle &set)
{
    const ResultSetInfo &info = set.info;
    return {{tr("Result set"), QStringLiteral("%1%2").arg(info.id > 0 ? QStringLiteral("#%1 ").arg(info.id) : QString(), info.name)},
            {tr("UUID"), info.uuid},
            {tr("Measured"), QStringLiteral("%1 – %2").arg(when(info.created), when(info.finished))},
            {tr("Suite and status"), QStringLiteral("%1, %2").arg(info.suite, info.status)},
            {tr("Machine"), machine(info)},
            {tr("Operating system"), QStringLiteral("%1, kernel %2").arg(env(info, "os"), env(info, "kernel"))},
            {tr("Runtimes"), runtimeList(set.runtimes)},
            {tr("Showdown version"), info.appVersion},
            // Drawn with drawText(): notes are plain text, so markup in them shows as typed.
            {tr("Notes"), info.notes.isEmpty() ? QStringLiteral("–") : info.notes}};
}

void methodology(ReportDocument &layout)
{
    layout.heading(tr("Methodology"));
    layout.paragraph(tr(
        "Every sample comes from a fresh process: the harness starts the runtime with an argument vector (never a "
        "shell), the program runs its own warm-up iterations and then times each measured iteration with its "
        "high-resolution clock (process.hrtime.bigint() in Node.js, time.perf_counter_ns() in Python). Warm-up "
        "iterations are kept apart from measured ones. Runtimes are interleaved (A B A B …) so drift hits both "
        "sides. Each program's result is checked against the manifest's checksum; a process with a wrong result, "
        "a non-zero exit, a signal or a timeout is recorded as invalid and never ranked."));
    layout.paragraph(tr(
        "Summaries are computed from the raw values: median, mean, standard deviation, MAD, percentiles and "
        "coefficient of variation. A comparison is the ratio of median times with a 95% percentile-bootstrap "
        "confidence interval (10 000 resamples, fixed seed, so reports are reproducible; above 1 000 values a side "
        "each resample's median is drawn from its exact distribution, the count of resampled values up to the "
        "k-th smallest being Binomial(n, k/n), instead of resampling every value) and a two-sided "
        "Mann-Whitney U test; p-values are Holm-corrected across the comparisons of a report. A difference is "
        "called significant when the corrected p is below 0.05 and the interval excludes 1. Rows are flagged "
        "when the CV exceeds 10%, when samples are under 1 ms (timer overhead matters) and when the modified "
        "z-score finds outliers. Process memory is the peak resident set size reported by wait4()."));
}

void sources(ReportDocument &layout)
{
    layout.heading(tr("Data sources"));
    layout.paragraph(tr(
        "[1] 42 Coffee Cups Team, \"Node.js vs Python a Backend Technology Showdown\" (web article): the claims "
        "this application tests.\n"
        "[2] The Computer Language Benchmarks Game (n-body, spectral-norm, fannkuch-redux, mandelbrot, "
        "binary-trees, fasta): the kernels' definitions and expected outputs.\n"
        "[3] B. Efron and R. Tibshirani, An Introduction to the Bootstrap, Chapman & Hall, 1993: percentile "
        "bootstrap intervals.\n"
        "[4] H. B. Mann and D. R. Whitney, \"On a test of whether one of two random variables is stochastically "
        "larger than the other\", Annals of Mathematical Statistics 18(1), 1947.\n"
        "[5] S. Holm, \"A simple sequentially rejective multiple test procedure\", Scandinavian Journal of "
        "Statistics 6(2), 1979.\n"
        "[6] B. Iglewicz and D. C. Hoaglin, How to Detect and Handle Outliers, ASQC, 1993: modified z-scores.\n"
        "[7] hyperfine and pyperf: the measurement practice followed (fresh processes, warm-up, raw values kept).\n"
        "All measurements in this report were taken on the machine described under Environment; the raw values "
        "can be exported with `showdown export ID --json`."));
}

void environment(ReportDocument &layout, const ResultSetBundle &set)
{
    layout.heading(tr("Environment"));
    QList<QStringList> rows;
    const QStringList keys = set.info.environment.keys();
    for (const QString &key : keys) {
        if (key != MachineState::kKey)
            rows.append({key, env(set.info, key.toUtf8().constData())});
    }
    rows.append(machineStateRows(set.info));
    rows.append({tr("parameters"), describeParameters(set.info.parameters)});
    layout.table({tr("Item"), tr("Value")}, rows, {0.25, 0.75});
    QList<QStringList> runtimes;
    for (const RuntimeInfo &r : set.runtimes)
        runtimes.append({r.name, r.version, r.implementation, r.gilEnabled ? (*r.gilEnabled ? tr("on") : tr("off")) : QStringLiteral("–"),
                         r.path, r.libraries.join(QStringLiteral(", "))});
    layout.heading(tr("Runtimes"), 2);
    layout.table({tr("Name"), tr("Version"), tr("Implementation"), tr("GIL"), tr("Path"), tr("Libraries")}, runtimes,
                 {0.13, 0.13, 0.15, 0.07, 0.27, 0.25});
}

std::unique_ptr<QPdfWriter> pdfWriter(QIODevice *device, const QString &title)
{
    auto writer = std::make_unique<QPdfWriter>(device);
    writer->setResolution(ReportLayout::kDpi);
    const QMarginsF margins(ReportLayout::kSideMarginMm, ReportLayout::kTopMarginMm, ReportLayout::kSideMarginMm, ReportLayout::kTopMarginMm);
    writer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, margins, QPageLayout::Millimeter));
    writer->setTitle(title);
    writer->setCreator(QStringLiteral("Showdown %1").arg(QStringLiteral(SHOWDOWN_VERSION)));
    return writer;
}

/// The document a report is written into, and for a PDF the writer it paints on (declared first, so it outlives
/// the layout).
struct Output {
    std::unique_ptr<QPdfWriter> writer;
    std::unique_ptr<ReportDocument> document;
};

Output output(ReportFormat format, QIODevice *device, const QString &title)
{
    Output out;
    if (format == ReportFormat::Html) {
        out.document = std::make_unique<HtmlReportDocument>(device, title);
    } else {
        out.writer = pdfWriter(device, title);
        out.document = std::make_unique<ReportLayout>(out.writer.get());
    }
    return out;
}

/// The claims judged once for the Summary's findings, the Claims section and its matrix.
struct Judged {
    QList<PairingVerdicts> matrix;   ///< every claim per JavaScript x Python pairing, the baselines' first
    QList<ClaimVerdict> verdicts;    ///< the baselines' pairing (or, with one family only, the set's)
};

/// None without claim inputs (or when the shipped rules cannot be read, which the rules' own tests catch).
Judged judge(const std::optional<ClaimInputs> &inputs)
{
    QString error;
    const std::optional<ClaimRules> rules = inputs ? ClaimRules::loadShipped(&error) : std::nullopt;
    if (!rules)
        return {};
    Judged judged;
    judged.matrix = ClaimEvaluator::evaluateMatrix(*rules, *inputs);
    judged.verdicts = ClaimEvaluator::baselineVerdicts(judged.matrix, *rules, *inputs);
    return judged;
}

/// Each runtime against its family's baseline (Bun against Node, PyPy against CPython): the table of the
/// Runtimes section, in the words the Summary uses for the cross-family comparisons.
void writeRuntimeComparisons(ReportDocument &layout, const QList<RuntimeComparison> &comparisons, const ChartStyle &style)
{
    if (comparisons.isEmpty())
        return;
    layout.heading(tr("Runtimes against their baselines"), 2);
    layout.note(tr("Each runtime against its family's baseline on the same program: ratio of median times (below 1: the runtime "
                   "took less time than the baseline), 95% bootstrap CI, Mann-Whitney p Holm-corrected across these comparisons."));
    for (const QList<RuntimeComparison> &part : chartGroups(comparisons)) {
        layout.chart([part, style] { return ReportLayout::forPaper(ChartFactory::runtimeRatios(part, style)); }, kChartHeight - 30,
                     tr("No runtime to compare with its family's baseline in these benchmarks."));
    }
    QList<QStringList> table;
    for (const RuntimeComparison &c : comparisons) {
        const bool significant = c.valid && c.pHolm < ResultChange::kAlpha && (c.ratio.ciHigh < 1 || c.ratio.ciLow > 1);
        table.append({label(c.benchmark, c.variant, c.workers), QStringLiteral("%1 / %2").arg(c.runtime, c.baseline), interval(c.ratio),
                      Format::pValue(c.pHolm),
                      significant ? Format::faster(c.ratio.ratio, c.runtime, c.baseline)
                                  : (c.valid ? tr("no significant difference") : tr("invalid samples"))});
    }
    layout.table({tr("Benchmark"), tr("Runtime / baseline"), tr("Ratio [95% CI]"), tr("p (Holm)"), tr("Verdict")}, table,
                 {0.24, 0.20, 0.22, 0.10, 0.24}, {2, 3});
}

/// The claims x pairings matrix: where a verdict depends on which JavaScript and which Python runtime are compared.
void writeClaimMatrix(ReportDocument &layout, const QList<PairingVerdicts> &matrix)
{
    if (matrix.size() < 2)
        return;
    layout.paragraph(tr("Each claim judged for every JavaScript x Python pairing of the set; the verdicts below are for %1, "
                        "the baselines.").arg(matrix.first().pairing.label()));
    QStringList headers{tr("Claim")};
    QList<qreal> widths{0.16};
    for (const PairingVerdicts &column : matrix) {
        headers << column.pairing.label();
        widths << 0.84 / qreal(matrix.size());
    }
    QList<QStringList> rows;
    for (qsizetype claim = 0; claim < matrix.first().verdicts.size(); ++claim) {
        QStringList row{matrix.first().verdicts.at(claim).id};
        for (const PairingVerdicts &column : matrix)
            row << column.verdicts.at(claim).verdict;
        rows.append(row);
    }
    layout.table(headers, rows, widths);
}

/// Claims whose rules report a finding beside the verdict (jit: the library-bound kernels), one line each,
/// so the report says what the verdict was decided on and what it left out.
void writeClaimFindings(ReportDocument &layout, const QList<ClaimVerdict> &verdicts)
{
    for (const ClaimVerdict &verdict : verdicts) {
        if (verdict.findings.isEmpty())
            continue;
        QStringList text{tr("Claim %1 (%2): %3.").arg(verdict.id, verdict.title, verdict.verdict)};
        for (const ClaimFinding &finding : verdict.findings)
            text << tr("Beside it: %1").arg(finding.summary);
        layout.paragraph(text.join(QLatin1Char(' ')));
    }
}

/// Median times and their node/python ratios, a chart of each per group.
void timeCharts(ReportDocument &layout, const QList<QList<SummaryRow>> &groups, const QList<Comparison> &comparisons, const ChartStyle &style)
{
    for (const QList<SummaryRow> &part : groups) {
        layout.chart([part, style] { return ReportLayout::forPaper(ChartFactory::medianBars(part, style)); }, kChartHeight,
                     tr("No valid samples to chart."));
    }
    for (const QList<SummaryRow> &group : groups) {
        const QList<Comparison> part = comparisonsOf(comparisons, group);
        layout.chart([part, style] { return ReportLayout::forPaper(ChartFactory::ratios(part, style)); }, kChartHeight - 30,
                     tr("No Node.js/Python pair to compare in these benchmarks."));
    }
}

/// Whether the set has a Scaling section: CPU work at several worker counts, or servers run at several workers.
bool hasScaling(const ResultSetAnalysis &analysis, const PagePlan::Categories &categories)
{
    return !analysis.scalingRows.isEmpty() || !PagePlan::rows(PagePlan::Page::Scaling, analysis.rows, categories).isEmpty()
           || !ServerRows::clusterSpeedups(analysis.loadRows).isEmpty();
}

/// n, median, spread and the warnings of each row.
void statisticsTable(ReportDocument &layout, const QList<SummaryRow> &rows)
{
    QList<QStringList> table;
    for (const SummaryRow &row : rows) {
        QStringList notes = row.warnings;
        if (!row.error.isEmpty())
            notes.prepend(row.error);
        const Summary &s = row.stats;
        const bool any = s.n > 0;
        table.append({label(row.benchmark, row.variant, row.workers), row.runtime, QString::number(s.n),
                      any ? Format::duration(s.median) : tr("no valid samples"), any ? Format::duration(s.sd) : QString(),
                      any ? Format::duration(s.min) : QString(), any ? Format::duration(s.max) : QString(),
                      any ? Format::percent(s.cv) : QString(), notes.join(QStringLiteral("; "))});
    }
    layout.table({tr("Benchmark"), tr("Runtime"), tr("n"), tr("Median"), tr("SD"), tr("Min"), tr("Max"), tr("CV"), tr("Notes")}, table,
                 {0.17, 0.09, 0.05, 0.10, 0.09, 0.09, 0.09, 0.07, 0.25}, {2, 3, 4, 5, 6, 7});
}

/// The Claims section: each claim of the article with its verdict, why, and the figures it was decided on (the
/// evidence dialog's table), what is reported beside it and what was not measured. Nothing without verdicts.
void writeClaims(ReportDocument &layout, const Judged &judged)
{
    const QList<ClaimVerdict> &verdicts = judged.verdicts;
    const QList<PairingVerdicts> &matrix = judged.matrix;
    if (verdicts.isEmpty())
        return;
    layout.heading(tr("Claims"));
    layout.note(tr("The article's claims judged on this set's raw values by the rules in claims.json, as the Overview page and "
                   "`showdown claims` judge them. Each figure: its value with the 95% CI where it has one, n, the Holm-corrected "
                   "p of its comparison, and whether it holds, contradicts or cannot decide the claim."));
    writeClaimMatrix(layout, matrix);
    for (const ClaimVerdict &verdict : verdicts) {
        layout.heading(tr("%1 (%2): %3").arg(verdict.title.isEmpty() ? verdict.id : verdict.title, verdict.id, verdict.verdict), 2);
        layout.paragraph(tr("The article: %1").arg(verdict.articleSays));
        if (const QString changes = ClaimEvaluator::verdictByPairing(matrix, verdict.id); !changes.isEmpty())
            layout.paragraph(tr("By pairing: %1.").arg(changes));
        layout.paragraph(tr("Why: %1").arg(verdict.why));
        for (const ClaimFinding &finding : verdict.findings)
            layout.paragraph(tr("Beside it (not part of the verdict): %1").arg(finding.summary));
        // One table per part of the claim, under the part's words: repeated in a column, they made every row tall.
        QStringList parts;
        QMap<QString, QList<QStringList>> rowsOfPart;
        for (const ClaimEvidence &figure : ClaimEvidenceDialog::evidenceFigures(verdict)) {
            QStringList cells = ClaimEvidenceDialog::evidenceCells(figure);
            const QString part = cells.takeFirst();
            if (!parts.contains(part))
                parts.append(part);
            rowsOfPart[part].append(cells);
        }
        QStringList headers = ClaimEvidenceDialog::evidenceHeaders();
        headers.removeFirst();
        for (const QString &part : std::as_const(parts)) {
            layout.paragraph(part);
            layout.table(headers, rowsOfPart.value(part), {0.24, 0.08, 0.08, 0.08, 0.04, 0.08, 0.09, 0.09, 0.22}, {1, 2, 3, 4, 5});
        }
        if (!verdict.missing.isEmpty())
            layout.note(tr("Not measured: %1").arg(verdict.missing.join(QStringLiteral("; "))));
    }
}

/// Whether a Node.js/Python comparison is a finding: Holm-corrected p below alpha and a CI that excludes 1.
bool significant(const Comparison &c)
{
    return c.valid && c.pHolm < ResultChange::kAlpha && (c.ratio.ciHigh < 1 || c.ratio.ciLow > 1);
}

/// The Summary's table: each Node.js/Python comparison with its ratio, p and verdict in words.
void verdictTable(ReportDocument &layout, const QList<Comparison> &comparisons)
{
    QList<QStringList> verdicts;
    for (const Comparison &c : comparisons) {
        verdicts.append({label(c.benchmark, c.variant, c.workers), QStringLiteral("%1 / %2").arg(c.nodeRuntime, c.pythonRuntime),
                         interval(c.ratio), Format::pValue(c.pHolm),
                         significant(c) ? Format::faster(c.ratio.ratio, c.nodeRuntime, c.pythonRuntime)
                                        : (c.valid ? tr("no significant difference") : tr("invalid samples"))});
    }
    layout.table({tr("Benchmark"), tr("Runtimes"), tr("Ratio [95% CI]"), tr("p (Holm)"), tr("Verdict")}, verdicts,
                 {0.24, 0.17, 0.24, 0.11, 0.24}, {2, 3});
}

/// The "Your benchmarks" section, when the set stores definition files: what each file declares, then the results of
/// its benchmarks with the built-in sections' own charts and tables on the analysis cut to them (the same figures as
/// the window and `show --json`). Their rows are also in the sections of their category, as the window shows them.
void writeUserBenchmarks(ReportDocument &layout, const QList<UserBenchmarkReport::File> &files, const ResultSetAnalysis &analysis,
                         const ChartStyle &style)
{
    if (files.isEmpty())
        return;
    layout.heading(tr("Your benchmarks"));
    layout.note(tr("Benchmarks defined in your own definition files (USER_BENCHMARKS.md), stored with this result set and measured, "
                   "checked and compared exactly as the built-in ones. Commands are the argument vectors as declared (no shell runs "
                   "them): {runtime} is the runtime's executable with its kind's launch arguments (deno: run -A; bun: --no-install), "
                   "{size} the declared size, {port} the free loopback port Showdown chose. Their rows are also listed under their "
                   "category in the sections that follow (Performance, Concurrency), as the window shows them."));
    UserBenchmarkReport::writeDefinitions(layout, files);
    const ResultSetAnalysis user = analysis.ofBenchmarks(UserBenchmarkReport::names(files));
    if (!user.rows.isEmpty()) {
        layout.heading(tr("Results of your programs"), 2);
        layout.note(tr("Median time per process and the node / python ratio of medians with its 95% bootstrap CI; verdicts as in the "
                       "Summary (Holm-corrected Mann-Whitney p below 0.05 and a CI that excludes 1)."));
        timeCharts(layout, chartGroups(user.rows), user.comparisons, style);
        if (!user.comparisons.isEmpty())
            verdictTable(layout, user.comparisons);
        statisticsTable(layout, user.rows);
        writeRuntimeComparisons(layout, user.runtimeComparisons, style);
    }
    if (!user.loadRows.isEmpty() || !user.capacityRows.isEmpty()) {
        layout.heading(tr("Results of your servers"), 2);
        ServerReport::writeServers(layout, user, style);
    }
    if (const QStringList missing = UserBenchmarkReport::unmeasured(files, user); !missing.isEmpty())
        layout.note(tr("Declared but not measured in this set: %1.").arg(missing.join(QStringLiteral(", "))));
}

} // namespace

QStringList ReportWriter::sectionTitles(const ResultSetAnalysis &analysis, const PagePlan::Categories &categories, bool claims,
                                       const QList<StoredDefinitionFile> &definitions)
{
    QStringList titles = {tr("Summary")};
    if (claims)
        titles.append(tr("Claims"));
    if (!definitions.isEmpty())
        titles.append(tr("Your benchmarks"));
    titles << QStringList{tr("Performance"), tr("Distributions"), tr("Memory and start-up")};
    titles << ServerReport::sectionTitles(analysis);
    if (hasScaling(analysis, categories))
        titles.append(tr("Scaling"));
    titles << tr("Methodology") << tr("Environment") << tr("Data sources");
    return titles;
}

bool ReportWriter::writeResultSet(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes, const ResultSetAnalysis &analysis,
                                  const PagePlan::Categories &categories, const QList<StoredDefinitionFile> &definitions,
                                  const std::optional<ClaimInputs> &claims, ReportFormat format, QIODevice *device, QString *error)
{
    const Output out = output(format, device, tr("Showdown report: %1").arg(shortId(info)));
    return writeResultSet(info, runtimes, analysis, categories, definitions, claims, *out.document, error);
}

bool ReportWriter::writeResultSet(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes, const ResultSetAnalysis &analysis,
                                  const PagePlan::Categories &categories, const QList<StoredDefinitionFile> &definitions,
                                  const std::optional<ClaimInputs> &claims, ReportDocument &layout, QString *error)
{
    // The page helpers read the header and runtimes only; no sample is needed.
    const ResultSetBundle set{info, runtimes, {}};
    const QList<SummaryRow> &rows = analysis.rows;
    const QList<Comparison> &comparisons = analysis.comparisons;
    const QList<ScalingRow> &scalingRows = analysis.scalingRows;
    // Each runtime keeps the window's colour: the set's runtimes decide it (ChartFactory::runtimeColor).
    const ChartStyle style = ChartStyle::forExport(runtimes);
    // The machine's label where the run was given one (a team store holds many machines), else its host name.
    const QString host = MachineIdentity::fromEnvironment(set.info.environment).name();
    layout.setHeader(tr("Showdown report — %1").arg(shortId(set.info)), when(set.info.created));
    const ForeignLoad load = ForeignLoad::fromEnvironment(set.info.environment);
    layout.titlePage(tr("Node.js vs Python, measured"),
                     tr("Result set %1 on %2: %3 suite, %4").arg(shortId(set.info), host, set.info.suite, when(set.info.created)),
                     setFacts(set),
                     load.flagged() ? tr("⚠ Measured under foreign load: %1. These times may be slower and noisier than this machine can do.")
                                          .arg(load.reasons.join(QStringLiteral("; ")))
                                    : QString());
    layout.contents();

    layout.pageBreak();
    layout.heading(tr("Summary"));
    int nodeFaster = 0, pythonFaster = 0, unclear = 0;
    for (const Comparison &c : comparisons) {
        if (!significant(c))
            ++unclear;
        else if (c.ratio.ratio < 1)
            ++nodeFaster;
        else
            ++pythonFaster;
    }
    layout.paragraph(tr("Of %1 Node.js/Python comparisons, Node.js took significantly less time in %2 and Python in %3; "
                        "%4 showed no significant difference or had invalid samples. A ratio below 1 means Node.js "
                        "took less time (node median / python median).")
                         .arg(comparisons.size()).arg(nodeFaster).arg(pythonFaster).arg(unclear));
    verdictTable(layout, comparisons);
    const Judged judged = judge(claims);
    writeClaimFindings(layout, judged.verdicts);
    writeClaims(layout, judged);
    writeUserBenchmarks(layout, UserBenchmarkReport::read(definitions), analysis, style);

    // Each section shows the benchmarks the window's page of the same name shows (PagePlan).
    using Page = PagePlan::Page;
    const QList<SummaryRow> performance = PagePlan::rows(Page::Performance, rows, categories);
    const QList<SummaryRow> startUp = PagePlan::rows(Page::StartUp, rows, categories);
    const QList<SummaryRow> scaling = PagePlan::rows(Page::Scaling, rows, categories);
    layout.heading(tr("Performance"));
    const QList<QList<SummaryRow>> groups = chartGroups(performance);
    timeCharts(layout, groups, comparisons, style);
    statisticsTable(layout, performance);
    writeRuntimeComparisons(layout, analysis.runtimeComparisons, style);

    layout.heading(tr("Distributions"));
    layout.note(tr("Every measured iteration of every valid process: boxes span the quartiles, whiskers the minimum and maximum."));
    for (const QList<SummaryRow> &part : groups) {
        layout.chart([part, style] { return ReportLayout::forPaper(ChartFactory::distributions(part, style)); }, kChartHeight,
                     tr("No valid samples to chart."));
    }

    layout.heading(tr("Memory and start-up"));
    if (!startUp.isEmpty()) {
        layout.chart([startUp, style] { return ReportLayout::forPaper(ChartFactory::medianBars(startUp, style)); }, kChartHeight - 60,
                     tr("No valid start-up samples to chart."));
        statisticsTable(layout, startUp);
    }
    for (const QList<SummaryRow> &part : chartGroups(rows)) {
        layout.chart([part, style] { return ReportLayout::forPaper(ChartFactory::memoryBars(part, style)); }, kChartHeight - 30,
                     tr("No memory figures."));
    }
    QList<QStringList> memory;
    for (const SummaryRow &row : rows) {
        if (row.stats.n == 0)
            continue;
        memory.append({label(row.benchmark, row.variant, row.workers), row.runtime, Format::megabytes(double(row.peakRssKb)),
                       Format::duration(row.cpuNs), row.firstIterationNs ? Format::duration(*row.firstIterationNs) : QStringLiteral("–"),
                       row.warmupMedianNs ? Format::duration(*row.warmupMedianNs) : QStringLiteral("–")});
    }
    layout.table({tr("Benchmark"), tr("Runtime"), tr("Peak RSS"), tr("CPU per process"), tr("First iteration"), tr("Warm-up median")},
                 memory, {0.24, 0.12, 0.14, 0.16, 0.17, 0.17}, {2, 3, 4, 5});

    ServerReport::write(layout, analysis, style);
    const QList<ScalingRow> clusterRows = ServerRows::clusterSpeedups(analysis.loadRows);
    if (hasScaling(analysis, categories)) {
        // The Scaling page's charts: CPU work and HTTP throughput over workers.
        layout.heading(tr("Scaling"));
        // Each worker count is its own category, beside the other runtime's at the same count.
        timeCharts(layout, chartGroups(scaling), comparisons, style);
        if (!scalingRows.isEmpty()) {
            layout.chart([scalingRows, style] { return ReportLayout::forPaper(ChartFactory::speedup(scalingRows, tr("CPU work: speed-up against workers (higher is better)"), style)); },
                         kChartHeight, tr("No scaling rows."));
        }
        if (!clusterRows.isEmpty()) {
            layout.chart([clusterRows, style] { return ReportLayout::forPaper(ChartFactory::speedup(clusterRows, tr("HTTP throughput: speed-up against cluster workers (higher is better)"), style)); },
                         kChartHeight, tr("No server ran at several worker counts."));
        }
        QList<QStringList> speedups;
        for (const ScalingRow &r : scalingRows)
            speedups.append({label(r.benchmark, r.variant), r.runtime, QString::number(r.workers), Format::duration(r.medianNs),
                             QStringLiteral("%1×").arg(r.speedup, 0, 'f', 2), Format::percent(r.efficiency)});
        layout.table({tr("Benchmark"), tr("Runtime"), tr("Workers"), tr("Median"), tr("Speed-up"), tr("Efficiency")}, speedups,
                     {0.30, 0.14, 0.10, 0.16, 0.15, 0.15}, {2, 3, 4, 5});
        statisticsTable(layout, scaling);
    }

    methodology(layout);
    environment(layout, set);
    sources(layout);
    return layout.finish(error);
}

bool ReportWriter::writeComparison(const ResultSetBundle &baseline, const ResultSetBundle &candidate, ReportFormat format, QIODevice *device,
                                   QString *error)
{
    const QList<ResultChange> changes = ResultComparison::changes(ResultAnalysis::rows(baseline.samples, baseline.runtimes),
                                                                  ResultAnalysis::rows(candidate.samples, candidate.runtimes));
    const QList<EnvironmentDifference> differences =
        ResultComparison::environmentDifferences(baseline.info, baseline.runtimes, candidate.info, candidate.runtimes);
    const Output out = output(format, device, tr("Showdown comparison: %1 vs %2").arg(shortId(baseline.info), shortId(candidate.info)));
    ReportDocument &layout = *out.document;
    layout.setHeader(tr("Showdown comparison — %1 vs %2").arg(shortId(baseline.info), shortId(candidate.info)), when(candidate.info.created));
    QList<QStringList> facts;
    for (const auto &[role, set] : {std::pair{tr("Baseline"), &baseline}, std::pair{tr("Candidate"), &candidate}}) {
        facts.append({role, QStringLiteral("%1\n%2, %3 suite, %4\n%5")
                                .arg(set->info.uuid, when(set->info.created), set->info.suite, MachineIdentity::fromEnvironment(set->info.environment).name(),
                                     machine(set->info))});
    }
    layout.titlePage(tr("Result set comparison"),
                     tr("Baseline %1 against candidate %2").arg(shortId(baseline.info), shortId(candidate.info)), facts);
    layout.contents();

    layout.pageBreak();
    layout.heading(tr("Summary"));
    int faster = 0, slower = 0, unchanged = 0, unmatched = 0;
    for (const ResultChange &c : changes) {
        faster += c.verdict == QLatin1String("faster");
        slower += c.verdict == QLatin1String("slower");
        unchanged += c.verdict == QLatin1String("unchanged");
        unmatched += !c.significant() && c.verdict != QLatin1String("unchanged");
    }
    layout.paragraph(tr("Of %1 benchmark × runtime rows, the candidate is significantly faster in %2 and slower in %3; %4 did "
                        "not change significantly and %5 could not be compared (present on one side only, or without valid "
                        "samples). The ratio is candidate median time / baseline median time: below 1 the candidate took "
                        "less time. Flagged changes have a Holm-corrected Mann-Whitney p below 0.05 and a 95% bootstrap CI "
                        "that excludes 1.")
                         .arg(changes.size()).arg(faster).arg(slower).arg(unchanged).arg(unmatched));

    layout.heading(tr("Changes"));
    QList<Comparison> asRatios;
    for (const ResultChange &c : changes) {
        if (!std::isfinite(c.ratio.ratio))
            continue;
        Comparison ratio;
        ratio.benchmark = c.benchmark;
        // One category per benchmark, one series per runtime, coloured like the runtime everywhere else.
        ratio.variant = c.variant;
        ratio.workers = c.workers;
        ratio.nodeRuntime = tr("candidate");
        ratio.pythonRuntime = c.runtime;
        ratio.ratio = c.ratio;
        ratio.pValue = c.pValue;
        ratio.pHolm = c.pHolm;
        ratio.valid = true;
        asRatios.append(ratio);
    }
    // The baseline's runtimes, then those only the candidate has: a runtime keeps its colour in both sets.
    QList<RuntimeInfo> runtimes = baseline.runtimes;
    for (const RuntimeInfo &runtime : candidate.runtimes) {
        if (std::none_of(runtimes.begin(), runtimes.end(), [&](const RuntimeInfo &r) { return r.name == runtime.name; }))
            runtimes.append(runtime);
    }
    const ChartStyle style = ChartStyle::forExport(runtimes);
    for (const QList<Comparison> &part : chartGroups(asRatios)) {
        layout.chart(
            [part, style] {
                QChart *chart = ReportLayout::forPaper(ChartFactory::ratios(part, style));
                if (chart) {
                    // The same ratio chart as the dashboard's, read as candidate over baseline.
                    chart->setTitle(tr("candidate / baseline time ratio (below 1×: candidate faster), 95% bootstrap CI"));
                    for (QAbstractAxis *axis : chart->axes(Qt::Vertical))
                        axis->setTitleText(tr("candidate / baseline (log scale)"));
                }
                return chart;
            },
            kChartHeight - 30, tr("No row was measured in both result sets."));
    }
    if (asRatios.isEmpty())
        layout.paragraph(tr("No row was measured in both result sets."));
    QList<QStringList> table;
    for (const ResultChange &c : changes) {
        const QString flag = c.verdict == QLatin1String("faster")   ? tr("▼ faster")
                             : c.verdict == QLatin1String("slower") ? tr("▲ slower")
                                                                    : c.verdict;
        table.append({label(c.benchmark, c.variant, c.workers), c.runtime,
                      c.baselineN > 0 ? Format::duration(c.baselineMedianNs) : QStringLiteral("–"),
                      c.candidateN > 0 ? Format::duration(c.candidateMedianNs) : QStringLiteral("–"), interval(c.ratio),
                      std::isfinite(c.ratio.ratio) ? Format::pValue(c.pHolm) : QStringLiteral("–"), flag});
    }
    layout.table({tr("Benchmark"), tr("Runtime"), tr("Baseline"), tr("Candidate"), tr("Ratio [95% CI]"), tr("p (Holm)"), tr("Change")},
                 table, {0.19, 0.11, 0.11, 0.11, 0.22, 0.10, 0.16}, {2, 3, 4, 5});

    layout.heading(tr("Environment differences"));
    if (differences.isEmpty()) {
        layout.paragraph(tr("The two result sets were recorded in the same environment."));
    } else {
        QList<QStringList> rows;
        for (const EnvironmentDifference &d : differences)
            rows.append({d.key, d.baseline.isEmpty() ? tr("(none)") : d.baseline, d.candidate.isEmpty() ? tr("(none)") : d.candidate});
        layout.table({tr("Item"), tr("Baseline"), tr("Candidate")}, rows, {0.26, 0.37, 0.37});
    }
    methodology(layout);
    sources(layout);
    return layout.finish(error);
}

} // namespace showdown
