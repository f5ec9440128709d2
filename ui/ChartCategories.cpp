#include "ChartCategories.h"

namespace showdown {
namespace {

bool isNode(const SummaryRow &row)
{
    return row.runtimeKind == QLatin1String("node");
}

/// The variant text of a category: the shared one, both sides' joined as the comparisons join them, or one side's.
QString variantText(const QString &node, const QString &python)
{
    if (node == python || python.isEmpty())
        return node;
    if (node.isEmpty())
        return python;
    return QStringLiteral("%1 / %2").arg(node, python);
}

} // namespace

bool ChartCategory::holds(const SummaryRow &row) const
{
    if (row.benchmark != benchmark || row.workers != workers)
        return false;
    const std::optional<QString> &variant = isNode(row) ? nodeVariant : pythonVariant;
    return !variant || *variant == row.variant;
}

QString ChartCategory::heading() const
{
    return workers > 0 ? QStringLiteral("%1 ×%2").arg(benchmark).arg(workers) : benchmark;
}

QString ChartCategory::text() const
{
    return variants.isEmpty() ? heading() : QStringLiteral("%1 (%2)").arg(heading(), variants);
}

QStringList ChartCategory::lines() const
{
    QStringList result{heading()};
    if (!variants.isEmpty())
        result << QString(variants).replace(QLatin1String(" / "), QLatin1String(" /\n")).split(QLatin1Char('\n'));
    return result;
}

QString ChartCategory::axisLabel() const
{
    // Axis labels are rich text: <br> is the line break.
    return lines().join(QLatin1String("<br>"));
}

QList<ChartCategory> ChartCategories::of(const QList<SummaryRow> &rows)
{
    QList<ChartCategory> result;
    QList<std::pair<QString, int>> seen;
    for (const SummaryRow &first : rows) {
        const std::pair<QString, int> key{first.benchmark, first.workers};
        if (seen.contains(key))
            continue;
        seen.append(key);
        QStringList nodeVariants, pythonVariants;
        for (const SummaryRow &row : rows) {
            if (row.benchmark != key.first || row.workers != key.second)
                continue;
            QStringList &side = isNode(row) ? nodeVariants : pythonVariants;
            if (!side.contains(row.variant))
                side.append(row.variant);
        }
        if (nodeVariants.size() <= 1 && pythonVariants.size() <= 1) {
            result.append({key.first, key.second, std::nullopt, std::nullopt,
                           variantText(nodeVariants.value(0), pythonVariants.value(0))});
            continue;
        }
        // Every Node variant faces every Python one, as in the comparisons; a side that did not run stays open.
        const QList<std::optional<QString>> nodeSide = nodeVariants.isEmpty() ? QList<std::optional<QString>>{std::nullopt}
                                                                              : QList<std::optional<QString>>(nodeVariants.begin(), nodeVariants.end());
        const QList<std::optional<QString>> pythonSide = pythonVariants.isEmpty()
                                                             ? QList<std::optional<QString>>{std::nullopt}
                                                             : QList<std::optional<QString>>(pythonVariants.begin(), pythonVariants.end());
        for (const std::optional<QString> &node : nodeSide) {
            for (const std::optional<QString> &python : pythonSide)
                result.append({key.first, key.second, node, python, variantText(node.value_or(QString()), python.value_or(QString()))});
        }
    }
    return result;
}

ChartCategory ChartCategories::of(const Comparison &comparison)
{
    // Comparison::variant is already "node variant / python variant", or the one they share.
    return {comparison.benchmark, comparison.workers, std::nullopt, std::nullopt, comparison.variant};
}

ChartCategory ChartCategories::of(const RuntimeComparison &comparison)
{
    return {comparison.benchmark, comparison.workers, std::nullopt, std::nullopt, comparison.variant};
}

} // namespace showdown
