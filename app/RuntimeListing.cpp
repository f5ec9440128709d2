#include "RuntimeListing.h"

#include <QFileInfo>

namespace showdown {
namespace {

QString column(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '), false) + QLatin1Char(' ');
}

} // namespace

QString RuntimeListing::line(const RuntimeInfo &runtime)
{
    const std::optional<RuntimeKind> kind = runtime.resolvedKind();
    QString text = column(runtime.name, 22) + column(kind ? RuntimeKind::familyName(kind->family()) : QString(), 10)
                   + column(kind ? kind->name() : QString(), 7);
    if (!runtime.available)
        return text + (!runtime.probeError.isEmpty()           ? QStringLiteral("broken   ")
                       : QFileInfo::exists(runtime.path) ? QStringLiteral("unusable ")
                                                         : QStringLiteral("missing  "))
               + runtime.problem;
    QString gil;
    if (runtime.gilEnabled)
        gil = *runtime.gilEnabled ? QStringLiteral("GIL on") : QStringLiteral("GIL off");
    if (runtime.freeThreaded)
        gil += QStringLiteral(" (free-threaded)");
    text += column(runtime.version, 10) + column(gil, 23) + runtime.path;
    if (!runtime.libraries.isEmpty())
        text += QStringLiteral("  [") + runtime.libraries.join(QStringLiteral(", ")) + QLatin1Char(']');
    return text;
}

} // namespace showdown
