#pragma once

#include "ResultAnalysis.h"

#include <QStringList>
#include <QTextStream>

namespace showdown {

class ResultStore;

/// The headless command line: `showdown <verb> [options]`. Machine-readable output goes to stdout,
/// messages and progress to stderr. Exit codes: 0 success, 1 failure, 2 usage error.
class Cli {
public:
    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

    Cli();
    /// Runs the verb named in `arguments` (which start with the program name, as QCoreApplication gives them).
    [[nodiscard]] int run(const QStringList &arguments);

private:
    [[nodiscard]] int usage(const QString &message);
    [[nodiscard]] int fail(const QString &message);
    [[nodiscard]] bool openStore(ResultStore &store, const QString &path);

    [[nodiscard]] int runtimesVerb(bool json);
    [[nodiscard]] int benchmarksVerb(bool json);
    [[nodiscard]] int runVerb(const QString &suite, const QStringList &only, const QStringList &runtimes, int runs,
                              const QString &db, bool json, const QString &pdf);
    [[nodiscard]] int listVerb(const QString &db, bool json);
    [[nodiscard]] int showVerb(const QString &id, const QString &db, bool json);
    void printSummary(ResultStore &store, qint64 id);
    void printLoadRows(const QList<LoadRow> &rows);
    void printScaling(const QList<ScalingRow> &rows);

    QTextStream m_out;
    QTextStream m_err;
    bool m_noWait = false;  ///< run: refuse rather than wait when another run holds the machine
};

} // namespace showdown
