#include "RunLockWaiter.h"

#include "InterruptWatcher.h"

#include <QJsonDocument>

namespace showdown {

bool RunLockWaiter::acquire(const QString &database, bool json, bool noWait)
{
    std::stop_source stop;
    RunLockHolder holder;
    QString error;
    RunLock::Outcome outcome;
    {
        // Ctrl+C or SIGTERM while waiting ends the wait (and the command) cleanly, with nothing measured.
        InterruptWatcher watcher(stop);
        outcome = m_lock.acquire(database, !noWait, stop.get_token(), [&](const RunLockHolder &current) {
            if (json)
                m_err << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("waiting")},
                                                   {QStringLiteral("holder"), current.toJson()}})
                             .toJson(QJsonDocument::Compact)
                      << "\n";
            else
                m_err << "Waiting for the run of " << current.describe() << " to finish; --no-wait to refuse instead.\n";
            m_err.flush();
        }, &holder, &error);
    }
    switch (outcome) {
    case RunLock::Outcome::Acquired:
        return true;
    case RunLock::Outcome::Busy:
        m_err << "showdown: another run is measuring on this machine (" << holder.describe()
              << "); not starting because of --no-wait. Two runs at once would each time the other's load.\n";
        break;
    case RunLock::Outcome::Cancelled:
        m_err << "showdown: cancelled while waiting for the run of " << holder.describe() << "; nothing was measured.\n";
        break;
    case RunLock::Outcome::Failed:
        m_err << "showdown: " << error << "\n";
        break;
    }
    m_err.flush();
    return false;
}

} // namespace showdown
