#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown claims ID [--db FILE] [--json]`: the article's claims judged on one stored result set.
[[nodiscard]] int claimsVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
