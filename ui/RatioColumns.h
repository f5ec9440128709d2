#pragma once

#include "Format.h"
#include "RowTableModel.h"

#include <QCoreApplication>

namespace showdown {

/// The columns every table of time ratios shares (node against python, a runtime against its baseline): the
/// ratio, its CI, the p-values and whether every sample was valid, worded and sorted alike. `Row` has `ratio`
/// (RatioEstimate), `pValue`, `pHolm` and `valid`.
template <typename Row>
struct RatioColumns {
    using Column = typename RowTableModel<Row>::Column;

    [[nodiscard]] static QString tr(const char *text) { return QCoreApplication::translate("RatioColumns", text); }
    [[nodiscard]] static Column ratio(const QString &title, const QString &tip)
    {
        return {title, [](const Row &c) { return Format::ratio(c.ratio.ratio); }, [](const Row &c) { return c.ratio.ratio; }, tip};
    }
    [[nodiscard]] static Column interval()
    {
        return {tr("95% CI"), [](const Row &c) { return QStringLiteral("%1 – %2").arg(Format::ratio(c.ratio.ciLow), Format::ratio(c.ratio.ciHigh)); },
                [](const Row &c) { return c.ratio.ciLow; }, tr("Bootstrap interval of the ratio (10,000 resamples, fixed seed)")};
    }
    [[nodiscard]] static Column p()
    {
        return {tr("p"), [](const Row &c) { return Format::pValue(c.pValue); }, [](const Row &c) { return c.pValue; }, tr("Mann-Whitney U, two-sided")};
    }
    [[nodiscard]] static Column pHolm(const QString &tip)
    {
        return {tr("p (Holm)"), [](const Row &c) { return Format::pValue(c.pHolm); }, [](const Row &c) { return c.pHolm; }, tip};
    }
    [[nodiscard]] static Column samples()
    {
        return {tr("Samples"), [](const Row &c) { return c.valid ? tr("all valid") : tr("some invalid"); }, {}, {}};
    }
    /// A row with failed samples stays, in red, with this as its tooltip.
    [[nodiscard]] static QString problem(const Row &c)
    {
        return c.valid ? QString() : tr("Some samples of this benchmark failed; the ratio uses the valid ones only.");
    }
};

} // namespace showdown
