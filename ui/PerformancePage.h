#pragma once

#include "Page.h"

namespace showdown {

class ChartPanel;
class ComparisonTableModel;
class RuntimeComparisonTableModel;
class SampleTableModel;
class SummaryTableModel;

/// CPU kernels (the "jit" claim): median bars with CI whiskers, distributions, the node/python ratio,
/// and the tables behind them, including every failed process with its error.
class PerformancePage : public Page {
    Q_OBJECT
public:
    explicit PerformancePage(PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

    [[nodiscard]] SummaryTableModel *summaryModel() const { return m_summary; }
    [[nodiscard]] ComparisonTableModel *comparisonModel() const { return m_comparisons; }
    [[nodiscard]] SampleTableModel *sampleModel() const { return m_samples; }
    [[nodiscard]] ChartPanel *barsPanel() const { return m_bars; }
    [[nodiscard]] RuntimeComparisonTableModel *runtimeComparisonModel() const { return m_runtimeComparisons; }
    [[nodiscard]] ChartPanel *runtimeRatiosPanel() const { return m_runtimeRatios; }

private:
    SummaryTableModel *m_summary = nullptr;
    ComparisonTableModel *m_comparisons = nullptr;
    SampleTableModel *m_samples = nullptr;
    ChartPanel *m_bars = nullptr;
    ChartPanel *m_boxes = nullptr;
    ChartPanel *m_ratios = nullptr;
    RuntimeComparisonTableModel *m_runtimeComparisons = nullptr;
    ChartPanel *m_runtimeRatios = nullptr;
};

} // namespace showdown
