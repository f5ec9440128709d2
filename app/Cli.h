#pragma once

#include "ResultAnalysis.h"
#include "ResultSetAnalysis.h"
#include "ResultStore.h"

#include <QStringList>
#include <QTextStream>

namespace showdown {

struct RunEvent;

/// The headless command line: `showdown <verb> [options]`. Machine-readable output goes to stdout,
/// messages and progress to stderr. Exit codes: 0 success, 1 failure, 2 usage error.
class Cli {
public:
    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

    Cli();
    /// Every verb's name, so `showdown WORD` can tell a verb from a file to open.
    [[nodiscard]] static QStringList verbs();
    /// Runs the verb named in `arguments` (which start with the program name, as QCoreApplication gives them).
    [[nodiscard]] int run(const QStringList &arguments);

private:
    [[nodiscard]] int usage(const QString &message);
    /// Prints the error; under --events also tells the front end the run failed (with its set, when one exists).
    [[nodiscard]] int fail(const QString &message, qint64 resultSetId = 0);
    [[nodiscard]] bool openStore(ResultStore &store, const QString &path, ResultStore::OpenMode mode);

    [[nodiscard]] int runtimesVerb(bool json);
    [[nodiscard]] int benchmarksVerb(bool json);
    /// What `showdown run` was asked for.
    struct RunOptions {
        QString suite;
        QStringList only;
        QStringList runtimes;    ///< names or paths, as given to --runtime
        int runs = 0;            ///< 0 keeps the suite's
        int timeoutSeconds = 0;  ///< per process; 0 keeps each benchmark's own
        QString db;
        bool json = false;
        bool events = false;     ///< JSON lines on stdout for a front end (the window)
        bool noWait = false;     ///< refuse rather than wait when another run holds the machine
        QString pdf;
        QString label;           ///< the machine's label (MachineIdentity); empty: none
        QString benchmarks;      ///< a user's definition file (USER_BENCHMARKS.md) measured instead of the catalogue
        /// `rerun`: the definition file stored with a set, run instead of `benchmarks` (its text, not today's file)
        std::optional<StoredDefinitionFile> storedBenchmarks;
    };
    [[nodiscard]] int runVerb(const RunOptions &options);
    /// `rerun REF`: shows the commands of the set's stored definition file; with --yes runs them through runVerb.
    [[nodiscard]] int rerunVerb(const QStringList &arguments);
    /// Writes one `--events` line at once, so the front end sees it while the run goes on.
    void emitEvent(const RunEvent &event);
    /// `machine`: only the sets measured there (label, host name or id); empty: every set.
    [[nodiscard]] int listVerb(const QString &db, bool json, const QString &machine);
    [[nodiscard]] int showVerb(const QString &id, const QString &db, bool json, const QStringList &baselineNames);
    void printSummary(ResultStore &store, qint64 id);
    void printSummary(const ResultSetInfo &info, const ResultSetAnalysis &analysis);
    void printRuntimeComparisons(const QList<RuntimeComparison> &comparisons);
    void printLoadRows(const QList<LoadRow> &rows);
    void printScaling(const QList<ScalingRow> &rows);
    /// Capacity at the latency objective, with its CI and the per-core cost figure.
    void printCapacity(const QList<CapacityRow> &rows);

    QTextStream m_out;
    bool m_events = false;
    QTextStream m_err;
};

} // namespace showdown
