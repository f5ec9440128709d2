#include "UserBenchmarksPage.h"

#include "ChartPanel.h"
#include "CommandOutput.h"
#include "ComparisonTableModel.h"
#include "DataTable.h"
#include "Inventory.h"
#include "LoadTableModel.h"
#include "RerunDialog.h"
#include "ResultSession.h"
#include "SampleTableModel.h"
#include "ServerRows.h"
#include "SummaryTableModel.h"
#include "UserBenchmarkTableModel.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace showdown {

UserBenchmarksPage::UserBenchmarksPage(PageContext &context, QWidget *parent)
    : Page(tr("Your benchmarks"),
           tr("Your own programs and servers, from a definition file: what each one is, and its results across runtimes with "
              "the same statistics as Showdown's benchmarks."),
           context, parent)
{
    m_definitions = new UserBenchmarkTableModel(this);
    m_summary = new SummaryTableModel(this);
    m_comparisons = new ComparisonTableModel(this);
    m_load = new LoadTableModel(this);
    m_samples = new SampleTableModel(this);
    m_listing = new CommandOutput(this);
    connect(m_listing, &CommandOutput::finished, this, &UserBenchmarksPage::onListed);
    m_bars = new ChartPanel;
    m_ratios = new ChartPanel;
    m_throughput = new ChartPanel;

    m_rerun = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Re-run these definitions…"));
    m_rerun->setToolTip(tr("Run the stored definition file again into a new result set; every command is shown first"));
    connect(m_rerun, &QPushButton::clicked, this, &UserBenchmarksPage::rerun);
    m_rerunNote = new QLabel;
    m_rerunNote->setWordWrap(true);
    m_endpoint = new QComboBox;
    m_endpoint->setToolTip(tr("Which of your servers' requests the throughput chart shows"));
    m_endpointLabel = new QLabel(tr("Request:"));
    connect(m_endpoint, &QComboBox::currentTextChanged, this, &UserBenchmarksPage::drawThroughput);
    m_endpoint->hide();
    m_endpointLabel->hide();
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_rerun);
    bar->addWidget(m_rerunNote, 1);
    bar->addWidget(m_endpointLabel);
    bar->addWidget(m_endpoint);

    auto *definitions = new DataTable(m_definitions);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(chartsOverTables({{tr("Median times"), m_bars},
                                        {tr("Node / Python ratio"), m_ratios},
                                        {tr("Servers: throughput"), m_throughput}},
                                       {{tr("Definitions"), definitions},
                                        {tr("Statistics"), new DataTable(m_summary)},
                                        {tr("Comparisons"), new DataTable(m_comparisons)},
                                        {tr("Load points"), new DataTable(m_load)},
                                        {tr("Processes"), new DataTable(m_samples)}}),
                      1);
    setContent(content);
    explain(tr("Loading…"));
}

void UserBenchmarksPage::showSnapshot(const ResultSnapshot &snapshot)
{
    QSet<QString> names;
    for (const UserBenchmark &benchmark : snapshot.userBenchmarks)
        names.insert(benchmark.name);
    m_definitions->setRows(UserBenchmarkRow::of(snapshot.userBenchmarks, snapshot.definitions));
    const ResultSetAnalysis yours = snapshot.analysis().ofBenchmarks(names);
    const QList<SummaryRow> &rows = yours.rows;
    m_summary->setRows(rows);
    m_comparisons->setRows(yours.comparisons);
    m_load->setRows(yours.loadRows);
    QList<ProcessRow> processes;
    for (qsizetype i = 0; i < snapshot.samples.size(); ++i) {
        const Sample &sample = snapshot.samples.at(i);
        if (names.contains(sample.benchmark))
            processes.append({sample, i < snapshot.processSummaries.size() ? snapshot.processSummaries.at(i) : ProcessSummary::of(sample)});
    }
    m_samples->setRows(processes);
    m_rerun->setEnabled(!snapshot.definitions.isEmpty());
    if (snapshot.isEmpty()) {
        explain(tr("<p>No result set is open.</p><p>Run your own benchmarks with <b>Add benchmarks…</b> (toolbar), or open a set in <b>History</b>.</p>"));
        return;
    }
    setSubtitle(describeSet(snapshot));
    if (snapshot.userBenchmarks.isEmpty()) {
        explain(tr("<p>This result set holds none of your own benchmarks.</p>"
                   "<p>To measure your own code the way Showdown measures its own, write a definition file (<code>showdown.json</code>) "
                   "naming a program or a server and the command that runs it in each language, then press <b>Add benchmarks…</b> "
                   "in the toolbar (or the Run menu): it checks the file, runs each benchmark once on each runtime, and offers Run "
                   "once every one passed. It can also write the file for you.</p>"
                   "<p>From a terminal, the example in the README (\"Your own benchmarks\"):<br>"
                   "<code>showdown run --benchmarks resources/examples/cpu-pair</code></p>"
                   "<p>The format: <code>resources/benchmarks/USER_BENCHMARKS.md</code>.</p>"));
        return;
    }
    QStringList files;
    for (const StoredDefinitionFile &file : snapshot.definitions)
        files.append(tr("%1 (SHA-256 %2…)").arg(QDir::toNativeSeparators(file.path), file.sha256.left(12)));
    m_rerunNote->setText(tr("From %1, stored with this set. Re-run shows every command before anything runs.").arg(files.join(tr(", "))));
    const ChartStyle style = chartStyle();
    const QString noValid = tr("None of your benchmarks has a valid timed process in this set; the Processes table lists each error.");
    m_bars->setChartLater([rows, style] { return rows.isEmpty() ? nullptr : ChartFactory::medianBars(rows, style); },
                          tr("Your servers are measured by load, not by process time: see Servers: throughput."));
    m_ratios->setChartLater([comparisons = m_comparisons->rows(), style] { return ChartFactory::ratios(comparisons, style); },
                            tr("A ratio needs valid samples of the same benchmark from a Node.js and a Python runtime; this set has none."));
    const QStringList endpoints = ServerRows::endpoints(m_load->rows(), {});
    {
        const QString current = m_endpoint->currentText();
        const QSignalBlocker blocker(m_endpoint);
        m_endpoint->clear();
        m_endpoint->addItems(endpoints);
        if (endpoints.contains(current))
            m_endpoint->setCurrentText(current);
    }
    m_endpoint->setVisible(endpoints.size() > 1);
    m_endpointLabel->setVisible(endpoints.size() > 1);
    drawThroughput();
    if (rows.isEmpty() && m_load->rows().isEmpty())
        m_bars->setChart(nullptr, noValid);
    // A set of servers only opens on their chart rather than on an empty one.
    if (rows.isEmpty() && !m_load->rows().isEmpty()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(m_throughput->parentWidget()->parentWidget()))
            tabs->setCurrentWidget(m_throughput);
    }
    showContent();
}

void UserBenchmarksPage::drawThroughput()
{
    const QString endpoint = m_endpoint->currentText();
    m_throughput->setChartLater([load = ServerRows::ofEndpoint(m_load->rows(), endpoint), endpoint, style = chartStyle()] {
        return load.isEmpty() ? nullptr : ChartFactory::throughput(load, tr("%1: throughput against connections (higher is better)").arg(endpoint), style);
    }, tr("No server of yours was measured under load in this set."));
}

void UserBenchmarksPage::rerun()
{
    const ResultSnapshot &snapshot = context().session->snapshot();
    if (snapshot.isEmpty() || snapshot.definitions.isEmpty())
        return context().reportError(tr("This result set stores no definition file, so there is nothing to run again."));
    QString error;
    m_listedSet = snapshot.info.id;
    // The listing comes from the command line's own `rerun`, so what is shown is exactly what would run.
    if (!m_listing->start({QStringLiteral("rerun"), QString::number(m_listedSet), QStringLiteral("--db"), snapshot.databasePath}, &error))
        return context().reportError(error);
    m_rerun->setEnabled(false);
    m_rerunNote->setText(tr("Reading the commands…"));
}

void UserBenchmarksPage::onListed(int exitCode, const QByteArray &output, const QString &problem)
{
    m_rerun->setEnabled(true);
    m_rerunNote->clear();
    if (exitCode != 0)
        return context().reportError(tr("Result set #%1 cannot be re-run: %2").arg(m_listedSet).arg(problem));
    auto *dialog = new RerunDialog(m_listedSet, QString::fromUtf8(output), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, id = m_listedSet] {
        RunRequest request;
        request.rerun = QString::number(id);
        request.runtimes = context().inventory->defaultSelection();  // the run's check; `rerun` takes the set's own
        context().startRun(request);
    });
    dialog->open();
}

} // namespace showdown
