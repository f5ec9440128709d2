#pragma once

#include "ResultSetInfo.h"
#include "RuntimeInfo.h"
#include "Sample.h"
#include "StoredDefinitionFile.h"

#include <QList>
#include <QString>

#include <optional>

namespace showdown {

class ResultStore;

/// One result set with everything measured in it, as it travels between databases, files and machines.
/// Database-local row ids are not part of its identity: the uuid is.
struct ResultSetBundle {
    ResultSetInfo info;
    QList<RuntimeInfo> runtimes;
    QList<Sample> samples;
    QList<StoredDefinitionFile> definitions = {};  ///< the user's definition files it ran; empty for built-in benchmarks

    /// Reads a whole result set out of a store, so exporters never touch SQL.
    [[nodiscard]] static std::optional<ResultSetBundle> fromStore(const ResultStore &store, qint64 id, QString *error);

    /// Checks what a database would refuse or misread (a malformed uuid, an unknown status, negative
    /// timings), so an import fails with a clear message before any row is written. Text is never
    /// interpreted, so names and notes need no check beyond being text. A definition file whose SHA-256 is not
    /// that of its text (changed after it was stored) is refused: a set must not claim to have run other code.
    [[nodiscard]] bool validate(QString *error) const;
};

} // namespace showdown
