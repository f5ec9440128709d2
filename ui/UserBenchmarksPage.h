#pragma once

#include "Page.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace showdown {

class ChartPanel;
class CommandOutput;
class ComparisonTableModel;
class LoadTableModel;
class SampleTableModel;
class SummaryTableModel;
class UserBenchmarkTableModel;

/// "Your benchmarks": the user's own benchmarks the open result set holds (from a definition file, USER_BENCHMARKS.md):
/// what each is and which file said so, and its results across runtimes with the statistics of the built-in pages
/// (the same models, filtered to these benchmarks; the charts draw the models' rows). Re-run runs the stored
/// definitions again, after showing every command it would run.
class UserBenchmarksPage : public Page {
    Q_OBJECT
public:
    explicit UserBenchmarksPage(PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

    [[nodiscard]] UserBenchmarkTableModel *definitionModel() const { return m_definitions; }
    [[nodiscard]] SummaryTableModel *summaryModel() const { return m_summary; }
    [[nodiscard]] ComparisonTableModel *comparisonModel() const { return m_comparisons; }
    [[nodiscard]] LoadTableModel *loadModel() const { return m_load; }
    [[nodiscard]] ChartPanel *barsPanel() const { return m_bars; }
    [[nodiscard]] ChartPanel *throughputPanel() const { return m_throughput; }
    [[nodiscard]] QPushButton *rerunButton() const { return m_rerun; }
    /// Asks `showdown rerun ID` for the commands, shows them (RerunDialog), and runs them once confirmed.
    void rerun();

private:
    void onListed(int exitCode, const QByteArray &output, const QString &problem);
    /// The servers' chart for the endpoint chosen (a server may declare several requests).
    void drawThroughput();

    UserBenchmarkTableModel *m_definitions = nullptr;
    SummaryTableModel *m_summary = nullptr;
    ComparisonTableModel *m_comparisons = nullptr;
    LoadTableModel *m_load = nullptr;
    SampleTableModel *m_samples = nullptr;
    ChartPanel *m_bars = nullptr;
    ChartPanel *m_ratios = nullptr;
    ChartPanel *m_throughput = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QComboBox *m_endpoint = nullptr;
    QPushButton *m_rerun = nullptr;
    QLabel *m_rerunNote = nullptr;
    CommandOutput *m_listing = nullptr;
    qint64 m_listedSet = 0;  ///< the set whose commands are being listed
};

} // namespace showdown
