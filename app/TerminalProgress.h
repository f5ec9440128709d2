#pragma once

#include <QElapsedTimer>
#include <QString>

namespace showdown {

/// A one-line progress display on stderr with counts and an ETA; silent when stderr is not a terminal,
/// so logs and pipes stay clean.
class TerminalProgress {
public:
    explicit TerminalProgress(int total);
    /// Shows that `done` of the steps have finished and which one runs next.
    void update(int done, const QString &current);
    /// Clears the line so the next output starts clean.
    void finish();

private:
    int m_total;
    bool m_enabled;
    QElapsedTimer m_clock;
};

} // namespace showdown
