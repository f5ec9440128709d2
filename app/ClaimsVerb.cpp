#include "ClaimsVerb.h"

#include "ClaimEvaluator.h"
#include "ResultStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace showdown {
namespace {

QString number(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QString::number(*value, 'g', 4) : QStringLiteral("-");
}

/// The claims × pairings matrix as text: one row per claim, one column per pairing.
void printMatrix(const QList<PairingVerdicts> &matrix, QTextStream &out)
{
    if (matrix.size() < 2)
        return;
    out << "Claims by pairing (JavaScript vs Python):\n" << QStringLiteral("claim").leftJustified(16);
    for (const PairingVerdicts &column : matrix)
        out << column.pairing.label().leftJustified(24);
    out << "\n";
    for (qsizetype claim = 0; claim < matrix.first().verdicts.size(); ++claim) {
        out << matrix.first().verdicts.at(claim).id.leftJustified(16);
        for (const PairingVerdicts &column : matrix)
            out << column.verdicts.at(claim).verdict.leftJustified(24);
        out << "\n";
    }
    out << "\n";
}

void printText(const QList<ClaimVerdict> &verdicts, const QList<PairingVerdicts> &matrix, QTextStream &out)
{
    if (!matrix.isEmpty())
        out << "Verdicts for " << matrix.first().pairing.label() << " (the baselines; --baseline chooses others):\n\n";
    for (const ClaimVerdict &verdict : verdicts) {
        out << verdict.id.leftJustified(16) << verdict.verdict.leftJustified(15) << verdict.title << "\n"
            << "    the article: " << verdict.articleSays << "\n"
            << "    why: " << verdict.why << "\n";
        if (const QString changes = ClaimEvaluator::verdictByPairing(matrix, verdict.id); !changes.isEmpty())
            out << "    by pairing: " << changes << "\n";
        for (const ClaimEvidence &figure : verdict.evidence) {
            out << "    - " << figure.figure << ": " << number(figure.value);
            if (figure.ciLow)
                out << " [" << number(figure.ciLow) << ", " << number(figure.ciHigh) << "]";
            out << " n=" << figure.n;
            if (figure.p)
                out << " p=" << number(figure.p);
            out << "  " << figure.outcome;
            if (!figure.bound.isEmpty())
                out << "  (bound: " << figure.bound << ")";
            out << "\n";
        }
        for (const ClaimFinding &finding : verdict.findings)
            out << "    beside it: " << finding.summary << "\n";
        out << "\n";
    }
    printMatrix(matrix, out);
}

/// `claims --json`'s pairings: each pairing's verdict of every claim.
QJsonArray matrixJson(const QList<PairingVerdicts> &matrix)
{
    QJsonArray pairings;
    for (const PairingVerdicts &column : matrix) {
        QJsonArray verdicts;
        for (const ClaimVerdict &verdict : column.verdicts)
            verdicts.append(QJsonObject{{QStringLiteral("id"), verdict.id}, {QStringLiteral("verdict"), verdict.verdict},
                                        {QStringLiteral("why"), verdict.why}});
        pairings.append(QJsonObject{{QStringLiteral("javascript"), column.pairing.javascript},
                                    {QStringLiteral("python"), column.pairing.python},
                                    {QStringLiteral("label"), column.pairing.label()},
                                    {QStringLiteral("verdicts"), verdicts}});
    }
    return pairings;
}

} // namespace

int claimsVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Judges the article's claims on a stored result set with the rules in resources/data/claims.json."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Result database (default: the app's)."), QStringLiteral("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable output."));
    const QCommandLineOption baselineOption(QStringLiteral("baseline"),
                                            QStringLiteral("The runtime of its family the single verdicts are about and the matrix starts "
                                                           "with (default: the newest Node and the system CPython); repeatable, one per family."),
                                            QStringLiteral("NAME"));
    parser.addOptions({dbOption, jsonOption, baselineOption});
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Result set ID (`showdown list`)."));
    if (!parser.parse(QStringList{QStringLiteral("showdown claims")} + arguments)) {
        err << "showdown claims: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    bool numeric = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&numeric);
    if (parser.positionalArguments().size() != 1 || !numeric) {
        err << "showdown claims: needs exactly one result set ID; `showdown list` shows them\n";
        return 2;
    }
    QString error;
    const std::optional<ClaimRules> rules = ClaimRules::loadShipped(&error);
    if (!rules) {
        err << "showdown claims: " << error << "\n";
        return 1;
    }
    ResultStore store;
    const QString db = parser.value(dbOption);
    if (!store.open(db.isEmpty() ? ResultStore::defaultPath() : db, ResultStore::OpenMode::Read, &error)) {
        err << "showdown claims: " << error << "\n";
        return 1;
    }
    if (!store.resultSet(id, &error)) {
        err << "showdown claims: " << (error.isEmpty() ? QStringLiteral("no result set %1 in %2").arg(id).arg(store.path()) : error) << "\n";
        return 1;
    }
    const QList<RuntimeInfo> runtimes = store.runtimes(id, &error);
    const QList<Sample> samples = store.samples(id, &error);
    if (!error.isEmpty()) {
        err << "showdown claims: " << error << "\n";
        return 1;
    }
    ClaimInputs inputs = ClaimInputs::fromResultSet(samples, runtimes);
    inputs.baselines = RuntimeBaselines::choose(inputs.pairedRuntimes(), parser.values(baselineOption), &error);
    if (!inputs.baselines) {
        err << "showdown claims: " << error << "\n";
        return 2;
    }
    const QList<PairingVerdicts> matrix = ClaimEvaluator::evaluateMatrix(*rules, inputs);
    const QList<ClaimVerdict> verdicts = ClaimEvaluator::baselineVerdicts(matrix, *rules, inputs);
    for (const QString &issue : inputs.datasets.issues())
        err << "showdown claims: dataset " << issue << "\n";
    if (parser.isSet(jsonOption)) {
        QJsonArray claims;
        for (const ClaimVerdict &verdict : verdicts) {
            QJsonObject claim = verdict.toJson();
            claim.insert(QStringLiteral("by_pairing"), ClaimEvaluator::verdictByPairing(matrix, verdict.id));
            claims.append(claim);
        }
        const QJsonObject baselines{{QStringLiteral("javascript"), inputs.baselines->baseline(RuntimeFamily::JavaScript)},
                                    {QStringLiteral("python"), inputs.baselines->baseline(RuntimeFamily::Python)}};
        out << QJsonDocument(QJsonObject{{QStringLiteral("result_set"), id},
                                         {QStringLiteral("baselines"), baselines},
                                         {QStringLiteral("claims"), claims},
                                         {QStringLiteral("pairings"), matrixJson(matrix)}})
                   .toJson(QJsonDocument::Indented);
    } else {
        printText(verdicts, matrix, out);
    }
    return 0;
}

} // namespace showdown
