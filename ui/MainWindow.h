#pragma once

#include <QMainWindow>

#include <functional>

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
    struct Loaded;
    /// Reads the result sets (id 0) or one set's rows on a pool thread.
    [[nodiscard]] static Loaded load(const QString &path, qint64 resultSetId);
    /// Runs load() in the background and hands its result to `apply` on the GUI thread.
    void fetch(qint64 resultSetId, const std::function<void(const Loaded &)> &apply);
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
