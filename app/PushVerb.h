#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown push REF... --to DB`: sends finished result sets from the local database (where every run records
/// first) to a team store, one transaction per set and deduplicated by uuid, so a push cut off half-way leaves
/// the team store without that set and running it again completes it.
int pushVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
