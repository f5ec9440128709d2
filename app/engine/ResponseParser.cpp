#include "ResponseParser.h"

#include <cstring>

namespace showdown {

ResponseParser::ResponseParser(const QByteArray &expectedBody, const QByteArray &expectedDigest)
    : m_expected(expectedBody), m_expectedDigest(expectedDigest)
{
    if (!m_expectedDigest.isEmpty()) {
        m_hash.emplace(QCryptographicHash::Sha256);
        m_digestMatches = false;  // until the whole body has been hashed
    }
}

void ResponseParser::compare(boost::beast::string_view piece)
{
    // The body arrives in pieces; each is compared with the expected bytes at its offset, so a long or a
    // short body and a wrong byte are all caught without keeping the body.
    if (!m_expected.isEmpty() && m_matches) {
        const qsizetype size = qsizetype(piece.size());
        m_matches = m_seen + size <= m_expected.size()
            && std::memcmp(m_expected.constData() + m_seen, piece.data(), piece.size()) == 0;
    }
    m_seen += qsizetype(piece.size());
    if (m_hash)
        m_hash->addData(QByteArrayView(piece.data(), qsizetype(piece.size())));
}

void ResponseParser::on_request_impl(boost::beast::http::verb, boost::beast::string_view, boost::beast::string_view,
                                     int, boost::beast::error_code &)
{
    // A response parser never sees a request line.
}

void ResponseParser::on_response_impl(int code, boost::beast::string_view, int, boost::beast::error_code &)
{
    m_status = code;
}

void ResponseParser::on_field_impl(boost::beast::http::field, boost::beast::string_view, boost::beast::string_view,
                                   boost::beast::error_code &)
{
    // Beast itself tracks Content-Length, Transfer-Encoding and Connection; nothing else is needed.
}

void ResponseParser::on_header_impl(boost::beast::error_code &) {}

void ResponseParser::on_body_init_impl(const boost::optional<std::uint64_t> &, boost::beast::error_code &) {}

std::size_t ResponseParser::on_body_impl(boost::beast::string_view body, boost::beast::error_code &)
{
    compare(body);
    return body.size();
}

void ResponseParser::on_chunk_header_impl(std::uint64_t, boost::beast::string_view, boost::beast::error_code &) {}

std::size_t ResponseParser::on_chunk_body_impl(std::uint64_t, boost::beast::string_view body, boost::beast::error_code &)
{
    compare(body);
    return body.size();
}

void ResponseParser::on_finish_impl(boost::beast::error_code &)
{
    if (m_hash)
        m_digestMatches = m_hash->resultView() == QByteArrayView(m_expectedDigest);
}

} // namespace showdown
