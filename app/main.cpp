// Composition root: `showdown <verb>` is the headless CLI (no display needed); bare `showdown` opens the
// window, or, where there is no display at all, runs the quick suite, prints the results and writes its PDF report.
// `showdown FILE` and `showdown --db FILE [--new]` open the window on a file (LaunchRequest tells them apart).

#include "Cli.h"
#include "LaunchRequest.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void describe(QCoreApplication &app)
{
    app.setApplicationName(QStringLiteral("Showdown"));
    app.setOrganizationName(QStringLiteral("Showdown"));
    app.setApplicationVersion(QStringLiteral(SHOWDOWN_VERSION));
}

/// `run ... --pdf FILE` draws a report after the run, so it needs widgets (offscreen) like `report`.
bool wantsPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--pdf") == 0 || qstrncmp(argv[i], "--pdf=", 6) == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList words;
    for (int i = 0; i < argc; ++i)
        words.append(QString::fromLocal8Bit(argv[i]));
    const showdown::LaunchRequest launch = showdown::LaunchRequest::parse(words);
    const bool opensFile = launch.kind() == showdown::LaunchRequest::Kind::OpenFile || launch.kind() == showdown::LaunchRequest::Kind::OpenDatabase;
    if (opensFile) {
        // Said before any window, and said the same with or without a display.
        if (const QString problem = launch.problem(); !problem.isEmpty()) {
            fprintf(stderr, "showdown: %s\n", qPrintable(problem));
            return showdown::Cli::Usage;
        }
        if (!hasDisplay()) {
            fprintf(stderr, "showdown: %s\n", qPrintable(launch.noDisplayMessage()));
            return showdown::Cli::Failure;
        }
    }
    const bool headlessDefault = launch.kind() == showdown::LaunchRequest::Kind::Window && !hasDisplay();
    const bool toCli = launch.kind() == showdown::LaunchRequest::Kind::Cli;
    if ((toCli && (qstrcmp(argv[1], "report") == 0 || wantsPdf(argc, argv))) || headlessDefault) {
        // Verbs that draw charts need widgets but never a display: they run on the offscreen platform.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        describe(app);
        QStringList arguments = app.arguments();
        if (headlessDefault) {
            const QString pdf = QStringLiteral("showdown-quick-%1.pdf").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
            fprintf(stderr, "showdown: no display; running the quick suite headless and writing its report to %s "
                            "(`showdown --help` lists the verbs).\n", qPrintable(pdf));
            arguments << QStringLiteral("run") << QStringLiteral("--suite") << QStringLiteral("quick") << QStringLiteral("--pdf") << pdf;
        }
        showdown::Cli cli;
        return cli.run(arguments);
    }
    if (toCli) {
        QCoreApplication app(argc, argv);
        describe(app);
        showdown::Cli cli;
        return cli.run(app.arguments());
    }
    QApplication app(argc, argv);
    describe(app);
    showdown::MainWindow window(launch.databasePath());
    window.show();
    launch.openIn(window);
    return app.exec();
}
