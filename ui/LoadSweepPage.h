#pragma once

#include "Page.h"

class QComboBox;

namespace showdown {

class ChartPanel;
class LoadTableModel;

/// A server under growing load: throughput and p99 latency against connections (log x). One class
/// serves two pages: Concurrency (HTTP endpoints, claims io and asyncio) and Real-time (the WebSocket
/// chat room, claim realtime).
class LoadSweepPage : public Page {
    Q_OBJECT
public:
    enum class Kind { Http, Chat };
    LoadSweepPage(Kind kind, PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

    [[nodiscard]] LoadTableModel *model() const { return m_model; }

private:
    void redraw();

    Kind m_kind;
    QList<LoadRow> m_rows;  ///< this page's rows of the snapshot, every endpoint
    LoadTableModel *m_model = nullptr;
    QComboBox *m_endpoint = nullptr;
    ChartPanel *m_throughput = nullptr;
    ChartPanel *m_latency = nullptr;
};

} // namespace showdown
