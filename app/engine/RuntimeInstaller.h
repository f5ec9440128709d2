#pragma once

#include "Executor.h"
#include "RuntimePackage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <stop_token>

namespace showdown {

/// Adds and removes runtimes that a registry ships as binaries (Node versions, Bun, Deno from npm), inside
/// Showdown's own data folder and never system-wide: `<runtimes folder>/<name>-<version>/bin/<executable>`.
/// Each download is fetched with `npm pack` (which checks the registry's integrity hash), unpacked and started
/// once in a temporary folder, and only then renamed into place, so a failure leaves nothing behind. Every
/// child runs through the executor with an argument vector, never a shell; call it from a worker thread or
/// the CLI, never the GUI thread.
class RuntimeInstaller {
public:
    /// One runtime Showdown installed, as recorded in its folder's marker file.
    struct Installed {
        QString name;        ///< node, bun, deno
        QString version;     ///< as the registry published it: 22.23.5
        QString package;     ///< the npm package it came from
        QString folder;      ///< <runtimes folder>/<name>-<version>
        QString executable;  ///< <folder>/bin/<name>
        [[nodiscard]] QString id() const { return QStringLiteral("%1-%2").arg(name, version); }
        [[nodiscard]] QJsonObject toJson() const;
    };

    /// How an install ended.
    struct Outcome {
        enum class Status { Installed, AlreadyInstalled, Failed };
        Status status = Status::Failed;
        Installed runtime;     ///< set unless Failed
        qint64 downloadBytes = 0;
        QString error;         ///< Failed: what failed and what to do next
    };

    /// Progress lines ("Downloading deno 2.9.6…") for the terminal or the window.
    using Progress = std::function<void(const QString &line)>;

    explicit RuntimeInstaller(Executor &executor, QString runtimesFolder = defaultFolder());

    /// Where Showdown keeps the runtimes it installs: <AppLocalDataLocation>/runtimes. Runtime discovery
    /// scans the same folder, so an installed runtime is detected like any other.
    [[nodiscard]] static QString defaultFolder();
    [[nodiscard]] QString folder() const { return m_folder; }

    /// Installs an npm-shipped runtime (not an apt one). Re-installing an installed version does nothing.
    [[nodiscard]] Outcome install(const RuntimePackage::Request &request, std::stop_token stop, const Progress &progress);
    /// The runtimes Showdown installed, by name and version.
    [[nodiscard]] QList<Installed> installed() const;
    /// Removes one installed runtime, named as `installed()` lists it (deno-2.9.6), by name (deno, node@22)
    /// when that picks exactly one, or by its folder or a path inside it. Anything outside the runtimes folder,
    /// or not installed by Showdown, is refused. Returns what was removed, or nothing with `error`.
    [[nodiscard]] std::optional<Installed> remove(const QString &target, QString *error);

private:
    [[nodiscard]] std::optional<QString> resolveVersion(const RuntimePackage::Request &request, std::stop_token stop, QString *error);
    [[nodiscard]] bool fetchAndUnpack(const RuntimePackage::Request &request, const QString &version, const QString &workDir,
                                      const QString &target, std::stop_token stop, qint64 *downloadBytes, QString *error);
    [[nodiscard]] bool verify(const QString &executable, const QString &version, std::stop_token stop, QString *error);
    [[nodiscard]] static std::optional<Installed> readMarker(const QString &folder);

    Executor &m_executor;
    QString m_folder;
};

} // namespace showdown
