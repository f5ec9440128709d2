#pragma once

#include "RunLock.h"

#include <QString>

#include <functional>

namespace showdown {

/// The command line's side of the run lock: takes it for `showdown run`, saying whom it waits for, and
/// turning Ctrl+C during the wait into a clean exit.
class RunLockWaiter {
public:
    /// Called once when the lock is found held: the holder, and a sentence naming it for people.
    using Waiting = std::function<void(const RunLockHolder &holder, const QString &message)>;

    explicit RunLockWaiter(RunLock &lock) : m_lock(lock) {}

    /// Takes the lock for a run stored in `database`; true once held. False with `error` saying why not:
    /// another run holds it and `noWait` was given, the wait was cancelled, or the lock file is unusable.
    [[nodiscard]] bool acquire(const QString &database, bool noWait, const Waiting &onWaiting, QString *error);

private:
    RunLock &m_lock;
};

} // namespace showdown
