#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// What a benchmark is about, as its manifest entry declares it. The window's pages and the report's sections
/// choose their benchmarks by it (PagePlan), so a misspelt category is refused when the manifest is read
/// instead of silently dropping the benchmark from every page.
struct BenchmarkCategory {
    enum Kind {
        Startup,   ///< the runtime starting a null program
        Cpu,       ///< CPU-bound kernels in the language itself
        Library,   ///< the same kernel through a native library (numpy) and without
        Io,        ///< waiting on timers or sockets inside one process (fan-out)
        Scaling,   ///< the same work across more workers
        Memory,    ///< what idle servers hold
        Realtime,  ///< messages broadcast to many connected clients
    };
    Kind kind = Cpu;

    /// The manifest's spelling ("startup", "cpu", …); nothing for any other text.
    [[nodiscard]] static std::optional<BenchmarkCategory> parse(const QString &text);
    /// Every accepted spelling, for error messages.
    [[nodiscard]] static QStringList names();
    [[nodiscard]] QString name() const;
    bool operator==(const BenchmarkCategory &) const = default;
};

} // namespace showdown
