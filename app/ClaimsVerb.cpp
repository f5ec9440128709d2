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

void printText(const QList<ClaimVerdict> &verdicts, QTextStream &out)
{
    for (const ClaimVerdict &verdict : verdicts) {
        out << verdict.id.leftJustified(16) << verdict.verdict.leftJustified(15) << verdict.title << "\n"
            << "    the article: " << verdict.articleSays << "\n"
            << "    why: " << verdict.why << "\n";
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
    parser.addOptions({dbOption, jsonOption});
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
    const ClaimInputs inputs = ClaimInputs::fromResultSet(samples, runtimes);
    const QList<ClaimVerdict> verdicts = ClaimEvaluator::evaluate(*rules, inputs);
    for (const QString &issue : inputs.datasets.issues())
        err << "showdown claims: dataset " << issue << "\n";
    if (parser.isSet(jsonOption)) {
        QJsonArray claims;
        for (const ClaimVerdict &verdict : verdicts)
            claims.append(verdict.toJson());
        out << QJsonDocument(QJsonObject{{QStringLiteral("result_set"), id}, {QStringLiteral("claims"), claims}}).toJson(QJsonDocument::Indented);
    } else {
        printText(verdicts, out);
    }
    return 0;
}

} // namespace showdown
