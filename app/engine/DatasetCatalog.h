#pragma once

#include "DatasetTable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace showdown {

/// The sourced datasets in use: the shipped ones, each overridden by a newer one the user imported.
class DatasetCatalog {
public:
    /// Where imported datasets live: $SHOWDOWN_USER_DATA, else <GenericDataLocation>/Showdown/data,
    /// beside the result database, so an import survives an upgrade of the shipped files.
    [[nodiscard]] static QString userDir();

    /// Loads every shipped dataset from `shippedDir`, preferring the copy in `userDir` when there is one
    /// that yields rows (an unusable import is reported and the shipped file used instead).
    [[nodiscard]] static DatasetCatalog load(const QString &shippedDir, const QString &userDir);

    /// Validates `path` strictly (header of a shipped dataset, every row well-formed and sourced) and,
    /// only if it passes, stores it in `userDir` under the dataset's name. On failure nothing changes.
    [[nodiscard]] static bool importFile(const QString &path, const QString &userDir, QString *storedPath, QString *error);

    /// Removes an imported override so the shipped file is used again; false (with why) when there is none.
    [[nodiscard]] static bool resetImport(const QString &name, const QString &userDir, QString *error);

    [[nodiscard]] const QList<DatasetTable> &tables() const { return m_tables; }
    /// The table named e.g. "adoption.csv", or nullptr when it is not shipped.
    [[nodiscard]] const DatasetTable *table(const QString &name) const;
    /// Every problem met while loading, each naming its file (and line for a row).
    [[nodiscard]] QStringList issues() const;

private:
    QList<DatasetTable> m_tables;
    QStringList m_fallbacks;  ///< imports that were unusable, with why
};

} // namespace showdown
