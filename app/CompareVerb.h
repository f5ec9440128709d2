#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown compare REF1 REF2 [--json]`: what changed between two result sets, with its uncertainty.
int compareVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
