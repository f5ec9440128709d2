#pragma once

#include "Page.h"

class QComboBox;
class QLabel;

namespace showdown {

class CapacityTableModel;
class ChartPanel;
class LoadTableModel;

/// Servers under load, one endpoint at a time. One class serves two pages: Concurrency (HTTP endpoints,
/// claims io and asyncio: throughput and p99 against connections, latency against the achieved rate from
/// the capacity search, capacity bars) and Real-time (the WebSocket chat room, claim realtime: delivered
/// messages and p99 against the offered rate, capacity bars). Rows and their cut into charts come from
/// ServerRows, as in the report.
class LoadSweepPage : public Page {
    Q_OBJECT
public:
    enum class Kind { Http, Chat };
    LoadSweepPage(Kind kind, PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

    [[nodiscard]] LoadTableModel *model() const { return m_model; }
    [[nodiscard]] CapacityTableModel *capacityModel() const { return m_capacityModel; }
    /// Which endpoint the charts show (HTTP), and which servers when an endpoint has more than a chart's worth.
    [[nodiscard]] QComboBox *endpointSelector() const { return m_endpoint; }
    [[nodiscard]] QComboBox *serverSelector() const { return m_group; }
    /// The chart panels, in tab order: tests read what they draw.
    [[nodiscard]] QList<ChartPanel *> charts() const { return {m_throughput, m_latency, m_hockey, m_capacityChart}; }

private:
    void fillGroups();
    void redraw();

    Kind m_kind;
    QList<LoadRow> m_rows;          ///< this page's rows of the snapshot, every endpoint
    QList<CapacityRow> m_capacityRows;  ///< this page's capacity rows, every endpoint
    LoadTableModel *m_model = nullptr;
    CapacityTableModel *m_capacityModel = nullptr;
    QComboBox *m_endpoint = nullptr;
    QLabel *m_groupLabel = nullptr;
    QComboBox *m_group = nullptr;  ///< which servers, when an endpoint has more than a chart's worth
    ChartPanel *m_throughput = nullptr;
    ChartPanel *m_latency = nullptr;
    ChartPanel *m_hockey = nullptr;
    ChartPanel *m_capacityChart = nullptr;
};

} // namespace showdown
