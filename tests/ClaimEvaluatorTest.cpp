// Drives every claim of the shipped rules (resources/data/claims.json) to its verdicts with synthetic rows:
// the numbers below are made up on purpose, chosen far from each rule's threshold so the verdict is obvious.
#include "ClaimEvaluator.h"
#include "ResourceLocator.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace showdown;

namespace {

const QStringList kKernels = {QStringLiteral("nbody"),  QStringLiteral("fannkuch"),     QStringLiteral("json-roundtrip"),
                              QStringLiteral("binary-trees"), QStringLiteral("spectral-norm"), QStringLiteral("mandelbrot"),
                              QStringLiteral("fasta"),  QStringLiteral("regex"),        QStringLiteral("sort"),
                              QStringLiteral("word-count"), QStringLiteral("string-build"), QStringLiteral("fib")};

/// 15 values spread 1% apart around `centre`, as 3 processes x 5 iterations would give.
QList<double> around(double centre, int count = 15)
{
    QList<double> values;
    for (int i = 0; i < count; ++i)
        values << centre * (1.0 + 0.01 * (i - count / 2));
    return values;
}

SummaryRow timeRow(const QString &benchmark, const QString &variant, const QString &runtime, double centre, int workers = 0)
{
    SummaryRow row;
    row.benchmark = benchmark;
    row.variant = variant;
    row.runtime = runtime;
    row.runtimeKind = runtime == QLatin1String("node") ? QStringLiteral("node") : QStringLiteral("python");
    row.workers = workers;
    row.values = around(centre);
    row.stats = Statistics::summarize(std::vector<double>(row.values.begin(), row.values.end()));
    row.processes = 3;
    return row;
}

LoadRow loadRow(const QString &server, const QString &runtime, const QString &kind, const QString &endpoint, int connections,
                double centre, int workers = 1)
{
    LoadRow row;
    row.benchmark = kind == QLatin1String("chat") ? QStringLiteral("chat") : QStringLiteral("http");
    row.server = server;
    row.runtime = runtime;
    row.kind = kind;
    row.endpoint = endpoint;
    row.connections = connections;
    row.workers = workers;
    row.throughputs = around(centre, 5);
    row.points = 5;
    row.requestsPerSec = centre;
    return row;
}

/// A capacity row whose processes sustained `rates` (one per server process).
CapacityRow capacityRow(const QString &server, const QString &runtime, int clients, const QList<double> &rates)
{
    CapacityRow row;
    row.benchmark = QStringLiteral("chat");
    row.server = server;
    row.runtime = runtime;
    row.kind = QStringLiteral("chat");
    row.endpoint = QStringLiteral("/chat");
    row.connections = clients;
    row.sloP99Ms = 50;
    row.rates = rates;
    const std::vector<double> values(rates.begin(), rates.end());
    row.rate = Statistics::median(values);
    return row;
}

LoadRow idleRow(const QString &server, int connections, qint64 pssKb)
{
    LoadRow row = loadRow(server, QStringLiteral("node"), QStringLiteral("idle"), QString(), connections, 0);
    row.serverPssKb = pssKb;
    row.points = 3;
    return row;
}

ScalingRow scaling(const QString &variant, const QString &runtime, int workers, double speedup)
{
    ScalingRow row;
    row.benchmark = QStringLiteral("parallel-cpu");
    row.variant = variant;
    row.runtime = runtime;
    row.workers = workers;
    row.speedup = speedup;
    row.efficiency = speedup / workers;
    row.ci = {speedup, speedup * 0.95, speedup * 1.05};
    return row;
}

ClaimInputs baseInputs()
{
    ClaimInputs inputs;
    RuntimeInfo node;
    node.name = QStringLiteral("node");
    node.kind = QStringLiteral("node");
    RuntimeInfo python;
    python.name = QStringLiteral("python3");
    python.kind = QStringLiteral("python");
    python.gilEnabled = true;
    inputs.runtimes = {node, python};
    inputs.datasets = DatasetCatalog::load(ResourceLocator::dataDir(), QString());
    inputs.loadShippedBenchmarks();
    return inputs;
}

/// The jit kernels the shipped manifest declares with `bound`, in the rule's order.
QStringList kernelsBound(BenchmarkBound::Kind kind)
{
    ClaimInputs inputs;
    inputs.loadShippedBenchmarks();
    QStringList names;
    for (const QString &kernel : kKernels) {
        for (const Benchmark &benchmark : inputs.benchmarks) {
            if (benchmark.name == kernel && benchmark.bound && benchmark.bound->kind == kind)
                names << kernel;
        }
    }
    return names;
}

/// Node `nodeCentre`, Python `pythonCentre` on each of `kernels`.
void addKernels(ClaimInputs &inputs, const QStringList &kernels, double nodeCentre, double pythonCentre)
{
    for (const QString &kernel : kernels)
        inputs.rows << timeRow(kernel, QString(), QStringLiteral("node"), nodeCentre) << timeRow(kernel, QString(), QStringLiteral("python3"), pythonCentre);
}

void addScalingPair(ClaimInputs &inputs, const QString &variant, const QString &runtime, double speedup)
{
    inputs.rows << timeRow(QStringLiteral("parallel-cpu"), variant, runtime, 1000, 1)
                << timeRow(QStringLiteral("parallel-cpu"), variant, runtime, 1000 / speedup, 2);
    inputs.scalingRows << scaling(variant, runtime, 2, speedup);
}

} // namespace

class ClaimEvaluatorTest : public QObject {
    Q_OBJECT

    ClaimRules m_rules;

    ClaimVerdict verdictOf(const ClaimInputs &inputs, const QString &id)
    {
        for (const ClaimRule &claim : m_rules.claims()) {
            if (claim.id == id)
                return ClaimEvaluator::evaluateClaim(claim, m_rules, inputs);
        }
        qFatal("no rule for claim %s", qPrintable(id));
    }

private slots:
    void initTestCase()
    {
        QString error;
        const std::optional<ClaimRules> rules = ClaimRules::loadShipped(&error);
        QVERIFY2(rules, qPrintable(error));
        m_rules = *rules;
    }

    void shippedRulesCoverEveryClaim()
    {
        QStringList ids;
        for (const ClaimRule &claim : m_rules.claims())
            ids << claim.id;
        for (const char *id : {"jit", "io", "eventloop-mem", "asyncio", "gil", "multiprocessing", "cluster", "numeric", "realtime",
                               "startup", "adoption", "registry", "beginner"})
            QVERIFY2(ids.contains(QString::fromLatin1(id)), id);
    }

    void emptyResultSetMeasuresNothingAndSaysWhatIsMissing()
    {
        ClaimInputs inputs = baseInputs();
        const QList<ClaimVerdict> verdicts = ClaimEvaluator::evaluate(m_rules, inputs);
        for (const ClaimVerdict &verdict : verdicts) {
            if (verdict.id == QLatin1String("adoption") || verdict.id == QLatin1String("registry"))
                continue;
            QCOMPARE(verdict.verdict, ClaimVerdict::kNotMeasured);
            QVERIFY2(!verdict.missing.isEmpty(), qPrintable(verdict.id));
        }
        const ClaimVerdict jit = verdictOf(inputs, QStringLiteral("jit"));
        QVERIFY(jit.missing.contains(QStringLiteral("nbody has no results on node")));
    }

    void jitFollowsTheCodeBoundKernelRatios()
    {
        const QStringList code = kernelsBound(BenchmarkBound::Code);
        const QStringList library = kernelsBound(BenchmarkBound::Library);
        QVERIFY2(code.size() >= 4 && !library.isEmpty(), qPrintable(code.join(',') + '|' + library.join(',')));
        QCOMPARE(code.size() + library.size(), kKernels.size());
        ClaimInputs faster = baseInputs();
        ClaimInputs slower = baseInputs();
        ClaimInputs half = baseInputs();
        addKernels(faster, kKernels, 100, 400);
        addKernels(slower, kKernels, 400, 100);
        for (qsizetype i = 0; i < code.size(); ++i)
            addKernels(half, {code[i]}, i % 2 ? 100 : 400, i % 2 ? 400 : 100);
        const ClaimVerdict supported = verdictOf(faster, QStringLiteral("jit"));
        QCOMPARE(supported.verdict, ClaimVerdict::kSupported);
        QCOMPARE(supported.evidence.size(), code.size());  // the library-bound kernels do not vote
        const ClaimEvidence &first = supported.evidence.first();
        QVERIFY(first.figure.endsWith(code.first()));
        QVERIFY(std::abs(first.value - 0.25) < 0.01);
        QVERIFY(*first.ciHigh < 1);
        QCOMPARE(first.n, 15);
        QVERIFY(*first.p < 0.05);
        QCOMPARE(first.outcome, ClaimEvidence::kHolds);
        QCOMPARE(first.bound, QStringLiteral("code"));
        QVERIFY(!first.notes.isEmpty());
        QVERIFY2(supported.why.contains(QStringLiteral("left out: ")), qPrintable(supported.why));

        QCOMPARE(verdictOf(slower, QStringLiteral("jit")).verdict, ClaimVerdict::kNotSupported);
        const ClaimVerdict mixed = verdictOf(half, QStringLiteral("jit"));
        QCOMPARE(mixed.verdict, ClaimVerdict::kMixed);
        const QString counts = QStringLiteral("%1 of %2 figures hold, %3 contrary").arg(code.size() / 2).arg(code.size()).arg(code.size() - code.size() / 2);
        QVERIFY2(mixed.why.contains(counts), qPrintable(mixed.why));

        // One code-bound kernel where Python wins keeps the claim from "Supported"...
        ClaimInputs oneContrary = baseInputs();
        addKernels(oneContrary, code.mid(0, code.size() - 1), 100, 400);
        addKernels(oneContrary, {code.last()}, 800, 400);
        QCOMPARE(verdictOf(oneContrary, QStringLiteral("jit")).verdict, ClaimVerdict::kMixed);
        // ...while kernels too close to call are allowed up to min_share (0.75 of the code-bound kernels).
        const int allowedTies = int(code.size()) - int(std::ceil(0.75 * double(code.size())));
        QVERIFY(allowedTies >= 1);
        ClaimInputs ties = baseInputs();
        addKernels(ties, code.mid(0, allowedTies), 400, 400);
        addKernels(ties, code.mid(allowedTies), 100, 400);
        QCOMPARE(verdictOf(ties, QStringLiteral("jit")).verdict, ClaimVerdict::kSupported);
        ClaimInputs tooManyTies = baseInputs();
        addKernels(tooManyTies, code.mid(0, allowedTies + 1), 400, 400);
        addKernels(tooManyTies, code.mid(allowedTies + 1), 100, 400);
        QCOMPARE(verdictOf(tooManyTies, QStringLiteral("jit")).verdict, ClaimVerdict::kMixed);

        // Kernels that were never measured count against min_share: one fast kernel is not "Supported".
        ClaimInputs onlyOne = baseInputs();
        addKernels(onlyOne, {code.first()}, 100, 400);
        const ClaimVerdict thin = verdictOf(onlyOne, QStringLiteral("jit"));
        QCOMPARE(thin.verdict, ClaimVerdict::kMixed);
        QCOMPARE(thin.missing.size(), code.size() - 1);

        // Noise: identical distributions give an inconclusive figure, never a win.
        ClaimInputs same = baseInputs();
        addKernels(same, kKernels, 100, 100);
        const ClaimVerdict tie = verdictOf(same, QStringLiteral("jit"));
        QCOMPARE(tie.verdict, ClaimVerdict::kInconclusive);
        QCOMPARE(tie.evidence.first().outcome, ClaimEvidence::kInconclusive);
        QCOMPARE(tie.findings.first().tooClose, library);
        QVERIFY2(tie.findings.first().summary.contains(QStringLiteral("neither side wins any")), qPrintable(tie.findings.first().summary));
    }

    void jitReportsTheLibraryBoundKernelsBesideTheVerdict()
    {
        // Node wins every kernel that is its own code, CPython's C built-ins win every library-bound one:
        // the JIT claim holds, and the library result is not hidden but reported beside it.
        const QStringList code = kernelsBound(BenchmarkBound::Code);
        const QStringList library = kernelsBound(BenchmarkBound::Library);
        ClaimInputs inputs = baseInputs();
        addKernels(inputs, code, 100, 400);
        addKernels(inputs, library, 400, 100);
        const ClaimVerdict jit = verdictOf(inputs, QStringLiteral("jit"));
        QCOMPARE(jit.verdict, ClaimVerdict::kSupported);
        for (const ClaimEvidence &figure : jit.evidence)
            QCOMPARE(figure.outcome, ClaimEvidence::kHolds);
        QCOMPARE(jit.findings.size(), 1);
        const ClaimFinding &finding = jit.findings.first();
        QCOMPARE(finding.pythonWins, library);
        QVERIFY(finding.nodeWins.isEmpty());
        QVERIFY(finding.tooClose.isEmpty());
        QCOMPARE(finding.evidence.size(), library.size());
        QCOMPARE(finding.evidence.first().outcome, ClaimFinding::kPythonFaster);
        QCOMPARE(finding.evidence.first().bound, QStringLiteral("library"));
        QVERIFY(*finding.evidence.first().ciLow > 1);
        const QString expected = QStringLiteral("CPython's C built-ins (python3) win %1").arg(library.join(QStringLiteral(", ")));
        QVERIFY2(finding.summary.contains(expected), qPrintable(finding.summary));

        // A split result names each side's kernels; the side with more wins comes first.
        ClaimInputs split = baseInputs();
        addKernels(split, code, 100, 400);
        addKernels(split, library.mid(0, 1), 100, 400);
        addKernels(split, library.mid(1), 400, 100);
        const ClaimFinding both = verdictOf(split, QStringLiteral("jit")).findings.first();
        QCOMPARE(both.nodeWins, library.mid(0, 1));
        QCOMPARE(both.pythonWins, library.mid(1));
        QVERIFY2(both.summary.contains(QStringLiteral("V8's native built-ins (node) win %1").arg(library.first())), qPrintable(both.summary));

        const QJsonObject json = jit.toJson();
        const QJsonObject findingJson = json.value(QStringLiteral("findings")).toArray().first().toObject();
        for (const char *key : {"label", "summary", "node_wins", "python_wins", "too_close", "missing", "evidence"})
            QVERIFY2(findingJson.contains(QLatin1String(key)), key);
        QCOMPARE(findingJson.value(QStringLiteral("python_wins")).toArray().size(), library.size());
        QCOMPARE(json.value(QStringLiteral("evidence")).toArray().first().toObject().value(QStringLiteral("bound")).toString(), QStringLiteral("code"));
    }

    void unknownBoundsAreMissingNotGuessed()
    {
        // Without the manifest nothing says which kernels are code-bound: the jit claim is not measured,
        // and the reason is the manifest's problem.
        ClaimInputs inputs = baseInputs();
        addKernels(inputs, kKernels, 100, 400);
        inputs.benchmarks.clear();
        inputs.benchmarksError = QStringLiteral("manifest.json: cannot read the benchmark manifest");
        const ClaimVerdict jit = verdictOf(inputs, QStringLiteral("jit"));
        QCOMPARE(jit.verdict, ClaimVerdict::kNotMeasured);
        QCOMPARE(jit.missing.size(), kKernels.size());
        QVERIFY2(jit.missing.first().contains(inputs.benchmarksError), qPrintable(jit.missing.first()));
    }

    void invalidRowsCountAsMissingWithTheirError()
    {
        ClaimInputs inputs = baseInputs();
        SummaryRow broken = timeRow(QStringLiteral("startup"), QString(), QStringLiteral("python3"), 10);
        broken.invalidProcesses = 3;
        broken.error = QStringLiteral("3 of 3 processes: checksum mismatch");
        inputs.rows << timeRow(QStringLiteral("startup"), QString(), QStringLiteral("node"), 60) << broken;
        const ClaimVerdict verdict = verdictOf(inputs, QStringLiteral("startup"));
        QCOMPARE(verdict.verdict, ClaimVerdict::kNotMeasured);
        QVERIFY2(verdict.missing.first().contains(QStringLiteral("checksum mismatch")), qPrintable(verdict.missing.join('|')));

        inputs.rows[1] = timeRow(QStringLiteral("startup"), QString(), QStringLiteral("python3"), 10);
        QCOMPARE(verdictOf(inputs, QStringLiteral("startup")).verdict, ClaimVerdict::kNotSupported);
    }

    void numericIsMixedWhenOnlyNumpyWins()
    {
        ClaimInputs inputs = baseInputs();
        for (const QString &benchmark : {QStringLiteral("matmul"), QStringLiteral("reduce")}) {
            inputs.rows << timeRow(benchmark, QStringLiteral("float64array"), QStringLiteral("node"), 100)
                        << timeRow(benchmark, QStringLiteral("numpy"), QStringLiteral("python3"), 20)
                        << timeRow(benchmark, QStringLiteral("pure"), QStringLiteral("python3"), 5000);
        }
        const ClaimVerdict verdict = verdictOf(inputs, QStringLiteral("numeric"));
        QCOMPARE(verdict.verdict, ClaimVerdict::kMixed);
        QCOMPARE(verdict.holdingParts, QStringList{QStringLiteral("NumPy takes less time than Float64Array JavaScript")});
        QVERIFY(verdict.evidence.first().figure.contains(QStringLiteral("float64array / numpy")));

        inputs.rows.erase(std::remove_if(inputs.rows.begin(), inputs.rows.end(), [](const SummaryRow &r) { return r.variant == QLatin1String("pure"); }),
                          inputs.rows.end());
        const ClaimVerdict partial = verdictOf(inputs, QStringLiteral("numeric"));
        QCOMPARE(partial.verdict, ClaimVerdict::kMixed);
        QVERIFY(partial.missing.contains(QStringLiteral("matmul (pure) has no results on python3")));
    }

    void ioFollowsTheThroughputRatios()
    {
        ClaimInputs inputs = baseInputs();
        for (int connections : {16, 256, 1024}) {
            inputs.loadRows << loadRow(QStringLiteral("node-http"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("delay"), connections, 9000)
                            << loadRow(QStringLiteral("asyncio"), QStringLiteral("python3"), QStringLiteral("http"), QStringLiteral("delay"), connections, 3000)
                            << loadRow(QStringLiteral("threading"), QStringLiteral("python3"), QStringLiteral("http"), QStringLiteral("delay"), connections, 1000)
                            << loadRow(QStringLiteral("express"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("delay"), connections, 5000);
            for (const char *framework : {"aiohttp", "fastapi", "flask"})
                inputs.loadRows << loadRow(QString::fromLatin1(framework), QStringLiteral("python3"), QStringLiteral("http"), QStringLiteral("delay"), connections, 2000);
        }
        const ClaimVerdict supported = verdictOf(inputs, QStringLiteral("io"));
        QCOMPARE(supported.verdict, ClaimVerdict::kSupported);
        // 16 connections is below the rule's min_connections (64): only 256 and 1024 are read.
        QCOMPARE(supported.evidence.size(), 2 * 2 + 3 * 2);
        QVERIFY(std::abs(supported.evidence.first().value - 3.0) < 0.1);

        for (LoadRow &row : inputs.loadRows) {
            if (row.server == QLatin1String("express"))
                row.throughputs = around(500, 5);
        }
        QCOMPARE(verdictOf(inputs, QStringLiteral("io")).verdict, ClaimVerdict::kMixed);
        for (LoadRow &row : inputs.loadRows) {
            if (row.server == QLatin1String("node-http"))
                row.throughputs = around(500, 5);
        }
        QCOMPARE(verdictOf(inputs, QStringLiteral("io")).verdict, ClaimVerdict::kNotSupported);
    }

    void asyncioNeedsBothFanoutAndServers()
    {
        ClaimInputs inputs = baseInputs();
        inputs.rows << timeRow(QStringLiteral("fanout-sleeps"), QStringLiteral("promises"), QStringLiteral("node"), 50)
                    << timeRow(QStringLiteral("fanout-sleeps"), QStringLiteral("asyncio"), QStringLiteral("python3"), 60)
                    << timeRow(QStringLiteral("fanout-sleeps"), QStringLiteral("uvloop"), QStringLiteral("python3"), 55);
        const ClaimVerdict onlyFanout = verdictOf(inputs, QStringLiteral("asyncio"));
        QCOMPARE(onlyFanout.verdict, ClaimVerdict::kMixed);
        QVERIFY(onlyFanout.why.contains(QStringLiteral("asyncio with 1 worker(s) has no http delay point at >= 64 connections")));
        QVERIFY(onlyFanout.evidence.at(1).figure.contains(QStringLiteral("promises / uvloop")));
        for (const char *server : {"asyncio", "uvloop"})
            inputs.loadRows << loadRow(QString::fromLatin1(server), QStringLiteral("python3"), QStringLiteral("http"), QStringLiteral("delay"), 256, 7000);
        inputs.loadRows << loadRow(QStringLiteral("node-http"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("delay"), 256, 9000);
        QCOMPARE(verdictOf(inputs, QStringLiteral("asyncio")).verdict, ClaimVerdict::kSupported);
        inputs.rows[1] = timeRow(QStringLiteral("fanout-sleeps"), QStringLiteral("asyncio"), QStringLiteral("python3"), 500);
        QCOMPARE(verdictOf(inputs, QStringLiteral("asyncio")).verdict, ClaimVerdict::kMixed);
    }

    void loadVerdictsDecideOnTheIntervalAcrossProcesses()
    {
        // node-http against asyncio and threading on /delay at 256 connections, one throughput per server process.
        const auto io = [&](const QList<double> &node, const QList<double> &python) {
            ClaimInputs inputs = baseInputs();
            LoadRow nodeRow = loadRow(QStringLiteral("node-http"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("delay"), 256, 0);
            nodeRow.throughputs = node;
            nodeRow.points = int(node.size());
            inputs.loadRows << nodeRow;
            for (const char *server : {"asyncio", "threading"}) {
                LoadRow row = loadRow(QString::fromLatin1(server), QStringLiteral("python3"), QStringLiteral("http"), QStringLiteral("delay"), 256, 0);
                row.throughputs = python;
                row.points = int(python.size());
                inputs.loadRows << row;
            }
            ClaimVerdict verdict = verdictOf(inputs, QStringLiteral("io"));
            verdict.evidence = verdict.evidence.mid(0, 2);  // the node-http part's figures
            return verdict;
        };
        // Every process of one side above every process of the other: the whole CI clears 1.
        const ClaimVerdict clear = io({9000, 9300, 8800}, {3000, 3100, 2900});
        for (const ClaimEvidence &figure : clear.evidence) {
            QCOMPARE(figure.n, 3);
            QVERIFY(*figure.ciLow > 1);
            QCOMPARE(figure.outcome, ClaimEvidence::kHolds);
            QVERIFY(!figure.p);  // load figures decide on the interval, with no p of their own
        }
        // The same the other way round: contrary.
        const ClaimVerdict other = io({3000, 3100, 2900}, {9000, 9300, 8800});
        QCOMPARE(other.evidence.first().outcome, ClaimEvidence::kContrary);
        QVERIFY(*other.evidence.first().ciHigh < 1);
        // Overlapping processes: the ratio's interval straddles 1, so the figure decides nothing.
        const ClaimVerdict straddling = io({3000, 9000, 3300}, {3100, 8000, 2900});
        const ClaimEvidence &figure = straddling.evidence.first();
        QVERIFY2(*figure.ciLow < 1 && *figure.ciHigh > 1, qPrintable(QStringLiteral("%1 %2").arg(*figure.ciLow).arg(*figure.ciHigh)));
        QCOMPARE(figure.outcome, ClaimEvidence::kInconclusive);
        QVERIFY2(straddling.why.contains(QStringLiteral("inconclusive")), qPrintable(straddling.why));
        // One process a side has no interval at all, however far apart the two are.
        const ClaimVerdict single = io({30000}, {1000});
        QCOMPARE(single.evidence.first().n, 1);
        QVERIFY(!single.evidence.first().ciLow);
        QCOMPARE(single.evidence.first().outcome, ClaimEvidence::kInconclusive);

        // A claim whose every measured part is inconclusive is Inconclusive, never Not supported.
        ClaimInputs inputs = baseInputs();
        for (const char *server : {"asyncio", "uvloop"}) {
            LoadRow row = loadRow(QString::fromLatin1(server), QStringLiteral("python3"), QStringLiteral("http"), QStringLiteral("delay"), 256, 0);
            row.throughputs = {3000, 9000, 3300};
            inputs.loadRows << row;
        }
        LoadRow node = loadRow(QStringLiteral("node-http"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("delay"), 256, 0);
        node.throughputs = {3100, 8000, 2900};
        inputs.loadRows << node;
        inputs.rows << timeRow(QStringLiteral("fanout-sleeps"), QStringLiteral("promises"), QStringLiteral("node"), 50)
                    << timeRow(QStringLiteral("fanout-sleeps"), QStringLiteral("asyncio"), QStringLiteral("python3"), 100)
                    << timeRow(QStringLiteral("fanout-sleeps"), QStringLiteral("uvloop"), QStringLiteral("python3"), 100);
        QCOMPARE(verdictOf(inputs, QStringLiteral("asyncio")).verdict, ClaimVerdict::kInconclusive);
    }

    void ratioFiguresReportTheSetsHolmCorrectedP()
    {
        ClaimInputs inputs = baseInputs();
        addKernels(inputs, kKernels, 100, 104);
        inputs.rows << timeRow(QStringLiteral("startup"), QString(), QStringLiteral("node"), 60) << timeRow(QStringLiteral("startup"), QString(), QStringLiteral("python3"), 62);
        const QList<Comparison> comparisons = ResultAnalysis::comparisons(inputs.rows);
        const auto startup = std::find_if(comparisons.begin(), comparisons.end(), [](const Comparison &c) { return c.benchmark == QLatin1String("startup"); });
        QVERIFY(startup != comparisons.end());
        QVERIFY(startup->pHolm > startup->pValue);  // corrected over the whole set's family
        const ClaimEvidence figure = verdictOf(inputs, QStringLiteral("startup")).evidence.first();
        QCOMPARE(*figure.p, startup->pHolm);
        QCOMPARE(*figure.ciLow, startup->ratio.ciLow);
        // The comparisons a caller hands in (the Performance page's) are the ones reported.
        inputs.comparisons = comparisons;
        QCOMPARE(*verdictOf(inputs, QStringLiteral("startup")).evidence.first().p, startup->pHolm);
    }

    void gilAndMultiprocessingFollowTheSpeedups()
    {
        ClaimInputs gilHolds = baseInputs();
        addScalingPair(gilHolds, QStringLiteral("threads"), QStringLiteral("python3"), 1.0);
        addScalingPair(gilHolds, QStringLiteral("processes"), QStringLiteral("python3"), 1.9);
        QCOMPARE(verdictOf(gilHolds, QStringLiteral("gil")).verdict, ClaimVerdict::kSupported);
        const ClaimVerdict processes = verdictOf(gilHolds, QStringLiteral("multiprocessing"));
        QCOMPARE(processes.verdict, ClaimVerdict::kSupported);
        QCOMPARE(processes.evidence.first().n, 15);

        ClaimInputs freeThreaded = baseInputs();
        freeThreaded.runtimes[1].gilEnabled = false;
        addScalingPair(freeThreaded, QStringLiteral("threads"), QStringLiteral("python3"), 1.9);
        addScalingPair(freeThreaded, QStringLiteral("processes"), QStringLiteral("python3"), 1.0);
        const ClaimVerdict gil = verdictOf(freeThreaded, QStringLiteral("gil"));
        QCOMPARE(gil.verdict, ClaimVerdict::kNotSupported);
        QVERIFY(gil.why.contains(QStringLiteral("without the GIL")));
        QCOMPARE(verdictOf(freeThreaded, QStringLiteral("multiprocessing")).verdict, ClaimVerdict::kNotSupported);
    }

    void eachPairingIsJudgedAndAFreeThreadedPythonGetsItsGilRow()
    {
        // node, bun; python3 with the GIL and python3.13t without it (a free-threaded build's PYTHON_GIL=0 twin).
        ClaimInputs inputs = baseInputs();
        RuntimeInfo bun = inputs.runtimes.at(0);
        bun.name = QStringLiteral("bun");
        bun.setKind(RuntimeKind::Bun);
        RuntimeInfo freeThreaded = inputs.runtimes.at(1);
        freeThreaded.name = QStringLiteral("python3.13t");
        freeThreaded.gilEnabled = false;
        freeThreaded.freeThreaded = true;
        inputs.runtimes << bun << freeThreaded;
        addScalingPair(inputs, QStringLiteral("threads"), QStringLiteral("python3"), 1.0);
        addScalingPair(inputs, QStringLiteral("processes"), QStringLiteral("python3"), 1.9);
        addScalingPair(inputs, QStringLiteral("threads"), QStringLiteral("python3.13t"), 1.9);
        addScalingPair(inputs, QStringLiteral("processes"), QStringLiteral("python3.13t"), 1.9);

        const QList<PairingVerdicts> matrix = ClaimEvaluator::evaluateMatrix(m_rules, inputs);
        QStringList labels;
        for (const PairingVerdicts &column : matrix) {
            labels << column.pairing.label();
            QCOMPARE(column.verdicts.size(), m_rules.claims().size());
        }
        // The baselines' pairing first (node: the only Node; python3: the system CPython), then every other pair.
        QCOMPARE(labels, (QStringList{QStringLiteral("node vs python3"), QStringLiteral("node vs python3.13t"), QStringLiteral("bun vs python3"),
                                      QStringLiteral("bun vs python3.13t")}));
        const auto gilOf = [&](qsizetype column) {
            for (const ClaimVerdict &verdict : matrix.at(column).verdicts) {
                if (verdict.id == QLatin1String("gil"))
                    return verdict;
            }
            return ClaimVerdict{};
        };
        QCOMPARE(gilOf(0).verdict, ClaimVerdict::kSupported);
        QCOMPARE(gilOf(1).verdict, ClaimVerdict::kNotSupported);
        QVERIFY2(gilOf(1).why.contains(QStringLiteral("python3.13t runs without the GIL")), qPrintable(gilOf(1).why));
        // The single verdicts are the first column's; the card's line says where the verdict changes.
        QCOMPARE(verdictOf(inputs, QStringLiteral("gil")).verdict, ClaimVerdict::kSupported);
        QCOMPARE(ClaimEvaluator::verdictByPairing(matrix, QStringLiteral("gil")),
                 QStringLiteral("Supported for node vs python3; Not supported for node vs python3.13t; Supported for bun vs python3; "
                                "Not supported for bun vs python3.13t"));
        QVERIFY(ClaimEvaluator::verdictByPairing(matrix, QStringLiteral("adoption")).isEmpty());
        // A chosen baseline leads the matrix and decides the single verdicts.
        QString error;
        inputs.baselines = RuntimeBaselines::choose(inputs.pairedRuntimes(), {QStringLiteral("python3.13t")}, &error);
        QVERIFY2(inputs.baselines, qPrintable(error));
        QCOMPARE(ClaimEvaluator::evaluateMatrix(m_rules, inputs).first().pairing.label(), QStringLiteral("node vs python3.13t"));
        QCOMPARE(verdictOf(inputs, QStringLiteral("gil")).verdict, ClaimVerdict::kNotSupported);
    }

    void clusterCombinesServerAndWorkerThreads()
    {
        ClaimInputs inputs = baseInputs();
        inputs.loadRows << loadRow(QStringLiteral("node-cluster"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("cpu"), 64, 1000, 1)
                        << loadRow(QStringLiteral("node-cluster"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("cpu"), 64, 1900, 2);
        addScalingPair(inputs, QStringLiteral("worker_threads"), QStringLiteral("node"), 1.05);
        const ClaimVerdict verdict = verdictOf(inputs, QStringLiteral("cluster"));
        QCOMPARE(verdict.verdict, ClaimVerdict::kMixed);
        QCOMPARE(verdict.holdingParts.size(), 1);
        QVERIFY(verdict.evidence.first().figure.contains(QStringLiteral("(2 vs 1 workers)")));
        inputs.scalingRows.last().speedup = 1.9;
        inputs.scalingRows.last().ci = {1.9, 1.8, 2.0};
        QCOMPARE(verdictOf(inputs, QStringLiteral("cluster")).verdict, ClaimVerdict::kSupported);
    }

    void eventLoopMemoryIsPerConnection()
    {
        ClaimInputs inputs = baseInputs();
        inputs.loadRows << idleRow(QStringLiteral("node-http"), 0, 40000) << idleRow(QStringLiteral("node-http"), 1000, 45000)
                        << idleRow(QStringLiteral("node-http"), 5000, 65000);
        const ClaimVerdict cheap = verdictOf(inputs, QStringLiteral("eventloop-mem"));
        QCOMPARE(cheap.verdict, ClaimVerdict::kSupported);
        QCOMPARE(cheap.evidence.at(0).value, 5.0);   // (45000 - 40000) / 1000
        QCOMPARE(cheap.evidence.at(1).value, 5.0);   // (65000 - 40000) / 5000
        inputs.loadRows.last().serverPssKb = 40000 + 5000 * 100;
        QCOMPARE(verdictOf(inputs, QStringLiteral("eventloop-mem")).verdict, ClaimVerdict::kMixed);
        inputs.loadRows.removeFirst();
        QCOMPARE(verdictOf(inputs, QStringLiteral("eventloop-mem")).verdict, ClaimVerdict::kNotMeasured);
    }

    void realtimeReadsChatCapacityAndSustainedLatency()
    {
        ClaimInputs inputs = baseInputs();
        for (int clients : {100, 1000})
            inputs.capacityRows << capacityRow(QStringLiteral("chat-ws"), QStringLiteral("node"), clients, {400, 420, 390})
                                << capacityRow(QStringLiteral("chat-websockets"), QStringLiteral("python3"), clients, {150, 160, 140});
        for (int clients : {100, 1000}) {
            for (const char *server : {"chat-ws", "chat-websockets"}) {
                const bool node = QLatin1String(server) == QLatin1String("chat-ws");
                LoadRow row = loadRow(QString::fromLatin1(server), node ? QStringLiteral("node") : QStringLiteral("python3"), QStringLiteral("chat"),
                                      QStringLiteral("/chat"), clients, 200.0 * clients);
                row.offeredPerSec = 200.0 * clients;
                row.p99sNs = node ? QList<double>{2e6, 2.2e6, 1.9e6} : QList<double>{9e6, 8.5e6, 9.5e6};
                inputs.loadRows << row;
            }
        }
        // At 1000 clients the Python room falls behind: that point is no comparison of latencies.
        inputs.loadRows.last().requestsPerSec = 0.5 * inputs.loadRows.last().offeredPerSec;
        const ClaimVerdict verdict = verdictOf(inputs, QStringLiteral("realtime"));
        QCOMPARE(verdict.verdict, ClaimVerdict::kSupported);
        QVERIFY(verdict.evidence.first().figure.contains(QStringLiteral("capacity at p99 under 50 ms, 100 clients")));
        QVERIFY(*verdict.evidence.first().ciLow > 1);
        QCOMPARE(verdict.evidence.size(), 2 + 1);  // two capacities, one sustained latency point
        QVERIFY(verdict.evidence.last().figure.contains(QStringLiteral("p99 latency at 100 connections")));
        QVERIFY(*verdict.evidence.last().ciHigh < 1);
        QVERIFY2(verdict.why.contains(QStringLiteral("fell behind the offered load: 1000 connections")), qPrintable(verdict.why));

        // Capacities that overlap across processes decide nothing.
        for (CapacityRow &row : inputs.capacityRows) {
            if (row.server == QLatin1String("chat-websockets"))
                row.rates = {380, 430, 150};
        }
        const ClaimVerdict close = verdictOf(inputs, QStringLiteral("realtime"));
        QCOMPARE(close.verdict, ClaimVerdict::kMixed);
        QCOMPARE(close.evidence.first().outcome, ClaimEvidence::kInconclusive);
        // One search per server: no interval, inconclusive however far apart.
        for (CapacityRow &row : inputs.capacityRows)
            row.rates = {row.server == QLatin1String("chat-ws") ? 900.0 : 10.0};
        QCOMPARE(verdictOf(inputs, QStringLiteral("realtime")).evidence.first().outcome, ClaimEvidence::kInconclusive);
        // A server whose search failed is missing, with its error.
        inputs.capacityRows.first().rates.clear();
        inputs.capacityRows.first().error = QStringLiteral("server exited with status 1");
        QVERIFY(verdictOf(inputs, QStringLiteral("realtime")).missing.first().contains(QStringLiteral("server exited")));
    }

    void adoptionAndRegistryReadTheShippedDatasets()
    {
        const ClaimInputs inputs = baseInputs();
        const ClaimVerdict adoption = verdictOf(inputs, QStringLiteral("adoption"));
        QCOMPARE(adoption.verdict, ClaimVerdict::kNotSupported);
        QVERIFY(adoption.why.contains(QStringLiteral("no source states this figure")));
        bool sawJavaScript2023 = false;
        for (const ClaimEvidence &figure : adoption.evidence) {
            QVERIFY(figure.url.startsWith(QStringLiteral("http")));
            sawJavaScript2023 = sawJavaScript2023 || (figure.value == 63.61 && figure.outcome == ClaimEvidence::kContrary);
        }
        QVERIFY(sawJavaScript2023);

        const ClaimVerdict registry = verdictOf(inputs, QStringLiteral("registry"));
        QCOMPARE(registry.verdict, ClaimVerdict::kMixed);
        QCOMPARE(registry.holdingParts, QStringList{QStringLiteral("npm is larger than PyPI on the same date")});
        QVERIFY2(registry.why.contains(QStringLiteral("closest to 1300000 on 2020-09-14")), qPrintable(registry.why));
    }

    void adoptionFollowsAChangedDataset()
    {
        ClaimInputs inputs = baseInputs();
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("adoption.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("metric,subject,year,value,unit,population,source_title,source_url,notes\n"
                   "SO survey usage (worked with in past year),JavaScript,2023,69.2,%,all respondents,Test,https://x.test/a,\n"
                   "SO survey usage (worked with in past year),Python,2023,44.5,%,all respondents,Test,https://x.test/b,\n"
                   "data science projects using Python,Python,2023,65,%,projects,Test,https://x.test/c,\n");
        file.close();
        inputs.datasets = DatasetCatalog::load(ResourceLocator::dataDir(), dir.path());
        QCOMPARE(verdictOf(inputs, QStringLiteral("adoption")).verdict, ClaimVerdict::kSupported);
    }

    void beginnerIsAlwaysAProxy()
    {
        ClaimInputs inputs = baseInputs();
        inputs.sourceSizes = SourceSizeProxy::measure(ResourceLocator::benchmarksDir());
        QVERIFY(inputs.sourceSizes.size() >= 13);
        const ClaimVerdict verdict = verdictOf(inputs, QStringLiteral("beginner"));
        QCOMPARE(verdict.verdict, ClaimVerdict::kNotMeasured);
        QVERIFY(verdict.why.contains(QStringLiteral("proxy only")));
        QCOMPARE(verdict.evidence.size(), inputs.sourceSizes.size());
        for (const ClaimEvidence &figure : verdict.evidence)
            QCOMPARE(figure.outcome, ClaimEvidence::kProxy);
    }

    void gzipSizeMatchesTheFormat()
    {
        // gzip framing is 10 header + 8 trailer bytes; an empty input deflates to 2 bytes (final empty block).
        QCOMPARE(SourceSizeProxy::gzipBytes(QByteArray()).value(), 20);
        const QByteArray repetitive(10000, 'a');
        QVERIFY(SourceSizeProxy::gzipBytes(repetitive).value() < 100);
    }

    void badRulesAreRefusedWithTheirPlace()
    {
        QString error;
        QVERIFY(!ClaimRules::parse("[]", &error));
        QVERIFY(error.contains(QStringLiteral("not a JSON object")));
        QVERIFY(!ClaimRules::parse(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l","kind":"magic"}]}]})", &error));
        QVERIFY2(error.contains(QStringLiteral("claim x, part 1 (\"l\"): unknown kind \"magic\"")), qPrintable(error));
        QVERIFY(!ClaimRules::parse(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l","kind":"ratio","benchmarks":["a"],"expect":{"near":1}}]}]})", &error));
        QVERIFY(error.contains(QStringLiteral("\"expect\" must be one of")));
        QVERIFY(!ClaimRules::parse(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l","kind":"speedup","benchmark":"a","expect":{"above":1}}]}]})", &error));
        QVERIFY2(error.contains(QStringLiteral("kind speedup needs \"variant\"")), qPrintable(error));
        QVERIFY(!ClaimRules::parse(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l","kind":"not_measurable","proxy":"gzip_source_size"}]},{"id":"x","article_says":"z","parts":[{"label":"l","kind":"not_measurable","proxy":"gzip_source_size"}]}]})", &error));
        QVERIFY(error.contains(QStringLiteral("unique")));
        QVERIFY(!ClaimRules::parse(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l","kind":"ratio","benchmarks":["a"],"bound":"gpu","expect":{"below":1}}]}]})", &error));
        QVERIFY2(error.contains(QStringLiteral("claim x, part 1 (\"l\"): unknown \"bound\" \"gpu\"; one of code, library, startup, io")), qPrintable(error));
        QVERIFY(!ClaimRules::parse(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l","kind":"not_measurable","proxy":"gzip_source_size"}],)"
                                   R"("findings":[{"label":"f","kind":"ratio","benchmarks":["a"],"expect":{"below":1}}]}]})", &error));
        QVERIFY2(error.contains(QStringLiteral("claim x, finding 1: a finding has no \"expect\"")), qPrintable(error));
        QVERIFY(!ClaimRules::parse(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l","kind":"not_measurable","proxy":"gzip_source_size"}],)"
                                   R"("findings":[{"label":"f","kind":"ratio","benchmarks":["a"],"bound":"librar"}]}]})", &error));
        QVERIFY2(error.contains(QStringLiteral("claim x, finding 1: unknown \"bound\" \"librar\"")), qPrintable(error));
    }

    void rulesAreTypedWhenRead_data()
    {
        QTest::addColumn<QByteArray>("part");
        QTest::addColumn<QString>("expected");
        const QByteArray load = R"("kind":"throughput_ratio","measure":"http","numerator":{"servers":["a"]},"denominator":{"servers":["b"]},"expect":{"above":1})";
        // The retired margin is refused like any other unknown key, not silently ignored.
        QTest::newRow("retired key") << QByteArray(load + R"(,"single_point_margin":1.25)")
                                     << QStringLiteral("claim x, part 1 (\"l\"): unknown key \"single_point_margin\"; kind throughput_ratio takes ");
        QTest::newRow("misspelt key") << QByteArray(load + R"(,"min_conections":64)") << QStringLiteral("claim x, part 1 (\"l\"): unknown key \"min_conections\"");
        QTest::newRow("misspelt side") << QByteArray(R"("kind":"capacity_ratio","measure":"chat","numerator":{"server":["a"]},"denominator":{"servers":["b"]},"expect":{"above":1})")
                                      << QStringLiteral("claim x, part 1 (\"l\"): \"numerator\" needs \"servers\"");
        QTest::newRow("unknown kind") << QByteArray(R"("kind":"latency_ratio","expect":{"above":1})")
                                      << QStringLiteral("claim x, part 1 (\"l\"): unknown kind \"latency_ratio\"; known: ratio, throughput_ratio, capacity_ratio");
        QTest::newRow("wrong type") << QByteArray(load + R"(,"min_connections":"64")") << QStringLiteral("\"min_connections\" must be a number");
        QTest::newRow("unknown figure") << QByteArray(load + R"(,"figure":"p95")") << QStringLiteral("\"figure\" must be one of throughput, p99");
        QTest::newRow("unknown measure") << QByteArray(R"("kind":"capacity_ratio","measure":"grpc","numerator":{"servers":["a"]},"denominator":{"servers":["b"]},"expect":{"above":1})")
                                         << QStringLiteral("\"measure\" must be one of http, chat");
    }

    void rulesAreTypedWhenRead()
    {
        QFETCH(QByteArray, part);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("claims.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format":1,"claims":[{"id":"x","article_says":"y","parts":[{"label":"l",)" + part + "}]}]}");
        file.close();
        QString error;
        QVERIFY(!ClaimRules::load(path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));  // the file is named
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void shippedRulesAreReadIntoTheirKinds()
    {
        const auto claim = [&](const QString &id) {
            return *std::find_if(m_rules.claims().begin(), m_rules.claims().end(), [&](const ClaimRule &c) { return c.id == id; });
        };
        const ClaimPart capacity = claim(QStringLiteral("realtime")).parts.first();
        QCOMPARE(capacity.kind, ClaimPartKind::CapacityRatio);
        const auto *rule = std::get_if<CapacityRatioRule>(&capacity.rule);
        QVERIFY(rule);
        QCOMPARE(rule->points.measure, QStringLiteral("chat"));
        QCOMPARE(rule->points.numerator.servers, QStringList{QStringLiteral("chat-ws")});
        const ClaimPart cluster = claim(QStringLiteral("cluster")).parts.first();
        const auto *scaling = std::get_if<ThroughputRatioRule>(&cluster.rule);
        QVERIFY(scaling && scaling->points.sameServer);
        QCOMPARE(scaling->points.numerator.workers, 2);
        QCOMPARE(cluster.expect->test, ClaimExpectation::Test::Above);
        QCOMPARE(cluster.expect->threshold, 1.3);
    }

    void verdictJsonHasTheDocumentedShape()
    {
        ClaimInputs inputs = baseInputs();
        inputs.rows << timeRow(QStringLiteral("startup"), QString(), QStringLiteral("node"), 60) << timeRow(QStringLiteral("startup"), QString(), QStringLiteral("python3"), 10);
        const QJsonObject json = verdictOf(inputs, QStringLiteral("startup")).toJson();
        for (const char *key : {"id", "article_says", "verdict", "why", "evidence", "findings"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        const QJsonObject figure = json.value(QStringLiteral("evidence")).toArray().first().toObject();
        for (const char *key : {"figure", "value", "ci_low", "ci_high", "n", "p", "source"})
            QVERIFY2(figure.contains(QLatin1String(key)), key);
        QCOMPARE(figure.value(QStringLiteral("source")).toString(), QStringLiteral("startup//node,python3"));
        QVERIFY(figure.value(QStringLiteral("ci_low")).toDouble() > 1);
    }
};

QTEST_GUILESS_MAIN(ClaimEvaluatorTest)
#include "ClaimEvaluatorTest.moc"
