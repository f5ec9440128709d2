#pragma once

#include "ResultSetAnalysis.h"
#include "StoredDefinitionFile.h"
#include "UserBenchmark.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace showdown {

class ReportDocument;

/// The report's "Your benchmarks" section, its declaration half: the definition files stored with the result set
/// (path, SHA-256) and, per benchmark, what it declares (category, form, the argument vector per family with its
/// placeholders, what its output must be, the requests a server answers), so a reader of the paper knows exactly
/// what was run. The results half is the built-in sections' own code on the analysis cut to these benchmarks
/// (ResultSetAnalysis::ofBenchmarks()), written by ReportWriter, so the figures are the window's and `show --json`'s.
class UserBenchmarkReport {
public:
    /// A stored definition file as the report reads it: its benchmarks, or why none could be read from it.
    struct File {
        StoredDefinitionFile stored;
        QList<UserBenchmark> benchmarks;
        QStringList problems;  ///< "FILE:LINE: FIELD: MESSAGE" (the stored text no longer parses with this build)
    };

    /// How many hex digits of a file's SHA-256 its heading shows (the whole digest is in its table).
    static constexpr qsizetype kShortSha = 12;

    /// Parses each stored file as stored (nothing is read from disk or run).
    [[nodiscard]] static QList<File> read(const QList<StoredDefinitionFile> &definitions);
    /// Every benchmark name the files declare.
    [[nodiscard]] static QSet<QString> names(const QList<File> &files);
    /// The declared benchmarks without a single row in `analysis` (not measured, or filtered out by --only).
    [[nodiscard]] static QStringList unmeasured(const QList<File> &files, const ResultSetAnalysis &analysis);
    /// An argument vector on one line, each argument quoted as a POSIX shell would need it ('a b', 'it'\''s'), so a
    /// reader sees where each argument ends; no shell ever runs it.
    [[nodiscard]] static QString commandLine(const QStringList &arguments);
    /// The file's heading: its name and short SHA-256 ("showdown.json (sha256 1a2b3c4d5e6f)").
    [[nodiscard]] static QString fileHeading(const StoredDefinitionFile &file);
    /// Item/value rows declaring one benchmark, as the report's table shows them.
    [[nodiscard]] static QList<QStringList> declaration(const UserBenchmark &benchmark);

    /// Writes each file (a level-2 heading, its path and digest, one table per benchmark it declares).
    static void writeDefinitions(ReportDocument &layout, const QList<File> &files);
};

} // namespace showdown
