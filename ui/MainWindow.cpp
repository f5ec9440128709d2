#include "MainWindow.h"

#include "AddBenchmarksDialog.h"
#include "AdoptionPage.h"
#include "AppSettings.h"
#include "DatabaseReference.h"
#include "DecisionPage.h"
#include "EcosystemPage.h"
#include "ErrorBanner.h"
#include "HistoryPage.h"
#include "Inventory.h"
#include "LoadSweepPage.h"
#include "MemoryPage.h"
#include "OverviewPage.h"
#include "PerformancePage.h"
#include "ReportExport.h"
#include "ResultSession.h"
#include "ResultSetFile.h"
#include "ResultSetTableModel.h"
#include "RunDialog.h"
#include "ScalingPage.h"
#include "SettingsDialog.h"
#include "UserBenchmarksPage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace showdown {
namespace {

/// The pages, in order. Adding a page is one line here.
struct PageEntry {
    std::function<Page *(PageContext &)> make;
};

QList<PageEntry> pageList()
{
    return {
        {[](PageContext &c) { return new OverviewPage(c); }},
        {[](PageContext &c) { return new PerformancePage(c); }},
        {[](PageContext &c) { return new LoadSweepPage(LoadSweepPage::Kind::Http, c); }},
        {[](PageContext &c) { return new ScalingPage(c); }},
        {[](PageContext &c) { return new LoadSweepPage(LoadSweepPage::Kind::Chat, c); }},
        {[](PageContext &c) { return new MemoryPage(c); }},
        {[](PageContext &c) { return new EcosystemPage(c); }},
        {[](PageContext &c) { return new AdoptionPage(c); }},
        {[](PageContext &c) { return new DecisionPage(c); }},
        {[](PageContext &c) { return new HistoryPage(c); }},
        {[](PageContext &c) { return new UserBenchmarksPage(c); }},
    };
}

bool acceptableFile(const QMimeData *mime, QString *path)
{
    if (!mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return false;
    *path = mime->urls().first().toLocalFile();
    return QFileInfo(*path).isFile();
}

QString formatEta(qint64 ms)
{
    if (ms < 0)
        return QObject::tr("estimating…");
    const qint64 seconds = (ms + 999) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

MainWindow::MainWindow(const QString &databasePath, QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Showdown — Node.js vs Python, measured here"));
    setAcceptDrops(true);
    m_session = new ResultSession(this);
    m_runs = new RunController(this);
    m_inventory = new Inventory(this);
    m_banner = new ErrorBanner;
    m_context.session = m_session;
    m_context.runs = m_runs;
    m_context.inventory = m_inventory;
    m_context.reportError = [this](const QString &message) { reportError(message); };
    m_context.runQuickSuite = [this] {
        RunRequest request;
        request.suite = QStringLiteral("quick");
        request.runtimes = m_inventory->defaultSelection();
        request.timeoutSeconds = AppSettings::timeoutSeconds();
        startRun(request);
    };
    m_context.showRunDialog = [this] { showRunDialog(); };
    m_context.showAddBenchmarks = [this] { showAddBenchmarks(); };
    m_context.startRun = [this](const RunRequest &request) { return startRun(request); };

    createActions();
    createPages();
    connectRuns();
    connect(m_session, &ResultSession::errorOccurred, this, &MainWindow::reportError);
    connect(m_session, &ResultSession::snapshotChanged, this, &MainWindow::updateStatus);
    connect(m_session, &ResultSession::databaseOpened, this, [this](const QString &path) {
        if (QFileInfo::exists(path))  // a database Settings named anew joins the list once a run has made it
            AppSettings::addRecentFile(path);
        updateStatus();
    });
    connect(m_inventory, &Inventory::refreshed, this, [this] {
        if (!m_inventory->catalogError().isEmpty())
            reportError(tr("The benchmark list could not be read, so nothing can run: %1").arg(m_inventory->catalogError()));
    });

    const QString path = databasePath.isEmpty() ? AppSettings::databasePath() : databasePath;
    m_session->openDatabase(path);
    m_inventory->refresh();
    updateStatus();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QStyle *style = QApplication::style();
    m_run = new QAction(style->standardIcon(QStyle::SP_MediaPlay), tr("&Run…"), this);
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_run->setToolTip(tr("Choose a suite, runtimes and benchmarks, and run them (Ctrl+R)"));
    connect(m_run, &QAction::triggered, this, &MainWindow::showRunDialog);
    auto *addBenchmarks = new QAction(style->standardIcon(QStyle::SP_FileDialogNewFolder), tr("&Add benchmarks…"), this);
    addBenchmarks->setToolTip(tr("Check and run your own benchmarks: a definition file, a folder holding showdown.json, or one written here"));
    connect(addBenchmarks, &QAction::triggered, this, &MainWindow::showAddBenchmarks);
    m_runQuick = new QAction(tr("Run &quick suite"), this);
    m_runQuick->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_runQuick, &QAction::triggered, this, [this] { m_context.runQuickSuite(); });
    m_stop = new QAction(style->standardIcon(QStyle::SP_MediaStop), tr("&Stop"), this);
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stop->setToolTip(tr("Stop the run now; the running process is killed (Ctrl+.)"));
    m_stop->setEnabled(false);
    connect(m_stop, &QAction::triggered, m_runs, &RunController::stop);
    m_open = new QAction(style->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setToolTip(tr("Open another Showdown database or .showdown file (Ctrl+O); dropping one on the window works too"));
    connect(m_open, &QAction::triggered, this, &MainWindow::chooseDatabase);
    // The list is read when the menu opens, so it is current however the files got there, and a file that
    // went away meanwhile shows as missing.
    m_recent = new QMenu(tr("Open &recent"), this);
    m_recent->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recent, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    m_export = new QAction(style->standardIcon(QStyle::SP_DialogSaveButton), tr("&Export…"), this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setToolTip(tr("Save the open result set as JSON or CSV (Ctrl+E)"));
    connect(m_export, &QAction::triggered, this, [this] { exportResultSet(ReportExport::Format::Data); });
    // Both act on the open result set; the snapshot already holds every sample, so nothing is re-read.
    auto *exportPdf = new QAction(tr("Export PDF &report…"), this);
    exportPdf->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(exportPdf, &QAction::triggered, this, [this] { exportResultSet(ReportExport::Format::Pdf); });
    auto *exportHtml = new QAction(tr("Export &HTML report…"), this);
    exportHtml->setToolTip(tr("One interactive page with the PDF's sections, for any browser and offline"));
    connect(exportHtml, &QAction::triggered, this, [this] { exportResultSet(ReportExport::Format::Html); });
    auto *saveFile = new QAction(tr("&Save as .showdown file…"), this);
    saveFile->setShortcut(QKeySequence::SaveAs);
    connect(saveFile, &QAction::triggered, this, [this] { exportResultSet(ReportExport::Format::Showdown); });
    auto *settings = new QAction(tr("&Settings…"), this);
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setMovable(false);
    toolbar->addActions({m_run, addBenchmarks, m_stop, m_open, m_export});
    if (auto *openButton = qobject_cast<QToolButton *>(toolbar->widgetForAction(m_open))) {
        openButton->setMenu(m_recent);
        openButton->setPopupMode(QToolButton::MenuButtonPopup);
    }

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_open);
    file->addMenu(m_recent);
    file->addAction(m_export);
    file->addAction(exportPdf);
    file->addAction(exportHtml);
    file->addAction(saveFile);
    file->addSeparator();
    file->addAction(settings);
    file->addSeparator();
    file->addAction(quit);
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addActions({m_run, m_runQuick, addBenchmarks, m_stop});
}

void MainWindow::createPages()
{
    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(190);
    m_navigation->setSpacing(2);
    m_stack = new QStackedWidget;
    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<PageEntry> entries = pageList();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        Page *page = entries.at(i).make(m_context);
        m_pages.append(page);
        m_stack->addWidget(page);
        // Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth page.
        const QKeySequence shortcut = i < 10 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + (i + 1) % 10)) : QKeySequence();
        auto *item = new QListWidgetItem(page->title());
        item->setToolTip(shortcut.toString(QKeySequence::NativeText));
        item->setSizeHint(QSize(0, 30));
        m_navigation->addItem(item);
        auto *action = view->addAction(page->title());
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, [this, i] { showPage(int(i)); });
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *central = new QWidget;
    auto *right = new QVBoxLayout;
    right->addWidget(m_banner);
    right->addWidget(m_stack, 1);
    auto *layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    m_setLabel = new QLabel;
    m_progressLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_progressLabel->hide();
    statusBar()->addWidget(m_setLabel, 1);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progress);
}

void MainWindow::showPage(int index)
{
    m_navigation->setCurrentRow(index);
}

void MainWindow::connectRuns()
{
    connect(m_runs, &RunController::started, this, [this](qint64 id, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(0);
        m_session->refreshSets();
        m_session->openResultSet(id);
    });
    connect(m_runs, &RunController::progressed, this,
            [this](int done, int total, const QString &next, bool lastValid, const QString &lastError, bool benchmarkEnded) {
        m_progress->setValue(done);
        m_progressLabel->setText(next.isEmpty() ? tr("%1/%2 processes").arg(done).arg(total)
                                                : tr("%1 · %2/%3 · ETA %4").arg(next).arg(done).arg(total).arg(formatEta(m_runs->etaMs())));
        if (!lastValid)
            m_runErrors.append(lastError);
        // Live view: read what is new when a benchmark is complete, or after a while within a long one; the
        // reading and the cheap summaries happen on a pool thread, the full analysis once the run has ended.
        if (done > 0 && m_session->currentId() == m_runs->resultSetId() && (benchmarkEnded || m_liveRead.hasExpired(kLiveReadMs))) {
            m_liveRead.start();
            m_session->readNew();
        }
    });
    connect(m_runs, &RunController::waited, this, [this](const QString &message) {
        m_progressLabel->setText(tr("Waiting for the machine: %1").arg(message));
    });
    connect(m_runs, &RunController::skipped, this, [this](const QStringList &reasons) {
        reportError(tr("%n benchmark variant(s) cannot run with the chosen runtimes and were skipped: %1", "", int(reasons.size()))
                        .arg(reasons.join(QStringLiteral("; "))));
    });
    connect(m_runs, &RunController::finished, this, [this](qint64 id, const QString &status, const QString &error) {
        m_run->setEnabled(true);
        m_runQuick->setEnabled(true);
        m_stop->setEnabled(false);
        m_progress->hide();
        m_progressLabel->hide();
        if (!error.isEmpty())
            reportError(error);
        else if (!m_runErrors.isEmpty())
            reportError(tr("%n process(es) failed in this run; each is listed with its error in Performance ▸ Processes. First: %1", "",
                           int(m_runErrors.size()))
                            .arg(m_runErrors.first()));
        if (id != 0) {
            statusBar()->showMessage(tr("Result set #%1 %2.").arg(id).arg(status), 10000);
            m_session->refreshSets();
            m_session->openResultSet(id);
        }
    });
}

bool MainWindow::startRun(const RunRequest &request)
{
    if (!m_inventory->ready()) {
        reportError(tr("Still looking for runtimes and benchmarks; try again in a moment."));
        return false;
    }
    if (!m_inventory->catalog()) {
        reportError(tr("Nothing can run: the benchmark list could not be read (%1).").arg(m_inventory->catalogError()));
        return false;
    }
    if (m_session->databasePath().isEmpty()) {
        reportError(tr("No database is open; open one (Ctrl+O) or fix the path in Settings."));
        return false;
    }
    if (ResultSetFile::isSavedFile(m_session->databasePath())) {
        reportError(tr("%1 is a saved result file, open only to read: a run would change it. Open your own database "
                       "(File ▸ Open recent, or Settings) and run there.")
                        .arg(m_session->databasePath()));
        return false;
    }
    QString error;
    if (!m_runs->start(request, m_session->databasePath(), &error)) {
        reportError(error);
        return false;
    }
    m_runErrors.clear();
    m_run->setEnabled(false);
    m_runQuick->setEnabled(false);
    m_stop->setEnabled(true);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_progressLabel->setText(!request.benchmarks.isEmpty() || !request.rerun.isEmpty() ? tr("Starting your benchmarks…")
                                                                                     : tr("Starting the %1 suite…").arg(request.suite));
    m_liveRead.start();
    m_progressLabel->show();
    return true;
}

void MainWindow::showRunDialog()
{
    if (!m_inventory->ready()) {
        reportError(tr("Still looking for runtimes and benchmarks; try again in a moment."));
        return;
    }
    auto *dialog = new RunDialog(*m_inventory, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startRun(dialog->request()); });
    dialog->open();
}

void MainWindow::showAddBenchmarks()
{
    if (!m_inventory->ready())
        return reportError(tr("Still looking for runtimes; try again in a moment."));
    RunRequest base;
    base.runtimes = m_inventory->defaultSelection();
    base.timeoutSeconds = AppSettings::timeoutSeconds();
    auto *dialog = new AddBenchmarksDialog(base, [this](const QString &message) { reportError(message); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startRun(dialog->request()); });
    dialog->open();
}

void MainWindow::openDatabase(const QString &path)
{
    if (m_runs->running()) {
        reportError(tr("A run is writing to the current database; stop it before opening another."));
        return;
    }
    m_session->openDatabase(DatabaseReference::isServerUrl(path) ? path : QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
}

void MainWindow::openFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        AppSettings::removeRecentFile(path);
        reportError(tr("%1 no longer exists (moved, renamed or deleted?); it has left the recent files. "
                       "Open it from where it is now (Ctrl+O).")
                        .arg(info.absoluteFilePath()));
        return;
    }
    openDatabase(path);
}

void MainWindow::chooseDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Showdown database"), QFileInfo(m_session->databasePath()).absolutePath(),
                                                      tr("Showdown databases (*.sqlite *.showdown *.db);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::updateRecentMenu()
{
    m_recent->clear();
    const QStringList files = AppSettings::recentFiles();
    const QString home = QDir::homePath();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        const QFileInfo info(file);
        QString folder = QDir::toNativeSeparators(info.absolutePath());
        if (folder.startsWith(home))
            folder = QLatin1Char('~') + folder.mid(home.size());
        // &1 … &9, &0: the first ten open from the keyboard.
        QString text = tr("&%1  %2   (%3)").arg((i + 1) % 10).arg(info.fileName(), folder);
        const bool present = info.exists();
        if (!present)
            text += tr(" — missing");
        QAction *action = m_recent->addAction(text);
        action->setToolTip(file);
        action->setStatusTip(present ? file : tr("%1 no longer exists").arg(file));
        action->setEnabled(present);
        connect(action, &QAction::triggered, this, [this, file] { openFile(file); });
    }
    if (files.isEmpty())
        m_recent->addAction(tr("No recent files"))->setEnabled(false);
    m_recent->addSeparator();
    QAction *clear = m_recent->addAction(tr("&Clear recent"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [] { AppSettings::clearRecentFiles(); });
}

void MainWindow::updateStatus()
{
    const ResultSnapshot &snapshot = m_session->snapshot();
    QString database = m_session->databasePath().isEmpty() ? tr("opening…") : m_session->databasePath();
    if (ResultSetFile::isSavedFile(database))
        database = tr("%1 (read-only)").arg(database);
    m_setLabel->setText(snapshot.isEmpty() ? tr("No result set open · Database: %1").arg(database)
                                           : tr("Result set: %1 (%2, %3) · Database: %4")
                                                 .arg(ResultSetTableModel::title(snapshot.info), snapshot.info.suite, snapshot.info.status, database));
    m_export->setEnabled(!snapshot.isEmpty());
    setWindowTitle(tr("Showdown — %1").arg(QFileInfo(database).fileName()));
}

void MainWindow::exportResultSet(ReportExport::Format format)
{
    const ResultSnapshot &snapshot = m_session->snapshot();
    if (snapshot.isEmpty())
        return reportError(tr("Open a result set first."));
    const QString name = QStringLiteral("showdown-%1").arg(snapshot.info.uuid.left(8));
    QString path;
    switch (format) {
    case ReportExport::Format::Pdf:
        path = QFileDialog::getSaveFileName(this, tr("Export PDF report"), name + QStringLiteral(".pdf"), tr("PDF (*.pdf)"));
        break;
    case ReportExport::Format::Html:
        path = QFileDialog::getSaveFileName(this, tr("Export HTML report"), name + QStringLiteral(".html"), tr("HTML (*.html *.htm)"));
        break;
    case ReportExport::Format::Showdown:
        path = QFileDialog::getSaveFileName(this, tr("Save as .showdown file"), name + QStringLiteral(".showdown"),
                                            tr("Showdown results (*.showdown)"));
        break;
    case ReportExport::Format::Data:
        path = QFileDialog::getSaveFileName(this, tr("Export result set"), name + QStringLiteral(".json"), tr("JSON (*.json);;CSV (*.csv)"));
        break;
    }
    if (path.isEmpty())
        return;
    auto done = [this, path](const QString &error) {
        if (!error.isEmpty())
            reportError(error);
        else
            statusBar()->showMessage(tr("Saved %1").arg(path), 10000);
    };
    statusBar()->showMessage(tr("Writing %1…").arg(path));
    ReportExport::write(format, m_session->databasePath(), snapshot.info.uuid, path, this, done);
}

void MainWindow::openSettings()
{
    QStringList suites;
    if (m_inventory->catalog())
        suites = m_inventory->catalog()->suites();
    SettingsDialog dialog(suites, this);
    dialog.setKnownRuntimes(m_inventory->runtimes());
    if (dialog.exec() != QDialog::Accepted)
        return;
    dialog.save();
    if (dialog.databasePath() != m_session->databasePath() && !dialog.databasePath().isEmpty())
        openDatabase(dialog.databasePath());
    m_inventory->refresh();  // the extra interpreters may have changed
}

void MainWindow::reportError(const QString &message)
{
    m_banner->showError(message);
    statusBar()->showMessage(message, 10000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The run's child is asked to stop now (as Ctrl+C would), so it records its set as interrupted while the
    // window closes; the controller's destructor gives it a grace period, then kills it.
    m_runs->stop();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    QString path;
    if (acceptableFile(event->mimeData(), &path))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QString path;
    if (!acceptableFile(event->mimeData(), &path))
        return;
    event->acceptProposedAction();
    openFile(path);
}

} // namespace showdown
