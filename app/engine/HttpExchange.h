#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>

namespace showdown {

/// One HTTP/1.1 request to a server on 127.0.0.1 and its whole response, under a deadline: what
/// `benchmarks check` sends to a user's server to see that it is ready and answers right. Not a load generator
/// (LoadGenerator is): it keeps the body and the status, and blocks its (worker) thread.
class HttpExchange {
public:
    /// What came back, or why nothing did.
    struct Reply {
        int status = 0;      ///< 0: no response (error says why)
        QByteArray body;
        QString error;
        [[nodiscard]] bool answered() const { return status != 0; }
    };

    /// Sends `method path` with `headers` and `body` (Content-Length set when there is a body) to 127.0.0.1:`port`
    /// and reads the response (at most 16 MiB of body); gives up after `timeout` in all.
    [[nodiscard]] static Reply send(quint16 port, const QByteArray &method, const QString &path,
                                    const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                                    std::chrono::milliseconds timeout);
};

} // namespace showdown
