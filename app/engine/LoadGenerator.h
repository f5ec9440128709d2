#pragma once

#include "HttpRequestSpec.h"
#include "LatencyHistogram.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <functional>
#include <stop_token>

namespace showdown {

/// What to load and how: wrk's closed loop (each connection sends its next request when the previous
/// response arrives) or wrk2's open loop (a constant total rate; latency counted from each request's
/// intended send time, so a stalled server cannot hide its stall by slowing the generator down).
struct LoadOptions {
    QString url;                 ///< http://127.0.0.1:PORT/path ; only loopback hosts (127.0.0.0/8, ::1, localhost)
    int connections = 1;         ///< keep-alive connections, one request in flight on each
    double durationS = 5;        ///< measured phase
    double warmupS = 0;          ///< load applied but not recorded, before the measured phase
    double rate = 0;             ///< 0 = closed loop; > 0 = open loop at this many requests/s in total
    QByteArray expectedBody;     ///< when non-empty, every 2xx body must equal it exactly, else a "body" error
    /// The method, headers and body sent (serialised once), the status that counts as right (a "status" error
    /// otherwise) and the SHA-256 the body must have (hashed as it streams in); default: a bare GET, any 2xx.
    HttpRequestSpec request;
    int timeoutMs = 5000;        ///< per request; a timed-out connection is reconnected and counted
    int threads = 1;             ///< io_context threads for the generator
    /// Called on the calling thread as the measured phase begins and ends, so a caller can read the
    /// server's CPU clock over exactly the measured phase while the connections stay warm.
    std::function<void()> onMeasureStart;
    std::function<void()> onMeasureEnd;
};

/// One load run's measured phase. Every failure in that phase is counted by kind rather than aborting the
/// run (failures during warm-up are not counted, like its requests).
struct LoadResult {
    qint64 completed = 0;        ///< 2xx responses with the expected body, finished in the measured phase
    qint64 sent = 0;             ///< requests written in the measured phase
    qint64 bytes = 0;            ///< response bytes read in the measured phase
    double durationS = 0;        ///< length of the measured phase actually run (shorter when stopped)
    LatencyHistogram latency;    ///< of the completed requests, ns
    QMap<QString, qint64> errors;  ///< connect, read, write, timeout, status (not the expected), body (mismatch), closed
    qint64 generatorCpuNs = 0;   ///< CPU time of the generator's threads during the measured phase
    QString error;               ///< fatal: bad options, refused target, nothing could connect, stopped, nothing completed

    /// Throughput as wrk reports it: completed requests per measured second.
    [[nodiscard]] double requestsPerSec() const;
};

/// The built-in HTTP/1.1 load generator (Boost.Asio + Beast): it measures the benchmark servers so every
/// run records its own CPU use and counts every error, instead of depending on an external wrk.
class LoadGenerator {
public:
    /// Runs warm-up then the measured phase and returns; blocks the calling (worker) thread meanwhile.
    /// Returns early, with the phase so far, when `stop` is requested. Never hangs on a dead server:
    /// every request has a timeout and failed connects are retried with a back-off until the end.
    [[nodiscard]] static LoadResult run(const LoadOptions &options, std::stop_token stop);
};

} // namespace showdown
