#pragma once

#include <QByteArray>
#include <QString>

namespace showdown {

/// A definition file as stored with a result set: where it was read from, its SHA-256 and its exact bytes.
struct StoredDefinitionFile {
    QString path;
    QString sha256;
    QByteArray text;
};

} // namespace showdown
