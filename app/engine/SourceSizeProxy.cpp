#include "SourceSizeProxy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <vector>

namespace showdown {

std::optional<qint64> SourceSizeProxy::gzipBytes(const QByteArray &data)
{
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of zlib's own framing.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    std::vector<unsigned char> out(deflateBound(&stream, uLong(data.size())) + 32);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = out.data();
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    const qint64 size = qint64(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return std::nullopt;
    return size;
}

QList<SourceSize> SourceSizeProxy::measure(const QString &benchmarksDir)
{
    QList<SourceSize> sizes;
    const QDir nodeDir(benchmarksDir + QStringLiteral("/node"));
    const QDir pythonDir(benchmarksDir + QStringLiteral("/python"));
    const QStringList scripts = nodeDir.entryList({QStringLiteral("*.js")}, QDir::Files, QDir::Name);
    for (const QString &script : scripts) {
        if (script.startsWith(QLatin1Char('_')))
            continue;
        const QString name = QFileInfo(script).completeBaseName();
        QFile node(nodeDir.filePath(script));
        QFile python(pythonDir.filePath(name + QStringLiteral(".py")));
        if (!python.exists() || !node.open(QIODevice::ReadOnly) || !python.open(QIODevice::ReadOnly))
            continue;
        const std::optional<qint64> nodeBytes = gzipBytes(node.readAll());
        const std::optional<qint64> pythonBytes = gzipBytes(python.readAll());
        if (nodeBytes && pythonBytes)
            sizes << SourceSize{name, *nodeBytes, *pythonBytes};
    }
    return sizes;
}

} // namespace showdown
