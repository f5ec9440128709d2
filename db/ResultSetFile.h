#pragma once

#include "ResultSetBundle.h"

#include <QList>
#include <QString>

#include <optional>

namespace showdown {

class ResultStore;

/// A `.showdown` file: a standalone Showdown SQLite database holding one or more result sets with their
/// environment and every raw sample, for carrying results between machines.
class ResultSetFile {
public:
    static constexpr char kExtension[] = ".showdown";

    /// Writes the sets to `path` atomically (a partial file never replaces a good one) in rollback-journal
    /// mode, so the file is self-contained and can be opened read-only anywhere.
    [[nodiscard]] static bool save(const QString &path, const QList<ResultSetBundle> &bundles, QString *error);
    /// Reads every set of a .showdown file or Showdown database, read-only: the file is never modified.
    [[nodiscard]] static std::optional<QList<ResultSetBundle>> load(const QString &path, QString *error);
    /// Opens `path` in `store` the way a viewer must: a .showdown file read-only (it is someone's saved
    /// results, never to be changed), any other database for writing (the user's own).
    [[nodiscard]] static bool openForViewing(ResultStore &store, const QString &path, QString *error);
    /// True when the file starts like an SQLite database (rather than a JSON or CSV export).
    [[nodiscard]] static bool looksLikeDatabase(const QString &path);
};

} // namespace showdown
