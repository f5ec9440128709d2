#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace showdown {

/// A table as every page shows one: a filter box, header-click sorting by value, and Ctrl+C / a button
/// that copies the visible rows (or the selection) as tab-separated text for spreadsheets.
class DataTable : public QWidget {
    Q_OBJECT
public:
    explicit DataTable(QAbstractItemModel *model, QWidget *parent = nullptr);

    /// The rows as shown (filtered and sorted), tab-separated with a header line.
    [[nodiscard]] QString toTsv(bool selectionOnly = false) const;
    void copyToClipboard();
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QSortFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QLineEdit *filter() const { return m_filter; }

private:
    QLineEdit *m_filter = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace showdown
