#include "Format.h"

#include "ResultJson.h"

#include <QLocale>

#include <cmath>

namespace showdown {

QString Format::duration(double ns)
{
    return ResultJson::formatDuration(ns);
}

QString Format::megabytes(double kb)
{
    return QStringLiteral("%1 MB").arg(kb / 1024, 0, 'f', 1);
}

QString Format::ratio(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("–");
    return QStringLiteral("%1×").arg(value, 0, 'g', 3);
}

QString Format::faster(double ratio, const QString &node, const QString &python)
{
    if (!std::isfinite(ratio) || ratio <= 0)
        return QStringLiteral("–");
    if (ratio < 1)
        return QStringLiteral("%1 %2× faster").arg(node).arg(1 / ratio, 0, 'f', 2);
    return QStringLiteral("%1 %2× faster").arg(python).arg(ratio, 0, 'f', 2);
}

QString Format::percent(double fraction)
{
    return QStringLiteral("%1%").arg(fraction * 100, 0, 'f', 1);
}

QString Format::pValue(double p)
{
    if (!std::isfinite(p))
        return QStringLiteral("–");
    if (p < 0.001)
        return QStringLiteral("< 0.001");
    return QString::number(p, 'f', 3);
}

QString Format::count(double value)
{
    return QLocale().toString(value, 'f', 0);
}

} // namespace showdown
