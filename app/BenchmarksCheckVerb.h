#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown benchmarks check FILE`: parses a user's definition file (USER_BENCHMARKS.md) and runs each
/// definition once on each present runtime of its families, one message per definition for its first failure.
class BenchmarksCheckVerb {
public:
    /// Whether `action` (the word after `benchmarks`) is handled here.
    [[nodiscard]] static bool handles(const QString &action);
    /// `arguments` start with the action. Exit codes: 0 every definition passed, 1 anything failed, 2 usage.
    [[nodiscard]] static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace showdown
