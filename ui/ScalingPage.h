#pragma once

#include "Page.h"

namespace showdown {

class ChartPanel;
class LoadTableModel;
class ScalingTableModel;

/// Adding workers: speed-up of CPU work over threads and processes (claims gil, multiprocessing) and of
/// HTTP throughput over cluster workers (claim cluster), each against the ideal line.
class ScalingPage : public Page {
    Q_OBJECT
public:
    explicit ScalingPage(PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

private:
    ChartPanel *m_cpu = nullptr;
    ChartPanel *m_cluster = nullptr;
    LoadTableModel *m_clusterModel = nullptr;
    ScalingTableModel *m_cpuModel = nullptr;
};

} // namespace showdown
