#include "UserCheckTableModel.h"

namespace showdown {

QList<UserCheckLine> UserCheckLine::of(const UserCheckReport &report)
{
    QList<UserCheckLine> lines;
    for (const DefinitionProblem &problem : report.problems)
        lines.append({QStringLiteral("%1:%2").arg(problem.file).arg(problem.line), problem.field, false, problem.message});
    for (const UserCheckResult &result : report.benchmarks)
        lines.append({QStringLiteral("%1:%2").arg(report.file).arg(result.line), result.benchmark, result.passed, result.message});
    return lines;
}

UserCheckTableModel::UserCheckTableModel(QObject *parent) : RowTableModel<UserCheckLine>(parent)
{
    setColumns({
        {tr("Where"), [](const UserCheckLine &l) { return l.where; }, {}, tr("The file and line, as an editor jumps to them")},
        {tr("Benchmark or field"), [](const UserCheckLine &l) { return l.what.isEmpty() ? tr("(the file)") : l.what; }, {}, {}},
        {tr("Result"), [](const UserCheckLine &l) { return l.passed ? tr("passed") : tr("failed"); }, {}, {}},
        {tr("Message"), [](const UserCheckLine &l) { return l.message; }, {}, {}},
    });
    setProblem([](const UserCheckLine &l) { return l.passed ? QString() : l.message; });
}

} // namespace showdown
