#pragma once

#include "ResultSetAnalysis.h"
#include "ResultSetBundle.h"

#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// A result set with its analysis: the one stored with it in a database, or for a set read from a file (or
/// without a current stored analysis), one computed from its samples.
struct AnalysedResultSet {
    ResultSetBundle set;
    ResultSetAnalysis analysis;
};

/// Turns what a user typed into a result set, so every verb (export, compare, report) accepts the same
/// forms: an ID or uuid in the database, or a file (.showdown, a Showdown database, a JSON export),
/// optionally followed by #ID or #UUID when it holds several sets.
class ResultSetReference {
public:
    [[nodiscard]] static std::optional<ResultSetBundle> load(const QString &reference, const QString &databasePath, QString *error);
    /// The same forms, with the set's analysis: reading the samples once, and bootstrapping them again only
    /// where no current analysis is stored with the set.
    [[nodiscard]] static std::optional<AnalysedResultSet> loadAnalysed(const QString &reference, const QString &databasePath,
                                                                       QString *error);
    /// Every set in a JSON export, .showdown file or Showdown database; databases are opened read-only.
    [[nodiscard]] static std::optional<QList<ResultSetBundle>> loadFile(const QString &path, QString *error);
};

} // namespace showdown
