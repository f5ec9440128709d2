#pragma once

#include "RowTableModel.h"
#include "StoredDefinitionFile.h"
#include "UserBenchmark.h"

namespace showdown {

/// One of the user's benchmarks as a result set stored it: the definition and the file it came from.
struct UserBenchmarkRow {
    UserBenchmark benchmark;
    StoredDefinitionFile file;  ///< path and sha256 of the stored definition file (text unused here)

    /// Each benchmark with its file: the one file whose folder holds its working directory (a run reads one file,
    /// so that is nearly always the only one).
    [[nodiscard]] static QList<UserBenchmarkRow> of(const QList<UserBenchmark> &benchmarks, const QList<StoredDefinitionFile> &files);
    /// The command of one family, placeholders as written, e.g. "{runtime} primes.js {size}"; empty when it has none.
    [[nodiscard]] QString command(RuntimeFamily family) const;
};

/// What a result set says it ran of the user's own: name, category, form, description, file (path, sha256) and
/// the command per family; the "Your benchmarks" page's first table.
class UserBenchmarkTableModel : public RowTableModel<UserBenchmarkRow> {
    Q_OBJECT
public:
    explicit UserBenchmarkTableModel(QObject *parent = nullptr);
};

} // namespace showdown
