#pragma once

#include "Executor.h"
#include "ProcessResult.h"
#include "ProcessSpec.h"
#include "ReadyRule.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

namespace showdown {

/// A user's server (USER_BENCHMARKS.md) running on a thread of its own: started on a port it was given, waited
/// for by its ReadyRule (a stdout line or a URL answering), held to 127.0.0.1, and always stopped (SIGTERM, the
/// spec's grace, then its process group is killed) and joined, whichever way the caller leaves. What
/// `benchmarks check` and `run` share, so a server is judged ready by one piece of code.
class UserServerProcess {
public:
    /// What waiting for readiness came to; anything but Ready has stopped the server, and `message` says why.
    struct Readiness {
        enum class Outcome { Ready, Cancelled, EndedEarly, NotReady, Exposed };
        Outcome outcome = Outcome::Ready;
        QString message;
        [[nodiscard]] bool ready() const { return outcome == Outcome::Ready; }
    };

    /// Starts `spec` at once (its onStdout and onStarted are taken over). A request on `stop` stops the server.
    UserServerProcess(Executor &executor, ProcessSpec spec, ReadyRule rule, std::stop_token stop);
    /// Stops the server if it still runs and waits for it: no child outlives this object.
    ~UserServerProcess();
    UserServerProcess(const UserServerProcess &) = delete;
    UserServerProcess &operator=(const UserServerProcess &) = delete;

    /// Blocks until the server is ready on 127.0.0.1:`port` by its rule, and listens there only; otherwise says
    /// why not (cancelled, ended before it was ready, not ready within `timeout` with the likely cause, listening
    /// beyond loopback), having stopped the server.
    [[nodiscard]] Readiness waitUntilReady(quint16 port, std::chrono::seconds timeout);
    /// Whether the server has ended (on its own, or stopped).
    [[nodiscard]] bool ended() const;
    /// The server's process group, for its CPU and memory (ProcessGroupProbe); 0 until it has started.
    [[nodiscard]] qint64 processGroup() const;
    /// Stops the server and waits for it; returns how it ended. Safe to call more than once.
    ProcessResult stop();
    /// Stops the server and says that it ended `when` on its own ("before it was ready", ...), how, and what its
    /// stderr said last.
    [[nodiscard]] QString endedEarly(const QString &when);

    /// A port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0): user servers take their port
    /// as an argument, unlike the built-in ones that bind port 0 themselves. 0 when none could be had (*error says why).
    [[nodiscard]] static quint16 freeLoopbackPort(QString *error);
    /// The addresses other than loopback on which something listens on `port` (from /proc/net/tcp and tcp6).
    [[nodiscard]] static QStringList exposedListeners(quint16 port);
    /// How a process that should have kept running (or succeeded) ended: "exit status N", "signal N", or its error.
    [[nodiscard]] static QString howItEnded(const ProcessResult &process);
    /// "; stderr ends: ..." with the end of a child's stderr, or nothing when it said nothing.
    [[nodiscard]] static QString stderrTail(const ProcessResult &process);

private:
    /// Stdout as the server thread and the waiting thread share it.
    struct Shared {
        mutable std::mutex mutex;
        std::condition_variable changed;
        QByteArray pending;  ///< the incomplete last line
        bool readyLineSeen = false;
        bool anyOutput = false;  ///< whether stdout said anything at all: silence hints at buffering
        bool ended = false;
        qint64 group = 0;
        ProcessResult result;
    };

    ReadyRule m_rule;
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    std::stop_source m_serverStop;
    std::optional<std::stop_callback<std::function<void()>>> m_forwardStop;
    std::stop_token m_outerStop;
    std::thread m_thread;
};

} // namespace showdown
