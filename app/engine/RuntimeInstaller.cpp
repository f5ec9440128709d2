#include "RuntimeInstaller.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVersionNumber>

#include <chrono>

namespace showdown {
namespace {

using namespace std::chrono_literals;

/// The file in each installed folder that says Showdown made it; `remove` touches nothing without it.
const QString kMarker = QStringLiteral(".showdown-runtime.json");

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 1);
}

/// The last lines a child wrote on stderr, on one line, for an error message.
QString stderrSummary(const ProcessResult &result)
{
    QStringList lines = QString::fromUtf8(result.stderrTail).trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines = lines.mid(std::max<qsizetype>(0, lines.size() - 3));
    for (QString &line : lines)
        line = line.trimmed();
    return lines.join(QStringLiteral("; "));
}

/// npm with --json reports a failure as {"error":{"code","summary"}} on stdout; turns it into what to do next.
QString npmProblem(const QString &what, const ProcessResult &result)
{
    if (result.outcome == ProcessResult::Outcome::Cancelled)
        return QStringLiteral("cancelled; nothing was installed");
    if (result.outcome != ProcessResult::Outcome::Exited)
        return QStringLiteral("%1 failed: %2; nothing was installed, try again").arg(what, result.error);
    const QJsonObject error = QJsonDocument::fromJson(result.stdoutData).object().value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    const QString summary = error.value(QStringLiteral("summary")).toString().trimmed();
    if (code == QLatin1String("E404") || code == QLatin1String("ETARGET"))
        return QStringLiteral("%1: the npm registry has no such version (%2); nothing was installed. `npm view PACKAGE versions` "
                              "lists what exists")
            .arg(what, summary);
    if (code.startsWith(QLatin1String("E")) && !summary.isEmpty() && code != QLatin1String("EINTEGRITY"))
        return QStringLiteral("%1 failed (%2: %3); nothing was installed. Check the network connection and the npm registry "
                              "setting (`npm config get registry`, a proxy, NODE_EXTRA_CA_CERTS), then try again")
            .arg(what, code, summary);
    const QString tail = stderrSummary(result);
    return QStringLiteral("%1 failed (exit code %2)%3; nothing was installed, try again")
        .arg(what)
        .arg(result.exitCode)
        .arg(tail.isEmpty() ? QString() : QStringLiteral(": ") + tail);
}

ProcessSpec command(const QString &program, const QStringList &arguments, std::chrono::milliseconds timeout, const QString &workDir = {})
{
    ProcessSpec spec;
    spec.program = program;
    spec.arguments = arguments;
    spec.timeout = timeout;
    spec.workingDirectory = workDir;
    return spec;
}

} // namespace

QJsonObject RuntimeInstaller::Installed::toJson() const
{
    return {{QStringLiteral("id"), id()},
            {QStringLiteral("name"), name},
            {QStringLiteral("version"), version},
            {QStringLiteral("package"), package},
            {QStringLiteral("folder"), folder},
            {QStringLiteral("path"), executable}};
}

RuntimeInstaller::RuntimeInstaller(Executor &executor, QString runtimesFolder)
    : m_executor(executor), m_folder(QDir::cleanPath(runtimesFolder))
{
}

QString RuntimeInstaller::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/runtimes");
}

std::optional<QString> RuntimeInstaller::resolveVersion(const RuntimePackage::Request &request, std::stop_token stop, QString *error)
{
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (npm.isEmpty()) {
        *error = QStringLiteral("npm is not on PATH, and Showdown fetches runtimes with it; install it (apt-get install npm) and try again");
        return std::nullopt;
    }
    const ProcessResult result =
        m_executor.run(command(npm, {QStringLiteral("view"), request.npmSpec(), QStringLiteral("version"), QStringLiteral("--json")}, 120s), stop);
    const QString what = QStringLiteral("looking up %1").arg(request.npmSpec());
    if (!result.succeeded()) {
        *error = npmProblem(what, result);
        return std::nullopt;
    }
    // One matching version comes as a string, several (a major: every 22.x) as an array; take the highest.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray("[") + result.stdoutData.trimmed() + "]");
    QJsonArray versions = document.array();
    if (versions.size() == 1 && versions.first().isArray())
        versions = versions.first().toArray();
    QString best;
    for (const QJsonValue &value : versions) {
        const QString version = value.toString();
        if (!version.isEmpty() && (best.isEmpty() || QVersionNumber::compare(QVersionNumber::fromString(version), QVersionNumber::fromString(best)) > 0))
            best = version;
    }
    if (best.isEmpty())
        *error = QStringLiteral("%1: the npm registry has no such version; nothing was installed. `npm view %2 versions` lists what exists")
                     .arg(what, request.package.package);
    return best.isEmpty() ? std::nullopt : std::optional<QString>(best);
}

bool RuntimeInstaller::fetchAndUnpack(const RuntimePackage::Request &request, const QString &version, const QString &workDir,
                                      const QString &target, std::stop_token stop, qint64 *downloadBytes, QString *error)
{
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
    if (tar.isEmpty()) {
        *error = QStringLiteral("tar is not on PATH; install it (apt-get install tar) and try again");
        return false;
    }
    const QString spec = QStringLiteral("%1@%2").arg(request.package.package, version);
    // npm pack checks the tarball against the registry's integrity hash before it writes it.
    const ProcessResult packed = m_executor.run(
        command(npm, {QStringLiteral("pack"), spec, QStringLiteral("--json"), QStringLiteral("--pack-destination"), workDir}, 900s, workDir), stop);
    if (!packed.succeeded()) {
        *error = npmProblem(QStringLiteral("downloading %1").arg(spec), packed);
        return false;
    }
    const QJsonObject description = QJsonDocument::fromJson(packed.stdoutData).array().first().toObject();
    const QString tarball = workDir + QLatin1Char('/') + description.value(QStringLiteral("filename")).toString();
    *downloadBytes = qint64(description.value(QStringLiteral("size")).toDouble());
    if (description.value(QStringLiteral("filename")).toString().isEmpty() || !QFileInfo::exists(tarball)) {
        *error = QStringLiteral("npm pack %1 did not say where it wrote the package; nothing was installed, try again").arg(spec);
        return false;
    }
    const QString unpacked = workDir + QStringLiteral("/unpacked");
    if (!QDir().mkpath(unpacked)) {
        *error = QStringLiteral("cannot create %1; check the permissions of %2").arg(unpacked, m_folder);
        return false;
    }
    // GNU tar refuses members that would land outside the folder (absolute paths, ..).
    const ProcessResult untarred = m_executor.run(
        command(tar, {QStringLiteral("-xzf"), tarball, QStringLiteral("-C"), unpacked, QStringLiteral("--no-same-owner")}, 300s), stop);
    QFile::remove(tarball);
    if (!untarred.succeeded()) {
        *error = untarred.outcome == ProcessResult::Outcome::Cancelled
                     ? QStringLiteral("cancelled; nothing was installed")
                     : QStringLiteral("unpacking %1 failed (%2); nothing was installed. tar needs gzip on PATH and free space in %3")
                           .arg(spec, stderrSummary(untarred).isEmpty() ? untarred.error : stderrSummary(untarred), m_folder);
        return false;
    }
    // npm tarballs keep everything under package/; that folder becomes the runtime's folder.
    if (!QDir().rename(unpacked + QStringLiteral("/package"), target)) {
        *error = QStringLiteral("%1 has no package/ folder; nothing was installed").arg(spec);
        return false;
    }
    const QString executable = target + QStringLiteral("/bin/") + request.package.executable;
    const QString shipped = target + QLatin1Char('/') + request.package.binaryInPackage;
    if (shipped != executable && (!QDir().mkpath(target + QStringLiteral("/bin")) || !QFile::rename(shipped, executable))) {
        *error = QStringLiteral("%1 does not hold %2 where it used to; nothing was installed. Please report this to Showdown")
                     .arg(spec, request.package.binaryInPackage);
        return false;
    }
    QFile file(executable);
    if (!file.exists() || !file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther
                                               | QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
        *error = QStringLiteral("%1 has no %2 to run; nothing was installed. Please report this to Showdown").arg(spec, request.package.binaryInPackage);
        return false;
    }
    return true;
}

bool RuntimeInstaller::verify(const QString &executable, const QString &version, std::stop_token stop, QString *error)
{
    const ProcessResult result = m_executor.run(command(executable, {QStringLiteral("--version")}, 60s), stop);
    const QString output = QString::fromUtf8(result.stdoutData).trimmed();
    if (result.succeeded() && output.contains(version))
        return true;
    if (result.outcome == ProcessResult::Outcome::Cancelled)
        *error = QStringLiteral("cancelled; nothing was installed");
    else
        *error = QStringLiteral("the downloaded %1 does not start on this machine (%2%3); nothing was installed. It may need a newer "
                                "C library than this system has: try an older version")
                     .arg(QFileInfo(executable).fileName(), result.succeeded() ? QStringLiteral("its --version said: ") + output : result.error,
                          result.succeeded() || stderrSummary(result).isEmpty() ? QString() : QStringLiteral(": ") + stderrSummary(result));
    return false;
}

RuntimeInstaller::Outcome RuntimeInstaller::install(const RuntimePackage::Request &request, std::stop_token stop, const Progress &progress)
{
    Outcome outcome;
    if (request.package.source != RuntimePackage::Source::Npm) {
        outcome.error = QStringLiteral("%1 is installed system-wide by apt-get, not into Showdown's folder").arg(request.package.name);
        return outcome;
    }
    progress(QStringLiteral("Looking up %1 in the npm registry (%2)…").arg(request.label(), request.npmSpec()));
    const std::optional<QString> version = resolveVersion(request, stop, &outcome.error);
    if (!version)
        return outcome;
    const QString id = QStringLiteral("%1-%2").arg(request.package.name, *version);
    const QString destination = m_folder + QLatin1Char('/') + id;
    if (const std::optional<Installed> existing = readMarker(destination)) {
        outcome.status = Outcome::Status::AlreadyInstalled;
        outcome.runtime = *existing;
        return outcome;
    }
    if (QFileInfo::exists(destination)) {
        outcome.error = QStringLiteral("%1 exists but Showdown did not install it; move it away and try again").arg(destination);
        return outcome;
    }
    if (!QDir().mkpath(m_folder)) {
        outcome.error = QStringLiteral("cannot create %1; check its permissions and free space").arg(m_folder);
        return outcome;
    }
    // Everything happens in a hidden temporary folder beside the destination (the same file system, so the
    // final rename is atomic); any early return deletes it.
    QTemporaryDir work(m_folder + QStringLiteral("/.install-%1-XXXXXX").arg(id));
    if (!work.isValid()) {
        outcome.error = QStringLiteral("cannot create a temporary folder in %1: %2").arg(m_folder, work.errorString());
        return outcome;
    }
    const QString staged = work.path() + QLatin1Char('/') + id;
    progress(QStringLiteral("Downloading %1 %2 (%3)…").arg(request.package.name, *version, request.package.package));
    if (!fetchAndUnpack(request, *version, work.path(), staged, stop, &outcome.downloadBytes, &outcome.error))
        return outcome;
    const QString executable = staged + QStringLiteral("/bin/") + request.package.executable;
    progress(QStringLiteral("Downloaded %1; checking that %2 %3 starts…").arg(megabytes(outcome.downloadBytes), request.package.name, *version));
    if (!verify(executable, *version, stop, &outcome.error))
        return outcome;
    Installed installed{request.package.name, *version, request.package.package, destination,
                        destination + QStringLiteral("/bin/") + request.package.executable};
    QJsonObject marker = installed.toJson();
    marker.insert(QStringLiteral("installed_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    QFile markerFile(staged + QLatin1Char('/') + kMarker);
    if (!markerFile.open(QIODevice::WriteOnly) || markerFile.write(QJsonDocument(marker).toJson()) < 0 || !markerFile.flush()) {
        outcome.error = QStringLiteral("cannot write %1: %2; check the free space in %3").arg(markerFile.fileName(), markerFile.errorString(), m_folder);
        return outcome;
    }
    markerFile.close();
    if (!QDir().rename(staged, destination)) {
        outcome.error = QStringLiteral("cannot move the new runtime to %1 (did another install finish first? `showdown runtimes installed` "
                                       "says); nothing was installed")
                            .arg(destination);
        return outcome;
    }
    outcome.status = Outcome::Status::Installed;
    outcome.runtime = installed;
    return outcome;
}

std::optional<RuntimeInstaller::Installed> RuntimeInstaller::readMarker(const QString &folder)
{
    QFile file(folder + QLatin1Char('/') + kMarker);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    Installed runtime{object.value(QStringLiteral("name")).toString(), object.value(QStringLiteral("version")).toString(),
                      object.value(QStringLiteral("package")).toString(), folder, QString()};
    // The folder may have moved with the data folder: paths are taken from where it is now, not from the marker.
    const QList<RuntimePackage> table = RuntimePackage::all();
    const auto package = std::find_if(table.begin(), table.end(), [&](const RuntimePackage &p) { return p.name == runtime.name; });
    if (runtime.version.isEmpty() || package == table.end() || QFileInfo(folder).fileName() != runtime.id())
        return std::nullopt;
    runtime.executable = folder + QStringLiteral("/bin/") + package->executable;
    return runtime;
}

QList<RuntimeInstaller::Installed> RuntimeInstaller::installed() const
{
    QList<Installed> list;
    const QDir dir(m_folder);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (entry.startsWith(QLatin1Char('.')))
            continue;  // an install or a removal in progress (or interrupted)
        if (const std::optional<Installed> runtime = readMarker(dir.filePath(entry)))
            list.append(*runtime);
    }
    return list;
}

std::optional<RuntimeInstaller::Installed> RuntimeInstaller::remove(const QString &target, QString *error)
{
    const QList<Installed> all = installed();
    QList<Installed> matches;
    if (target.contains(QLatin1Char('/'))) {
        // A path: it must be (inside) one of the folders Showdown made, after resolving links and "..".
        const QString canonicalFolder = QFileInfo(m_folder).canonicalFilePath();
        QString path = QFileInfo(target).canonicalFilePath();
        while (!path.isEmpty() && !canonicalFolder.isEmpty() && QFileInfo(path).path() != canonicalFolder && path != QLatin1String("/"))
            path = QFileInfo(path).path();
        const auto found = std::find_if(all.begin(), all.end(), [&](const Installed &r) { return QFileInfo(r.folder).canonicalFilePath() == path; });
        if (canonicalFolder.isEmpty() || path.isEmpty() || path == QLatin1String("/") || found == all.end()) {
            *error = QStringLiteral("%1 is not a runtime Showdown installed: it removes only what it installed in %2. Remove other "
                                    "runtimes with the tool that installed them")
                         .arg(target, m_folder);
            return std::nullopt;
        }
        matches.append(*found);
    } else {
        const QString name = target.section(QLatin1Char('@'), 0, 0);
        const QString version = target.section(QLatin1Char('@'), 1);
        for (const Installed &runtime : all) {
            if (runtime.id() == target
                || (runtime.name == name && (version.isEmpty() || runtime.version == version || runtime.version.startsWith(version + QLatin1Char('.')))))
                matches.append(runtime);
        }
    }
    QStringList ids;
    for (const Installed &runtime : all)
        ids.append(runtime.id());
    if (matches.isEmpty()) {
        *error = QStringLiteral("Showdown has not installed \"%1\" (it removes only what it installed in %2); installed: %3")
                     .arg(target, m_folder, ids.isEmpty() ? QStringLiteral("none") : ids.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (matches.size() > 1) {
        QStringList which;
        for (const Installed &runtime : matches)
            which.append(runtime.id());
        *error = QStringLiteral("\"%1\" matches %2; name the one to remove").arg(target, which.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    // Renamed out of sight first, so a removal that stops half-way never leaves a runtime that looks installed.
    const Installed runtime = matches.first();
    const QString doomed = m_folder + QStringLiteral("/.remove-") + runtime.id();
    if (QFileInfo::exists(doomed))
        QDir(doomed).removeRecursively();
    if (!QDir().rename(runtime.folder, doomed)) {
        *error = QStringLiteral("cannot remove %1; check the permissions of %2").arg(runtime.folder, m_folder);
        return std::nullopt;
    }
    if (!QDir(doomed).removeRecursively()) {
        *error = QStringLiteral("%1 was uninstalled but %2 could not be deleted completely; delete it by hand").arg(runtime.id(), doomed);
        return std::nullopt;
    }
    return runtime;
}

} // namespace showdown
