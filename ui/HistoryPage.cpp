#include "HistoryPage.h"

#include "CompareTableModel.h"
#include "DataTable.h"
#include "ForeignLoad.h"
#include "ResultSession.h"
#include "ResultSetTableModel.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace showdown {

HistoryPage::HistoryPage(PageContext &context, QWidget *parent)
    : Page(tr("History"), tr("Every result set in this database. Select one to open it, two to compare them."), context, parent)
{
    m_model = new ResultSetTableModel(this);
    m_table = new DataTable(m_model);
    m_table->view()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_compare = new CompareTableModel(this);

    m_open = new QPushButton(tr("Open"));
    m_rename = new QPushButton(tr("Rename…"));
    m_notes = new QPushButton(tr("Notes…"));
    m_delete = new QPushButton(tr("Delete…"));
    m_compareButton = new QPushButton(tr("Compare two"));
    m_open->setToolTip(tr("Show this result set on every page (double-click does the same)"));
    m_compareButton->setToolTip(tr("Select exactly two result sets (Ctrl+click) to compare their medians"));
    m_machine = new QComboBox;
    m_machine->setObjectName(QStringLiteral("machine"));
    m_machine->setToolTip(tr("Show the sets of one machine (its label, else its host name)"));
    m_machine->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_open, m_rename, m_notes, m_delete, m_compareButton})
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(new QLabel(tr("Machine:")));
    buttons->addWidget(m_machine);

    m_details = new QLabel;
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compareTitle = new QLabel(tr("Select two result sets and press Compare two."));
    m_compareTitle->setWordWrap(true);
    auto *compareTable = new DataTable(m_compare);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_table, 1);
    topLayout->addWidget(m_details);
    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_compareTitle);
    bottomLayout->addWidget(compareTable, 1);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setContent(splitter);
    showContent();

    ResultSession *session = context.session;
    connect(session, &ResultSession::setsChanged, this, &HistoryPage::showSets);
    connect(m_machine, &QComboBox::activated, this, &HistoryPage::showSets);
    connect(m_table->view()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPage::updateButtons);
    connect(m_table->view(), &QTableView::doubleClicked, this, [this, session] {
        if (selectedIds().size() == 1)
            session->openResultSet(selectedIds().first());
    });
    connect(m_open, &QPushButton::clicked, this, [this, session] { session->openResultSet(selectedIds().first()); });
    connect(m_rename, &QPushButton::clicked, this, [this, session] {
        const qint64 id = selectedIds().first();
        const auto set = std::find_if(session->resultSets().begin(), session->resultSets().end(), [id](const ResultSetInfo &s) { return s.id == id; });
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename result set"), tr("Name of result set #%1:").arg(id), QLineEdit::Normal,
                                                   set != session->resultSets().end() ? set->name : QString(), &ok);
        if (ok)
            session->rename(id, name);
    });
    connect(m_notes, &QPushButton::clicked, this, [this, session] {
        const qint64 id = selectedIds().first();
        const auto set = std::find_if(session->resultSets().begin(), session->resultSets().end(), [id](const ResultSetInfo &s) { return s.id == id; });
        bool ok = false;
        const QString notes = QInputDialog::getMultiLineText(this, tr("Notes"), tr("Notes on result set #%1:").arg(id),
                                                             set != session->resultSets().end() ? set->notes : QString(), &ok);
        if (ok)
            session->setNotes(id, notes);
    });
    connect(m_delete, &QPushButton::clicked, this, [this, session] {
        const QList<qint64> ids = selectedIds();
        QStringList names;
        for (qint64 id : ids)
            names.append(QStringLiteral("#%1").arg(id));
        const auto answer = QMessageBox::question(this, tr("Delete result sets"),
                                                  tr("Delete result set(s) %1 with every sample? This cannot be undone.").arg(names.join(QStringLiteral(", "))),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        for (qint64 id : ids)
            session->remove(id);
    });
    connect(m_compareButton, &QPushButton::clicked, this, [this] {
        const QList<qint64> ids = selectedIds();
        compare(std::min(ids.at(0), ids.at(1)), std::max(ids.at(0), ids.at(1)));
    });
    updateButtons();
}

QList<qint64> HistoryPage::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_table->view()->selectionModel()->selectedRows()) {
        const QModelIndex source = m_table->proxy()->mapToSource(index);
        ids.append(m_model->rows().at(source.row()).id);
    }
    return ids;
}

void HistoryPage::updateButtons()
{
    const QList<qint64> ids = selectedIds();
    m_open->setEnabled(ids.size() == 1);
    m_rename->setEnabled(ids.size() == 1);
    m_notes->setEnabled(ids.size() == 1);
    m_delete->setEnabled(!ids.isEmpty());
    m_compareButton->setEnabled(ids.size() == 2);
    if (ids.size() != 1) {
        m_details->setText(ids.isEmpty() ? tr("Select a result set to see where and how it was measured.") : QString());
        return;
    }
    for (const ResultSetInfo &set : m_model->rows()) {
        if (set.id != ids.first())
            continue;
        const ForeignLoad load = ForeignLoad::fromEnvironment(set.environment);
        m_details->setText((load.flagged() ? tr("⚠ Measured under foreign load: %1.\n").arg(load.reasons.join(QStringLiteral("; "))) : QString())
                           + tr("Environment: %1\nParameters: %2%3")
                               .arg(QString::fromUtf8(QJsonDocument(set.environment).toJson(QJsonDocument::Compact)),
                                    QString::fromUtf8(QJsonDocument(set.parameters).toJson(QJsonDocument::Compact)),
                                    set.notes.isEmpty() ? QString() : tr("\nNotes: %1").arg(set.notes)));
    }
}

void HistoryPage::showSets()
{
    const QList<ResultSetInfo> &sets = context().session->resultSets();
    // The chooser offers every machine of the database; the one chosen stays chosen while it still has sets.
    const QString chosen = m_machine->currentData().toString();
    QStringList machines;
    for (const ResultSetInfo &set : sets) {
        if (!machines.contains(ResultSetTableModel::machine(set)))
            machines.append(ResultSetTableModel::machine(set));
    }
    machines.sort(Qt::CaseInsensitive);
    m_machine->clear();
    m_machine->addItem(tr("All machines (%1)").arg(machines.size()), QString());
    for (const QString &machine : std::as_const(machines))
        m_machine->addItem(machine, machine);
    m_machine->setCurrentIndex(std::max(0, m_machine->findData(chosen)));
    const QString machine = m_machine->currentData().toString();
    QList<ResultSetInfo> shown;
    for (const ResultSetInfo &set : sets) {
        if (machine.isEmpty() || ResultSetTableModel::machine(set) == machine)
            shown.append(set);
    }
    m_model->setRows(shown);
    if (sets.isEmpty())
        explain(tr("<p>This database holds no result set yet.</p><p>Run a suite (toolbar <b>Run</b>, Ctrl+R); it appears here as soon as it starts.</p>"));
    else
        showContent();
    updateButtons();
}

void HistoryPage::showSnapshot(const ResultSnapshot &snapshot)
{
    setSubtitle(tr("Every result set in %1. Select one to open it, two (Ctrl+click) to compare them. Open now: %2")
                    .arg(context().session->databasePath(), snapshot.isEmpty() ? tr("none") : ResultSetTableModel::title(snapshot.info)));
}

void HistoryPage::compare(qint64 first, qint64 second)
{
    m_compareTitle->setText(tr("Loading result sets #%1 and #%2…").arg(first).arg(second));
    struct Compared {
        QList<ResultChange> rows;
        QString title;
        QString error;
    };
    const QString path = context().session->databasePath();
    auto *watcher = new QFutureWatcher<Compared>(this);
    connect(watcher, &QFutureWatcher<Compared>::finished, this, [this, watcher, first, second] {
        watcher->deleteLater();
        const Compared compared = watcher->result();
        if (!compared.error.isEmpty()) {
            m_compareTitle->setText(tr("Cannot compare: %1").arg(compared.error));
            context().reportError(tr("Cannot compare result sets #%1 and #%2: %3").arg(first).arg(second).arg(compared.error));
            return;
        }
        m_compare->setRows(compared.rows);
        m_compareTitle->setText(compared.title);
        emit comparisonShown();
    });
    watcher->setFuture(QtConcurrent::run([path, first, second] {
        Compared compared;
        const ResultSnapshot a = ResultSession::load(path, first, &compared.error);
        if (!compared.error.isEmpty())
            return compared;
        const ResultSnapshot b = ResultSession::load(path, second, &compared.error);
        if (!compared.error.isEmpty())
            return compared;
        // Each change bootstraps one set's raw values against the other's, which stored analyses do not hold.
        const QList<SummaryRow> rowsA = a.timingsLoaded ? a.rows : ResultSession::measuredRows(path, first, &compared.error);
        if (!compared.error.isEmpty())
            return compared;
        const QList<SummaryRow> rowsB = b.timingsLoaded ? b.rows : ResultSession::measuredRows(path, second, &compared.error);
        if (!compared.error.isEmpty())
            return compared;
        compared.rows = ResultComparison::changes(rowsA, rowsB);
        compared.title = tr("First: %1 (%2)   Second: %3 (%4)")
                             .arg(ResultSetTableModel::title(a.info), a.info.status, ResultSetTableModel::title(b.info), b.info.status);
        return compared;
    }));
}

} // namespace showdown
