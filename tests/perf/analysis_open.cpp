// How long the window takes to open a result set, measured the way a user meets it: a fresh window on a
// database, until the set's snapshot has arrived and its Performance page (tables and charts) is drawn.
//   analysis_open DATABASE ID
// Prints one line: "window open: <seconds> s (snapshot <seconds> s, <n> processes, analysis stored|computed)".
// tests/perf/analysis_scale.sh runs it on a set of 1,000,000 samples against the 2 s target.

#include "MainWindow.h"
#include "Page.h"
#include "ResultSession.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <unistd.h>

using namespace showdown;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("ShowdownPerf"));
    app.setApplicationName(QStringLiteral("ShowdownPerf"));
    const QStringList arguments = app.arguments();
    bool numeric = false;
    const qint64 id = arguments.value(2).toLongLong(&numeric);
    if (arguments.size() != 3 || !numeric) {
        fprintf(stderr, "usage: analysis_open DATABASE ID\n");
        return 2;
    }
    QElapsedTimer clock;
    clock.start();
    MainWindow window(arguments.at(1));
    window.resize(1280, 800);
    window.show();
    ResultSession *session = window.session();
    const double constructedSeconds = double(clock.nsecsElapsed()) / 1e9;
    double listedSeconds = 0;
    QObject::connect(session, &ResultSession::setsChanged, [&] {
        if (listedSeconds == 0)
            listedSeconds = double(clock.nsecsElapsed()) / 1e9;
    });
    // The window opens the newest set by itself; any other is opened as History would.
    bool asked = false;
    while (clock.elapsed() < 120000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!asked && !session->databasePath().isEmpty() && session->currentId() != id && !session->loading()) {
            session->openResultSet(id);
            asked = true;
        }
        if (session->currentId() == id && !session->loading())
            break;
    }
    if (session->currentId() != id) {
        fprintf(stderr, "result set %lld did not open within 120 s\n", id);
        return 1;
    }
    const double snapshotSeconds = double(clock.nsecsElapsed()) / 1e9;
    for (qsizetype i = 0; i < window.pages().size(); ++i) {
        if (window.pages().at(i)->title() == QObject::tr("Performance"))
            window.showPage(int(i));
    }
    // Charts are built after the page is shown; a few passes of the event loop draw them.
    for (int pass = 0; pass < 5; ++pass)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    window.repaint();
    const double shownSeconds = double(clock.nsecsElapsed()) / 1e9;
    const ResultSnapshot &snapshot = session->snapshot();
    printf("window open: %.2f s (window built %.2f s, sets listed %.2f s, snapshot %.2f s; %lld processes, analysis %s)\n",
           shownSeconds, constructedSeconds, listedSeconds, snapshotSeconds, qint64(snapshot.samples.size()),
           snapshot.timingsLoaded ? "computed from every sample" : "stored with the set");
    fflush(stdout);
    _exit(0);  // background work (the claims) need not finish for this measurement
}
