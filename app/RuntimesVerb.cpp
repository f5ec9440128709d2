#include "RuntimesVerb.h"

#include "InterruptWatcher.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "RuntimeInstaller.h"
#include "VerbArguments.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <unistd.h>

namespace showdown {
namespace {

const QString kVerb = QStringLiteral("runtimes");

int listInstalled(const RuntimeInstaller &installer, bool json, QTextStream &out)
{
    const QList<RuntimeInstaller::Installed> runtimes = installer.installed();
    if (json) {
        QJsonArray list;
        for (const RuntimeInstaller::Installed &runtime : runtimes)
            list.append(runtime.toJson());
        out << QJsonDocument(QJsonObject{{QStringLiteral("folder"), installer.folder()}, {QStringLiteral("installed"), list}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (runtimes.isEmpty())
        out << "Showdown has installed no runtime yet (in " << installer.folder() << "). Add one with `showdown runtimes install NAME`: "
            << RuntimePackage::namesHelp() << ".\n";
    for (const RuntimeInstaller::Installed &runtime : runtimes)
        out << runtime.id().leftJustified(20) << " " << runtime.executable << "\n";
    return 0;
}

/// Debian packages are system-wide: Showdown says the command, and runs it only as root when told to.
int installFromApt(const RuntimePackage &package, bool yes, QTextStream &out, QTextStream &err)
{
    const QString found = QStandardPaths::findExecutable(package.executable);
    if (!found.isEmpty()) {
        out << package.name << " is already installed: " << found << "\n";
        return 0;
    }
    const QStringList command = package.aptCommand();
    const bool root = geteuid() == 0;
    if (!root || !yes) {
        return VerbArguments::fail(err, kVerb,
                                   QStringLiteral("%1 is a Debian package, installed system-wide rather than into Showdown's folder. Install "
                                                  "it with:\n  %2%3\n%4")
                                       .arg(package.name, root ? QString() : QStringLiteral("sudo "), command.join(QLatin1Char(' ')),
                                            root ? QStringLiteral("or let Showdown run it: showdown runtimes install %1 --yes").arg(package.name)
                                                 : QStringLiteral("then `showdown runtimes` lists it.")));
    }
    const QString aptGet = QStandardPaths::findExecutable(command.first());
    if (aptGet.isEmpty())
        return VerbArguments::fail(err, kVerb, QStringLiteral("apt-get is not on PATH: this is not a Debian-like system; install %1 with "
                                                              "your system's package manager").arg(package.name));
    out << "Running " << command.join(QLatin1Char(' ')) << "…\n";
    out.flush();
    ProcessRunner runner(ResourceLocator::execHelper());
    InterruptWatcher watcher;
    ProcessSpec spec;
    spec.program = aptGet;
    spec.arguments = command.mid(1);
    spec.timeout = std::chrono::minutes(30);
    spec.environment.insert(QStringLiteral("DEBIAN_FRONTEND"), QStringLiteral("noninteractive"));
    const ProcessResult result = runner.run(spec, watcher.token());
    if (!result.succeeded()) {
        const QString tail = QString::fromUtf8(result.stderrTail).trimmed().section(QLatin1Char('\n'), -3);
        return VerbArguments::fail(err, kVerb, QStringLiteral("%1 failed (%2)%3; if the package list is stale, run `apt-get update` and try again")
                                                   .arg(command.join(QLatin1Char(' ')), result.error.isEmpty() ? QStringLiteral("exit code %1").arg(result.exitCode) : result.error,
                                                        tail.isEmpty() ? QString() : QStringLiteral(": ") + tail));
    }
    out << "Installed " << package.name << " with apt-get: " << QStandardPaths::findExecutable(package.executable) << "\n";
    return 0;
}

int install(const QString &name, bool yes, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::optional<RuntimePackage::Request> request = RuntimePackage::parse(name, &error);
    if (!request)
        return VerbArguments::fail(err, kVerb, error, 2);
    if (request->package.source == RuntimePackage::Source::Apt)
        return installFromApt(request->package, yes, out, err);
    ProcessRunner runner(ResourceLocator::execHelper());
    RuntimeInstaller installer(runner);
    InterruptWatcher watcher;  // Ctrl+C or the window's Stop: the child is killed and the temporary folder deleted
    QElapsedTimer clock;
    clock.start();
    const RuntimeInstaller::Outcome outcome = installer.install(*request, watcher.token(), [&](const QString &line) {
        out << line << "\n";
        out.flush();
    });
    switch (outcome.status) {
    case RuntimeInstaller::Outcome::Status::Failed:
        return VerbArguments::fail(err, kVerb, QStringLiteral("installing %1: %2").arg(request->label(), outcome.error));
    case RuntimeInstaller::Outcome::Status::AlreadyInstalled:
        out << outcome.runtime.name << " " << outcome.runtime.version << " is already installed in " << outcome.runtime.folder
            << "; nothing to do.\n";
        return 0;
    case RuntimeInstaller::Outcome::Status::Installed:
        out << "Installed " << outcome.runtime.name << " " << outcome.runtime.version << " (" << outcome.runtime.package << ", "
            << QString::number(double(outcome.downloadBytes) / 1e6, 'f', 1) << " MB download, "
            << QString::number(double(clock.elapsed()) / 1000.0, 'f', 1) << " s) in " << outcome.runtime.folder << "; run benchmarks on it with --runtime " << outcome.runtime.executable << "\n";
        return 0;
    }
    return 1;
}

int remove(const QString &name, QTextStream &out, QTextStream &err)
{
    ProcessRunner runner(ResourceLocator::execHelper());
    RuntimeInstaller installer(runner);
    QString error;
    const std::optional<RuntimeInstaller::Installed> removed = installer.remove(name, &error);
    if (!removed) {
        // A runtime from Debian's archive is the system's: say how to remove it instead.
        QString parseError;
        const std::optional<RuntimePackage::Request> request = RuntimePackage::parse(name, &parseError);
        if (request && request->package.source == RuntimePackage::Source::Apt)
            error += QStringLiteral(". %1 comes from apt-get: remove it with `sudo apt-get remove %2`").arg(request->package.name, request->package.package);
        return VerbArguments::fail(err, kVerb, error);
    }
    out << "Removed " << removed->id() << " (" << removed->folder << ").\n";
    return 0;
}

} // namespace

bool RuntimesVerb::handles(const QString &action)
{
    return action == QLatin1String("install") || action == QLatin1String("remove") || action == QLatin1String("installed");
}

int RuntimesVerb::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runtimes Showdown adds to its own data folder (%1), never system-wide.\n\n"
                       "  runtimes install NAME   download, check and install NAME: %2\n"
                       "                          (npm packages, verified by npm; pypy3: prints the apt-get command)\n"
                       "  runtimes remove NAME    remove a runtime Showdown installed (NAME as `installed` lists it, e.g. deno-2.9.6)\n"
                       "  runtimes installed      the runtimes Showdown installed")
            .arg(RuntimeInstaller::defaultFolder(), RuntimePackage::namesHelp()));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable output (installed)."));
    const QCommandLineOption yesOption(QStringLiteral("yes"), QStringLiteral("As root, run apt-get for a Debian package (install pypy3)."));
    parser.addOptions({jsonOption, yesOption});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("install NAME | remove NAME | installed"));
    if (const std::optional<int> code = VerbArguments::parse(parser, kVerb, arguments, out, err))
        return *code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("installed") && positional.size() == 1) {
        ProcessRunner runner(ResourceLocator::execHelper());
        return listInstalled(RuntimeInstaller(runner), parser.isSet(jsonOption), out);
    }
    if (positional.size() != 2 || action == QLatin1String("installed"))
        return VerbArguments::fail(err, kVerb,
                                   action == QLatin1String("installed") ? QStringLiteral("installed takes no argument")
                                                                        : QStringLiteral("%1 needs exactly one NAME; one of: %2").arg(action, RuntimePackage::namesHelp()),
                                   2);
    return action == QLatin1String("install") ? install(positional.at(1), parser.isSet(yesOption), out, err) : remove(positional.at(1), out, err);
}

} // namespace showdown
