#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown runtimes install NAME | remove NAME | installed`: adds runtimes that registries ship as binaries to
/// Showdown's own data folder, removes them, and lists them. (Bare `showdown runtimes` lists what is detected.)
class RuntimesVerb {
public:
    /// Whether `action` (the word after `runtimes`) is one of the actions handled here.
    [[nodiscard]] static bool handles(const QString &action);
    /// Runs an action; `arguments` start with the action. Exit codes: 0 done (or nothing to do), 1 failed, 2 usage.
    [[nodiscard]] static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace showdown
