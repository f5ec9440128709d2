#pragma once

#include <QString>

#include <optional>
#include <string>

namespace showdown {

/// A load target that is provably on this machine: the generators send thousands of requests per second,
/// so they refuse any host outside 127.0.0.0/8 and ::1 before a single packet leaves.
class LoopbackUrl {
public:
    /// Parses `url` and accepts it only with the given scheme ("http" or "ws") and a loopback host;
    /// "localhost" means 127.0.0.1 (the benchmark servers bind IPv4 only). Otherwise sets *error, naming the host.
    [[nodiscard]] static std::optional<LoopbackUrl> parse(const QString &url, const QString &scheme, QString *error);

    /// Numeric address to connect to, e.g. "127.0.0.1" or "::1" (no name lookup is ever needed).
    [[nodiscard]] const std::string &address() const { return m_address; }
    /// TCP port, 80 when the URL names none.
    [[nodiscard]] quint16 port() const { return m_port; }
    /// Value of the Host header, e.g. "127.0.0.1:8080" or "[::1]:8080".
    [[nodiscard]] const std::string &hostHeader() const { return m_hostHeader; }
    /// Request target: path plus query, "/" when the URL has no path.
    [[nodiscard]] const std::string &target() const { return m_target; }

private:
    std::string m_address;
    std::string m_hostHeader;
    std::string m_target;
    quint16 m_port = 0;
};

} // namespace showdown
