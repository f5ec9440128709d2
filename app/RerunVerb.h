#pragma once

#include "StoredDefinitionFile.h"

#include <QStringList>
#include <QTextStream>

#include <variant>

namespace showdown {

/// `showdown rerun REF [--yes] [--runs N] [--only NAME,...]`: runs again the definition file a result set of the
/// user's own benchmarks stored, as an explicit action that shows every command first. Without --yes it only shows
/// them and says how to go on (on a terminal or not): opening, importing or showing a set never runs anything.
class RerunVerb {
public:
    /// What the run is to be, once the user has said yes: Cli::runVerb runs it, as it runs `run --benchmarks`.
    struct Plan {
        QString db;                      ///< where the set was found and the new one is recorded
        QString suite;                   ///< the set's own suite
        StoredDefinitionFile definition; ///< parsed again from its stored text, not from today's file
        QStringList only;                ///< --only (else the set's own), checked against the file's names
        QStringList runtimes;            ///< the paths of the set's runtimes: the same interpreters again
        int runs = 0;                    ///< --runs, else the set's own; 0 keeps each benchmark's own
    };

    /// Reads the set, prints the commands it would run (stdout) and checks their folders still exist.
    /// @return the exit code to stop with (0: shown, not asked to run; 1: failure; 2: usage), or the run to make.
    [[nodiscard]] static std::variant<int, Plan> prepare(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace showdown
