#include "LoadSweepPage.h"

#include "ChartPanel.h"
#include "DataTable.h"
#include "LoadTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>

namespace showdown {

LoadSweepPage::LoadSweepPage(Kind kind, PageContext &context, QWidget *parent)
    : Page(kind == Kind::Http ? tr("Concurrency") : tr("Real-time"),
           kind == Kind::Http ? tr("HTTP servers on loopback under the built-in load generator: requests per second and p99 latency as "
                                   "connections grow. Tests \"Node is faster for I/O and many connections\" and \"asyncio works like "
                                   "the event loop\".")
                              : tr("A WebSocket chat room: every message is broadcast to all clients. Delivered messages per second and "
                                   "p99 delivery latency as the room grows. Tests \"Node is the choice for real-time apps\"."),
           context, parent),
      m_kind(kind)
{
    m_model = new LoadTableModel(this);
    m_endpoint = new QComboBox;
    m_endpoint->setToolTip(tr("Which endpoint the charts show"));
    connect(m_endpoint, &QComboBox::currentTextChanged, this, &LoadSweepPage::redraw);
    m_throughput = new ChartPanel;
    m_latency = new ChartPanel;
    auto *content = new QWidget;
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Endpoint:")));
    bar->addWidget(m_endpoint);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    if (kind == Kind::Http)
        layout->addLayout(bar);
    else
        m_endpoint->hide();
    layout->addWidget(chartsOverTables({{tr("Throughput"), m_throughput}, {tr("p99 latency"), m_latency}}, {{tr("Load points"), new DataTable(m_model)}}), 1);
    setContent(content);
    explain(tr("Loading…"));
}

void LoadSweepPage::showSnapshot(const ResultSnapshot &snapshot)
{
    const QString wanted = m_kind == Kind::Http ? QStringLiteral("http") : QStringLiteral("chat");
    m_rows.clear();
    // Servers measured at several worker counts (the cluster benchmark) belong to the Scaling page, their
    // one-worker baseline included.
    QSet<QString> scaled;
    for (const LoadRow &row : snapshot.loadRows) {
        if (row.workers > 1)
            scaled.insert(row.benchmark + QLatin1Char('/') + row.server);
    }
    for (const LoadRow &row : snapshot.loadRows) {
        if (row.kind == wanted && !scaled.contains(row.benchmark + QLatin1Char('/') + row.server))
            m_rows.append(row);
    }
    m_model->setRows(m_rows);
    if (snapshot.isEmpty()) {
        explain(tr("<p>No result set is open.</p><p>Run a suite (toolbar <b>Run</b>, Ctrl+R) or open one in <b>History</b>.</p>"));
        return;
    }
    setSubtitle(describeSet(snapshot));
    if (m_rows.isEmpty()) {
        explain(m_kind == Kind::Http
                    ? tr("<p>This result set has no HTTP server measurements.</p><p>Run a suite that includes the server benchmarks "
                         "(the standard suite; <code>showdown benchmarks</code> lists them) to see throughput and latency against connections.</p>")
                    : tr("<p>This result set has no chat-room measurements.</p><p>Run a suite that includes the WebSocket chat "
                         "benchmark (the standard suite; <code>showdown benchmarks</code> lists it).</p>"));
        return;
    }
    const QString current = m_endpoint->currentText();
    QStringList endpoints;
    for (const LoadRow &row : m_rows) {
        if (!endpoints.contains(row.endpoint))
            endpoints.append(row.endpoint);
    }
    {
        const QSignalBlocker blocker(m_endpoint);
        m_endpoint->clear();
        m_endpoint->addItems(endpoints);
        if (endpoints.contains(current))
            m_endpoint->setCurrentText(current);
    }
    redraw();
    showContent();
}

void LoadSweepPage::redraw()
{
    QList<LoadRow> shown;
    for (const LoadRow &row : m_rows) {
        if (m_kind == Kind::Chat || row.endpoint == m_endpoint->currentText())
            shown.append(row);
    }
    const ChartStyle style = chartStyle();
    const QString endpoint = m_kind == Kind::Http ? m_endpoint->currentText() : tr("chat room");
    const QString failed = tr("Every load point of %1 failed; the table lists each error.").arg(endpoint);
    m_throughput->setChartLater([shown, endpoint, style] { return ChartFactory::throughput(shown, tr("%1: throughput against connections (higher is better)").arg(endpoint), style); }, failed);
    m_latency->setChartLater([shown, endpoint, style] { return ChartFactory::latency(shown, tr("%1: p99 latency against connections (lower is better)").arg(endpoint), style); }, failed);
}

} // namespace showdown
