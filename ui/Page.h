#pragma once

#include "ChartFactory.h"
#include "ResultSnapshot.h"
#include "RunController.h"

#include <QWidget>

#include <functional>

class QLabel;
class QSplitter;
class QStackedWidget;

namespace showdown {

class Inventory;
class ResultSession;

/// What every page may use: the open result set, the runs, the machine's runtimes, and the window's
/// single way of showing errors and starting the quick suite.
struct PageContext {
    ResultSession *session = nullptr;
    RunController *runs = nullptr;
    Inventory *inventory = nullptr;
    std::function<void(const QString &)> reportError;
    std::function<void()> runQuickSuite;
    std::function<void()> showRunDialog;
    std::function<void()> showAddBenchmarks;
    /// Starts a run as the Run dialog's Start does (false: the reason went to reportError).
    std::function<bool(const RunRequest &)> startRun;
};

/// One page of the window. A page only renders the snapshot it is given; adding one is a line in
/// MainWindow's page list. The base shows a heading and either the page's content or a plain-words
/// explanation of what is missing.
class Page : public QWidget {
    Q_OBJECT
public:
    Page(const QString &title, const QString &subtitle, PageContext &context, QWidget *parent = nullptr);

    /// Redraws the page from `snapshot`; called whenever the open result set changes or grows.
    virtual void showSnapshot(const ResultSnapshot &snapshot) = 0;
    [[nodiscard]] QString title() const { return m_title; }
    /// The explanation on show, empty while the page shows data (tests and the report use it).
    [[nodiscard]] QString explanation() const;

protected:
    void showEvent(QShowEvent *event) override;
    [[nodiscard]] PageContext &context() { return m_context; }
    /// The page's palette; animated only for a finished set (a running one redraws every second).
    [[nodiscard]] ChartStyle chartStyle() const;
    /// The page's real content, shown unless an explanation replaces it.
    void setContent(QWidget *content);
    /// Replaces the content with a sentence or two saying what is missing and how to get it.
    void explain(const QString &text);
    void showContent();
    /// Charts above (tabs), tables below (tabs): the common layout of the data pages.
    [[nodiscard]] static QSplitter *chartsOverTables(const QList<QPair<QString, QWidget *>> &charts,
                                                     const QList<QPair<QString, QWidget *>> &tables);
    /// "Result set #3 · quick · complete · 2025-01-02 10:11": which run the page describes.
    [[nodiscard]] static QString describeSet(const ResultSnapshot &snapshot);
    void setSubtitle(const QString &text);

private:
    PageContext &m_context;
    QString m_title;
    QLabel *m_subtitle = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_explanation = nullptr;
    QWidget *m_content = nullptr;
    bool m_stale = true;  ///< a snapshot arrived while the page was hidden; redraw when it is shown
};

} // namespace showdown
