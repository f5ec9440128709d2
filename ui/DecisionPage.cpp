#include "DecisionPage.h"

#include "ClaimCard.h"
#include "ClaimEvidenceDialog.h"
#include "ClaimsSession.h"
#include "Statistics.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QRadioButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace showdown {
namespace {

enum Workload { NumberCrunching, GeneralCpu, IoBound, Both };
enum Team { JavaScriptTeam, PythonTeam, OtherBackendTeam, MixedTeam };

/// A verdict too thin to lean on: nothing measured, or no figure on either side of its threshold.
bool thin(const ClaimVerdict &verdict)
{
    if (verdict.verdict == ClaimVerdict::kNotMeasured)
        return true;
    return std::none_of(verdict.evidence.begin(), verdict.evidence.end(), [](const ClaimEvidence &figure) {
        return figure.outcome == ClaimEvidence::kHolds || figure.outcome == ClaimEvidence::kContrary;
    });
}

/// Which runtime a claim favours when it holds, from the article's own framing.
QString favoured(const QString &id)
{
    static const QStringList node = {QStringLiteral("realtime"), QStringLiteral("io"), QStringLiteral("jit"), QStringLiteral("eventloop-mem")};
    return node.contains(id) ? QStringLiteral("Node.js") : QStringLiteral("Python");
}

QButtonGroup *question(QVBoxLayout *layout, const QString &title, const QStringList &answers, int checked)
{
    auto *box = new QGroupBox(title);
    auto *row = new QHBoxLayout(box);
    auto *group = new QButtonGroup(box);
    for (int i = 0; i < answers.size(); ++i) {
        auto *button = new QRadioButton(answers.at(i));
        button->setChecked(i == checked);
        group->addButton(button, i);
        row->addWidget(button);
    }
    row->addStretch(1);
    layout->addWidget(box);
    return group;
}

/// The article's at-a-glance table, and which claims' verdicts speak to each row.
struct GlanceRow {
    const char *criterion;
    const char *node;
    const char *python;
    QStringList claims;
};

const QList<GlanceRow> &glanceRows()
{
    static const QList<GlanceRow> rows = {
        {"Primary use case", "Real-time apps, APIs, microservices", "Data science, AI/ML, complex backends", {QStringLiteral("realtime"), QStringLiteral("numeric")}},
        {"Architecture", "Single-threaded, non-blocking I/O", "Multi-threaded, GIL-limited concurrency",
         {QStringLiteral("eventloop-mem"), QStringLiteral("gil"), QStringLiteral("multiprocessing"), QStringLiteral("cluster")}},
        {"Performance", "Excellent for I/O-bound tasks", "Strong for CPU-bound tasks", {QStringLiteral("io"), QStringLiteral("asyncio"), QStringLiteral("jit"), QStringLiteral("numeric")}},
        {"Ecosystem", "npm (Node Package Manager)", "PyPI (Python Package Index)", {QStringLiteral("registry")}},
        {"Learning curve", "Moderate (requires async knowledge)", "Gentle (praised for simple syntax)", {QStringLiteral("beginner")}},
        {"Community focus", "Full-stack JavaScript development", "Scientific computing, web development", {QStringLiteral("adoption")}},
    };
    return rows;
}

QString verdictLink(const ClaimVerdict &verdict)
{
    return QStringLiteral("<a href=\"claim:%1\">%1</a>: <b style='color:%2'>%3</b>")
        .arg(verdict.id, ClaimCard::verdictColor(verdict.verdict).name(), verdict.verdict);
}

} // namespace

DecisionPage::DecisionPage(PageContext &context, QWidget *parent)
    : Page(tr("Decision guide"), tr("The article's three questions, answered with this machine's verdicts rather than generic advice."), context, parent)
{
    auto *questions = new QWidget;
    auto *layout = new QVBoxLayout(questions);
    layout->setContentsMargins(0, 0, 0, 0);
    m_realtime = question(layout, tr("1. Is real-time (chat, live updates, collaboration, games) a must-have?"), {tr("Yes"), tr("No")}, 1);
    m_workload = question(layout, tr("2. Is the work CPU-bound or I/O-bound?"),
                          {tr("Number crunching (arrays, matrices)"), tr("General CPU work (parsing, algorithms)"),
                           tr("I/O-bound (waiting on network, databases, APIs)"), tr("Both")},
                          2);
    m_team = question(layout, tr("3. What does the team already know?"),
                      {tr("JavaScript / TypeScript"), tr("Python / data science"), tr("Java, C# or another backend language"), tr("Both")}, 3);
    m_answer = new QTextBrowser;
    m_answer->setOpenLinks(false);
    connect(m_answer, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) { openEvidence(url.toString()); });
    layout->addWidget(m_answer, 1);

    m_glance = new QTableWidget(int(glanceRows().size()), 4);
    m_glance->setHorizontalHeaderLabels({tr("Criterion"), tr("Node.js (the article)"), tr("Python (the article)"), tr("What this machine / the data says")});
    m_glance->verticalHeader()->hide();
    m_glance->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_glance->horizontalHeader()->setStretchLastSection(true);
    auto *glance = new QWidget;
    auto *glanceLayout = new QVBoxLayout(glance);
    glanceLayout->setContentsMargins(0, 0, 0, 0);
    glanceLayout->addWidget(new QLabel(tr("<b>The article's at-a-glance table</b>, with the verdicts that speak to each row (click one for its evidence).")));
    glanceLayout->addWidget(m_glance, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(questions);
    splitter->addWidget(glance);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);
    explain(tr("Judging the article's claims…"));

    for (QButtonGroup *group : {m_realtime, m_workload, m_team})
        connect(group, &QButtonGroup::idClicked, this, &DecisionPage::updateAnswer);
    connect(ClaimsSession::shared(), &ClaimsSession::changed, this, [this] {
        showContent();
        updateAnswer();
        fillGlance();
    });
    if (ClaimsSession::shared()->ready()) {
        showContent();
        updateAnswer();
        fillGlance();
    }
}

void DecisionPage::showSnapshot(const ResultSnapshot &snapshot)
{
    // Hidden pages are not told of new snapshots, so this page asks too when it is the one on screen.
    ClaimsSession::shared()->update(snapshot);
}

QString DecisionPage::answer() const
{
    return m_answer->toPlainText();
}

void DecisionPage::openEvidence(const QString &link)
{
    if (!link.startsWith(QLatin1String("claim:")))
        return;
    if (const std::optional<ClaimVerdict> verdict = ClaimsSession::shared()->verdict(link.mid(6)))
        (new ClaimEvidenceDialog(*verdict, this))->show();
}

void DecisionPage::updateAnswer()
{
    const ClaimsSession &session = *ClaimsSession::shared();
    QStringList cited;
    if (m_realtime->checkedId() == 0)
        cited << QStringLiteral("realtime");
    switch (m_workload->checkedId()) {
    case NumberCrunching:
        cited << QStringLiteral("numeric") << QStringLiteral("jit");
        break;
    case GeneralCpu:
        cited << QStringLiteral("jit") << QStringLiteral("gil") << QStringLiteral("multiprocessing");
        break;
    case IoBound:
        cited << QStringLiteral("io") << QStringLiteral("asyncio") << QStringLiteral("eventloop-mem");
        break;
    default:
        cited << QStringLiteral("io") << QStringLiteral("jit") << QStringLiteral("numeric");
    }
    QStringList findings;
    QStringList tooThin;
    int forNode = 0;
    int forPython = 0;
    for (const QString &id : cited) {
        const std::optional<ClaimVerdict> verdict = session.verdict(id);
        if (!verdict)
            continue;
        if (thin(*verdict)) {
            tooThin << tr("%1 — %2").arg(verdictLink(*verdict), verdict->missing.isEmpty() ? tr("every figure is within the noise")
                                                                                             : verdict->missing.first().toHtmlEscaped());
            continue;
        }
        QStringList figures;
        for (const ClaimEvidence &figure : ClaimCard::decisiveFigures(verdict->evidence, 2))
            figures << tr("%1 = %2 (n=%3, %4)").arg(figure.figure.toHtmlEscaped(), ClaimCard::formatFigure(figure)).arg(figure.n).arg(figure.outcome);
        findings << tr("%1 — the article: <i>%2</i><br>&nbsp;&nbsp;%3").arg(verdictLink(*verdict), verdict->title.toHtmlEscaped(), figures.join(QStringLiteral("; ")));
        // A claim that holds counts for the runtime the article credits; one that fails counts for the other.
        if (verdict->verdict == ClaimVerdict::kSupported)
            (favoured(id) == QLatin1String("Node.js") ? forNode : forPython) += 1;
        else if (verdict->verdict == ClaimVerdict::kNotSupported)
            (favoured(id) == QLatin1String("Node.js") ? forPython : forNode) += 1;
    }
    QString lean;
    if (forNode + forPython == 0)
        lean = tr("<p><b>The evidence here is too thin to lean either way</b> for these answers: run the standard suite (Run ▸ standard) and "
                  "come back; the guide will cite its figures.</p>");
    else if (forNode == forPython)
        lean = tr("<p><b>No lean:</b> the measured findings split %1–%2. The article's own advice to combine both (Node.js as the API "
                  "gateway, Python services for heavy computation) fits a split like this.</p>").arg(forNode).arg(forPython);
    else
        lean = tr("<p><b>On this machine's evidence the answers lean %1</b> (%2 measured findings to %3; a Mixed verdict counts for "
                  "neither side).</p>")
                   .arg(forNode > forPython ? tr("Node.js") : tr("Python"))
                   .arg(std::max(forNode, forPython))
                   .arg(std::min(forNode, forPython));
    QString team;
    switch (m_team->checkedId()) {
    case JavaScriptTeam:
        team = tr("A JavaScript team keeps one language across front and back end; the article leans Node.js here.");
        break;
    case PythonTeam:
        team = tr("A Python or data-science team keeps its libraries (NumPy and friends); the article leans Python here.");
        break;
    case OtherBackendTeam:
        team = tr("The article leans Python for teams coming from Java or C#.");
        break;
    default:
        team = tr("A team that knows both can split the work as the article suggests.");
    }
    if (const std::optional<ClaimVerdict> beginner = session.verdict(QStringLiteral("beginner"))) {
        std::vector<double> ratios;
        for (const SourceSize &size : session.state().sourceSizes)
            ratios.push_back(double(size.pythonGzipBytes) / double(size.nodeGzipBytes));
        team += tr(" No benchmark measures how easy a language is (%1); the only proxy, compressed source size, puts the Python "
                   "programs at %2x the Node ones (median of %3 pairs) — shorter, not necessarily easier.")
                    .arg(verdictLink(*beginner))
                    .arg(ratios.empty() ? std::nan("") : Statistics::median(ratios), 0, 'f', 2)
                    .arg(ratios.size());
    }
    if (const std::optional<ClaimVerdict> adoption = session.verdict(QStringLiteral("adoption")))
        team += tr(" Survey usage (who you can hire) is on the Adoption page; the article's 69%/44% — %1.").arg(verdictLink(*adoption));

    QString html = lean;
    if (!findings.isEmpty())
        html += tr("<p><b>What this machine measured</b></p><p>%1</p>").arg(findings.join(QStringLiteral("<br>")));
    if (!tooThin.isEmpty())
        html += tr("<p><b>Too thin to lean on</b></p><p>%1</p>").arg(tooThin.join(QStringLiteral("<br>")));
    if (m_realtime->checkedId() != 0)
        html += tr("<p>Real-time is not a must-have, so the chat benchmark does not decide here.</p>");
    html += tr("<p><b>The team</b>: %1</p>").arg(team);
    m_answer->setHtml(html);
}

void DecisionPage::fillGlance()
{
    const ClaimsSession &session = *ClaimsSession::shared();
    for (int row = 0; row < glanceRows().size(); ++row) {
        const GlanceRow &entry = glanceRows().at(row);
        const QStringList texts = {tr(entry.criterion), tr(entry.node), tr(entry.python)};
        for (int column = 0; column < texts.size(); ++column)
            m_glance->setItem(row, column, new QTableWidgetItem(texts.at(column)));
        QStringList verdicts;
        for (const QString &id : entry.claims) {
            if (const std::optional<ClaimVerdict> verdict = session.verdict(id))
                verdicts << verdictLink(*verdict);
        }
        auto *label = new QLabel(verdicts.join(QStringLiteral(" · ")));
        label->setTextFormat(Qt::RichText);
        connect(label, &QLabel::linkActivated, this, &DecisionPage::openEvidence);
        m_glance->setCellWidget(row, 3, label);
    }
    m_glance->resizeColumnsToContents();
}

} // namespace showdown
