#include "UserServerProcess.h"

#include "HttpExchange.h"

#include <QFile>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace showdown {
namespace {

using namespace std::chrono_literals;

/// An endless line cannot be the ready line waited for; beyond this its bytes are dropped.
constexpr qsizetype kLongestLine = 65536;

} // namespace

UserServerProcess::UserServerProcess(Executor &executor, ProcessSpec spec, ReadyRule rule, std::stop_token stop)
    : m_rule(std::move(rule)), m_outerStop(stop)
{
    const std::shared_ptr<Shared> shared = m_shared;
    const QRegularExpression pattern = m_rule.pattern;
    const bool byLine = m_rule.kind == ReadyRule::Kind::StdoutLine;
    spec.onStdout = [shared, pattern, byLine](const QByteArray &chunk) {
        std::lock_guard lock(shared->mutex);
        shared->pending.append(chunk);
        shared->anyOutput = shared->anyOutput || !chunk.isEmpty();
        for (qsizetype newline = shared->pending.indexOf('\n'); newline >= 0; newline = shared->pending.indexOf('\n')) {
            const QString line = QString::fromUtf8(shared->pending.left(newline)).trimmed();
            shared->pending.remove(0, newline + 1);
            if (byLine && !shared->readyLineSeen && pattern.match(line).hasMatch())
                shared->readyLineSeen = true;
        }
        if (shared->pending.size() > kLongestLine)
            shared->pending.clear();
        shared->changed.notify_all();
    };
    spec.onStarted = [shared](qint64 group) {
        std::lock_guard lock(shared->mutex);
        shared->group = group;
    };
    m_forwardStop.emplace(stop, std::function<void()>([this, shared] {
        m_serverStop.request_stop();
        std::lock_guard lock(shared->mutex);
        shared->changed.notify_all();
    }));
    m_thread = std::thread([&executor, spec = std::move(spec), shared, token = m_serverStop.get_token()] {
        ProcessResult result = executor.run(spec, token);
        std::lock_guard lock(shared->mutex);
        shared->result = std::move(result);
        shared->ended = true;
        shared->changed.notify_all();
    });
}

UserServerProcess::~UserServerProcess()
{
    stop();
}

bool UserServerProcess::ended() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->ended;
}

qint64 UserServerProcess::processGroup() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->group;
}

ProcessResult UserServerProcess::stop()
{
    m_serverStop.request_stop();
    if (m_thread.joinable())
        m_thread.join();
    std::lock_guard lock(m_shared->mutex);
    return m_shared->result;
}

QString UserServerProcess::endedEarly(const QString &when)
{
    const ProcessResult process = stop();
    return QStringLiteral("the server ended %1 (%2)%3").arg(when, howItEnded(process), stderrTail(process));
}

UserServerProcess::Readiness UserServerProcess::waitUntilReady(quint16 port, std::chrono::seconds timeout)
{
    using Outcome = Readiness::Outcome;
    const bool byLine = m_rule.kind == ReadyRule::Kind::StdoutLine;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    bool ready = false;
    if (byLine) {
        std::unique_lock lock(m_shared->mutex);
        ready = m_shared->changed.wait_until(lock, deadline, [&] { return m_shared->readyLineSeen || m_shared->ended || m_outerStop.stop_requested(); })
                && m_shared->readyLineSeen;
    } else {
        while (!ready && std::chrono::steady_clock::now() < deadline && !ended() && !m_outerStop.stop_requested()) {
            ready = HttpExchange::send(port, "GET", m_rule.path, {}, {}, 1s).answered();
            if (!ready)
                std::this_thread::sleep_for(100ms);
        }
    }
    if (m_outerStop.stop_requested()) {
        stop();
        return {Outcome::Cancelled, QStringLiteral("cancelled")};
    }
    if (!ready) {
        if (ended())
            return {Outcome::EndedEarly, endedEarly(QStringLiteral("before it was ready"))};
        const ProcessResult process = stop();
        // A program that prints its ready line into a pipe may hold it in a buffer until it exits (Python does
        // unless run with -u): when stdout stayed silent, say so, as that is the usual cause.
        const bool silent = [&] {
            std::lock_guard lock(m_shared->mutex);
            return !m_shared->anyOutput;
        }();
        const QString silence = silent ? QStringLiteral("; nothing arrived on stdout: if the server prints the line, its output may "
                                                        "be buffered (run Python with -u or print(..., flush=True))")
                                       : QString();
        return {Outcome::NotReady,
                QStringLiteral("the server was not ready within %1 s (%2)%3")
                    .arg(timeout.count())
                    .arg(byLine ? QStringLiteral("no stdout line matched \"%1\"%2").arg(m_rule.pattern.pattern(), silence)
                                : QStringLiteral("GET %1 on 127.0.0.1:%2 never answered").arg(m_rule.path).arg(port),
                         stderrTail(process))};
    }
    // On loopback only: the load Showdown puts on a server must not be offered to the whole network.
    if (const QStringList exposed = exposedListeners(port); !exposed.isEmpty()) {
        stop();
        return {Outcome::Exposed,
                QStringLiteral("the server listens on %1 port %2, not only on 127.0.0.1; bind it to 127.0.0.1 (the address Showdown loads)")
                    .arg(exposed.join(QStringLiteral(" and ")))
                    .arg(port)};
    }
    return {};
}

quint16 UserServerProcess::freeLoopbackPort(QString *error)
{
    boost::asio::io_context io;
    boost::system::error_code code;
    boost::asio::ip::tcp::acceptor acceptor(io);
    const boost::asio::ip::tcp::endpoint any(boost::asio::ip::address_v4::loopback(), 0);
    acceptor.open(any.protocol(), code);
    if (!code)
        acceptor.bind(any, code);
    if (code) {
        *error = QStringLiteral("cannot find a free port on 127.0.0.1: %1").arg(QString::fromStdString(code.message()));
        return 0;
    }
    return acceptor.local_endpoint().port();
}

QStringList UserServerProcess::exposedListeners(quint16 port)
{
    QStringList exposed;
    const QString wanted = QStringLiteral("%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const QString &table : {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &row : file.readAll().split('\n')) {
            const QList<QByteArray> fields = row.simplified().split(' ');
            // sl local_address rem_address st ...: a listening socket has state 0A.
            if (fields.size() < 4 || fields.at(3) != "0A")
                continue;
            const QList<QByteArray> local = fields.at(1).split(':');
            if (local.size() != 2 || QString::fromLatin1(local.at(1)) != wanted)
                continue;
            const QByteArray address = local.at(0);
            // Addresses are the kernel's words in host (little-endian) order: 127.0.0.1 reads 0100007F.
            const bool loopback4 = address.size() == 8 && address.endsWith("7F");
            const bool loopback6 = address == "00000000000000000000000001000000"
                                   || (address.size() == 32 && address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F"));
            if (loopback4 || loopback6)
                continue;
            exposed.append(address == "00000000" ? QStringLiteral("0.0.0.0")
                           : address == QByteArray(32, '0') ? QStringLiteral("[::]")
                                                            : QString::fromLatin1(address));
        }
    }
    return exposed;
}

QString UserServerProcess::howItEnded(const ProcessResult &process)
{
    if (process.outcome == ProcessResult::Outcome::Exited)
        return QStringLiteral("exit status %1").arg(process.exitCode);
    return process.error.isEmpty() ? QStringLiteral("signal %1").arg(process.signal) : process.error;
}

QString UserServerProcess::stderrTail(const ProcessResult &process)
{
    const QString tail = QString::fromUtf8(process.stderrTail.right(300)).trimmed();
    return tail.isEmpty() ? QString() : QStringLiteral("; stderr ends: %1").arg(tail);
}

} // namespace showdown
