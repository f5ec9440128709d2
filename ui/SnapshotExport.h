#pragma once

#include "ResultSnapshot.h"

#include <QByteArray>
#include <QString>

namespace showdown {

/// A result set as files other tools read: JSON (the same document as `showdown show ID --json`) and
/// CSV (one line per benchmark × runtime, times in nanoseconds).
class SnapshotExport {
public:
    [[nodiscard]] static QByteArray toJson(const ResultSnapshot &snapshot);
    [[nodiscard]] static QByteArray toCsv(const ResultSnapshot &snapshot);
    /// Writes JSON or CSV by the file's suffix; false with a specific message on failure.
    [[nodiscard]] static bool write(const ResultSnapshot &snapshot, const QString &path, QString *error);
};

} // namespace showdown
