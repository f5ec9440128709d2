#pragma once

#include "RuntimeKind.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// One interpreter Showdown can run benchmarks with, as detected on this machine.
struct RuntimeInfo {
    QString name;     ///< short, unique label (README.md, "Runtimes and their names"): node, python3, pyenv-3.12.1, …
    /// The family's word, "node" (any JavaScript runtime) or "python" (any Python): what the store, the
    /// analysis and the claims compare today. Set with setKind(), which keeps it in step with `family`.
    QString kind;
    std::optional<RuntimeFamily> family;    ///< empty only for an interpreter nothing recognised
    std::optional<RuntimeKind> runtimeKind; ///< node, bun, deno, cpython, pypy; empty as `family`
    QString path;     ///< absolute path as given or found; never resolved through a shell
    QString version;  ///< the kind's own version (Bun's, not the Node version it imitates)
    QString implementation;          ///< cpython, pypy, node, bun, deno: what the runtime itself reported
    std::optional<bool> gilEnabled;  ///< Python only
    bool freeThreaded = false;       ///< Python only: a build without the GIL (3.13t), whatever PYTHON_GIL says
    /// Set on top of the inherited environment whenever this runtime starts a program: PYTHON_GIL=0 or =1
    /// makes one free-threaded interpreter two runtimes.
    QMap<QString, QString> environment;
    QStringList libraries;           ///< optional libraries importable by this runtime (numpy, uvloop, ...)
    bool available = false;
    QString problem;  ///< why it is not available, and how to fix it
    QString probeError; ///< the interpreter exists but failed its probe: what it said (also in `problem`)

    [[nodiscard]] bool isNode() const { return kind == QLatin1String("node"); }
    [[nodiscard]] bool isPython() const { return kind == QLatin1String("python"); }
    /// Sets runtimeKind, family and the family word `kind` together.
    void setKind(RuntimeKind value);
    /// runtimeKind, or for a runtime recorded before kinds existed the one its family word and
    /// implementation imply ("python" + "pypy" is pypy, any other "python" cpython, "node" node).
    [[nodiscard]] std::optional<RuntimeKind> resolvedKind() const;
    /// The arguments after the executable that start `script` on this runtime (its kind's launch: `run -A`
    /// for deno, `--no-install` for bun); just the script for an interpreter of no known kind.
    [[nodiscard]] QStringList launchArguments(const QString &script) const;
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads what toJson() wrote, and the older objects whose `kind` was the family word; lenient (for
    /// the store's own rows): an unknown kind leaves runtimeKind empty.
    [[nodiscard]] static RuntimeInfo fromJson(const QJsonObject &object);
    /// fromJson() for objects that enter from outside (imported files): an unknown `kind` or `family`
    /// is refused with the accepted names.
    [[nodiscard]] static std::optional<RuntimeInfo> parseJson(const QJsonObject &object, QString *error);
};

} // namespace showdown
