#pragma once

#include <QMainWindow>

class QLabel;
class QTableWidget;

namespace showdown {

/// The first window: the result sets stored in the database and the statistics of the chosen one.
/// Everything is read off the GUI thread; the window only ever waits on signals.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createLayout();
    void loadResultSets();
    void loadRows(qint64 resultSetId);
    void showError(const QString &message);

    QString m_databasePath;
    QLabel *m_header = nullptr;
    QTableWidget *m_sets = nullptr;
    QTableWidget *m_rows = nullptr;
};

} // namespace showdown
