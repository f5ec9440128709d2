#pragma once

#include "StoredDefinitionFile.h"
#include "UserBenchmark.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace showdown {

/// One mistake in a definition file, where it is and what to do about it.
struct DefinitionProblem {
    QString file;
    int line = 1;
    QString field;    ///< JSON path: benchmarks[1].requests[0].status; empty for the file as a whole
    QString message;

    /// "FILE:LINE: FIELD: MESSAGE", as compilers write it, so editors can jump to it.
    [[nodiscard]] QString text() const;
};

/// A user's own benchmarks (resources/benchmarks/USER_BENCHMARKS.md): `showdown.json` in a project folder or
/// any file given with --benchmarks. Parsed once into typed UserBenchmarks; every problem is reported with
/// file, line and field, and a file with any problem yields no benchmarks at all, so nothing half-understood runs.
class BenchmarkDefinitionFile {
public:
    /// The format version this Showdown reads (`"showdown_benchmarks": 1`).
    static constexpr int kVersion = 1;
    /// The file looked for in a project folder.
    static constexpr const char *kDefaultName = "showdown.json";

    /// Reads and parses `path`; a folder means its showdown.json.
    [[nodiscard]] static BenchmarkDefinitionFile load(const QString &path);
    /// Parses `text` as if read from `path` (relative folders are resolved against path's folder).
    [[nodiscard]] static BenchmarkDefinitionFile parse(const QByteArray &text, const QString &path);
    /// Parses a file stored with a result set, as if read from where it was when the set ran. Its folders are not
    /// required to exist any more (the set only describes what was run); `showdown rerun` checks them before running.
    [[nodiscard]] static BenchmarkDefinitionFile fromStored(const StoredDefinitionFile &stored);
    /// Every benchmark the stored files of one result set declare, in file order; a file that no longer parses
    /// (written for a newer format) contributes none. Nothing here runs anything.
    [[nodiscard]] static QList<UserBenchmark> benchmarksOf(const QList<StoredDefinitionFile> &stored);

    [[nodiscard]] bool ok() const { return m_problems.isEmpty(); }
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const QList<UserBenchmark> &benchmarks() const { return m_benchmarks; }
    [[nodiscard]] const QList<DefinitionProblem> &problems() const { return m_problems; }
    /// The file as read: what a result set stores (stored()).
    [[nodiscard]] const QByteArray &text() const { return m_text; }
    /// The file as a result set keeps it: its absolute path, the SHA-256 of its text, the text.
    [[nodiscard]] StoredDefinitionFile stored() const;

private:
    /// `checkFolders` false: a stored file's `directory` folders need not exist (fromStored).
    [[nodiscard]] static BenchmarkDefinitionFile parse(const QByteArray &text, const QString &path, bool checkFolders);

    QString m_path;
    QByteArray m_text;
    QList<UserBenchmark> m_benchmarks;
    QList<DefinitionProblem> m_problems;
};

} // namespace showdown
