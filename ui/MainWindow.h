#pragma once

#include "Page.h"
#include "ReportExport.h"
#include "RunController.h"

#include <QElapsedTimer>
#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace showdown {

class ErrorBanner;
class Inventory;
class ResultSession;

/// The dashboard: a page per comparison (side list, Ctrl+1…0), a toolbar to run, stop, open and export,
/// and a status bar naming the open result set and database. Runs happen on a worker thread; every read
/// of the database happens on a pool thread, so the window never waits on a child, a file or a socket.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// @param databasePath empty: SHOWDOWN_DB, then Settings, then the default location.
    explicit MainWindow(const QString &databasePath = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts a run as the Run dialog would; false with the reason shown in the error banner.
    bool startRun(const RunRequest &request);
    /// Opens the Run dialog (non-modal); its Start begins the run.
    void showRunDialog();
    /// Opens "Add benchmarks…" (non-modal): a definition file is checked, and its Run begins a run of it.
    void showAddBenchmarks();
    /// Switches to another database file; a bad file is refused with the error shown and nothing changed.
    /// A file that does not exist yet reads as an empty database (Settings may name a new one).
    void openDatabase(const QString &path);
    /// The one way a file the user picked is opened (`showdown FILE`, Open…, a drop, Open recent): a missing
    /// file is said so in the banner (and leaves the recent list), anything else goes to openDatabase(). A
    /// .showdown file is only read; once open, it heads the recent list.
    void openFile(const QString &path);
    /// File → Open recent, rebuilt each time it is shown.
    [[nodiscard]] QMenu *recentMenu() const { return m_recent; }

    [[nodiscard]] ResultSession *session() const { return m_session; }
    [[nodiscard]] RunController *runController() const { return m_runs; }
    [[nodiscard]] Inventory *inventory() const { return m_inventory; }
    [[nodiscard]] ErrorBanner *errorBanner() const { return m_banner; }
    [[nodiscard]] const QList<Page *> &pages() const { return m_pages; }
    [[nodiscard]] QListWidget *navigation() const { return m_navigation; }
    [[nodiscard]] QAction *stopAction() const { return m_stop; }
    [[nodiscard]] QAction *runAction() const { return m_run; }
    /// Shows the page at `index` of the page list.
    void showPage(int index);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createPages();
    void createActions();
    void connectRuns();
    void updateStatus();
    void updateRecentMenu();
    /// Export… (JSON or CSV), Export PDF report…, Export HTML report… and Save as .showdown file… of the open result set.
    void exportResultSet(ReportExport::Format format);
    void openSettings();
    void chooseDatabase();
    void reportError(const QString &message);

    PageContext m_context;
    ResultSession *m_session = nullptr;
    RunController *m_runs = nullptr;
    Inventory *m_inventory = nullptr;
    ErrorBanner *m_banner = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Page *> m_pages;
    QAction *m_run = nullptr;
    QAction *m_runQuick = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_open = nullptr;
    QAction *m_export = nullptr;
    QMenu *m_recent = nullptr;
    QLabel *m_setLabel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    /// Since the live view last read the running set; within a long benchmark it reads at most this often.
    QElapsedTimer m_liveRead;
    static constexpr qint64 kLiveReadMs = 5000;
    QStringList m_runErrors;
};

} // namespace showdown
