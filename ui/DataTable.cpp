#include "DataTable.h"

#include "RowTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace showdown {

DataTable::DataTable(QAbstractItemModel *model, QWidget *parent) : QWidget(parent)
{
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(kSortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);  // match any column

    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter rows (any column)…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *copy = new QPushButton(tr("Copy as TSV"));
    copy->setToolTip(tr("Copies the selected rows, or every visible row, as tab-separated text (Ctrl+C)"));
    connect(copy, &QPushButton::clicked, this, &DataTable::copyToClipboard);

    m_view = new QTableView;
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // Rows keep the order they ran in until a header is clicked.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->verticalHeader()->hide();
    // Fitting columns to every row of a long table would stall the GUI thread on each live update.
    m_view->horizontalHeader()->setResizeContentsPrecision(60);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    connect(model, &QAbstractItemModel::modelReset, m_view, [this] { m_view->resizeColumnsToContents(); });

    auto *copyAction = new QAction(tr("Copy as TSV"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &DataTable::copyToClipboard);
    m_view->addAction(copyAction);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
}

QString DataTable::toTsv(bool selectionOnly) const
{
    std::set<int> selected;
    if (selectionOnly && m_view->selectionModel()) {
        for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
            selected.insert(index.row());
    }
    auto clean = [](QString text) { return text.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' ')); };
    QStringList lines;
    QStringList header;
    for (int column = 0; column < m_proxy->columnCount(); ++column)
        header.append(clean(m_proxy->headerData(column, Qt::Horizontal).toString()));
    lines.append(header.join(QLatin1Char('\t')));
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (!selected.empty() && !selected.contains(row))
            continue;
        QStringList cells;
        for (int column = 0; column < m_proxy->columnCount(); ++column)
            cells.append(clean(m_proxy->index(row, column).data().toString()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void DataTable::copyToClipboard()
{
    QApplication::clipboard()->setText(toTsv(true));
}

} // namespace showdown
