// Composition root: `showdown <verb>` is the headless CLI (no display needed); bare `showdown` opens the
// window, or, where there is no display at all, runs the quick suite and prints the results.

#include "Cli.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCoreApplication>

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

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "report") == 0) {
        // Verbs that draw charts need widgets but never a display: they run on the offscreen platform.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        describe(app);
        showdown::Cli cli;
        return cli.run(app.arguments());
    }
    if (argc > 1 || !hasDisplay()) {
        QCoreApplication app(argc, argv);
        describe(app);
        QStringList arguments = app.arguments();
        if (argc == 1) {
            fprintf(stderr, "showdown: no display; running the quick suite headless (`showdown --help` lists the verbs).\n");
            arguments << QStringLiteral("run") << QStringLiteral("--suite") << QStringLiteral("quick");
        }
        showdown::Cli cli;
        return cli.run(arguments);
    }
    QApplication app(argc, argv);
    describe(app);
    showdown::MainWindow window;
    window.show();
    return app.exec();
}
