#pragma once

#include "LatencyHistogram.h"

#include <QMap>
#include <QString>

#include <functional>
#include <stop_token>

namespace showdown {

/// A WebSocket chat room under load, to test "Node is the choice for real-time apps": `clients` clients
/// join, together they send `messagesPerSecond` messages on a fixed schedule, and the server must deliver
/// every message to every client (the sender included).
struct ChatOptions {
    QString url;                    ///< ws://127.0.0.1:P/chat ; loopback only
    int clients = 100;
    double messagesPerSecond = 100; ///< total sent, spread evenly over the clients
    double durationS = 5;           ///< measured phase
    double warmupS = 1;             ///< messages sent but not counted, before the measured phase
    int payloadBytes = 64;          ///< each message is padded to this size
    int timeoutMs = 5000;           ///< connect and handshake
    /// Called on the calling thread as the measured phase begins and ends (see LoadOptions).
    std::function<void()> onMeasureStart;
    std::function<void()> onMeasureEnd;
};

/// The measured phase of a chat run. Only messages whose send was due in the measured phase count.
struct ChatResult {
    qint64 sent = 0;                ///< messages sent in the measured phase
    /// Deliveries of those messages that arrived by the phase's end plus a bounded grace (a tenth of the
    /// phase, 0.1 to 1 s), never more than expectedDeliveries; the rest count as errors["lost"].
    qint64 delivered = 0;
    qint64 expectedDeliveries = 0;  ///< per message sent: the number of clients connected at the time
    double durationS = 0;           ///< length of the measured phase actually run
    LatencyHistogram latency;       ///< from each message's scheduled send time to its delivery, ns
    QMap<QString, qint64> errors;   ///< connect, handshake, read, write, closed, lost
    qint64 generatorCpuNs = 0;      ///< CPU time of the generator's thread during the measured phase
    QString error;                  ///< fatal: bad options, refused target, no client connected, stopped

    /// Deliveries per measured second, the room's real throughput (every message fans out to every client).
    [[nodiscard]] double deliveredPerSec() const;
};

/// Runs a chat room of WebSocket clients (Boost.Beast) against a chat server and times every delivery.
/// Clients send {"c":CLIENT,"s":SEQ,"t":SEND_NS} (padded with "p"); t is this process's steady clock, so
/// every receiver can time the delivery itself. A client the server drops is counted as "closed" and not
/// replaced; deliveries still missing at the end of the grace after the phase are counted as "lost".
class ChatLoad {
public:
    /// Connects every client, runs warm-up then the measured phase, waits out the grace for deliveries in
    /// flight, and returns; blocks the calling (worker) thread meanwhile and returns early on `stop`.
    [[nodiscard]] static ChatResult run(const ChatOptions &options, std::stop_token stop);
};

} // namespace showdown
