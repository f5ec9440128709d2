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
    /// Opens `path` in `store` the way a viewer must: read-only, a .showdown file checked whole (it is someone's
    /// saved results), the user's own database without a whole-file check (a viewer never writes it).
    [[nodiscard]] static bool openForViewing(ResultStore &store, const QString &path, QString *error);
    /// Opens `path` to change its result sets (rename, notes, delete): the user's own database for writing;
    /// a .showdown file is refused with a message, since it is someone's saved results.
    [[nodiscard]] static bool openForEditing(ResultStore &store, const QString &path, QString *error);
    /// True for a saved result file (by its name, as every open decides): it is someone's results, viewed and
    /// never written, where any other database may be the user's own to record into.
    [[nodiscard]] static bool isSavedFile(const QString &path);
    /// True when the file starts like an SQLite database (rather than a JSON or CSV export).
    [[nodiscard]] static bool looksLikeDatabase(const QString &path);
};

} // namespace showdown
