#pragma once

#include "RuntimeInfo.h"
#include "StoredDefinitionFile.h"
#include "UserBenchmark.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace showdown {

/// What a result set's stored definition files declare, for people (`show`, `rerun`) and for programs (`show --json`):
/// one description, so both say the same. Reads and parses only; nothing here runs anything.
class StoredDefinitionListing {
public:
    /// `[{path, sha256, problems, benchmarks: [{name, category, form, description, working_directory, env,
    /// commands: {javascript: [...], python: [...]}}]}]`; the commands as written in the file, placeholders kept.
    [[nodiscard]] static QJsonArray toJson(const QList<StoredDefinitionFile> &definitions);
    /// "Your benchmarks came from:" with each file's path, the start of its SHA-256 and its benchmarks' names;
    /// empty for a set without definitions.
    [[nodiscard]] static QString text(const QList<StoredDefinitionFile> &definitions);
    /// The command lines `benchmark` runs, one per runtime of `runtimes` it runs on, as a shell would show them:
    /// "node: /usr/bin/node primes.js" with placeholders expanded as a run expands them (`{port}` stays: a run picks a
    /// free port each time).
    [[nodiscard]] static QStringList commandLines(const UserBenchmark &benchmark, const QList<RuntimeInfo> &runtimes);
    /// One argument as a POSIX shell would need it written, so a shown command can be pasted.
    [[nodiscard]] static QString shellQuoted(const QString &argument);
};

} // namespace showdown
