#pragma once

#include <QByteArray>

#include <boost/beast/http/basic_parser.hpp>

namespace showdown {

/// Beast's HTTP response parser, keeping only what the load generator checks: the status, keep-alive and
/// whether the body equals the expected bytes. It stores no header and no body, so a response costs no
/// allocation on the generator's hot path (beast's ready-made parser allocates every header field).
/// A parser reads one message; make a new one per response.
class ResponseParser final : public boost::beast::http::basic_parser<false> {
public:
    /// @param expectedBody compared with the body as it streams in; empty = any body is accepted.
    ///        Must outlive the parser.
    explicit ResponseParser(const QByteArray &expectedBody);

    /// Status code of the response (valid once the header was parsed).
    [[nodiscard]] int status() const { return m_status; }
    /// True when no body was expected, or the complete body equals the expected bytes exactly.
    [[nodiscard]] bool bodyMatches() const { return m_expected.isEmpty() || (m_matches && m_seen == m_expected.size()); }

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
    qsizetype m_seen = 0;
    bool m_matches = true;
    int m_status = 0;
};

} // namespace showdown
