#pragma once

#include "Page.h"

class QLabel;
class QPushButton;

namespace showdown {

class ChartPanel;
class ClaimMatrixView;
class RuntimeInstallation;

/// The first page: on an empty database it says what Showdown does and offers the quick suite; with a
/// result set it gives the headline (how many benchmarks each runtime won, with confidence) and the
/// ratio chart, and always which runtimes this machine has (and how to install missing ones).
class OverviewPage : public Page {
    Q_OBJECT
public:
    explicit OverviewPage(PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

    [[nodiscard]] QPushButton *runQuickButton() const { return m_runQuick; }
    [[nodiscard]] QString headline() const;
    /// The claims × pairings matrix (its tab is shown only when the set has more than one pairing).
    [[nodiscard]] ClaimMatrixView *claimMatrix() const { return m_matrix; }

private:
    void showRuntimes();

    QLabel *m_welcome = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_foreignLoad = nullptr;  ///< shown when the set was measured while other processes loaded the machine
    QLabel *m_runtimes = nullptr;
    QLabel *m_installStatus = nullptr;  ///< progress and outcome of an install started from the runtimes list
    RuntimeInstallation *m_installation = nullptr;
    QPushButton *m_runQuick = nullptr;
    ChartPanel *m_ratios = nullptr;
    ClaimMatrixView *m_matrix = nullptr;
};

} // namespace showdown
