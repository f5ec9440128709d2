#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace showdown {

/// A user's definition file (USER_BENCHMARKS.md) as a result set keeps it (schema 7, and every export): the
/// bytes that were checked and run, so a saved set says exactly what was measured. Only data: parsing it again is
/// BenchmarkDefinitionFile::fromStored, and nothing stored is ever run without the user asking (`showdown rerun`).
struct StoredDefinitionFile {
    QString path;     ///< absolute path of the file when the set ran (its relative folders were resolved against it)
    QString sha256;   ///< lower-case hex SHA-256 of `text`
    QByteArray text;  ///< the file's bytes exactly as checked

    /// The lower-case hex SHA-256 that `sha256` must hold for `bytes`.
    [[nodiscard]] static QString sha256Of(const QByteArray &bytes)
    {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }
    /// Whether `sha256` is the hash of `text`: a file from elsewhere whose text was changed after it was hashed is refused.
    [[nodiscard]] bool intact() const { return sha256 == sha256Of(text); }
    bool operator==(const StoredDefinitionFile &) const = default;
};

} // namespace showdown
