#pragma once

#include "RuntimeInfo.h"

#include <QList>
#include <QString>

namespace showdown {

/// How the window lists a runtime wherever it offers or describes one (the Run dialog, Settings, the Overview):
/// its name, family, kind and version, and its path, in one wording, the JavaScript runtimes before the Python ones.
class RuntimeListing {
public:
    /// "JavaScript", "Python", or "unknown family" for an interpreter nothing recognised.
    [[nodiscard]] static QString familyTitle(const std::optional<RuntimeFamily> &family);
    /// "JavaScript, Bun 1.4.5" or "Python, CPython 3.13.1, free-threaded, GIL off": what the runtime is.
    [[nodiscard]] static QString identity(const RuntimeInfo &runtime);
    /// "bun — JavaScript, Bun 1.4.5 — /work/rt/bin/bun"; a missing runtime says why instead of its version.
    [[nodiscard]] static QString describe(const RuntimeInfo &runtime);
    /// The list grouped by family (JavaScript, Python, unrecognised), each group in its given order.
    [[nodiscard]] static QList<RuntimeInfo> byFamily(QList<RuntimeInfo> runtimes);
    /// Where a runtime of `family` goes in a list grouped by family: 0 JavaScript, 1 Python, 2 other.
    [[nodiscard]] static int familyRank(const std::optional<RuntimeFamily> &family);
};

} // namespace showdown
