#pragma once

#include "ResultSetBundle.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace showdown {

/// Writes result sets as the documented, versioned JSON of db/RESULT_JSON_SCHEMA.md: every raw value and
/// every field of every sample and load point, and nothing local to one database (row ids), so a file
/// exported, imported elsewhere and exported again is byte-identical.
class JsonExporter {
public:
    static constexpr int kSchemaVersion = 1;
    static constexpr char kFormat[] = "showdown-results";

    [[nodiscard]] static QJsonObject document(const QList<ResultSetBundle> &bundles);
    /// The bytes of a file: indented, keys sorted, ending in a newline.
    [[nodiscard]] static QByteArray toJson(const QList<ResultSetBundle> &bundles);
    [[nodiscard]] static QJsonObject sample(const Sample &sample);
    [[nodiscard]] static QJsonObject loadPoint(const LoadPoint &point);
    /// One stored definition file: path, sha256, and its text as a string, or `text_base64` when the bytes are not
    /// UTF-8 (so they come back byte for byte either way).
    [[nodiscard]] static QJsonObject definition(const StoredDefinitionFile &definition);
    /// Timestamps in exports: UTC with milliseconds, the precision the database keeps.
    [[nodiscard]] static QString timestamp(const QDateTime &time);
};

} // namespace showdown
