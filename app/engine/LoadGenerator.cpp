#include "LoadGenerator.h"

#include "IoThreads.h"
#include "LoadPhases.h"
#include "LoopbackUrl.h"
#include "ResponseParser.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <atomic>
#include <cmath>
#include <mutex>
#include <optional>
#include <sstream>

namespace showdown {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = LoadPhases::Clock;
using std::chrono::milliseconds;

enum Failure : int { Connect, Read, Write, Timeout, Status, Body, Closed, FailureKinds };
constexpr std::array<const char *, FailureKinds> kFailureNames = {"connect", "read",  "write", "timeout",
                                                                   "status",  "body", "closed"};
// A refused connect fails at once; without a pause a dead server would turn the generator into a busy loop.
constexpr milliseconds kFirstBackoff{5};
constexpr milliseconds kLongestBackoff{250};

/// Everything the connections share, fixed before the first one starts.
struct Plan {
    tcp::endpoint endpoint;
    std::string request;          ///< the request, serialised once by Beast: every request is the same bytes
    QByteArray expectedBody;
    QByteArray expectedDigest;    ///< the body's SHA-256, raw; empty: not checked
    HttpRequestSpec spec;         ///< the status that counts as right
    bool head = false;            ///< HEAD: responses announce a length but carry no body
    Clock::duration timeout{};
    Clock::duration interval{};   ///< open loop: time between one connection's intended sends; 0 = closed loop
    Clock::duration stagger{};    ///< open loop: offset between consecutive connections' first sends
    LoadPhases phases;
};

/// Whether the first connect of every connection worked: if none did, the target is refused outright.
struct InitialConnects {
    std::atomic<int> done{0};
    std::atomic<int> connected{0};
    std::mutex mutex;
    QString firstError;

    void report(const boost::system::error_code &ec)
    {
        if (ec) {
            std::lock_guard lock(mutex);
            if (firstError.isEmpty())
                firstError = QString::fromStdString(ec.message());
        } else {
            ++connected;
        }
        ++done;
    }
};

/// One keep-alive connection with one request in flight at a time.
struct Connection {
    explicit Connection(net::io_context &context) : socket(context), timer(context) {}

    tcp::socket socket;
    net::steady_timer timer;      ///< open-loop schedule and reconnect back-off
    beast::flat_buffer buffer;
    std::optional<ResponseParser> parser;
    Clock::time_point deadline = Clock::time_point::max();  ///< checked by sweep(), not by a timer per request
    bool timedOut = false;

    void arm(Clock::duration timeout)
    {
        timedOut = false;
        deadline = Clock::now() + timeout;
    }
    void disarm() { deadline = Clock::time_point::max(); }
    void drop()
    {
        boost::system::error_code ignored;
        socket.close(ignored);
    }
};

/// The connections of one thread and their counters; touched only by that thread until it is joined.
struct Lane {
    Lane(net::io_context &context, const Plan &plan, InitialConnects &initial)
        : context(context), plan(plan), initial(initial), sweepTimer(context)
    {
    }

    net::io_context &context;
    const Plan &plan;
    InitialConnects &initial;
    std::vector<std::unique_ptr<Connection>> connections;
    net::steady_timer sweepTimer;
    bool stopping = false;
    LatencyHistogram latency;
    qint64 completed = 0, sent = 0, bytes = 0;
    std::array<qint64, FailureKinds> failures{};

    void fail(Failure kind)
    {
        if (plan.phases.measured(Clock::now()))
            ++failures[kind];
    }
};

Failure readFailure(const boost::system::error_code &ec)
{
    // The server went away mid-request (closed, reset, died) as opposed to sending something unreadable.
    if (ec == http::error::end_of_stream || ec == http::error::partial_message || ec == net::error::eof
        || ec == net::error::connection_reset || ec == net::error::broken_pipe)
        return Closed;
    return Read;
}

net::awaitable<void> drive(Lane &lane, Connection &c, int index)
{
    const Plan &plan = lane.plan;
    const bool openLoop = plan.interval.count() > 0;
    const auto token = [](boost::system::error_code &ec) { return net::redirect_error(net::use_awaitable, ec); };
    boost::system::error_code ec;
    bool firstAttempt = true;
    Clock::duration backoff = kFirstBackoff;
    Clock::time_point intended = plan.phases.start() + plan.stagger * index;

    while (!lane.stopping) {
        if (!c.socket.is_open()) {
            c.arm(plan.timeout);
            co_await c.socket.async_connect(plan.endpoint, token(ec));
            c.disarm();
            if (lane.stopping)
                co_return;
            if (firstAttempt) {
                firstAttempt = false;
                lane.initial.report(ec);
            }
            if (ec) {
                lane.fail(Connect);
                c.drop();
                c.timer.expires_after(backoff);
                co_await c.timer.async_wait(token(ec));
                backoff = std::min<Clock::duration>(backoff * 2, kLongestBackoff);
                continue;
            }
            backoff = kFirstBackoff;
            c.socket.set_option(tcp::no_delay(true), ec);
            c.buffer.clear();
        }

        if (openLoop && Clock::now() < intended) {
            c.timer.expires_at(intended);
            co_await c.timer.async_wait(token(ec));
            if (lane.stopping)
                co_return;
        }
        const Clock::time_point actual = Clock::now();
        // Open loop: a request that leaves late because the server was slow still counts from when it was
        // due (wrk2's correction for coordinated omission).
        const Clock::time_point origin = openLoop ? intended : actual;
        intended += plan.interval;

        c.arm(plan.timeout);
        co_await net::async_write(c.socket, net::buffer(plan.request), token(ec));
        if (lane.stopping)
            co_return;
        if (ec) {
            c.disarm();
            lane.fail(c.timedOut ? Timeout : Write);
            c.drop();
            continue;
        }
        if (plan.phases.measured(actual))
            ++lane.sent;

        c.parser.emplace(plan.expectedBody, plan.expectedDigest);
        if (plan.head)
            c.parser->skip(true);
        const std::size_t read = co_await http::async_read(c.socket, c.buffer, *c.parser, token(ec));
        c.disarm();
        if (lane.stopping)
            co_return;
        if (ec) {
            lane.fail(c.timedOut ? Timeout : readFailure(ec));
            c.drop();
            continue;
        }
        const Clock::time_point done = Clock::now();
        if (plan.phases.measured(done)) {
            lane.bytes += qint64(read);
            const int status = c.parser->status();
            if (!plan.spec.statusMatches(status)) {
                ++lane.failures[Status];
            } else if (!c.parser->bodyMatches()) {
                ++lane.failures[Body];
            } else {
                ++lane.completed;
                lane.latency.record(std::chrono::duration_cast<std::chrono::nanoseconds>(done - origin).count());
            }
        }
        if (!c.parser->keep_alive())
            c.drop();
    }
}

/// One timer per thread enforces every request's timeout: cheaper than arming a timer per request.
net::awaitable<void> sweep(Lane &lane, Clock::duration tick)
{
    boost::system::error_code ec;
    while (!lane.stopping) {
        lane.sweepTimer.expires_after(tick);
        co_await lane.sweepTimer.async_wait(net::redirect_error(net::use_awaitable, ec));
        if (lane.stopping)
            co_return;
        const Clock::time_point now = Clock::now();
        for (const auto &connection : lane.connections) {
            if (connection->deadline <= now) {
                connection->timedOut = true;
                connection->disarm();
                connection->drop();  // completes the pending operation with an error
            }
        }
    }
}

void stopLane(Lane &lane)
{
    // Every coroutine is suspended on one of these; each resumes with an error, sees `stopping` and ends,
    // and then the thread runs out of work.
    lane.stopping = true;
    for (const auto &connection : lane.connections) {
        connection->drop();
        connection->timer.cancel();
    }
    lane.sweepTimer.cancel();
}

QString validate(const LoadOptions &options)
{
    if (options.connections < 1 || options.connections > 100000)
        return QStringLiteral("connections must be between 1 and 100000 (got %1)").arg(options.connections);
    if (!std::isfinite(options.durationS) || options.durationS <= 0)
        return QStringLiteral("duration must be a positive number of seconds (got %1)").arg(options.durationS);
    if (!std::isfinite(options.warmupS) || options.warmupS < 0)
        return QStringLiteral("warm-up must be zero or more seconds (got %1)").arg(options.warmupS);
    if (!std::isfinite(options.rate) || options.rate < 0)
        return QStringLiteral("rate must be zero (closed loop) or a positive number of requests/s (got %1)")
            .arg(options.rate);
    if (options.timeoutMs < 1)
        return QStringLiteral("timeout must be at least 1 ms (got %1)").arg(options.timeoutMs);
    if (options.threads < 1 || options.threads > 256)
        return QStringLiteral("threads must be between 1 and 256 (got %1)").arg(options.threads);
    return {};
}

std::string serializedRequest(const LoopbackUrl &url, const HttpRequestSpec &spec)
{
    std::ostringstream text;
    if (spec.plainGet()) {
        http::request<http::empty_body> request{http::verb::get, url.target(), 11};
        // Host only, as wrk sends: every extra header is work for the server under test, so the request is
        // the smallest HTTP/1.1 allows.
        request.set(http::field::host, url.hostHeader());
        text << request;
        return text.str();
    }
    // A user's request (USER_BENCHMARKS.md): its method, then Host, its own headers, and its body with the
    // Content-Length that goes with it, as declared; still serialised once for every request of the point.
    http::request<http::string_body> request;
    request.method_string(beast::string_view(spec.method.constData(), std::size_t(spec.method.size())));
    request.target(url.target());
    request.version(11);
    request.set(http::field::host, url.hostHeader());
    for (const auto &[name, value] : spec.headers)
        request.set(beast::string_view(name.constData(), std::size_t(name.size())), beast::string_view(value.constData(), std::size_t(value.size())));
    request.body().assign(spec.body.constData(), std::size_t(spec.body.size()));
    request.prepare_payload();
    text << request;
    return text.str();
}

} // namespace

double LoadResult::requestsPerSec() const
{
    return durationS > 0 ? double(completed) / durationS : 0.0;
}

LoadResult LoadGenerator::run(const LoadOptions &options, std::stop_token stop)
{
    LoadResult result;
    result.error = validate(options);
    if (!result.error.isEmpty())
        return result;
    const std::optional<LoopbackUrl> url = LoopbackUrl::parse(options.url, QStringLiteral("http"), &result.error);
    if (!url)
        return result;
    const QString fileLimitProblem = IoThreads::ensureFileLimit(options.connections + 64);

    const auto toDuration = [](double seconds) {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    };
    const Plan plan{tcp::endpoint(net::ip::make_address(url->address()), url->port()),
                    serializedRequest(*url, options.request),
                    options.expectedBody,
                    QByteArray::fromHex(options.request.expectedBodySha256),
                    options.request,
                    options.request.method == "HEAD",
                    milliseconds(options.timeoutMs),
                    options.rate > 0 ? toDuration(options.connections / options.rate) : Clock::duration::zero(),
                    options.rate > 0 ? toDuration(1.0 / options.rate) : Clock::duration::zero(),
                    LoadPhases(options.warmupS, options.durationS)};

    IoThreads threads(std::min(options.threads, options.connections));
    InitialConnects initial;
    std::vector<std::unique_ptr<Lane>> lanes;
    for (int t = 0; t < threads.size(); ++t)
        lanes.push_back(std::make_unique<Lane>(threads.context(t), plan, initial));
    const Clock::duration tick = std::clamp<Clock::duration>(plan.timeout / 10, milliseconds(1), milliseconds(100));
    for (int i = 0; i < options.connections; ++i) {
        Lane &lane = *lanes[std::size_t(i % threads.size())];
        lane.connections.push_back(std::make_unique<Connection>(lane.context));
        net::co_spawn(lane.context, drive(lane, *lane.connections.back(), i), net::detached);
    }
    for (const auto &lane : lanes)
        net::co_spawn(lane->context, sweep(*lane, tick), net::detached);
    threads.start();

    const auto finish = [&] {
        for (const auto &lane : lanes)
            net::post(lane->context, [&lane = *lane] { stopLane(lane); });
        threads.join();
    };

    // Loopback connects resolve within milliseconds; the short poll only lasts until every first attempt is in.
    const Clock::time_point connectDeadline = Clock::now() + plan.timeout + milliseconds(100);
    while (initial.done < options.connections && Clock::now() < connectDeadline
           && LoadPhases::sleepUntil(std::min(Clock::now() + milliseconds(2), connectDeadline), stop)) {
    }
    // Not one connection on the first try: the target refuses, so there is nothing to measure.
    const bool refused = initial.connected == 0 && !stop.stop_requested();
    qint64 cpuAtStart = -1;
    qint64 cpuAtEnd = -1;
    bool stopped = false;
    if (!refused) {
        stopped = !LoadPhases::sleepUntil(plan.phases.measureStart(), stop);
        if (!stopped) {
            cpuAtStart = threads.cpuNs();
            if (options.onMeasureStart)
                options.onMeasureStart();
            stopped = !LoadPhases::sleepUntil(plan.phases.measureEnd(), stop);
            cpuAtEnd = threads.cpuNs();
            if (options.onMeasureEnd)
                options.onMeasureEnd();
        }
        result.durationS = plan.phases.measuredSeconds(Clock::now());
    }
    finish();

    for (const auto &lane : lanes) {
        result.completed += lane->completed;
        result.sent += lane->sent;
        result.bytes += lane->bytes;
        result.latency.merge(lane->latency);
        for (int kind = 0; kind < FailureKinds; ++kind) {
            if (lane->failures[std::size_t(kind)] > 0)
                result.errors[QLatin1String(kFailureNames[std::size_t(kind)])] += lane->failures[std::size_t(kind)];
        }
    }
    if (refused) {
        std::lock_guard lock(initial.mutex);
        result.error = QStringLiteral("could not connect to %1:%2: %3")
                           .arg(QString::fromStdString(url->address()))
                           .arg(url->port())
                           .arg(initial.firstError.isEmpty() ? QStringLiteral("no connection within the timeout")
                                                             : initial.firstError);
        if (!fileLimitProblem.isEmpty())
            result.error += QStringLiteral(" (%1)").arg(fileLimitProblem);
        return result;
    }
    if (cpuAtStart >= 0 && cpuAtEnd >= cpuAtStart)
        result.generatorCpuNs = cpuAtEnd - cpuAtStart;
    if (stopped)
        result.error = QStringLiteral("stopped after %1 s of the %2 s measured phase")
                           .arg(result.durationS, 0, 'f', 2)
                           .arg(options.durationS);
    else if (result.completed == 0)
        result.error = QStringLiteral("no request completed in the measured phase");
    return result;
}

} // namespace showdown
