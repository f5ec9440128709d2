#include "PerformancePage.h"

#include "ChartPanel.h"
#include "ComparisonTableModel.h"
#include "DataTable.h"
#include "RuntimeComparisonTableModel.h"
#include "SampleTableModel.h"
#include "SummaryTableModel.h"

#include <QSplitter>

namespace showdown {

PerformancePage::PerformancePage(PageContext &context, QWidget *parent)
    : Page(tr("Performance"),
           tr("CPU-bound kernels, each a Node.js and a Python program computing the same checksum. "
              "Tests the article's claim that V8's JIT makes Node faster than interpreted Python."),
           context, parent)
{
    m_summary = new SummaryTableModel(this);
    m_comparisons = new ComparisonTableModel(this);
    m_samples = new SampleTableModel(this);
    m_bars = new ChartPanel;
    m_boxes = new ChartPanel;
    m_ratios = new ChartPanel;
    // Same-family comparisons (Bun against Node, PyPy against CPython) over every benchmark of the set: the
    // "should we switch or upgrade?" answer, one model behind both the table and the chart.
    m_runtimeComparisons = new RuntimeComparisonTableModel(this);
    m_runtimeRatios = new ChartPanel;
    setContent(chartsOverTables({{tr("Median times"), m_bars},
                                 {tr("Distributions"), m_boxes},
                                 {tr("Node / Python ratio"), m_ratios},
                                 {tr("Against the baseline"), m_runtimeRatios}},
                                {{tr("Statistics"), new DataTable(m_summary)},
                                 {tr("Comparisons"), new DataTable(m_comparisons)},
                                 {tr("Same family (every benchmark)"), new DataTable(m_runtimeComparisons)},
                                 {tr("Processes"), new DataTable(m_samples)}}));
    explain(tr("Loading…"));
}

void PerformancePage::showSnapshot(const ResultSnapshot &snapshot)
{
    constexpr PagePlan::Page page = PagePlan::Page::Performance;
    const QList<SummaryRow> rows = PagePlan::rows(page, snapshot.rows, snapshot.categories);
    m_summary->setRows(rows);
    m_comparisons->setRows(PagePlan::comparisons(page, snapshot.comparisons, snapshot.categories));
    m_runtimeComparisons->setRows(snapshot.runtimeComparisons);
    QList<ProcessRow> processes;
    for (qsizetype i = 0; i < snapshot.samples.size(); ++i) {
        const Sample &sample = snapshot.samples.at(i);
        if (PagePlan::pageOf(snapshot.categories, sample.benchmark) == page)
            processes.append({sample, i < snapshot.processSummaries.size() ? snapshot.processSummaries.at(i) : ProcessSummary::of(sample)});
    }
    m_samples->setRows(processes);
    if (snapshot.isEmpty()) {
        explain(tr("<p>No result set is open.</p><p>Run a suite (toolbar <b>Run</b>, Ctrl+R) or open one in <b>History</b>.</p>"));
        return;
    }
    setSubtitle(describeSet(snapshot));
    if (rows.isEmpty()) {
        explain(tr("<p>This result set has no CPU benchmark samples yet.</p>"
                   "<p>Run the quick suite (about a minute) to measure the CPU kernels; samples appear here as they arrive.</p>"));
        return;
    }
    const ChartStyle style = chartStyle();
    const QString noValid = tr("Every CPU benchmark process failed, so there is nothing to plot; the Processes table lists each error.");
    m_bars->setChartLater([rows, style] { return ChartFactory::medianBars(rows, style); }, noValid);
    m_boxes->setChartLater([rows, style] { return ChartFactory::distributions(rows, style); }, noValid);
    m_ratios->setChartLater([comparisons = m_comparisons->rows(), style] { return ChartFactory::ratios(comparisons, style); },
                       tr("A ratio needs valid samples of the same benchmark from a Node.js and a Python runtime; this set has none yet."));
    m_runtimeRatios->setChartLater([comparisons = m_runtimeComparisons->rows(), style] { return ChartFactory::runtimeRatios(comparisons, style); },
                                   tr("A same-family ratio needs two runtimes of one family (node and bun, python3 and pypy3) with valid "
                                      "samples of the same benchmark; choose them in the Run dialog."));
    showContent();
}

} // namespace showdown
