// ResponseParser: the load generator's check of each response's body, by exact bytes and by a SHA-256 hashed as
// the body streams in (a user's request declared with expected_body_sha256), on plain and chunked bodies.

#include "ResponseParser.h"

#include <QCryptographicHash>
#include <QTest>

#include <boost/asio/buffer.hpp>

using namespace showdown;

namespace {

/// Feeds a whole response to the parser (Beast reads it in as many callbacks as the framing makes); false when
/// Beast refused it or it was not complete.
bool feed(ResponseParser &parser, const QByteArray &response)
{
    boost::beast::error_code error;
    parser.eager(true);
    std::size_t used = 0;
    while (used < std::size_t(response.size()) && !parser.is_done()) {
        const std::size_t n = parser.put(boost::asio::buffer(response.constData() + used, std::size_t(response.size()) - used), error);
        if (error)
            return false;
        if (n == 0)
            break;
        used += n;
    }
    return parser.is_done();
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

const QByteArray kChunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            "5\r\nhello\r\n1\r\n,\r\n6\r\n world\r\n0\r\n\r\n";

} // namespace

class ResponseParserTest : public QObject {
    Q_OBJECT

private slots:
    void exactBody()
    {
        const QByteArray expected = "hello";
        const QByteArray none;
        ResponseParser right(expected, none);
        QVERIFY(feed(right, "HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\nhello"));
        QCOMPARE(right.status(), 201);
        QVERIFY(right.bodyMatches());
        ResponseParser longer(expected, none);
        QVERIFY(feed(longer, "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello!"));
        QVERIFY(!longer.bodyMatches());
    }

    /// The digest is taken over every piece of a chunked body, and one wrong byte anywhere fails it.
    void digestOverChunks()
    {
        const QByteArray none;
        const QByteArray digest = sha256("hello, world");
        ResponseParser right(none, digest);
        QVERIFY(feed(right, kChunked));
        QVERIFY(right.bodyMatches());
        ResponseParser wrong(none, digest);
        QVERIFY(feed(wrong, QByteArray(kChunked).replace(" world", " World")));
        QVERIFY(!wrong.bodyMatches());
        const QByteArray prefixDigest = sha256("hello");
        ResponseParser prefix(none, prefixDigest);
        QVERIFY(feed(prefix, kChunked));
        QVERIFY(!prefix.bodyMatches());  // the whole body is hashed, not the first piece
    }

    /// A response cut before its end never counts as having the declared digest.
    void unfinishedBodyDoesNotMatch()
    {
        const QByteArray none;
        const QByteArray digest = sha256("hello");
        ResponseParser cut(none, digest);
        QVERIFY(!feed(cut, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel"));
        QVERIFY(!cut.bodyMatches());
    }

    /// An empty body is held by the digest of nothing (an empty expected body would mean "any body").
    void emptyBodyByDigest()
    {
        const QByteArray none;
        const QByteArray digest = sha256(QByteArray());
        ResponseParser empty(none, digest);
        QVERIFY(feed(empty, "HTTP/1.1 204 No Content\r\n\r\n"));
        QCOMPARE(empty.status(), 204);
        QVERIFY(empty.bodyMatches());
        ResponseParser filled(none, digest);
        QVERIFY(feed(filled, "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"));
        QVERIFY(!filled.bodyMatches());
    }

    /// No digest and no body declared: any body is right, as for the built-in servers without an expected body.
    void nothingDeclared()
    {
        const QByteArray none;
        ResponseParser any(none, none);
        QVERIFY(feed(any, kChunked));
        QVERIFY(any.bodyMatches());
    }
};

QTEST_GUILESS_MAIN(ResponseParserTest)
#include "ResponseParserTest.moc"
