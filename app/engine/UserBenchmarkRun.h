#pragma once

#include "BenchmarkDefinitionFile.h"
#include "Catalog.h"
#include "Executor.h"
#include "RuntimeInfo.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <stop_token>

namespace showdown {

/// `showdown run --benchmarks FILE`: turns a user's definition file into a catalogue the suite runner measures, but
/// only a file that passes `benchmarks check` on the run's runtimes (each definition run once first); a file that
/// does not is refused with every reason.
class UserBenchmarkRun {
public:
    /// @param builtIns Showdown's own catalogue: its suites are the ones a run may be asked for (a user program has
    ///        one size in all of them), and a user server is loaded as its built-in HTTP servers are in each suite.
    /// @param notes receives what is left out and why.
    /// @return nothing, with *error saying why (problems in the file, failed checks, nothing to measure).
    [[nodiscard]] static std::optional<Catalog> prepare(const QString &path, const Catalog &builtIns, Executor &executor,
                                                        const QList<RuntimeInfo> &runtimes, QStringList *notes, QString *error,
                                                        std::stop_token stop = {});
    /// The same for a file already read (`showdown rerun` parses the text stored with a set), so the text checked is the
    /// text run and stored.
    [[nodiscard]] static std::optional<Catalog> prepare(const BenchmarkDefinitionFile &file, const Catalog &builtIns, Executor &executor,
                                                        const QList<RuntimeInfo> &runtimes, QStringList *notes, QString *error,
                                                        std::stop_token stop = {});
};

} // namespace showdown
