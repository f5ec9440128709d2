#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace showdown {

/// What to start: an argument vector (never a shell line) and the limits it runs under.
struct ProcessSpec {
    QString program;             ///< absolute path of the executable; no PATH search
    QStringList arguments;
    QString workingDirectory;    ///< empty: inherit
    QMap<QString, QString> environment; ///< set on top of the inherited environment (e.g. BLAS threads pinned)
    std::chrono::milliseconds timeout{60000};
    qint64 stdoutCapBytes = 16 * 1024 * 1024; ///< beyond this the child is killed: a flood must not eat memory
    int stderrTailBytes = 8192;               ///< only the end of stderr is kept, for error messages
    /// Called with each chunk of stdout as it arrives, on the runner's thread: servers announce readiness
    /// long before they exit.
    std::function<void(const QByteArray &chunk)> onStdout;
};

} // namespace showdown
