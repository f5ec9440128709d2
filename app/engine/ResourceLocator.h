#pragma once

#include <QString>

namespace showdown {

/// Finds Showdown's files the same way from the build tree, an installed package and the tests.
class ResourceLocator {
public:
    /// The folder holding benchmarks/ and data/: $SHOWDOWN_RESOURCES, then <prefix>/share/showdown next
    /// to an installed binary, then the source tree this binary was built from.
    [[nodiscard]] static QString resourcesDir();
    [[nodiscard]] static QString benchmarksDir();
    /// The shipped, sourced datasets (adoption, ecosystem, article claims) and the claim rules.
    [[nodiscard]] static QString dataDir();
    /// The showdown-exec helper: $SHOWDOWN_EXEC_HELPER, beside the executable, or <prefix>/lib/showdown.
    [[nodiscard]] static QString execHelper();
    /// The `showdown` command itself, which the window starts for runs and reports so every front end shares
    /// one orchestration: $SHOWDOWN_COMMAND, beside the executable, or <prefix>/bin/showdown.
    [[nodiscard]] static QString showdownCommand();
    /// Directory of the running executable (from /proc/self/exe, so no QCoreApplication is needed).
    [[nodiscard]] static QString executableDir();

private:
    /// One of Showdown's programs: $`variable`, else `name` beside the running executable (the build tree,
    /// the tests), else `installed` relative to it (a package).
    [[nodiscard]] static QString program(const char *variable, const QString &name, const QString &installed);
};

} // namespace showdown
