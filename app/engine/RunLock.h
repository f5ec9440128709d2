#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <stop_token>

namespace showdown {

/// Who holds the run lock, as the holder wrote it into the lock file, so a waiting run can name it.
struct RunLockHolder {
    qint64 pid = 0;
    QString started;   ///< ISO 8601, UTC
    QString database;  ///< the database the holder's run is stored in

    [[nodiscard]] QJsonObject toJson() const;
    /// The holder from the lock file's text; nullopt for an empty or foreign file (a holder that has not
    /// written yet, or one that released it).
    [[nodiscard]] static std::optional<RunLockHolder> parse(const QByteArray &text);
    /// "pid 123, started 2024-05-01T10:00:00Z, on /path/to/db.sqlite", for messages.
    [[nodiscard]] QString describe() const;
};

/// One run at a time on this machine: two runs timing their programs together would each measure the other's
/// load. The lock is flock(2) on a file in the runtime directory, so it dies with its holder's process: a run
/// that crashed or was killed never blocks the next one. Waiting polls with LOCK_NB so a stop request (Ctrl+C)
/// ends the wait at once.
class RunLock {
public:
    enum class Outcome {
        Acquired,   ///< this process holds the lock until release() or destruction
        Busy,       ///< another run holds it and the caller asked not to wait
        Cancelled,  ///< the stop token was triggered while waiting
        Failed,     ///< the lock file could not be created or locked; see the error
    };
    /// Called once, on the waiting thread, when the lock is found held: who is being waited for.
    using WaitingCallback = std::function<void(const RunLockHolder &holder)>;

    RunLock() = default;
    ~RunLock();
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

    /// The folder of the lock file: $SHOWDOWN_LOCK_DIR if set (tests isolate themselves with it), else
    /// $XDG_RUNTIME_DIR/showdown, else /tmp/showdown-UID.
    [[nodiscard]] static QString directory();
    [[nodiscard]] static QString path();

    /// Takes the lock for a run stored in `database`. With `wait`, waits until the holder ends (calling
    /// `onWaiting` once with who it is); without, returns Busy at once. `holder` receives who held the lock
    /// when the outcome is Busy or Cancelled.
    [[nodiscard]] Outcome acquire(const QString &database, bool wait, std::stop_token stop, const WaitingCallback &onWaiting,
                                  RunLockHolder *holder, QString *error);
    /// Lets the next run start; also done by the destructor and, if the process dies, by the kernel.
    void release();
    [[nodiscard]] bool held() const { return m_held; }

private:
    [[nodiscard]] std::optional<RunLockHolder> readHolder() const;
    void writeHolder(const QString &database);

    int m_fd = -1;
    bool m_held = false;
};

} // namespace showdown
