#pragma once

#include <QStringList>
#include <QTextStream>

namespace showdown {

/// `showdown report REF [--vs REF2] [--pdf FILE] [--html FILE]`: the PDF and/or HTML report of a result set, or of two compared.
/// Needs a QApplication (charts are graphics items); main() gives it one on the offscreen platform.
int reportVerb(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace showdown
