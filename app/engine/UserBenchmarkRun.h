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
    /// @param suites the suite names the run may be asked for (each user benchmark has one size in all of them).
    /// @param notes receives what is left out and why (servers and protocol programs are not measured by run yet).
    /// @return nothing, with *error saying why (problems in the file, failed checks, nothing to measure).
    [[nodiscard]] static std::optional<Catalog> prepare(const QString &path, const QStringList &suites, Executor &executor,
                                                        const QList<RuntimeInfo> &runtimes, QStringList *notes, QString *error,
                                                        std::stop_token stop = {});
    /// The same for a file already read (`showdown rerun` parses the text stored with a set), so the text checked is the
    /// text run and stored.
    [[nodiscard]] static std::optional<Catalog> prepare(const BenchmarkDefinitionFile &file, const QStringList &suites, Executor &executor,
                                                        const QList<RuntimeInfo> &runtimes, QStringList *notes, QString *error,
                                                        std::stop_token stop = {});
};

} // namespace showdown
