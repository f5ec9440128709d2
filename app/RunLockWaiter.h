#pragma once

#include "RunLock.h"

#include <QTextStream>

namespace showdown {

/// The command line's side of the run lock: takes it for `showdown run`, telling the user (or, with --json,
/// a front end reading stderr) whom it waits for, and turning Ctrl+C during the wait into a clean exit.
class RunLockWaiter {
public:
    RunLockWaiter(RunLock &lock, QTextStream &err) : m_lock(lock), m_err(err) {}

    /// Takes the lock for a run stored in `database`; true once held. False after printing why not: another
    /// run holds it and `noWait` was given, the wait was cancelled, or the lock file is unusable.
    [[nodiscard]] bool acquire(const QString &database, bool json, bool noWait);

private:
    RunLock &m_lock;
    QTextStream &m_err;
};

} // namespace showdown
