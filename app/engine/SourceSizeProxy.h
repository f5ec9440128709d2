#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// Compressed size of one benchmark's Node and Python programs: the Benchmarks Game's conciseness proxy.
struct SourceSize {
    QString benchmark;
    qint64 nodeGzipBytes = 0;
    qint64 pythonGzipBytes = 0;
};

/// Measures program pairs at run time from resources/benchmarks, so the proxy always matches the shipped
/// programs. It is a proxy for "easier to learn", never a measurement of it.
class SourceSizeProxy {
public:
    /// Every name.js under node/ with a name.py under python/ (helpers starting with '_' excluded).
    [[nodiscard]] static QList<SourceSize> measure(const QString &benchmarksDir);
    /// Size of `data` compressed as `gzip -9` would (RFC 1952 framing); nullopt if zlib fails.
    [[nodiscard]] static std::optional<qint64> gzipBytes(const QByteArray &data);
};

} // namespace showdown
