#include "LoadSweepPage.h"

#include "CapacityTableModel.h"
#include "ChartPanel.h"
#include "DataTable.h"
#include "LoadTableModel.h"
#include "ServerRows.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>


namespace showdown {

LoadSweepPage::LoadSweepPage(Kind kind, PageContext &context, QWidget *parent)
    : Page(kind == Kind::Http ? tr("Concurrency") : tr("Real-time"),
           kind == Kind::Http ? tr("HTTP servers on loopback under the built-in load generator, one endpoint at a time: requests per second and "
                                   "p99 latency as connections grow (whiskers: 95% CI across server processes), p99 against the "
                                   "achieved rate in the capacity search, and the capacity at the latency objective. Tests \"Node is "
                                   "faster for I/O and many connections\" and \"asyncio works like the event loop\".")
                              : tr("A WebSocket chat room: every message is broadcast to all clients. Messages delivered and p99 "
                                   "delivery latency against the deliveries offered, and the highest rate every client still receives "
                                   "in time. Tests \"Node is the choice for real-time apps\"."),
           context, parent),
      m_kind(kind)
{
    m_model = new LoadTableModel(this);
    m_capacityModel = new CapacityTableModel(this);
    m_endpoint = new QComboBox;
    m_endpoint->setToolTip(tr("Which endpoint the charts show"));
    m_group = new QComboBox;
    m_group->setToolTip(tr("Which servers the line charts show: at most %1 lines per chart stay readable").arg(ServerRows::kMaxSeries));
    m_groupLabel = new QLabel(tr("Servers:"));
    connect(m_endpoint, &QComboBox::currentTextChanged, this, [this] {
        fillGroups();
        redraw();
    });
    connect(m_group, &QComboBox::currentIndexChanged, this, &LoadSweepPage::redraw);
    m_throughput = new ChartPanel;
    m_latency = new ChartPanel;
    m_hockey = new ChartPanel;
    m_capacityChart = new ChartPanel;
    auto *content = new QWidget;
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Endpoint:")));
    bar->addWidget(m_endpoint);
    bar->addSpacing(12);
    bar->addWidget(m_groupLabel);
    bar->addWidget(m_group);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    if (kind == Kind::Http)
        layout->addLayout(bar);
    m_endpoint->setVisible(kind == Kind::Http);
    m_groupLabel->hide();
    m_group->hide();
    const QList<QPair<QString, QWidget *>> charts =
        kind == Kind::Http ? QList<QPair<QString, QWidget *>>{{tr("Throughput"), m_throughput}, {tr("p99 latency"), m_latency},
                                                              {tr("Latency against rate"), m_hockey}, {tr("Capacity"), m_capacityChart}}
                           : QList<QPair<QString, QWidget *>>{{tr("Delivered"), m_throughput}, {tr("p99 delivery"), m_latency},
                                                              {tr("Latency against rate"), m_hockey}, {tr("Capacity"), m_capacityChart}};
    auto *points = new DataTable(m_model);
    if (kind == Kind::Http) {
        for (int column : m_model->chatColumns())
            points->view()->setColumnHidden(column, true);
    }
    layout->addWidget(chartsOverTables(charts, {{tr("Load points"), points}, {tr("Capacity"), new DataTable(m_capacityModel)}}), 1);
    setContent(content);
    explain(tr("Loading…"));
}

void LoadSweepPage::showSnapshot(const ResultSnapshot &snapshot)
{
    const QString kind = m_kind == Kind::Http ? QStringLiteral("http") : QStringLiteral("chat");
    m_rows = m_kind == Kind::Http ? ServerRows::concurrency(snapshot.loadRows) : ServerRows::realtime(snapshot.loadRows);
    m_capacityRows = ServerRows::capacity(snapshot.capacityRows, kind);
    m_model->setRows(m_rows);
    m_capacityModel->setRows(m_capacityRows);
    if (snapshot.isEmpty()) {
        explain(tr("<p>No result set is open.</p><p>Run a suite (toolbar <b>Run</b>, Ctrl+R) or open one in <b>History</b>.</p>"));
        return;
    }
    setSubtitle(describeSet(snapshot));
    if (m_rows.isEmpty() && m_capacityRows.isEmpty()) {
        explain(m_kind == Kind::Http
                    ? tr("<p>This result set has no HTTP server measurements.</p><p>Run a suite that includes the server benchmarks "
                         "(the standard suite; <code>showdown benchmarks</code> lists them) to see throughput and latency against connections.</p>")
                    : tr("<p>This result set has no chat-room measurements.</p><p>Run a suite that includes the WebSocket chat "
                         "benchmark (the standard suite; <code>showdown benchmarks</code> lists it).</p>"));
        return;
    }
    const QString current = m_endpoint->currentText();
    const QStringList endpoints = ServerRows::endpoints(m_rows, m_capacityRows);
    {
        const QSignalBlocker blocker(m_endpoint);
        m_endpoint->clear();
        m_endpoint->addItems(endpoints);
        if (endpoints.contains(current))
            m_endpoint->setCurrentText(current);
    }
    fillGroups();
    redraw();
    showContent();
}

void LoadSweepPage::fillGroups()
{
    const QString endpoint = m_endpoint->currentText();
    const QList<QStringList> groups = m_kind == Kind::Http
        ? ServerRows::seriesGroups(ServerRows::ofEndpoint(m_rows, endpoint), ServerRows::ofEndpoint(m_capacityRows, endpoint))
        : QList<QStringList>{};
    const int current = m_group->currentIndex();
    const QSignalBlocker blocker(m_group);
    m_group->clear();
    for (qsizetype g = 0; g < groups.size(); ++g) {
        // "node-http (node) … aiohttp (python3)", every name of the chart on hover.
        m_group->addItem(tr("%1 … %2").arg(groups.at(g).constFirst(), groups.at(g).constLast()), groups.at(g));
        m_group->setItemData(int(g), groups.at(g).join(QLatin1Char('\n')), Qt::ToolTipRole);
    }
    if (current >= 0 && current < m_group->count())
        m_group->setCurrentIndex(current);
    m_groupLabel->setVisible(groups.size() > 1);
    m_group->setVisible(groups.size() > 1);
}

void LoadSweepPage::redraw()
{
    const ChartStyle style = chartStyle();
    const bool http = m_kind == Kind::Http;
    const QString endpoint = http ? m_endpoint->currentText() : tr("Chat room");
    const QList<LoadRow> rows = http ? ServerRows::ofEndpoint(m_rows, endpoint) : m_rows;
    const QList<CapacityRow> capacity = http ? ServerRows::ofEndpoint(m_capacityRows, endpoint) : m_capacityRows;
    const QStringList only = m_group->currentData().toStringList();
    const QString failed = ServerRows::whyNoChart(rows, http ? endpoint : tr("the chat room"));
    const QString noSearch = tr("No capacity search in this set for %1: a suite that runs one (the standard suite) shows the "
                                "highest rate each server sustains under the latency objective.").arg(http ? endpoint : tr("the chat room"));
    if (http) {
        m_throughput->setChartLater([rows, only, endpoint, style] {
            return ChartFactory::throughput(rows, tr("%1: throughput against connections (higher is better)").arg(endpoint), style, only);
        }, failed);
        m_latency->setChartLater([rows, only, endpoint, style] {
            return ChartFactory::latency(rows, tr("%1: p99 latency against connections (lower is better)").arg(endpoint), style, only);
        }, failed);
    } else {
        m_throughput->setChartLater([rows, style] {
            return ChartFactory::delivered(rows, tr("Chat room: messages delivered against offered (on the diagonal: every message arrives)"), style);
        }, failed);
        m_latency->setChartLater([rows, style] {
            return ChartFactory::deliveryLatency(rows, tr("Chat room: p99 delivery latency against offered (lower is better)"), style);
        }, failed);
    }
    m_hockey->setChartLater([capacity, only, endpoint, style] {
        return capacity.isEmpty() ? nullptr
                                  : ChartFactory::latencyAgainstRate(capacity, tr("%1: p99 against achieved rate in the capacity search").arg(endpoint),
                                                                     style, only);
    }, noSearch);
    m_capacityChart->setChartLater([capacity, endpoint, style] {
        return capacity.isEmpty() ? nullptr
                                  : ChartFactory::capacityBars(
                                        capacity, tr("%1: capacity at %2 (higher is better)").arg(endpoint, ServerRows::objective(capacity)), style);
    }, noSearch);
}

} // namespace showdown
