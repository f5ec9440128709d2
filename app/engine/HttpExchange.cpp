#include "HttpExchange.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace showdown {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

HttpExchange::Reply HttpExchange::send(quint16 port, const QByteArray &method, const QString &path,
                                       const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body,
                                       std::chrono::milliseconds timeout)
{
    Reply reply;
    asio::io_context io;
    beast::tcp_stream stream(io);
    beast::flat_buffer buffer;
    http::request<http::string_body> request;
    request.method_string(beast::string_view(method.constData(), std::size_t(method.size())));
    const QByteArray target = path.toUtf8();
    request.target(beast::string_view(target.constData(), std::size_t(target.size())));
    request.version(11);
    request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    request.set(http::field::connection, "close");
    for (const auto &[name, value] : headers)
        request.set(beast::string_view(name.constData(), std::size_t(name.size())), beast::string_view(value.constData(), std::size_t(value.size())));
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
        request.body().assign(body.constData(), std::size_t(body.size()));
        request.prepare_payload();
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(16 * 1024 * 1024);
    // HEAD answers carry a Content-Length but no body.
    parser.skip(method == "HEAD");

    const auto failed = [&](const char *step, const beast::error_code &error) {
        reply.error = QStringLiteral("%1: %2").arg(QString::fromLatin1(step), QString::fromStdString(error.message()));
    };
    stream.expires_after(timeout);
    const asio::ip::tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
    stream.async_connect(endpoint, [&](const beast::error_code &error) {
        if (error)
            return failed("connect", error);
        http::async_write(stream, request, [&](const beast::error_code &writeError, std::size_t) {
            if (writeError)
                return failed("sending the request", writeError);
            http::async_read(stream, buffer, parser, [&](const beast::error_code &readError, std::size_t) {
                if (readError)
                    return failed("reading the response", readError);
                reply.status = int(parser.get().result_int());
                const std::string &text = parser.get().body();
                reply.body = QByteArray(text.data(), qsizetype(text.size()));
            });
        });
    });
    io.run();
    if (reply.error.contains(QLatin1String("timed out")) || reply.error.contains(QLatin1String("timeout")))
        reply.error = QStringLiteral("no complete response within %1 ms").arg(timeout.count());
    return reply;
}

} // namespace showdown
