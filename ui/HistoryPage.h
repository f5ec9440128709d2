#pragma once

#include "Page.h"

class QLabel;
class QPushButton;

class QComboBox;

namespace showdown {

class CompareTableModel;
class DataTable;
class ResultSetTableModel;

/// Every result set in the database: open, rename, annotate, delete (after confirmation), and compare
/// any two side by side.
class HistoryPage : public Page {
    Q_OBJECT
public:
    explicit HistoryPage(PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

    [[nodiscard]] ResultSetTableModel *model() const { return m_model; }
    [[nodiscard]] DataTable *table() const { return m_table; }
    /// Loads two sets in the background and shows their rows side by side below the list.
    void compare(qint64 first, qint64 second);
    [[nodiscard]] CompareTableModel *compareModel() const { return m_compare; }
    /// "All machines" and each machine that measured a set here (a team store holds many): the list shows that
    /// machine's sets only.
    [[nodiscard]] QComboBox *machineChooser() const { return m_machine; }

signals:
    void comparisonShown();

private:
    [[nodiscard]] QList<qint64> selectedIds() const;
    void updateButtons();
    void showSets();

    ResultSetTableModel *m_model = nullptr;
    DataTable *m_table = nullptr;
    CompareTableModel *m_compare = nullptr;
    QLabel *m_compareTitle = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_notes = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_compareButton = nullptr;
    QComboBox *m_machine = nullptr;
};

} // namespace showdown
