#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown merge SOURCE...`: brings the result sets of other databases and .showdown files together in
/// this one, deduplicated by uuid, so runs from several machines can be compared side by side.
int mergeVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
