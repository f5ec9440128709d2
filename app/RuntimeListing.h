#pragma once

#include "RuntimeInfo.h"

#include <QList>
#include <QString>

namespace showdown {

/// `showdown runtimes` for people: one aligned line per runtime (name, family, kind, version, GIL and
/// free-threading for Python, path, libraries; or why it is missing or broken).
class RuntimeListing {
public:
    /// The line for one runtime, without its newline; columns fit names up to 22 characters.
    [[nodiscard]] static QString line(const RuntimeInfo &runtime);
};

} // namespace showdown
