#include "IdleConnections.h"

#include "IoThreads.h"
#include "LoopbackUrl.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <atomic>
#include <future>

namespace showdown {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

enum Failure : int { Connect, Write, Read, Timeout, Status, Body, Closed, FailureKinds };
constexpr std::array<const char *, FailureKinds> kFailureNames = {"connect", "write", "read", "timeout",
                                                                   "status",  "body",  "closed"};
constexpr std::chrono::seconds kTimeout{5};
// Thousands of simultaneous SYNs overflow a server's accept backlog and stall in retransmits; a bounded
// number of connects in flight opens 5000 connections faster and without spurious failures.
constexpr int kConnectsInFlight = 64;

auto token(boost::system::error_code &ec)
{
    return net::redirect_error(net::use_awaitable, ec);
}

bool peerWentAway(const boost::system::error_code &ec)
{
    return ec == net::error::eof || ec == http::error::end_of_stream || ec == http::error::partial_message
        || ec == net::error::connection_reset || ec == net::error::broken_pipe;
}

} // namespace

struct IdleConnections::State {
    IoThreads threads{1};
    tcp::endpoint endpoint;
    http::request<http::empty_body> request;
    QByteArray expectedBody;
    int count = 0;
    int next = 0;             ///< next connection an opener takes (io thread only)
    int openersLeft = 0;      ///< io thread only
    bool stopping = false;    ///< io thread only
    std::vector<std::unique_ptr<beast::tcp_stream>> streams;
    std::promise<void> allTried;
    std::atomic<int> openNow{0};
    std::array<std::atomic<qint64>, FailureKinds> failures{};

    void fail(Failure kind) { ++failures[std::size_t(kind)]; }

    /// Waits on the idle connection so a server that drops it is noticed and counted.
    net::awaitable<void> watch(beast::tcp_stream &stream)
    {
        boost::system::error_code ec;
        char byte = 0;
        stream.expires_never();
        co_await stream.async_read_some(net::buffer(&byte, 1), token(ec));
        if (stopping)
            co_return;
        --openNow;
        fail(ec && !peerWentAway(ec) ? Read : Closed);  // data on an idle connection is as wrong as a drop
        stream.close();
    }

    /// Takes connections one after another until every one has been tried.
    net::awaitable<void> opener()
    {
        boost::system::error_code ec;
        while (!stopping && next < count) {
            beast::tcp_stream &stream = *streams[std::size_t(next++)];
            stream.expires_after(kTimeout);
            co_await stream.async_connect(endpoint, token(ec));
            Failure failure = Connect;
            if (!ec && !stopping) {
                failure = Write;
                co_await http::async_write(stream, request, token(ec));
            }
            beast::flat_buffer buffer;
            http::response<http::string_body> response;
            if (!ec && !stopping) {
                failure = Read;
                co_await http::async_read(stream, buffer, response, token(ec));
            }
            if (stopping)
                break;
            if (ec) {
                fail(ec == beast::error::timeout ? Timeout : failure == Read && peerWentAway(ec) ? Closed : failure);
                stream.close();
                continue;
            }
            if (response.result_int() < 200 || response.result_int() > 299) {
                fail(Status);
                stream.close();
                continue;
            }
            if (!expectedBody.isEmpty() && QByteArray::fromStdString(response.body()) != expectedBody) {
                fail(Body);
                stream.close();
                continue;
            }
            ++openNow;
            net::co_spawn(threads.context(0), watch(stream), net::detached);
        }
        if (--openersLeft == 0)
            allTried.set_value();
    }
};

IdleConnections::IdleConnections() = default;

IdleConnections::~IdleConnections()
{
    close();
}

bool IdleConnections::open(const QString &url, int count, const QByteArray &expectedBody, QString *error)
{
    close();
    if (count < 1) {
        *error = QStringLiteral("the number of idle connections must be at least 1 (got %1)").arg(count);
        return false;
    }
    const std::optional<LoopbackUrl> target = LoopbackUrl::parse(url, QStringLiteral("http"), error);
    if (!target)
        return false;
    const QString fileLimitProblem = IoThreads::ensureFileLimit(count + 64);

    m_state = std::make_unique<State>();
    State &state = *m_state;
    state.endpoint = tcp::endpoint(net::ip::make_address(target->address()), target->port());
    state.request = http::request<http::empty_body>{http::verb::get, target->target(), 11};
    state.request.set(http::field::host, target->hostHeader());
    state.request.set(http::field::user_agent, "showdown-idle/" SHOWDOWN_VERSION);
    state.expectedBody = expectedBody;
    state.count = count;
    for (int i = 0; i < count; ++i)
        state.streams.push_back(std::make_unique<beast::tcp_stream>(state.threads.context(0)));
    state.openersLeft = std::min(count, kConnectsInFlight);
    std::future<void> allTried = state.allTried.get_future();
    for (int i = 0; i < state.openersLeft; ++i)
        net::co_spawn(state.threads.context(0), state.opener(), net::detached);
    state.threads.start();
    allTried.wait();

    if (state.openNow == count)
        return true;
    QStringList failures;
    const QMap<QString, qint64> counted = errors();
    for (auto it = counted.cbegin(); it != counted.cend(); ++it)
        failures.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    *error = QStringLiteral("opened %1 of %2 idle connections to %3 (%4)")
                 .arg(state.openNow.load())
                 .arg(count)
                 .arg(url, failures.join(QStringLiteral(", ")));
    if (!fileLimitProblem.isEmpty())
        *error += QStringLiteral("; ") + fileLimitProblem;
    return false;
}

int IdleConnections::openCount() const
{
    return m_state ? m_state->openNow.load() : 0;
}

QMap<QString, qint64> IdleConnections::errors() const
{
    QMap<QString, qint64> errors;
    if (!m_state)
        return errors;
    for (int kind = 0; kind < FailureKinds; ++kind) {
        if (const qint64 n = m_state->failures[std::size_t(kind)]; n > 0)
            errors.insert(QLatin1String(kFailureNames[std::size_t(kind)]), n);
    }
    return errors;
}

void IdleConnections::close()
{
    if (!m_state)
        return;
    State &state = *m_state;
    net::post(state.threads.context(0), [&state] {
        state.stopping = true;
        for (const auto &stream : state.streams)
            stream->close();
    });
    state.threads.join();
    state.streams.clear();  // before the io_context they belong to
    m_state.reset();
}

} // namespace showdown
