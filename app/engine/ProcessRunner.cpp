#include "ProcessRunner.h"

#include "ChildSignals.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/process/async_pipe.hpp>
#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/env.hpp>
#include <boost/process/environment.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/io.hpp>
#include <boost/process/start_dir.hpp>

#include <array>
#include <chrono>
#include <csignal>
#include <cstring>
#include <optional>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace bp = boost::process;
namespace asio = boost::asio;

namespace showdown {
namespace {

constexpr char kReportMarker[] = "\n@showdown-exec ";
// Pipes still open after the child ended belong to a descendant that escaped the process group; we
// stop waiting for them after this long rather than hang.
constexpr auto kDrainGrace = std::chrono::seconds(2);

/// Runs in the child between fork and exec: a group of its own so one kill reaches every descendant,
/// death with its parent so no benchmark outlives Showdown, and the signal state of a fresh program rather
/// than that of the forking thread (the CLI blocks SIGINT/SIGTERM for its watcher).
struct GroupLeader : bp::extend::handler {
    template <class Exec>
    void on_exec_setup(Exec &) const
    {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        ChildSignals::reset();
    }
};

QString signalName(int signal)
{
    const char *description = ::sigdescr_np(signal);
    return QStringLiteral("signal %1 (%2)").arg(signal).arg(QString::fromLatin1(description ? description : "unknown"));
}

QString lastLine(const QByteArray &text)
{
    const QList<QByteArray> lines = text.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed());
}

QString withStderr(const QString &message, const QByteArray &stderrTail)
{
    const QString line = lastLine(stderrTail);
    return line.isEmpty() ? message : QStringLiteral("%1: %2").arg(message, line);
}

/// Everything one run shares between its asynchronous handlers.
class Session {
public:
    explicit Session(const ProcessSpec &spec)
        : m_spec(spec), m_out(m_io), m_err(m_io), m_timeout(m_io), m_grace(m_io), m_stopGrace(m_io)
    {
    }

    ProcessResult run(const QString &helper, std::stop_token stop);

private:
    void readStdout();
    void readStderr();
    void watchExit();
    void killGroup(ProcessResult::Outcome reason, const QString &message);
    void stopProgram();
    void streamClosed();
    void finish(const QByteArray &report, int helperStatus, const rusage &helperUsage, qint64 ourWallNs);

    const ProcessSpec &m_spec;
    asio::io_context m_io;
    bp::async_pipe m_out;
    bp::async_pipe m_err;
    asio::steady_timer m_timeout;
    asio::steady_timer m_grace;
    asio::steady_timer m_stopGrace;
    int m_openStreams = 2;
    std::optional<asio::posix::stream_descriptor> m_pidfd;
    pid_t m_pid = -1;
    bool m_exited = false;
    std::optional<ProcessResult::Outcome> m_killedFor;
    QString m_killMessage;
    std::array<char, 65536> m_outBuffer{};
    std::array<char, 16384> m_errBuffer{};
    ProcessResult m_result;
};

ProcessResult Session::run(const QString &helper, std::stop_token stop)
{
    const QFileInfo program(m_spec.program);
    if (!program.exists()) {
        m_result.error = QStringLiteral("%1: no such file; install it or give the path of an existing interpreter")
                             .arg(m_spec.program);
        return m_result;
    }
    if (!program.isFile() || !program.isExecutable()) {
        m_result.error = QStringLiteral("%1: not an executable file").arg(m_spec.program);
        return m_result;
    }

    std::vector<std::string> args;
    if (m_spec.warmupStarts > 0)
        args = {"--warmup-starts", std::to_string(m_spec.warmupStarts)};
    if (m_spec.stdoutToFile) {
        args.push_back("--stdout-file");
        args.push_back(std::to_string(m_spec.stdoutCapBytes));
    }
    args.push_back(m_spec.program.toStdString());
    for (const QString &argument : m_spec.arguments)
        args.push_back(argument.toStdString());
    const std::string directory =
        (m_spec.workingDirectory.isEmpty() ? QDir::currentPath() : m_spec.workingDirectory).toStdString();

    // Built before the fork: the child only receives the finished array.
    bp::environment environment = boost::this_process::environment();
    for (auto it = m_spec.environment.cbegin(); it != m_spec.environment.cend(); ++it)
        environment[it.key().toStdString()] = it.value().toStdString();

    const auto started = std::chrono::steady_clock::now();
    std::error_code spawnError;
    bp::child child(bp::exe = helper.toStdString(), bp::args = args, bp::std_out > m_out, bp::std_err > m_err,
                    bp::std_in < bp::null, bp::start_dir = directory, environment, GroupLeader{}, spawnError);
    if (spawnError) {
        m_result.error = QStringLiteral("could not start %1 through %2: %3")
                             .arg(m_spec.program, helper, QString::fromStdString(spawnError.message()));
        return m_result;
    }
    m_pid = child.id();
    // Only this code reaps the child (wait4 below); Boost must not, so it lets go of it.
    child.detach();
    if (m_spec.onStarted)
        m_spec.onStarted(qint64(m_pid));

    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, m_pid, 0));
    if (pidfd < 0) {
        ::kill(-m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_result.error = QStringLiteral("pidfd_open failed: %1 (Linux 5.3 or newer is required)")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return m_result;
    }
    m_pidfd.emplace(m_io, pidfd);

    std::stop_callback onStop(stop, [this] {
        asio::post(m_io, [this] { stopProgram(); });
    });
    m_timeout.expires_after(m_spec.timeout);
    m_timeout.async_wait([this](const boost::system::error_code &ec) {
        if (!ec)
            killGroup(ProcessResult::Outcome::TimedOut,
                      QStringLiteral("timed out after %1 s").arg(double(m_spec.timeout.count()) / 1000.0));
    });
    readStdout();
    readStderr();
    watchExit();
    m_io.run();

    // watchExit() saw the helper end; it is a zombie until we reap it here with its rusage.
    int status = 0;
    rusage usage{};
    while (::wait4(m_pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    const qint64 ourWall = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count();
    finish(m_result.stderrTail, status, usage, ourWall);
    return m_result;
}

void Session::readStdout()
{
    m_out.async_read_some(asio::buffer(m_outBuffer), [this](const boost::system::error_code &ec, std::size_t n) {
        if (ec)
            return streamClosed();
        if (m_result.stdoutData.size() + qint64(n) > m_spec.stdoutCapBytes) {
            killGroup(ProcessResult::Outcome::StdoutOverflow,
                      QStringLiteral("wrote more than %1 MB to stdout").arg(m_spec.stdoutCapBytes / (1024 * 1024)));
            return;
        }
        m_result.stdoutData.append(m_outBuffer.data(), qsizetype(n));
        if (m_spec.onStdout)
            m_spec.onStdout(QByteArray(m_outBuffer.data(), qsizetype(n)));
        readStdout();
    });
}

void Session::readStderr()
{
    m_err.async_read_some(asio::buffer(m_errBuffer), [this](const boost::system::error_code &ec, std::size_t n) {
        if (ec)
            return streamClosed();
        m_result.stderrTail.append(m_errBuffer.data(), qsizetype(n));
        // Keep twice the tail so the helper's report line is never cut in half.
        const qsizetype keep = 2 * qsizetype(m_spec.stderrTailBytes);
        if (m_result.stderrTail.size() > keep)
            m_result.stderrTail.remove(0, m_result.stderrTail.size() - keep);
        readStderr();
    });
}

void Session::watchExit()
{
    m_pidfd->async_wait(asio::posix::descriptor_base::wait_read, [this](const boost::system::error_code &ec) {
        if (ec)
            return;
        m_exited = true;
        // The helper is a zombie, so its pid (and group id) cannot be reused yet: kill whatever of the
        // group is left, such as a grandchild the benchmark forgot.
        ::kill(-m_pid, SIGKILL);
        m_timeout.cancel();
        m_stopGrace.cancel();
        if (m_openStreams > 0) {
            m_grace.expires_after(kDrainGrace);
            m_grace.async_wait([this](const boost::system::error_code &graceEc) {
                if (graceEc)
                    return;
                boost::system::error_code ignored;
                m_out.close(ignored);
                m_err.close(ignored);
            });
        }
    });
}

void Session::killGroup(ProcessResult::Outcome reason, const QString &message)
{
    if (m_exited || m_killedFor)
        return;
    m_killedFor = reason;
    m_killMessage = message;
    ::kill(-m_pid, SIGKILL);
    if (reason == ProcessResult::Outcome::StdoutOverflow) {
        boost::system::error_code ignored;
        m_out.close(ignored);
    }
}

void Session::stopProgram()
{
    if (m_spec.stopGrace <= std::chrono::milliseconds::zero())
        return killGroup(ProcessResult::Outcome::Cancelled, QStringLiteral("cancelled"));
    if (m_exited || m_killedFor)
        return;
    m_killedFor = ProcessResult::Outcome::Cancelled;
    m_killMessage = QStringLiteral("cancelled");
    // The helper passes SIGTERM on to the program; whatever of the group is left when the program has
    // ended (watchExit) or the grace is over is killed.
    ::kill(m_pid, SIGTERM);
    m_stopGrace.expires_after(m_spec.stopGrace);
    m_stopGrace.async_wait([this](const boost::system::error_code &ec) {
        if (!ec && !m_exited)
            ::kill(-m_pid, SIGKILL);
    });
}

void Session::streamClosed()
{
    if (--m_openStreams == 0)
        m_grace.cancel();
}

void Session::finish(const QByteArray &stderrWithReport, int helperStatus, const rusage &helperUsage, qint64 ourWallNs)
{
    const qsizetype at = stderrWithReport.lastIndexOf(kReportMarker);
    QJsonObject report;
    if (at >= 0) {
        report = QJsonDocument::fromJson(stderrWithReport.mid(at + qsizetype(std::strlen(kReportMarker))).trimmed()).object();
        m_result.stderrTail = stderrWithReport.left(at);
    }
    if (m_result.stderrTail.size() > m_spec.stderrTailBytes)
        m_result.stderrTail = m_result.stderrTail.right(m_spec.stderrTailBytes);

    if (!report.isEmpty()) {
        m_result.wallNs = report.value(QLatin1String("wall_ns")).toInteger();
        m_result.userNs = report.value(QLatin1String("user_us")).toInteger() * 1000;
        m_result.sysNs = report.value(QLatin1String("sys_us")).toInteger() * 1000;
        m_result.peakRssKb = report.value(QLatin1String("maxrss_kb")).toInteger();
    } else {
        m_result.wallNs = ourWallNs;
        m_result.userNs = qint64(helperUsage.ru_utime.tv_sec) * 1000000000 + qint64(helperUsage.ru_utime.tv_usec) * 1000;
        m_result.sysNs = qint64(helperUsage.ru_stime.tv_sec) * 1000000000 + qint64(helperUsage.ru_stime.tv_usec) * 1000;
    }

    if (m_killedFor) {
        m_result.outcome = *m_killedFor;
        m_result.signal = SIGKILL;
        // A program stopped with SIGTERM may have ended by itself within its grace: say how it did end.
        if (!report.isEmpty() && m_spec.stopGrace > std::chrono::milliseconds::zero()) {
            m_result.signal = report.value(QLatin1String("signal")).toInt();
            if (report.value(QLatin1String("exited")).toInt() == 1)
                m_result.exitCode = report.value(QLatin1String("exit_code")).toInt();
        }
        m_result.error = withStderr(m_killMessage, m_result.stderrTail);
        return;
    }
    if (report.isEmpty()) {
        // The helper itself did not finish: something outside Showdown killed the group.
        m_result.outcome = ProcessResult::Outcome::Signaled;
        m_result.signal = WIFSIGNALED(helperStatus) ? WTERMSIG(helperStatus) : 0;
        m_result.error = withStderr(WIFSIGNALED(helperStatus)
                                        ? QStringLiteral("killed from outside by %1").arg(signalName(m_result.signal))
                                        : QStringLiteral("the exec helper ended without a report"),
                                    m_result.stderrTail);
        return;
    }
    if (const int execErrno = report.value(QLatin1String("exec_errno")).toInt(); execErrno != 0) {
        m_result.outcome = ProcessResult::Outcome::SpawnFailed;
        m_result.error = QStringLiteral("could not execute %1: %2")
                             .arg(m_spec.program, QString::fromLocal8Bit(std::strerror(execErrno)));
        return;
    }
    if (const int signal = report.value(QLatin1String("signal")).toInt(); signal != 0) {
        m_result.outcome = ProcessResult::Outcome::Signaled;
        m_result.signal = signal;
        m_result.error = withStderr(QStringLiteral("crashed with %1").arg(signalName(signal)), m_result.stderrTail);
        return;
    }
    m_result.outcome = ProcessResult::Outcome::Exited;
    m_result.exitCode = report.value(QLatin1String("exit_code")).toInt();
    if (m_result.exitCode != 0)
        m_result.error = withStderr(QStringLiteral("exited with status %1").arg(m_result.exitCode), m_result.stderrTail);
}

} // namespace

ProcessRunner::ProcessRunner(QString execHelper) : m_execHelper(std::move(execHelper)) {}

ProcessResult ProcessRunner::run(const ProcessSpec &spec, std::stop_token stop)
{
    Session session(spec);
    return session.run(m_execHelper, std::move(stop));
}

} // namespace showdown
