#pragma once

#include <QJsonObject>
#include <QString>

namespace showdown {

/// One measured point of a server benchmark (an endpoint at a connection count, an idle-connection count,
/// or a chat room size), with the raw latency histogram so every percentile can be recomputed.
struct LoadPoint {
    QString kind;          ///< "http", "idle" or "chat"
    QString endpoint;      ///< "/plaintext", "/json", "/delay", "/cpu"; "/chat"; empty for idle
    int connections = 0;   ///< keep-alive connections, idle connections, or chat clients
    int workers = 1;       ///< server worker processes
    double rate = 0;       ///< open loop: target requests (chat: messages sent) per second in total; 0 = closed loop
    double durationS = 0;  ///< measured seconds, warm-up excluded
    qint64 completed = 0;  ///< responses that passed every check (chat: messages delivered)
    qint64 sent = 0;       ///< requests (chat: messages) sent
    QJsonObject errors;    ///< count per kind: connect, read, write, timeout, status, body, closed, ...
    QJsonObject latency;   ///< LatencyHistogram::toJson(): the raw bucket counts, in nanoseconds
    qint64 generatorCpuNs = 0;  ///< CPU the load generator itself used during the point
    qint64 serverCpuNs = -1;    ///< CPU of every server process during the point; -1 when unknown
    qint64 serverPssKb = -1;    ///< server memory (PSS summed over its processes) at the end of the point
    QString error;              ///< a failure that voided the whole point (server died, refused target)
    /// > 0: this point is one step of a capacity search (open loop at `rate`) judged against a p99 objective of
    /// this many milliseconds (LatencyObjective); 0: a sweep point at a fixed connection count or rate.
    double sloP99Ms = 0;

    [[nodiscard]] double throughput() const { return durationS > 0 ? double(completed) / durationS : 0; }
    [[nodiscard]] qint64 errorCount() const
    {
        qint64 total = 0;
        for (auto it = errors.begin(); it != errors.end(); ++it)
            total += it.value().toInteger();
        return total;
    }
    [[nodiscard]] bool valid() const { return error.isEmpty() && completed > 0; }
};

} // namespace showdown
