#include "ScalingPage.h"

#include "ChartPanel.h"
#include "DataTable.h"
#include "LoadTableModel.h"
#include "ScalingTableModel.h"
#include "ServerRows.h"

#include <QSplitter>

#include <cmath>

namespace showdown {

ScalingPage::ScalingPage(PageContext &context, QWidget *parent)
    : Page(tr("Scaling"),
           tr("The same work spread over 1, 2, 4… workers: Python threads (the GIL claim), processes (multiprocessing) "
              "and Node's worker_threads and cluster. The dashed line is perfect scaling."),
           context, parent)
{
    m_cpuModel = new ScalingTableModel(this);
    m_clusterModel = new LoadTableModel(this);
    m_cpu = new ChartPanel;
    m_cluster = new ChartPanel;
    setContent(chartsOverTables({{tr("CPU work over workers"), m_cpu}, {tr("HTTP over cluster workers"), m_cluster}},
                                {{tr("Speed-ups"), new DataTable(m_cpuModel)}, {tr("Cluster load points"), new DataTable(m_clusterModel)}}));
    explain(tr("Loading…"));
}

void ScalingPage::showSnapshot(const ResultSnapshot &snapshot)
{
    const QList<ScalingRow> clusterRows = ServerRows::clusterSpeedups(snapshot.loadRows);
    const QList<LoadRow> cluster = ServerRows::cluster(snapshot.loadRows);
    const bool anyCluster = !clusterRows.isEmpty();
    m_cpuModel->setRows(snapshot.scalingRows);
    m_clusterModel->setRows(cluster);
    if (snapshot.isEmpty()) {
        explain(tr("<p>No result set is open.</p><p>Run a suite (toolbar <b>Run</b>, Ctrl+R) or open one in <b>History</b>.</p>"));
        return;
    }
    setSubtitle(describeSet(snapshot));
    if (snapshot.scalingRows.isEmpty() && !anyCluster) {
        explain(tr("<p>This result set has no benchmark run at several worker counts.</p>"
                   "<p>Run a suite that includes the scaling benchmarks (the standard suite; <code>showdown benchmarks</code> lists them).</p>"));
        return;
    }
    const ChartStyle style = chartStyle();
    m_cpu->setChartLater([rows = snapshot.scalingRows, style] { return ChartFactory::speedup(rows, tr("CPU work: speed-up against workers (higher is better)"), style); },
                    snapshot.scalingRows.isEmpty() ? tr("This result set has no CPU work run at several worker counts.")
                                                   : tr("No speed-up could be computed: the 1-worker or the N-worker runs failed (see the table)."));
    m_cluster->setChartLater([clusterRows, style] { return ChartFactory::speedup(clusterRows, tr("HTTP throughput: speed-up against cluster workers (higher is better)"), style); },
                        tr("This result set has no HTTP server run with several workers."));
    showContent();
}

} // namespace showdown
