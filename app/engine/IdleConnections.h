#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <memory>

namespace showdown {

/// Holds N keep-alive connections open and idle against a server, so the caller can read how much memory
/// the server needs per connection ("the event loop handles thousands of connections without gobbling
/// memory"). Each connection first makes one GET, so the server has really served it. The connections
/// live on an io thread of their own, which also notices when the server drops one.
class IdleConnections {
public:
    /// Holds nothing until open(); no thread runs before that.
    IdleConnections();
    /// Closes every connection and joins the io thread.
    ~IdleConnections();
    IdleConnections(const IdleConnections &) = delete;
    IdleConnections &operator=(const IdleConnections &) = delete;

    /// Opens `count` connections to `url` (loopback only), each making one GET whose 2xx body must equal
    /// `expectedBody` (when non-empty), and returns once every attempt has finished (each is bounded by a
    /// 5 s timeout). Raises the open-file limit when needed. Returns true when all `count` are open; on false
    /// *error says why, and the connections that did open stay open (see openCount()). Closes earlier ones first.
    [[nodiscard]] bool open(const QString &url, int count, const QByteArray &expectedBody, QString *error);
    /// Connections open right now: ones the server has closed since open() are no longer counted.
    [[nodiscard]] int openCount() const;
    /// Failures by kind: connect, write, read, timeout, status, body, and closed (dropped by the server later).
    [[nodiscard]] QMap<QString, qint64> errors() const;
    /// Closes every connection; safe to call more than once.
    void close();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace showdown
