#pragma once

#include "BenchmarkDefinitionFile.h"
#include "UserBenchmarkCheck.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// What `showdown benchmarks check --json FILE` answered, typed: the file's problems (FILE:LINE: FIELD) or, for a file
/// without any, each definition passed or failed with its message. The window shows it before anything is run.
struct UserCheckReport {
    QString file;  ///< the definition file the check read (a folder's showdown.json)
    bool passed = false;
    QList<DefinitionProblem> problems;
    QList<UserCheckResult> benchmarks;

    /// Parses the check's JSON; nothing (with `error` saying what is wrong) for anything else, so a check that
    /// crashed half-way or printed something unexpected is never taken for a pass.
    [[nodiscard]] static std::optional<UserCheckReport> fromJson(const QByteArray &json, QString *error);
    /// The arguments that check `path` as JSON on the interpreters the run will use (RunRequest::runtimeArguments()).
    [[nodiscard]] static QStringList arguments(const QString &path, const QStringList &runtimeArguments);
    /// May the user run it: the check passed and there is something to run.
    [[nodiscard]] bool runnable() const { return passed && problems.isEmpty() && !benchmarks.isEmpty(); }
};

} // namespace showdown
