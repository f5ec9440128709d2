#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown import FILE`: adds the result sets of a JSON export or .showdown file to the database.
int importVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

/// Imports every set of `files` into the database at `databasePath` in one transaction, skipping sets whose
/// uuid is already there. Shared by import and merge, which differ only in what they accept.
int importFiles(const QStringList &files, const QString &databasePath, bool json, QTextStream &out, QTextStream &err);

/// The parsing shared by import (one file) and merge (several): same options, same transaction.
int importCommand(const QString &verb, const QString &description, bool several, const QStringList &arguments, QTextStream &out,
                  QTextStream &err);

} // namespace showdown
