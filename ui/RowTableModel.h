#pragma once

#include <QAbstractTableModel>
#include <QBrush>
#include <QColor>
#include <QList>
#include <QString>

#include <functional>

namespace showdown {

/// Role carrying a cell's sort key (a number where the text is a formatted number), so sorting by
/// "1.20 s" vs "950 ms" orders by value, not by text.
constexpr int kSortRole = Qt::UserRole + 1;

/// A read-only table over a list of plain rows, described column by column. The same rows feed the
/// charts (one model, two views), so a table and its chart can never disagree.
template <typename Row>
class RowTableModel : public QAbstractTableModel {
public:
    /// How one column shows a row: its text, the key it sorts by, and an optional tooltip.
    struct Column {
        QString title;
        std::function<QString(const Row &)> text;
        std::function<QVariant(const Row &)> sortKey;  ///< empty: sort by the text
        QString headerTip;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    [[nodiscard]] const QList<Row> &rows() const { return m_rows; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_columns.size()); }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
            return {};
        const Row &row = m_rows.at(index.row());
        const Column &column = m_columns.at(index.column());
        switch (role) {
        case Qt::DisplayRole:
            return column.text(row);
        case kSortRole:
            return column.sortKey ? column.sortKey(row) : QVariant(column.text(row));
        case Qt::ToolTipRole:
            return m_problem && !m_problem(row).isEmpty() ? QVariant(m_problem(row)) : QVariant(column.text(row));
        case Qt::ForegroundRole:
            // Failed rows stay in the table, marked, never dropped.
            return m_problem && !m_problem(row).isEmpty() ? QVariant(QBrush(QColor(0xc6, 0x28, 0x28))) : QVariant();
        default:
            return {};
        }
    }

    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
            return QAbstractTableModel::headerData(section, orientation, role);
        if (role == Qt::DisplayRole)
            return m_columns.at(section).title;
        if (role == Qt::ToolTipRole && !m_columns.at(section).headerTip.isEmpty())
            return m_columns.at(section).headerTip;
        return {};
    }

protected:
    void setColumns(QList<Column> columns) { m_columns = std::move(columns); }
    /// A row's failure, shown in red with the message as its tooltip; empty for a healthy row.
    void setProblem(std::function<QString(const Row &)> problem) { m_problem = std::move(problem); }

private:
    QList<Row> m_rows;
    QList<Column> m_columns;
    std::function<QString(const Row &)> m_problem;
};

} // namespace showdown
