#pragma once

#include "RunLock.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// One line of `showdown run --events`: how a run tells a front end (the window) what it is doing.
/// The window starts the run as a child process and learns everything from these lines and the store,
/// so the CLI and the window share one run orchestration and a hung window never touches a run.
struct RunEvent {
    enum class Kind {
        Skipped,    ///< variants the runtimes cannot run, each with its reason (before the run starts)
        Waiting,    ///< another run holds the machine: `holder`, and `message` naming it for people
        Started,    ///< the result set exists: `resultSetId`, `total` processes, `expectedSeconds`
        Progressed, ///< a sample was stored: `done` of `total`, `next` step, `valid` and `error` of the last one,
                    ///< and whether it completed its benchmark
        Finished,   ///< the run is over: `resultSetId` (0 if never created), `status`, `error`
    };

    Kind kind = Kind::Progressed;
    qint64 resultSetId = 0;
    int done = 0;
    int total = 0;
    double expectedSeconds = 0;
    QString next;
    bool valid = true;
    bool benchmarkEnded = false;  ///< Progressed: that sample was its benchmark's last, so its rows are whole
    QString error;
    QString status;
    QString message;
    QStringList reasons;
    RunLockHolder holder;

    [[nodiscard]] static RunEvent skipped(const QStringList &reasons);
    [[nodiscard]] static RunEvent waiting(const RunLockHolder &holder, const QString &message);
    [[nodiscard]] static RunEvent started(qint64 resultSetId, int total, double expectedSeconds, const QString &next);
    [[nodiscard]] static RunEvent progressed(int done, int total, const QString &next, bool valid, bool benchmarkEnded, const QString &error);
    [[nodiscard]] static RunEvent finished(qint64 resultSetId, const QString &status, const QString &error);

    /// The compact JSON line for this event (no trailing newline).
    [[nodiscard]] QByteArray toLine() const;
    /// Parses one line; a malformed line or an unknown event kind is an error (a surprise from the child is
    /// never guessed at).
    [[nodiscard]] static std::optional<RunEvent> fromLine(const QByteArray &line, QString *error);
};

} // namespace showdown
