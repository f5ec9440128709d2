#include "RunLockWaiter.h"

#include "InterruptWatcher.h"

namespace showdown {

bool RunLockWaiter::acquire(const QString &database, bool noWait, const Waiting &onWaiting, QString *error)
{
    std::stop_source stop;
    RunLockHolder holder;
    RunLock::Outcome outcome;
    {
        // Ctrl+C or SIGTERM while waiting ends the wait (and the command) cleanly, with nothing measured.
        InterruptWatcher watcher(stop);
        outcome = m_lock.acquire(database, !noWait, stop.get_token(), [&](const RunLockHolder &current) {
            if (onWaiting)
                onWaiting(current, QStringLiteral("Waiting for the run of %1 to finish; --no-wait to refuse instead.").arg(current.describe()));
        }, &holder, error);
    }
    switch (outcome) {
    case RunLock::Outcome::Acquired:
        return true;
    case RunLock::Outcome::Busy:
        *error = QStringLiteral("another run is measuring on this machine (%1); not starting because of --no-wait. "
                                "Two runs at once would each time the other's load.")
                     .arg(holder.describe());
        break;
    case RunLock::Outcome::Cancelled:
        *error = QStringLiteral("cancelled while waiting for the run of %1; nothing was measured.").arg(holder.describe());
        break;
    case RunLock::Outcome::Failed:
        break;  // the lock's own error says what failed
    }
    return false;
}

} // namespace showdown
