#pragma once

#include "ResultSetBundle.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// Reads the JSON of db/RESULT_JSON_SCHEMA.md back into result sets, trusting nothing: every field is
/// type-checked and a bad one is named with its path (result_sets[0].processes[3].iterations_ns[2]), so a
/// hand-edited, truncated or hostile file gives one clear error and never a half-read set.
class JsonImporter {
public:
    /// Files above this are refused before being read: a real export of a full suite is a few MB.
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    [[nodiscard]] static std::optional<QList<ResultSetBundle>> parse(const QByteArray &json, QString *error);
    [[nodiscard]] static std::optional<QList<ResultSetBundle>> readFile(const QString &path, QString *error);
};

} // namespace showdown
