#include "LoopbackUrl.h"

#include <QUrl>

#include <boost/asio/ip/address.hpp>

namespace showdown {

std::optional<LoopbackUrl> LoopbackUrl::parse(const QString &url, const QString &scheme, QString *error)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (url.trimmed().isEmpty() || !parsed.isValid()) {
        *error = QStringLiteral("invalid URL \"%1\"").arg(url);
        return std::nullopt;
    }
    if (parsed.scheme() != scheme) {
        *error = QStringLiteral("URL \"%1\" must start with %2:// (got \"%3\")").arg(url, scheme, parsed.scheme());
        return std::nullopt;
    }
    QString host = parsed.host().toLower();
    if (host.isEmpty()) {
        *error = QStringLiteral("URL \"%1\" has no host").arg(url);
        return std::nullopt;
    }
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    boost::system::error_code ec;
    const boost::asio::ip::address address = boost::asio::ip::make_address(host.toStdString(), ec);
    if (ec || !address.is_loopback()) {
        *error = QStringLiteral("refusing to send load to host \"%1\": only loopback hosts (127.0.0.0/8, ::1, "
                                "localhost) are allowed")
                     .arg(parsed.host());
        return std::nullopt;
    }
    const int port = parsed.port(80);
    if (port <= 0) {
        *error = QStringLiteral("URL \"%1\" has no usable port").arg(url);
        return std::nullopt;
    }
    LoopbackUrl result;
    result.m_address = address.to_string();
    result.m_port = quint16(port);
    result.m_hostHeader = (address.is_v6() ? "[" + result.m_address + "]" : result.m_address) + ":" + std::to_string(port);
    const QString target = parsed.path(QUrl::FullyEncoded)
        + (parsed.hasQuery() ? QLatin1Char('?') + parsed.query(QUrl::FullyEncoded) : QString());
    result.m_target = target.isEmpty() ? std::string("/") : target.toStdString();
    return result;
}

} // namespace showdown
