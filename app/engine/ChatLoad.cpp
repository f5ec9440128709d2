#include "ChatLoad.h"

#include "IoThreads.h"
#include "LoadPhases.h"
#include "LoopbackUrl.h"


#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <atomic>
#include <cmath>
#include <mutex>
#include <optional>

namespace showdown {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using Clock = LoadPhases::Clock;
using std::chrono::milliseconds;

enum Failure : int { Connect, Handshake, Read, Write, Closed, FailureKinds };
constexpr std::array<const char *, FailureKinds> kFailureNames = {"connect", "handshake", "read", "write", "closed"};
/// How long after the measured phase a delivery of one of its messages still counts: a tenth of the phase,
/// at least 100 ms for the last messages' round trip, at most 1 s. Bounded, so a server that falls behind
/// cannot catch up after the phase and look as if it had kept up: what arrives later is lost.
Clock::duration graceFor(double durationS)
{
    const auto tenth = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(durationS / 10));
    return std::clamp<Clock::duration>(tenth, milliseconds(100), milliseconds(1000));
}

struct Client {
    Client(net::io_context &context, int id) : ws(context), timer(context), id(id) {}

    websocket::stream<beast::tcp_stream> ws;
    net::steady_timer timer;  ///< the send schedule
    beast::flat_buffer buffer;
    int id;
    bool open = false;
};

/// Everything the clients share. Plain members are touched only by the io thread; the atomics are also
/// read by the coordinating thread.
struct Room {
    tcp::endpoint endpoint;
    std::string host;
    std::string target;
    milliseconds timeout{};
    int payloadBytes = 0;
    double rate = 0;
    std::optional<LoadPhases> phases;  ///< set when the room is full and sending starts
    Clock::time_point countUntil;      ///< deliveries after this (the phase's end plus the grace) are lost
    std::vector<std::unique_ptr<Client>> clients;
    int connected = 0;
    bool stopping = false;
    qint64 sent = 0;
    LatencyHistogram latency;
    std::array<qint64, FailureKinds> failures{};

    std::atomic<int> setUp{0};        ///< clients whose connect and handshake finished, either way
    std::atomic<int> joined{0};       ///< clients that completed the handshake
    std::atomic<int> writersActive{0};
    std::atomic<qint64> delivered{0};
    std::atomic<qint64> expected{0};
    std::mutex mutex;
    QString firstError;               ///< why the first client failed to join, guarded by mutex

    void leave(Client &client)
    {
        if (client.open) {
            client.open = false;
            --connected;
        }
        beast::get_lowest_layer(client.ws).close();
        client.timer.cancel();
    }
};

auto token(boost::system::error_code &ec)
{
    return net::redirect_error(net::use_awaitable, ec);
}

std::string message(int client, qint64 seq, qint64 sendNs, int payloadBytes)
{
    std::string text = "{\"c\":" + std::to_string(client) + ",\"s\":" + std::to_string(seq)
        + ",\"t\":" + std::to_string(sendNs) + ",\"p\":\"";
    const std::size_t closing = 2;
    if (std::size_t(payloadBytes) > text.size() + closing)
        text.append(std::size_t(payloadBytes) - text.size() - closing, 'x');
    return text + "\"}";
}

/// The send time of one of our messages (see message()), or nothing when the text is not one. A scan of
/// the fixed layout rather than a JSON parse: at a thousand clients the generator reads hundreds of
/// thousands of deliveries a second on one thread, and a full parse of each made it the bottleneck.
std::optional<qint64> sendTime(std::string_view text)
{
    constexpr std::string_view head = "{\"c\":", key = ",\"t\":", tail = "\"}";
    if (text.size() < head.size() + key.size() + tail.size() || text.substr(0, head.size()) != head
        || text.substr(text.size() - tail.size()) != tail)
        return std::nullopt;
    const std::size_t at = text.find(key);
    if (at == std::string_view::npos)
        return std::nullopt;
    qint64 value = -1;
    const char *begin = text.data() + at + key.size();
    const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec != std::errc() || end == begin || value < 0 || *end != ',')
        return std::nullopt;
    return value;
}

/// Sends this client's share of the messages on its schedule until the measured phase ends.
net::awaitable<void> sendLoop(Room &room, Client &client, int slot)
{
    const LoadPhases &phases = *room.phases;
    const auto toDuration = [](double seconds) {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    };
    // The room's rate is spread over the clients present, each starting a little after the previous one.
    const Clock::duration interval = toDuration(room.connected / room.rate);
    Clock::time_point intended = phases.start() + toDuration(slot / room.rate);
    boost::system::error_code ec;
    qint64 seq = 0;
    while (!room.stopping && client.open && intended < phases.measureEnd()) {
        if (Clock::now() < intended) {
            client.timer.expires_at(intended);
            co_await client.timer.async_wait(token(ec));
            if (room.stopping || !client.open)
                break;
        }
        // Delivery latency counts from the scheduled time, so a backlog in the sender shows up in it.
        const qint64 sendNs = std::chrono::duration_cast<std::chrono::nanoseconds>(intended.time_since_epoch()).count();
        const bool measured = phases.measured(intended);
        const int audience = room.connected;
        if (measured) {
            ++room.sent;
            room.expected += audience;
        }
        const std::string text = message(client.id, seq++, sendNs, room.payloadBytes);
        co_await client.ws.async_write(net::buffer(text), token(ec));
        if (room.stopping || !client.open)
            break;  // stopped, or the reader already counted the drop
        if (ec) {
            if (measured) {
                --room.sent;
                room.expected -= audience;
            }
            ++room.failures[Write];
            room.leave(client);
            break;
        }
        intended += interval;
    }
    --room.writersActive;
}

/// Joins the room, then reads every broadcast until the client is dropped or the run stops.
net::awaitable<void> clientLoop(Room &room, Client &client)
{
    boost::system::error_code ec;
    auto &socket = beast::get_lowest_layer(client.ws);
    socket.expires_after(room.timeout);
    co_await socket.async_connect(room.endpoint, token(ec));
    Failure failure = Connect;
    if (!ec && !room.stopping) {
        // Beast's websocket keeps its own timeouts; the TCP stream's must be off once the handshake starts.
        socket.expires_never();
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = room.timeout;
        timeouts.idle_timeout = websocket::stream_base::none();
        timeouts.keep_alive_pings = false;
        client.ws.set_option(timeouts);
        client.ws.text(true);
        failure = Handshake;
        co_await client.ws.async_handshake(room.host, room.target, token(ec));
    }
    if (ec || room.stopping) {
        if (!room.stopping) {
            ++room.failures[failure];
            std::lock_guard lock(room.mutex);
            if (room.firstError.isEmpty())
                room.firstError = QString::fromStdString(ec.message());
        }
        ++room.setUp;
        co_return;
    }
    client.open = true;
    ++room.connected;
    ++room.joined;
    ++room.setUp;

    while (!room.stopping) {
        client.buffer.clear();
        co_await client.ws.async_read(client.buffer, token(ec));
        if (room.stopping || !client.open)
            break;  // stopped, or the writer already counted the failure
        if (ec) {
            const bool dropped = ec == websocket::error::closed || ec == net::error::eof
                || ec == net::error::connection_reset || ec == net::error::broken_pipe;
            ++room.failures[dropped ? Closed : Read];
            room.leave(client);
            break;
        }
        const Clock::time_point now = Clock::now();
        const std::string_view text(static_cast<const char *>(client.buffer.data().data()), client.buffer.size());
        const std::optional<qint64> sendNs = sendTime(text);
        if (!sendNs || !room.phases) {
            ++room.failures[Read];  // not one of our messages: the server altered or invented it
            continue;
        }
        const Clock::time_point sentAt{std::chrono::nanoseconds(*sendNs)};
        if (room.phases->measured(sentAt) && now <= room.countUntil) {
            ++room.delivered;
            room.latency.record(std::chrono::duration_cast<std::chrono::nanoseconds>(now - sentAt).count());
        }
    }
}

QString validate(const ChatOptions &options)
{
    if (options.clients < 1 || options.clients > 100000)
        return QStringLiteral("clients must be between 1 and 100000 (got %1)").arg(options.clients);
    if (!std::isfinite(options.messagesPerSecond) || options.messagesPerSecond <= 0)
        return QStringLiteral("the message rate must be a positive number per second (got %1)").arg(options.messagesPerSecond);
    if (!std::isfinite(options.durationS) || options.durationS <= 0)
        return QStringLiteral("duration must be a positive number of seconds (got %1)").arg(options.durationS);
    if (!std::isfinite(options.warmupS) || options.warmupS < 0)
        return QStringLiteral("warm-up must be zero or more seconds (got %1)").arg(options.warmupS);
    if (options.payloadBytes < 0 || options.payloadBytes > 1 << 20)
        return QStringLiteral("payload must be 0 to 1048576 bytes (got %1)").arg(options.payloadBytes);
    if (options.timeoutMs < 1)
        return QStringLiteral("timeout must be at least 1 ms (got %1)").arg(options.timeoutMs);
    return {};
}

} // namespace

double ChatResult::deliveredPerSec() const
{
    return durationS > 0 ? double(delivered) / durationS : 0.0;
}

ChatResult ChatLoad::run(const ChatOptions &options, std::stop_token stop)
{
    ChatResult result;
    result.error = validate(options);
    if (!result.error.isEmpty())
        return result;
    const std::optional<LoopbackUrl> url = LoopbackUrl::parse(options.url, QStringLiteral("ws"), &result.error);
    if (!url)
        return result;
    const QString fileLimitProblem = IoThreads::ensureFileLimit(options.clients + 64);

    // One thread: every delivery updates the room's counters, and a chat server is the bottleneck long
    // before one generator thread is.
    IoThreads threads(1);
    net::io_context &context = threads.context(0);
    Room room;
    room.endpoint = tcp::endpoint(net::ip::make_address(url->address()), url->port());
    room.host = url->hostHeader();
    room.target = url->target();
    room.timeout = milliseconds(options.timeoutMs);
    room.payloadBytes = options.payloadBytes;
    room.rate = options.messagesPerSecond;
    for (int i = 0; i < options.clients; ++i) {
        room.clients.push_back(std::make_unique<Client>(context, i));
        net::co_spawn(context, clientLoop(room, *room.clients.back()), net::detached);
    }
    threads.start();

    // Read only after finish(), once the io thread is joined.
    const auto collectFailures = [&] {
        for (int kind = 0; kind < FailureKinds; ++kind) {
            if (room.failures[std::size_t(kind)] > 0)
                result.errors[QLatin1String(kFailureNames[std::size_t(kind)])] = room.failures[std::size_t(kind)];
        }
    };
    const auto finish = [&] {
        net::post(context, [&room] {
            room.stopping = true;
            for (const auto &client : room.clients)
                room.leave(*client);
        });
        threads.join();
    };

    const Clock::time_point joinDeadline = Clock::now() + room.timeout + milliseconds(200);
    while (room.setUp < options.clients && Clock::now() < joinDeadline
           && LoadPhases::sleepUntil(std::min(Clock::now() + milliseconds(5), joinDeadline), stop)) {
    }
    if (room.joined == 0 && !stop.stop_requested()) {
        finish();
        collectFailures();
        std::lock_guard lock(room.mutex);
        result.error = QStringLiteral("no chat client could join %1: %2")
                           .arg(options.url,
                                room.firstError.isEmpty() ? QStringLiteral("no handshake within the timeout") : room.firstError);
        if (!fileLimitProblem.isEmpty())
            result.error += QStringLiteral(" (%1)").arg(fileLimitProblem);
        return result;
    }

    // The room is as full as it will get: start every present client's schedule on one shared timeline.
    const LoadPhases phases(options.warmupS, options.durationS);
    const Clock::time_point countUntil = phases.measureEnd() + graceFor(options.durationS);
    net::post(context, [&context, &room, phases, countUntil] {
        room.phases = phases;
        room.countUntil = countUntil;
        int slot = 0;
        for (const auto &client : room.clients) {
            if (!client->open)
                continue;
            ++room.writersActive;
            net::co_spawn(context, sendLoop(room, *client, slot++), net::detached);
        }
    });

    qint64 cpuAtStart = -1;
    bool stopped = !LoadPhases::sleepUntil(phases.measureStart(), stop);
    if (!stopped) {
        cpuAtStart = threads.cpuNs();
        if (options.onMeasureStart)
            options.onMeasureStart();
        stopped = !LoadPhases::sleepUntil(phases.measureEnd(), stop);
        if (options.onMeasureEnd)
            options.onMeasureEnd();
    }
    const qint64 cpuAtEnd = cpuAtStart >= 0 ? threads.cpuNs() : -1;
    result.durationS = phases.measuredSeconds(Clock::now());
    while (!stopped && (room.writersActive > 0 || room.delivered < room.expected) && Clock::now() < countUntil)
        stopped = !LoadPhases::sleepUntil(std::min(Clock::now() + milliseconds(10), countUntil), stop);
    finish();

    result.sent = room.sent;
    result.expectedDeliveries = room.expected;
    // Never more than was offered: copies beyond one per message and client are the server's error.
    result.delivered = std::min<qint64>(room.delivered, room.expected);
    if (room.delivered > room.expected)
        result.errors[QStringLiteral("duplicate")] = room.delivered - room.expected;
    result.latency = room.latency;
    collectFailures();
    // A stopped run did not wait for deliveries in flight, so missing ones are not known to be lost.
    if (!stopped && result.expectedDeliveries > result.delivered)
        result.errors[QStringLiteral("lost")] = result.expectedDeliveries - result.delivered;
    if (cpuAtStart >= 0 && cpuAtEnd >= cpuAtStart)
        result.generatorCpuNs = cpuAtEnd - cpuAtStart;
    if (stopped)
        result.error = QStringLiteral("stopped after %1 s of the %2 s measured phase")
                           .arg(result.durationS, 0, 'f', 2)
                           .arg(options.durationS);
    else if (result.delivered == 0)
        result.error = QStringLiteral("no message was delivered in the measured phase");
    return result;
}

} // namespace showdown
