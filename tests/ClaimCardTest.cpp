// The claim card and the evidence dialog show a verdict's findings beside it (jit: the library-bound kernels),
// from a verdict the real evaluator computed on synthetic rows (made-up timings, far apart).
#include "ClaimCard.h"
#include "ClaimEvaluator.h"
#include "ClaimEvidenceDialog.h"

#include <QApplication>
#include <QLabel>
#include <QTableWidget>
#include <QTest>

using namespace showdown;

namespace {

SummaryRow timeRow(const QString &benchmark, const QString &runtime, double centre)
{
    SummaryRow row;
    row.benchmark = benchmark;
    row.runtime = runtime;
    row.runtimeKind = runtime == QLatin1String("node") ? QStringLiteral("node") : QStringLiteral("python");
    for (int i = 0; i < 15; ++i)
        row.values << centre * (1.0 + 0.01 * (i - 7));
    row.stats = Statistics::summarize(std::vector<double>(row.values.begin(), row.values.end()));
    row.processes = 3;
    return row;
}

/// The jit verdict when Node wins the code-bound kernels and Python the library-bound ones.
ClaimVerdict jitVerdict(QStringList *library)
{
    QString error;
    const std::optional<ClaimRules> rules = ClaimRules::loadShipped(&error);
    ClaimInputs inputs;
    for (const QString &kind : {QStringLiteral("node"), QStringLiteral("python")}) {
        RuntimeInfo runtime;
        runtime.kind = kind;
        runtime.name = kind == QLatin1String("node") ? kind : QStringLiteral("python3");
        inputs.runtimes << runtime;
    }
    inputs.loadShippedBenchmarks();
    for (const Benchmark &benchmark : inputs.benchmarks) {
        if (!benchmark.claims.contains(QLatin1String("jit")))
            continue;
        const bool code = benchmark.bound->kind == BenchmarkBound::Code;
        if (!code)
            *library << benchmark.name;
        inputs.rows << timeRow(benchmark.name, QStringLiteral("node"), code ? 100 : 400)
                    << timeRow(benchmark.name, QStringLiteral("python3"), code ? 400 : 100);
    }
    for (const ClaimRule &claim : rules->claims()) {
        if (claim.id == QLatin1String("jit"))
            return ClaimEvaluator::evaluateClaim(claim, *rules, inputs);
    }
    return {};
}

QString labelsText(const QWidget &widget)
{
    QStringList texts;
    for (const QLabel *label : widget.findChildren<QLabel *>())
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class ClaimCardTest : public QObject {
    Q_OBJECT
private slots:
    void cardShowsTheFindingBesideTheVerdict()
    {
        QStringList library;
        const ClaimVerdict verdict = jitVerdict(&library);
        QCOMPARE(verdict.verdict, ClaimVerdict::kSupported);
        QVERIFY(!library.isEmpty());
        ClaimCard card;
        card.setVerdict(verdict);
        const QString text = labelsText(card);
        QVERIFY2(text.contains(QStringLiteral("Beside it:")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("CPython's C built-ins (python3) win ") + library.join(QStringLiteral(", "))), qPrintable(text));
    }

    void cardNamesItsPairingAndWhereTheVerdictChanges()
    {
        // Two pairings of the same evaluated verdict, the second judged otherwise: the card lists both, each in its verdict's colour.
        QStringList library;
        const ClaimVerdict verdict = jitVerdict(&library);
        ClaimVerdict other = verdict;
        other.verdict = ClaimVerdict::kNotSupported;
        const QList<PairingVerdicts> matrix{{{QStringLiteral("node"), QStringLiteral("python3")}, {verdict}},
                                            {{QStringLiteral("node"), QStringLiteral("pypy3")}, {other}}};
        const QString byPairing = ClaimEvaluator::verdictByPairing(matrix, verdict.id);
        QCOMPARE(byPairing, QStringLiteral("Supported for node vs python3; Not supported for node vs pypy3"));
        ClaimCard card;
        card.setVerdict(verdict, matrix.first().pairing.label(), byPairing);
        QCOMPARE(card.pairingText(), QStringLiteral("Verdict for node vs python3"));
        const QString text = card.byPairingText();
        QVERIFY2(text.contains(QStringLiteral("<span style='color:%1'><b>Supported</b></span> for node vs python3")
                                   .arg(ClaimCard::verdictColor(ClaimVerdict::kSupported).name())),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("<span style='color:%1'><b>Not supported</b></span> for node vs pypy3")
                                   .arg(ClaimCard::verdictColor(ClaimVerdict::kNotSupported).name())),
                 qPrintable(text));
        QVERIFY(card.toolTip().contains(byPairing));
        // One pairing, or a verdict every pairing shares: the card says nothing more.
        card.setVerdict(verdict);
        QVERIFY(card.pairingText().isEmpty());
        QVERIFY(card.byPairingText().isEmpty());
        QVERIFY(ClaimEvaluator::verdictByPairing({matrix.first(), matrix.first()}, verdict.id).isEmpty());
    }

    void dialogListsTheFindingsFiguresWithTheirBound()
    {
        QStringList library;
        const ClaimVerdict verdict = jitVerdict(&library);
        ClaimEvidenceDialog dialog(verdict);
        QVERIFY2(labelsText(dialog).contains(QStringLiteral("Beside it (not part of the verdict)")), qPrintable(labelsText(dialog)));
        const QTableWidget *table = dialog.findChild<QTableWidget *>();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), int(verdict.evidence.size() + library.size()));
        int boundColumn = -1;
        for (int column = 0; column < table->columnCount(); ++column) {
            if (table->horizontalHeaderItem(column)->text() == QLatin1String("Bound"))
                boundColumn = column;
        }
        QVERIFY(boundColumn >= 0);
        QCOMPARE(table->item(0, boundColumn)->text(), QStringLiteral("code"));
        QCOMPARE(table->item(table->rowCount() - 1, boundColumn)->text(), QStringLiteral("library"));
        QCOMPARE(table->item(table->rowCount() - 1, 7)->text(), ClaimFinding::kPythonFaster);
        // The pair's notes travel with the figure.
        QVERIFY(table->item(0, 1)->toolTip().size() > table->item(0, 1)->text().size());
    }
};

QTEST_MAIN(ClaimCardTest)
#include "ClaimCardTest.moc"
