#pragma once

#include "HttpRequestSpec.h"
#include "LoadPoint.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <stop_token>

namespace showdown {

/// What a load point asks of the generator; the server under test is already listening.
struct LoadRequest {
    QString url;              ///< http://127.0.0.1:PORT/path or ws://127.0.0.1:PORT/chat
    int connections = 1;      ///< connections, idle connections or chat clients
    double durationS = 1;
    double rate = 0;          ///< 0: closed loop; otherwise requests (chat: messages) per second in total
    QByteArray expectedBody;  ///< http and idle: every response must carry exactly these bytes
    double warmupS = 0;       ///< load on the same connections before the measured phase, not counted
    /// http: the request sent and its required status (and body digest); the default is the built-in bare GET.
    HttpRequestSpec request = {};
    /// Called as the measured phase begins and ends: the server's CPU is read over exactly that span.
    std::function<void()> onMeasureStart;
    std::function<void()> onMeasureEnd;
};

/// Puts load on a server. The real driver is the built-in Boost.Asio/Beast generator; tests use a fake so
/// the suite logic around servers is checked without sockets.
class LoadDriver {
public:
    virtual ~LoadDriver() = default;
    /// Keep-alive HTTP load for `durationS`; fills completed/sent/errors/latency/generatorCpuNs.
    [[nodiscard]] virtual LoadPoint http(const LoadRequest &request, std::stop_token stop) = 0;
    /// A WebSocket chat room of `connections` clients sending `rate` messages per second in total.
    [[nodiscard]] virtual LoadPoint chat(const LoadRequest &request, std::stop_token stop) = 0;
    /// Opens `connections` keep-alive connections, makes one request on each, and calls `whileHeld` while
    /// they are all open and idle (to read the server's memory); closes them before returning.
    [[nodiscard]] virtual LoadPoint idle(const LoadRequest &request, const std::function<void(LoadPoint &)> &whileHeld,
                                         std::stop_token stop) = 0;
};

} // namespace showdown
