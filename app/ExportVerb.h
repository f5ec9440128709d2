#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown export REF... --json FILE | --csv FILE | --showdown FILE`: result sets out of the database.
int exportVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
