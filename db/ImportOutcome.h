#pragma once

#include <QString>

namespace showdown {

/// What became of one result set offered to ResultStore::importResultSets(), so the user hears which sets
/// were new and which were already there.
struct ImportOutcome {
    QString uuid;
    QString name;
    qint64 id = 0;       ///< its id in the receiving database (the existing one when skipped)
    bool added = false;  ///< false: a set with this uuid was already present and nothing was written
};

} // namespace showdown
