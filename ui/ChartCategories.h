#pragma once

#include "ResultAnalysis.h"

#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// One category of a chart of benchmark rows: a benchmark at one worker count and, where a runtime family ran it in
/// several variants, one Node variant paired with one Python variant: the pairs the comparisons are made on, so the
/// node and python bars of a category stand side by side on exactly what was compared.
struct ChartCategory {
    QString benchmark;
    int workers = 0;
    std::optional<QString> nodeVariant;    ///< nullopt: every Node row of the benchmark at these workers
    std::optional<QString> pythonVariant;  ///< nullopt: every Python row
    QString variants;                      ///< "promises / asyncio", the one shared variant, or empty

    /// Whether `row` is drawn in this category.
    [[nodiscard]] bool holds(const SummaryRow &row) const;
    /// "parallel-cpu ×2": the benchmark and its worker count.
    [[nodiscard]] QString heading() const;
    /// One line for tooltips: "fanout-sleeps (promises / asyncio)".
    [[nodiscard]] QString text() const;
    /// The lines of its axis label: the benchmark, then each side's variant ("promises /", "asyncio"), so no line is
    /// wider than a benchmark name and none is cut to fit its slot.
    [[nodiscard]] QStringList lines() const;
    /// The lines as a category axis label (rich text).
    [[nodiscard]] QString axisLabel() const;
    bool operator==(const ChartCategory &) const = default;
};

/// The categories of the bar, box and ratio charts, in the order the rows ran. Every chart of benchmark rows uses
/// them, so a category means the same in the window, the PDF and the HTML report.
class ChartCategories {
public:
    /// One per benchmark × workers, or per Node × Python variant pair where either side has several variants.
    [[nodiscard]] static QList<ChartCategory> of(const QList<SummaryRow> &rows);
    /// The category a comparison is drawn in: the same pairing as the bars of its two rows.
    [[nodiscard]] static ChartCategory of(const Comparison &comparison);
    /// The category of a runtime against its baseline: the benchmark, its worker count and its variant.
    [[nodiscard]] static ChartCategory of(const RuntimeComparison &comparison);
};

} // namespace showdown
