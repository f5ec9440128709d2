#pragma once

#include <QByteArray>
#include <QCryptographicHash>

#include <boost/beast/http/basic_parser.hpp>

#include <optional>

namespace showdown {

/// Beast's HTTP response parser, keeping only what the load generator checks: the status, keep-alive and
/// whether the body equals the expected bytes (or, for a user's request declared by digest, has the expected
/// SHA-256, hashed as it streams in). It stores no header and no body, so a response costs no allocation on
/// the generator's hot path (beast's ready-made parser allocates every header field).
/// A parser reads one message; make a new one per response.
class ResponseParser final : public boost::beast::http::basic_parser<false> {
public:
    /// @param expectedBody compared with the body as it streams in; empty = any body is accepted.
    ///        Must outlive the parser.
    /// @param expectedDigest the body's SHA-256 (32 raw bytes) it must have; empty = not checked. Must outlive the parser.
    explicit ResponseParser(const QByteArray &expectedBody, const QByteArray &expectedDigest = {});

    /// Status code of the response (valid once the header was parsed).
    [[nodiscard]] int status() const { return m_status; }
    /// True when no body was expected, or the complete body equals the expected bytes exactly (and has the
    /// expected digest, when one was given).
    [[nodiscard]] bool bodyMatches() const
    {
        return (m_expected.isEmpty() || (m_matches && m_seen == m_expected.size())) && m_digestMatches;
    }

private:
    void on_request_impl(boost::beast::http::verb, boost::beast::string_view, boost::beast::string_view, int,
                         boost::beast::error_code &) override;
    void on_response_impl(int code, boost::beast::string_view, int, boost::beast::error_code &) override;
    void on_field_impl(boost::beast::http::field, boost::beast::string_view, boost::beast::string_view,
                       boost::beast::error_code &) override;
    void on_header_impl(boost::beast::error_code &) override;
    void on_body_init_impl(const boost::optional<std::uint64_t> &, boost::beast::error_code &) override;
    std::size_t on_body_impl(boost::beast::string_view body, boost::beast::error_code &) override;
    void on_chunk_header_impl(std::uint64_t, boost::beast::string_view, boost::beast::error_code &) override;
    std::size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body, boost::beast::error_code &) override;
    void on_finish_impl(boost::beast::error_code &) override;

    void compare(boost::beast::string_view piece);

    const QByteArray &m_expected;
    const QByteArray &m_expectedDigest;
    std::optional<QCryptographicHash> m_hash;  ///< only when a digest is expected: the built-in path hashes nothing
    qsizetype m_seen = 0;
    bool m_matches = true;
    bool m_digestMatches = true;
    int m_status = 0;
};

} // namespace showdown
