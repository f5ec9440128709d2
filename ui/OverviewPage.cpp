#include "OverviewPage.h"

#include "ChartPanel.h"
#include "ClaimMatrixView.h"
#include "ClaimsSession.h"
#include "ForeignLoad.h"
#include "Inventory.h"
#include "OverviewCards.h"
#include "ResultSession.h"
#include "RunController.h"
#include "RuntimeInstallation.h"
#include "RuntimeListing.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>

namespace showdown {

OverviewPage::OverviewPage(PageContext &context, QWidget *parent)
    : Page(tr("Overview"), tr("Node.js or Python for your backend? Measured on this machine, every sample kept."), context, parent)
{
    m_welcome = new QLabel(tr(
        "<p><b>Showdown runs real benchmark programs</b> — each task written once for Node.js and once for Python, "
        "computing the same checksum — as fresh processes on this machine, stores every sample in a database, and compares "
        "the two runtimes with medians, confidence intervals and significance tests.</p>"
        "<p>It checks the claims of the article \"Node.js vs Python: a Backend Technology Showdown\" one by one: CPU speed "
        "(JIT), I/O and many connections, the GIL, scaling, real-time, memory and start-up.</p>"
        "<p>The <b>quick suite</b> takes about a minute. The window stays usable while it runs, charts fill in as samples "
        "arrive, and <b>Stop</b> ends it at once.</p>"));
    m_welcome->setWordWrap(true);
    m_welcome->setTextFormat(Qt::RichText);

    m_runQuick = new QPushButton(tr("Run quick suite"));
    m_runQuick->setObjectName(QStringLiteral("runQuickButton"));
    QFont font = m_runQuick->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_runQuick->setFont(font);
    m_runQuick->setMinimumHeight(44);
    m_runQuick->setDefault(true);
    connect(m_runQuick, &QPushButton::clicked, this, [this] { this->context().runQuickSuite(); });
    auto *choose = new QPushButton(tr("Choose suite and benchmarks…"));
    connect(choose, &QPushButton::clicked, this, [this] { this->context().showRunDialog(); });

    m_headline = new QLabel;
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::RichText);
    m_foreignLoad = new QLabel;
    m_foreignLoad->setObjectName(QStringLiteral("foreignLoadWarning"));
    m_foreignLoad->setWordWrap(true);
    m_foreignLoad->setTextFormat(Qt::RichText);
    m_foreignLoad->hide();
    m_runtimes = new QLabel;
    m_runtimes->setWordWrap(true);
    m_runtimes->setTextFormat(Qt::RichText);
    m_runtimes->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    // "Install" beside a missing runtime runs `showdown runtimes install NAME` as a child; the list is probed
    // again when it succeeded, and a failure goes where every error of the window goes.
    m_installation = new RuntimeInstallation(context.inventory, this);
    m_installStatus = new QLabel;
    m_installStatus->setObjectName(QStringLiteral("runtimeInstallStatus"));
    m_installStatus->setWordWrap(true);
    m_installStatus->hide();
    connect(m_runtimes, &QLabel::linkActivated, m_installation, &RuntimeInstallation::openLink);
    connect(m_installation, &RuntimeInstallation::progressed, this, [this](const QString &line) {
        m_installStatus->setText(line);
        m_installStatus->show();
    });
    connect(m_installation, &RuntimeInstallation::finished, this, [this](const QString &name, const QString &problem) {
        if (problem.isEmpty())
            return;  // the last progress line ("Installed …") stays on show
        m_installStatus->hide();
        this->context().reportError(tr("Installing %1 failed: %2").arg(name, problem));
    });
    m_ratios = new ChartPanel;

    auto *content = new QWidget;
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runQuick);
    buttons->addWidget(choose);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_welcome);
    layout->addLayout(buttons);
    layout->addWidget(m_runtimes);
    layout->addWidget(m_installStatus);
    layout->addWidget(m_foreignLoad);
    layout->addWidget(m_headline);
    auto *cards = new QScrollArea;
    cards->setWidget(new OverviewCards);
    cards->setWidgetResizable(true);
    cards->setFrameShape(QFrame::NoFrame);
    // The claims come first; the chart of every ratio is one tab away, so both stay readable at 1280x800.
    auto *views = new QTabWidget;
    views->setDocumentMode(true);
    views->addTab(cards, tr("The article's claims"));
    // With several runtimes per family, every claim per JavaScript × Python pairing; hidden for a single pairing.
    m_matrix = new ClaimMatrixView;
    const int matrixTab = views->addTab(m_matrix, tr("Claims × pairings"));
    views->setTabVisible(matrixTab, m_matrix->applicable());
    connect(m_matrix, &ClaimMatrixView::refreshed, views, [this, views, matrixTab] { views->setTabVisible(matrixTab, m_matrix->applicable()); });
    views->addTab(m_ratios, tr("Every node / python ratio"));
    layout->addWidget(views, 1);
    setContent(content);
    showContent();

    connect(context.inventory, &Inventory::refreshed, this, &OverviewPage::showRuntimes);
    connect(context.runs, &RunController::started, this, [this] { m_runQuick->setEnabled(false); });
    connect(context.runs, &RunController::finished, this, [this] { m_runQuick->setEnabled(true); });
    showRuntimes();
}

QString OverviewPage::headline() const
{
    return m_headline->text();
}

void OverviewPage::showRuntimes()
{
    const Inventory &inventory = *context().inventory;
    if (!inventory.ready()) {
        m_runtimes->setText(tr("<p>Looking for Node.js and Python interpreters…</p>"));
        return;
    }
    QStringList lines;
    for (const RuntimeInfo &runtime : RuntimeListing::byFamily(inventory.runtimes())) {
        if (runtime.available) {
            lines.append(tr("✔ <b>%1</b> — %2 — <code>%3</code>")
                             .arg(runtime.name.toHtmlEscaped(), RuntimeListing::identity(runtime).toHtmlEscaped(), runtime.path.toHtmlEscaped()));
        } else {
            const QString install = RuntimeInstallation::linkFor(runtime);
            lines.append(tr("✘ <b>%1</b> missing — %2%3")
                             .arg(runtime.name.toHtmlEscaped(), runtime.problem.toHtmlEscaped(),
                                  install.isEmpty() ? QString() : QStringLiteral(" — ") + install));
        }
    }
    if (!inventory.catalogError().isEmpty())
        lines.append(tr("✘ The benchmark list could not be read: %1").arg(inventory.catalogError().toHtmlEscaped()));
    m_runtimes->setText(tr("<p><b>Runtimes on this machine</b><br>%1</p>").arg(lines.join(QStringLiteral("<br>"))));
}

void OverviewPage::showSnapshot(const ResultSnapshot &snapshot)
{
    ClaimsSession::shared()->update(snapshot);
    const bool databaseEmpty = context().session->resultSets().isEmpty();
    m_welcome->setVisible(databaseEmpty || snapshot.isEmpty());
    const ForeignLoad load = ForeignLoad::fromEnvironment(snapshot.info.environment);
    m_foreignLoad->setVisible(!snapshot.isEmpty() && load.flagged());
    m_foreignLoad->setText(tr("<p style='color:#c62828'><b>⚠ Measured under foreign load:</b> %1. Other work competed with these "
                              "benchmarks, so their times may be slower and noisier than this machine can do; rerun on a quiet "
                              "machine before trusting them.</p>")
                               .arg(load.reasons.join(QStringLiteral("; ")).toHtmlEscaped()));
    if (snapshot.isEmpty()) {
        setSubtitle(tr("Node.js or Python for your backend? Measured on this machine, every sample kept."));
        m_headline->setText(databaseEmpty ? tr("<p>The database <code>%1</code> holds no result set yet: run the quick suite to make the first.</p>")
                                                .arg(context().session->databasePath().toHtmlEscaped())
                                          : tr("<p>Pick a result set in <b>History</b> to see its results.</p>"));
        m_ratios->setChart(nullptr, tr("The node / python ratio chart appears here after a run."));
        return;
    }
    setSubtitle(describeSet(snapshot));
    int nodeFaster = 0, pythonFaster = 0, unclear = 0;
    for (const Comparison &c : snapshot.comparisons) {
        // Only a confidence interval entirely on one side of 1× counts as a win.
        if (!std::isfinite(c.ratio.ciLow) || !std::isfinite(c.ratio.ciHigh))
            ++unclear;
        else if (c.ratio.ciHigh < 1)
            ++nodeFaster;
        else if (c.ratio.ciLow > 1)
            ++pythonFaster;
        else
            ++unclear;
    }
    if (snapshot.comparisons.isEmpty()) {
        m_headline->setText(snapshot.info.status == QLatin1String("running")
                                ? tr("<p>Running: the first comparison appears once a benchmark has valid samples from both runtimes.</p>")
                                : tr("<p>This result set has no benchmark with valid samples from both a Node.js and a Python runtime, "
                                     "so nothing can be compared. Performance ▸ Processes lists what failed.</p>"));
    } else {
        m_headline->setText(tr("<p style='font-size:large'>In this result set Node.js took less time on <b>%1</b> of %2 comparisons and "
                               "Python on <b>%3</b>; <b>%4</b> too close to call (95% interval of the ratio includes 1×).</p>")
                                .arg(nodeFaster)
                                .arg(snapshot.comparisons.size())
                                .arg(pythonFaster)
                                .arg(unclear));
    }
    m_ratios->setChartLater([comparisons = snapshot.comparisons, style = chartStyle()] { return ChartFactory::ratios(comparisons, style); },
                       tr("A ratio needs valid samples of the same benchmark from both runtimes; this set has none yet."));
}

} // namespace showdown
