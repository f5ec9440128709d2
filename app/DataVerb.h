#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown data list|import FILE|reset NAME`: which sourced datasets are in use, and replacing one
/// with a newer, validated CSV without a rebuild.
[[nodiscard]] int dataVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
