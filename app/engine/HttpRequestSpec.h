#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace showdown {

/// The request a load point sends and the status its answer must carry, beyond the built-in servers' bare GET:
/// a user's server (USER_BENCHMARKS.md "requests") may be loaded with any method, headers and body, may be
/// declared to answer 201 or 404, and may have its body held to a SHA-256 rather than to exact bytes.
/// The default is the built-in case: GET, no header of its own, no body, any 2xx, no digest.
struct HttpRequestSpec {
    QByteArray method = "GET";
    QList<QPair<QByteArray, QByteArray>> headers;  ///< sent as given, after Host
    QByteArray body;                               ///< sent with its Content-Length; empty: no body
    int expectedStatus = 0;                        ///< the only status counted right; 0: any 2xx
    QByteArray expectedBodySha256;                 ///< lower-case hex; non-empty: the body is held to it (streamed)

    /// Whether the request is the built-in bare GET, which the generator serialises as it always has.
    [[nodiscard]] bool plainGet() const { return method == "GET" && headers.isEmpty() && body.isEmpty(); }
    /// Whether a response status is the one this request must get.
    [[nodiscard]] bool statusMatches(int status) const
    {
        return expectedStatus == 0 ? status >= 200 && status <= 299 : status == expectedStatus;
    }
};

} // namespace showdown
