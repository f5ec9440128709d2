#include "AdoptionPage.h"

#include "ClaimsSession.h"
#include "DatasetChart.h"
#include "DatasetImportButton.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QScatterSeries>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace showdown {
namespace {

const QString kFile = QStringLiteral("adoption.csv");

/// The article's adoption figures, as the rules declare them: subject, year, value, metric.
struct ArticleFigure {
    QString label;
    QString metric;
    QString subject;
    QString year;
    double value = 0;
    QString missingNote;
};

QList<ArticleFigure> articleFigures(const QList<ClaimRule> &rules)
{
    QList<ArticleFigure> figures;
    for (const ClaimRule &claim : rules) {
        for (const ClaimPart &part : claim.parts) {
            const auto *dataset = std::get_if<DatasetRule>(&part.rule);
            if (!dataset || dataset->file != kFile)
                continue;
            const auto first = [&](const char *key) { return dataset->where.value(QLatin1String(key)).toArray().first().toString(); };
            figures.append({part.label, first("metric"), first("subject"), first("year"), dataset->articleValue, dataset->missingNote});
        }
    }
    return figures;
}

QLabel *wrapping(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

} // namespace

AdoptionPage::AdoptionPage(PageContext &context, QWidget *parent)
    : Page(tr("Adoption"), tr("Who uses JavaScript, Python, TypeScript, Node.js and the web frameworks, from sourced surveys; "
                              "one population per chart, never mixed on one line."),
           context, parent)
{
    m_metric = new QComboBox;
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_population = new QComboBox;
    m_population->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_chart = new QChartView;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(300);
    m_discrepancy = wrapping(new QLabel);
    m_issues = wrapping(new QLabel);
    m_table = new QTableWidget;
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setSortingEnabled(true);
    m_table->setMinimumHeight(160);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Series:")));
    controls->addWidget(m_metric);
    controls->addWidget(new QLabel(tr("Population:")));
    controls->addWidget(m_population);
    controls->addStretch(1);
    controls->addWidget(new DatasetImportButton(context.reportError));

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(controls);
    topLayout->addWidget(m_chart, 1);
    topLayout->addWidget(m_discrepancy);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    m_checked = new QTableWidget;
    m_checked->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checked->verticalHeader()->hide();
    auto *tables = new QTabWidget;
    tables->setDocumentMode(true);
    tables->addTab(m_table, tr("Rows of this series"));
    tables->addTab(m_checked, tr("The article's figures, checked by hand (article_claims.csv)"));
    splitter->addWidget(tables);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_issues);
    setContent(content);
    explain(tr("Loading the survey datasets…"));

    connect(m_metric, &QComboBox::currentTextChanged, this, &AdoptionPage::fillPopulations);
    connect(m_population, &QComboBox::currentTextChanged, this, &AdoptionPage::redraw);
    connect(ClaimsSession::shared(), &ClaimsSession::changed, this, &AdoptionPage::refresh);
    refresh();
}

void AdoptionPage::showSnapshot(const ResultSnapshot &)
{
}

QString AdoptionPage::discrepancy() const
{
    return m_discrepancy->text();
}

void AdoptionPage::refresh()
{
    const ClaimsSession &session = *ClaimsSession::shared();
    if (!session.usableTable(kFile, [this](const QString &why) { explain(why.toHtmlEscaped()); }))
        return;
    const DatasetTable *table = session.state().datasets.table(kFile);
    const QStringList issues = session.state().datasets.issues();
    m_issues->setText(issues.isEmpty() ? tr("Data: <code>%1</code> (%2 rows). Caveats of every source: SOURCES.md beside it.")
                                             .arg(table->origin().toHtmlEscaped())
                                             .arg(table->rows().size())
                                       : tr("<b>Rows skipped:</b> %1").arg(issues.join(QStringLiteral("; ")).toHtmlEscaped()));
    QStringList metrics;
    for (const DatasetRow &row : table->rows()) {
        if (!metrics.contains(row.field(QStringLiteral("metric"))))
            metrics << row.field(QStringLiteral("metric"));
    }
    const QString previous = m_metric->currentText();
    m_metric->blockSignals(true);
    m_metric->clear();
    m_metric->addItems(metrics);
    m_metric->setCurrentIndex(std::max<qsizetype>(0, metrics.indexOf(previous)));
    m_metric->blockSignals(false);
    showContent();
    fillChecked();
    fillPopulations();
}

void AdoptionPage::fillChecked()
{
    // The curated check of every figure the article quotes, as shipped (or imported) with its sources.
    const DatasetTable *checked = ClaimsSession::shared()->state().datasets.table(QStringLiteral("article_claims.csv"));
    const QStringList columns = {QStringLiteral("claim_id"), QStringLiteral("claim_text"), QStringLiteral("verified_against"),
                                 QStringLiteral("verified_value"), QStringLiteral("verdict"), QStringLiteral("notes")};
    m_checked->clear();
    m_checked->setColumnCount(int(columns.size()));
    m_checked->setHorizontalHeaderLabels({tr("Id"), tr("The article says"), tr("Checked against"), tr("Found"), tr("Verdict"), tr("Notes")});
    m_checked->setRowCount(checked ? int(checked->rows().size()) : 0);
    for (int row = 0; checked && row < checked->rows().size(); ++row) {
        for (int column = 0; column < columns.size(); ++column) {
            const QString text = checked->rows().at(row).field(columns.at(column));
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            m_checked->setItem(row, column, item);
        }
    }
    m_checked->resizeColumnsToContents();
    for (int column = 1; column < columns.size(); ++column)
        m_checked->setColumnWidth(column, std::min(m_checked->columnWidth(column), 320));
    m_checked->horizontalHeader()->setStretchLastSection(true);
}

void AdoptionPage::fillPopulations()
{
    const DatasetTable *table = ClaimsSession::shared()->state().datasets.table(kFile);
    if (!table)
        return;
    QStringList populations;
    for (const DatasetRow &row : table->rows()) {
        if (row.field(QStringLiteral("metric")) == m_metric->currentText() && !populations.contains(row.field(QStringLiteral("population"))))
            populations << row.field(QStringLiteral("population"));
    }
    const QString previous = m_population->currentText();
    m_population->blockSignals(true);
    m_population->clear();
    m_population->addItems(populations);
    m_population->setCurrentIndex(std::max<qsizetype>(0, populations.indexOf(previous)));
    m_population->blockSignals(false);
    redraw();
}

void AdoptionPage::redraw()
{
    const ClaimsSession::State &state = ClaimsSession::shared()->state();
    const DatasetTable *table = state.datasets.table(kFile);
    if (!table)
        return;
    const QString metric = m_metric->currentText();
    const QString population = m_population->currentText();
    const QList<DatasetRow> rows = table->select({{QStringLiteral("metric"), metric}, {QStringLiteral("population"), population}});
    // One line per subject, ordered by year.
    std::map<QString, QList<DatasetRow>> bySubject;
    for (const DatasetRow &row : rows)
        bySubject[row.field(QStringLiteral("subject"))].append(row);
    QChart *chart = DatasetChart::create(tr("%1 — %2").arg(metric, population));
    double low = 1e9, high = -1e9, top = 0;
    for (auto &[subject, series] : bySubject) {
        std::sort(series.begin(), series.end(), [](const DatasetRow &a, const DatasetRow &b) {
            return a.number(QStringLiteral("year")) < b.number(QStringLiteral("year"));
        });
        QList<QPointF> points;
        QStringList tips;
        for (const DatasetRow &row : series) {
            const double year = row.number(QStringLiteral("year")).value_or(0);
            points << QPointF(year, row.number(QStringLiteral("value")).value_or(0));
            tips << DatasetChart::tip(row, row.field(QStringLiteral("year")));
            low = std::min(low, year);
            high = std::max(high, year);
            top = std::max(top, points.last().y());
        }
        DatasetChart::addSeries(chart, subject, points, tips, DatasetChart::subjectColor(subject));
    }
    // The article's figures, beside the survey's for the year it names, with the gap in words.
    QStringList sentences;
    QList<QPointF> articlePoints;
    QStringList articleTips;
    for (const ArticleFigure &figure : articleFigures(state.rules)) {
        if (figure.metric != metric) {
            if (!figure.missingNote.isEmpty() && table->select({{QStringLiteral("metric"), figure.metric}}).isEmpty())
                sentences << tr("%1 — not checkable: %2.").arg(figure.label.toHtmlEscaped(), figure.missingNote.toHtmlEscaped());
            continue;
        }
        articlePoints << QPointF(figure.year.toDouble(), figure.value);
        articleTips << tr("The article: %1 %2% (it names %3)").arg(figure.subject).arg(figure.value).arg(figure.year);
        top = std::max(top, figure.value);
        const QList<DatasetRow> survey = table->select({{QStringLiteral("metric"), metric}, {QStringLiteral("population"), population},
                                                        {QStringLiteral("subject"), figure.subject}, {QStringLiteral("year"), figure.year}});
        if (survey.isEmpty()) {
            sentences << tr("The article: %1 <b>%2%</b> for %3 — this population has no %3 figure.").arg(figure.subject).arg(figure.value).arg(figure.year);
            continue;
        }
        const double measured = survey.first().number(QStringLiteral("value")).value_or(0);
        sentences << tr("The article: %1 <b>%2%</b> for %3 — the survey (%4): <a href=\"%5\">%6%</a>, the article is <b>%7 points %8</b>.")
                         .arg(figure.subject)
                         .arg(figure.value)
                         .arg(figure.year, population.toHtmlEscaped(), survey.first().field(QStringLiteral("source_url")).toHtmlEscaped())
                         .arg(measured)
                         .arg(std::abs(figure.value - measured), 0, 'f', 2)
                         .arg(figure.value >= measured ? tr("higher") : tr("lower"));
    }
    if (!articlePoints.isEmpty()) {
        QScatterSeries *article = DatasetChart::addSeries(chart, tr("The article's figure"), articlePoints, articleTips, QColor(0xc6, 0x28, 0x28), false);
        article->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        article->setMarkerSize(13);
    }
    auto *x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setRange(low - 0.5, high + 0.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(2000);
    x->setTickInterval(1);
    x->setTitleText(tr("survey year"));
    auto *y = new QValueAxis;
    y->setRange(0, top * 1.1 + 1);
    y->applyNiceNumbers();
    y->setTitleText(rows.isEmpty() ? QString() : rows.first().field(QStringLiteral("unit")));
    DatasetChart::attachAxes(chart, x, y);
    DatasetChart::show(m_chart, chart);
    m_discrepancy->setText(sentences.isEmpty() ? tr("The article gives no figure for this series. Hover a point for its source.")
                                               : sentences.join(QStringLiteral("<br>")));

    const QStringList headers = {tr("Subject"), tr("Year"), tr("Value"), tr("Unit"), tr("Source"), tr("Notes")};
    m_table->setSortingEnabled(false);
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const DatasetRow &row = rows.at(i);
        const QStringList cells = {row.field(QStringLiteral("subject")), row.field(QStringLiteral("year")), row.field(QStringLiteral("value")),
                                   row.field(QStringLiteral("unit")), row.field(QStringLiteral("source_title")), row.field(QStringLiteral("notes"))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem;
            // The source column's text is drawn by its link label; the item keeps only its tooltip.
            if (column == 2)
                item->setData(Qt::DisplayRole, row.number(QStringLiteral("value")).value_or(0));
            else if (column != 4)
                item->setData(Qt::DisplayRole, cells.at(column));
            item->setToolTip(column == 4 ? row.field(QStringLiteral("source_url")) : cells.at(column));
            m_table->setItem(i, column, item);
        }
        auto *link = new QLabel(QStringLiteral("<a href=\"%1\">%2</a>").arg(row.field(QStringLiteral("source_url")).toHtmlEscaped(),
                                                                          row.field(QStringLiteral("source_title")).toHtmlEscaped()));
        link->setOpenExternalLinks(true);
        link->setToolTip(row.field(QStringLiteral("source_url")));
        m_table->setCellWidget(i, 4, link);
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(4, 420);
    m_table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace showdown
