#pragma once

#include "ResultSetInfo.h"
#include "RuntimeInfo.h"
#include "Sample.h"

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

    /// Reads a whole result set out of a store, so exporters never touch SQL.
    [[nodiscard]] static std::optional<ResultSetBundle> fromStore(const ResultStore &store, qint64 id, QString *error);

    /// Checks what a database would refuse or misread (a malformed uuid, an unknown status, negative
    /// timings), so an import fails with a clear message before any row is written. Text is never
    /// interpreted, so names and notes need no check beyond being text.
    [[nodiscard]] bool validate(QString *error) const;
};

} // namespace showdown
