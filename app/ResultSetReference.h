#pragma once

#include "ResultSetAnalysis.h"
#include "ResultSetBundle.h"

#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// A result set as readers show it: its header, runtimes and analysis, without the raw timings.
struct AnalysedResultSet {
    ResultSetInfo info;
    QList<RuntimeInfo> runtimes;
    ResultSetAnalysis analysis;
};

/// Turns what a user typed into a result set, so every verb (export, compare, report) accepts the same
/// forms: an ID or uuid in the database, or a file (.showdown, a Showdown database, a JSON export),
/// optionally followed by #ID or #UUID when it holds several sets.
class ResultSetReference {
public:
    [[nodiscard]] static std::optional<ResultSetBundle> load(const QString &reference, const QString &databasePath, QString *error);
    /// The same forms, for readers of the analysis only (reports): a set in the database brings its stored
    /// analysis and no sample is read; a file's sets are analysed in memory.
    [[nodiscard]] static std::optional<AnalysedResultSet> loadAnalysed(const QString &reference, const QString &databasePath,
                                                                       QString *error);
    /// Every set in a JSON export, .showdown file or Showdown database; databases are opened read-only.
    [[nodiscard]] static std::optional<QList<ResultSetBundle>> loadFile(const QString &path, QString *error);
};

} // namespace showdown
