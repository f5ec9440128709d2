#pragma once

#include "Page.h"

namespace showdown {

class ChartPanel;
class SummaryTableModel;

/// Memory and start-up: peak RSS of every benchmark, and the cost of starting a runtime at all.
class MemoryPage : public Page {
    Q_OBJECT
public:
    explicit MemoryPage(PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

    [[nodiscard]] SummaryTableModel *model() const { return m_model; }

private:
    SummaryTableModel *m_model = nullptr;
    SummaryTableModel *m_startupModel = nullptr;
    ChartPanel *m_memory = nullptr;
    ChartPanel *m_startup = nullptr;
};

} // namespace showdown
