#include "EcosystemPage.h"

#include "ClaimCard.h"
#include "ClaimsSession.h"
#include "DatasetChart.h"
#include "DatasetImportButton.h"
#include "ResourceLocator.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <map>

namespace showdown {
namespace {

const QString kFile = QStringLiteral("ecosystem.csv");

/// Which dataset metrics count a registry's packages (the sources name them differently).
const QMap<QString, QStringList> &registryMetrics()
{
    static const QMap<QString, QStringList> metrics = {
        {QStringLiteral("npm"), {QStringLiteral("npm total packages"), QStringLiteral("npm total projects")}},
        {QStringLiteral("PyPI"),
         {QStringLiteral("PyPI total packages"), QStringLiteral("PyPI total projects"), QStringLiteral("PyPI packages with at least one version")}},
    };
    return metrics;
}

/// A dataset date (YYYY, YYYY-MM or YYYY-MM-DD) as a point in time; a bare year or month is its first day.
QDateTime toDateTime(const QString &date)
{
    const QStringList parts = date.split(QLatin1Char('-'));
    return QDateTime(QDate(parts.value(0).toInt(), parts.value(1, QStringLiteral("1")).toInt(), parts.value(2, QStringLiteral("1")).toInt()),
                     QTime(0, 0), Qt::UTC);
}

/// The frameworks the article names, then the libraries Showdown's own benchmarks use.
struct Framework {
    QString name;
    QString package;
    bool node;
    QString why;
};

const QList<Framework> &frameworks()
{
    static const QList<Framework> list = {
        {QStringLiteral("Express"), QStringLiteral("express"), true, QStringLiteral("named by the article (Node.js web framework)")},
        {QStringLiteral("Socket.IO"), QStringLiteral("socket.io"), true, QStringLiteral("named by the article (real-time)")},
        {QStringLiteral("Django"), QStringLiteral("django"), false, QStringLiteral("named by the article (Python web framework)")},
        {QStringLiteral("Flask"), QStringLiteral("flask"), false, QStringLiteral("named by the article (Python web framework)")},
        {QStringLiteral("ws"), QStringLiteral("ws"), true, QStringLiteral("used by Showdown's chat benchmark")},
        {QStringLiteral("FastAPI"), QStringLiteral("fastapi"), false, QStringLiteral("used by Showdown's HTTP benchmark")},
        {QStringLiteral("aiohttp"), QStringLiteral("aiohttp"), false, QStringLiteral("used by Showdown's HTTP benchmark")},
        {QStringLiteral("uvloop"), QStringLiteral("uvloop"), false, QStringLiteral("used by Showdown's HTTP benchmark")},
        {QStringLiteral("websockets"), QStringLiteral("websockets"), false, QStringLiteral("used by Showdown's chat benchmark")},
    };
    return list;
}

QTableWidget *table(const QStringList &headers)
{
    auto *widget = new QTableWidget(0, int(headers.size()));
    widget->setHorizontalHeaderLabels(headers);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setStretchLastSection(true);
    return widget;
}

void setRow(QTableWidget *widget, int row, const QStringList &cells, const QString &tooltip = QString())
{
    if (widget->rowCount() <= row)
        widget->setRowCount(row + 1);
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(tooltip.isEmpty() ? cells.at(column) : tooltip);
        widget->setItem(row, column, item);
    }
}

} // namespace

EcosystemPage::EcosystemPage(PageContext &context, QWidget *parent)
    : Page(tr("Ecosystem"), tr("Registry sizes from dated sources against the article's figures, the frameworks it names, and what this machine has."),
           context, parent)
{
    m_chart = new QChartView;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);
    m_verdict = new QLabel;
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    m_frameworks = table({tr("Framework"), tr("Runtime"), tr("Why listed"), tr("Installed on this machine"), tr("Latest survey figure")});
    m_machine = table({tr("What"), tr("This machine")});
    m_sizes = table({tr("Program pair"), tr("Node gzip bytes"), tr("Python gzip bytes"), tr("Python / Node")});

    auto *sizesPage = new QWidget;
    auto *sizesLayout = new QVBoxLayout(sizesPage);
    auto *proxyNote = new QLabel(tr("<b>A proxy, not a measurement:</b> the compressed size (gzip -9) of each equivalent program pair, as the "
                                    "Benchmarks Game reports it. Shorter source is not the same as easier to learn."));
    proxyNote->setWordWrap(true);
    sizesLayout->addWidget(proxyNote);
    sizesLayout->addWidget(m_sizes, 1);

    auto *tabs = new QTabWidget;
    tabs->setDocumentMode(true);
    tabs->addTab(m_frameworks, tr("Frameworks"));
    tabs->addTab(m_machine, tr("This machine"));
    tabs->addTab(sizesPage, tr("Conciseness (proxy)"));

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Hover a point for its source; npm and PyPI counts use different definitions (see SOURCES.md).")), 1);
    bar->addWidget(new DatasetImportButton(context.reportError));
    topLayout->addLayout(bar);
    topLayout->addWidget(m_chart, 1);
    topLayout->addWidget(m_verdict);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);
    explain(tr("Loading the registry dataset…"));

    connect(ClaimsSession::shared(), &ClaimsSession::changed, this, &EcosystemPage::refresh);
    connect(&m_probe, &QFutureWatcher<EcosystemProbe::Result>::finished, this, [this] {
        fillProbe();
        fillFrameworks();
    });
    refresh();
}

void EcosystemPage::showSnapshot(const ResultSnapshot &)
{
    // The probe runs once, when the page first has a snapshot to go with, so start-up stays quick.
    if (m_probed)
        return;
    m_probed = true;
    const QString python = QFileInfo::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3") : QStringLiteral("python3");
    const QString modules = ResourceLocator::benchmarksDir() + QStringLiteral("/node/node_modules");
    m_probe.setFuture(QtConcurrent::run([python, modules] { return EcosystemProbe::run(python, modules); }));
}

void EcosystemPage::refresh()
{
    const ClaimsSession &session = *ClaimsSession::shared();
    if (!session.usableTable(kFile, [this](const QString &why) { explain(why.toHtmlEscaped()); }))
        return;
    showContent();
    drawRegistries();
    fillFrameworks();
    fillSourceSizes();
}

void EcosystemPage::drawRegistries()
{
    const ClaimsSession::State &state = ClaimsSession::shared()->state();
    const DatasetTable *dataset = state.datasets.table(kFile);
    QChart *chart = DatasetChart::create(tr("Packages in the registry (log scale), from dated sources"));
    QDateTime first, last;
    for (auto it = registryMetrics().begin(); it != registryMetrics().end(); ++it) {
        std::map<qint64, DatasetRow> byDate;
        for (const DatasetRow &row : dataset->rows()) {
            if (it.value().contains(row.field(QStringLiteral("metric"))))
                byDate.emplace(toDateTime(row.field(QStringLiteral("date"))).toMSecsSinceEpoch(), row);
        }
        QList<QPointF> points;
        QStringList tips;
        for (const auto &[when, row] : byDate) {
            points << QPointF(double(when), row.number(QStringLiteral("value")).value_or(1));
            tips << DatasetChart::tip(row, row.field(QStringLiteral("date")));
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(when, Qt::UTC);
            first = first.isValid() ? std::min(first, at) : at;
            last = last.isValid() ? std::max(last, at) : at;
        }
        DatasetChart::addSeries(chart, it.key(), points, tips, DatasetChart::subjectColor(it.key()));
    }
    // The article's undated figures as dashed levels across the whole range.
    for (const ClaimRule &claim : state.rules) {
        for (const ClaimPart &part : claim.parts) {
            const auto *dataset = std::get_if<DatasetRule>(&part.rule);
            if (!dataset || dataset->file != kFile)
                continue;
            const double value = dataset->articleValue;
            const QString registry = value > 1e6 ? QStringLiteral("npm") : QStringLiteral("PyPI");
            auto *level = new QLineSeries;
            level->setName(tr("the article: %1 %2 (undated)").arg(registry, QLocale().toString(value, 'f', 0)));
            level->append(double(first.toMSecsSinceEpoch()), value);
            level->append(double(last.toMSecsSinceEpoch()), value);
            QPen pen(DatasetChart::subjectColor(registry));
            pen.setStyle(Qt::DashLine);
            pen.setWidth(2);
            level->setPen(pen);
            const QString tip = tr("%1\nThe article gives no date; %2").arg(level->name(), part.label);
            connect(level, &QLineSeries::hovered, chart, [tip](const QPointF &, bool on) { on ? QToolTip::showText(QCursor::pos(), tip) : QToolTip::hideText(); });
            chart->addSeries(level);
        }
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("yyyy"));
    x->setRange(first.addMonths(-6), last.addMonths(6));
    x->setTickCount(8);
    x->setTitleText(tr("date of the source"));
    auto *y = new QLogValueAxis;
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(3e4, 1e7);
    y->setTitleText(tr("packages / projects"));
    DatasetChart::attachAxes(chart, x, y);
    DatasetChart::show(m_chart, chart);
    if (const std::optional<ClaimVerdict> verdict = ClaimsSession::shared()->verdict(QStringLiteral("registry")))
        m_verdict->setText(tr("<b style='color:%1'>%2</b> — %3").arg(ClaimCard::verdictColor(verdict->verdict).name(), verdict->verdict,
                                                                      verdict->why.toHtmlEscaped()));
}

void EcosystemPage::fillFrameworks()
{
    const DatasetTable *adoption = ClaimsSession::shared()->state().datasets.table(QStringLiteral("adoption.csv"));
    const bool probed = m_probe.isFinished() && m_probed;
    const EcosystemProbe::Result probe = probed ? m_probe.result() : EcosystemProbe::Result();
    int row = 0;
    for (const Framework &framework : frameworks()) {
        QString installed = tr("probing…");
        if (probed) {
            const QMap<QString, QString> &versions = framework.node ? probe.nodeVersions : probe.pythonVersions;
            installed = versions.contains(framework.package) ? versions.value(framework.package)
                                                              : tr("not installed (%1)").arg(framework.node ? tr("npm install %1").arg(framework.package)
                                                                                                            : tr("apt-get install python3-%1").arg(framework.package));
        }
        // The most recent survey row for this framework, whatever its population, with that population named.
        QString survey = tr("no survey figure in the dataset");
        QString source;
        if (adoption) {
            const DatasetRow *latest = nullptr;
            for (const DatasetRow &candidate : adoption->rows()) {
                if (candidate.field(QStringLiteral("subject")) == framework.name && candidate.field(QStringLiteral("metric")).startsWith(QStringLiteral("SO survey usage"))
                    && (!latest || candidate.field(QStringLiteral("year")) > latest->field(QStringLiteral("year"))))
                    latest = &candidate;
            }
            if (latest) {
                survey = tr("%1% in %2 (%3)").arg(latest->field(QStringLiteral("value")), latest->field(QStringLiteral("year")), latest->field(QStringLiteral("population")));
                source = DatasetChart::tip(*latest, latest->field(QStringLiteral("year")));
            }
        }
        setRow(m_frameworks, row, {framework.name, framework.node ? QStringLiteral("Node.js") : QStringLiteral("Python"), framework.why, installed, survey});
        if (!source.isEmpty())
            m_frameworks->item(row, 4)->setToolTip(source);
        ++row;
    }
    m_frameworks->resizeColumnsToContents();
}

void EcosystemPage::fillProbe()
{
    const EcosystemProbe::Result probe = m_probe.result();
    const auto count = [](int value) { return value < 0 ? tr("could not be counted") : QString::number(value); };
    int row = 0;
    for (const auto &[name, version] : probe.tools)
        setRow(m_machine, row++, {name, version});
    setRow(m_machine, row++, {tr("Node packages installed for Showdown's benchmarks (node_modules)"), count(probe.nodeLocalPackages)});
    setRow(m_machine, row++, {tr("Node packages installed globally (npm ls -g)"), count(probe.nodeGlobalPackages)});
    setRow(m_machine, row++, {tr("Python distributions %1 can import").arg(probe.python), count(probe.pythonPackages)});
    m_machine->resizeColumnsToContents();
}

void EcosystemPage::fillSourceSizes()
{
    const QList<SourceSize> &sizes = ClaimsSession::shared()->state().sourceSizes;
    m_sizes->setRowCount(0);
    for (int row = 0; row < sizes.size(); ++row) {
        const SourceSize &size = sizes.at(row);
        setRow(m_sizes, row,
               {size.benchmark, QString::number(size.nodeGzipBytes), QString::number(size.pythonGzipBytes),
                QString::number(double(size.pythonGzipBytes) / double(size.nodeGzipBytes), 'f', 2)},
               tr("resources/benchmarks/node/%1.js vs resources/benchmarks/python/%1.py, each compressed with gzip -9").arg(size.benchmark));
    }
    m_sizes->resizeColumnsToContents();
}

} // namespace showdown
