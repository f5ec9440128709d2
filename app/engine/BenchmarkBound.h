#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// What dominates a benchmark's time, as its manifest entry declares it. A JIT can only speed up code it
/// compiles, so the `jit` claim is judged on code-bound kernels and the others are reported apart.
struct BenchmarkBound {
    enum Kind {
        Code,     ///< the program's own statements, run by the interpreter or the JIT
        Library,  ///< native code of the runtime or a library (built-in sort, regex engine, JSON codec, md5, BLAS)
        Startup,  ///< the runtime starting itself (loader, VM and module initialisation)
        Io,       ///< waiting: timers, sockets, the event loop
    };
    Kind kind = Code;

    /// The manifest's spelling ("code", "library", "startup", "io"); nothing for any other text.
    [[nodiscard]] static std::optional<BenchmarkBound> parse(const QString &text);
    /// Every accepted spelling, for error messages and the rule language.
    [[nodiscard]] static QStringList names();
    [[nodiscard]] QString name() const;
    bool operator==(const BenchmarkBound &) const = default;
};

} // namespace showdown
