#include "MemoryPage.h"

#include "ChartPanel.h"
#include "DataTable.h"
#include "SummaryTableModel.h"

#include <QSplitter>

namespace showdown {

MemoryPage::MemoryPage(PageContext &context, QWidget *parent)
    : Page(tr("Memory & start-up"),
           tr("Peak resident memory of every benchmark process, and how long a runtime takes to start and exit "
              "with nothing to do."),
           context, parent)
{
    m_model = new SummaryTableModel(this);
    m_startupModel = new SummaryTableModel(this);
    m_memory = new ChartPanel;
    m_startup = new ChartPanel;
    setContent(chartsOverTables({{tr("Peak memory"), m_memory}, {tr("Start-up time"), m_startup}},
                                {{tr("Memory and time"), new DataTable(m_model)}, {tr("Start-up"), new DataTable(m_startupModel)}}));
    explain(tr("Loading…"));
}

void MemoryPage::showSnapshot(const ResultSnapshot &snapshot)
{
    m_model->setRows(snapshot.rows);
    const QList<SummaryRow> startup = PagePlan::rows(PagePlan::Page::StartUp, snapshot.rows, snapshot.categories);
    m_startupModel->setRows(startup);
    if (snapshot.isEmpty()) {
        explain(tr("<p>No result set is open.</p><p>Run a suite (toolbar <b>Run</b>, Ctrl+R) or open one in <b>History</b>.</p>"));
        return;
    }
    setSubtitle(describeSet(snapshot));
    if (snapshot.rows.isEmpty()) {
        explain(tr("<p>This result set has no samples yet; memory and start-up figures appear as processes finish.</p>"));
        return;
    }
    const ChartStyle style = chartStyle();
    m_memory->setChartLater([rows = snapshot.rows, style] { return ChartFactory::memoryBars(rows, style); },
                       tr("No process of this result set finished validly, so no memory figure can be shown; see Performance ▸ Processes for the errors."));
    m_startup->setChartLater([startup, style] { return ChartFactory::medianBars(startup, style); },
                        startup.isEmpty() ? tr("This result set did not run the start-up benchmark (a null program per runtime). "
                                               "The quick suite includes it.")
                                          : tr("Every start-up process failed; the table below lists the errors."));
    showContent();
}

} // namespace showdown
