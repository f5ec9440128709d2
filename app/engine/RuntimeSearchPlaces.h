#pragma once

#include <QString>
#include <QStringList>

namespace showdown {

/// Where discovery looks for runtimes: this process's environment normally, a made-up home in tests, so
/// discovery can be checked against fake version-manager layouts without touching the real ones.
struct RuntimeSearchPlaces {
    QString home;           ///< $HOME: ~/.nvm, ~/.pyenv, ~/.local/share/uv, conda roots, …
    QStringList pathDirs;   ///< $PATH, in order
    QStringList systemDirs{QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin")};
    QString installedDir;   ///< where `runtimes install` puts runtimes (RuntimeInstaller::defaultFolder())
    // Version managers' own overrides of their folders (empty: the manager's default under `home`).
    QString nvmDir, fnmDir, voltaHome, asdfDataDir, pyenvRoot, uvPythonDir;

    /// From $HOME, $PATH, the managers' variables and the installer's folder.
    [[nodiscard]] static RuntimeSearchPlaces fromEnvironment();
};

} // namespace showdown
