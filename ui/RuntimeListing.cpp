#include "RuntimeListing.h"

#include <QCoreApplication>

#include <algorithm>

namespace showdown {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RuntimeListing", text);
}
} // namespace

QString RuntimeListing::familyTitle(const std::optional<RuntimeFamily> &family)
{
    if (!family)
        return tr("unknown family");
    return *family == RuntimeFamily::JavaScript ? tr("JavaScript") : tr("Python");
}

QString RuntimeListing::identity(const RuntimeInfo &runtime)
{
    const std::optional<RuntimeKind> kind = runtime.resolvedKind();
    QStringList parts{familyTitle(runtime.family ? runtime.family : (kind ? std::optional(kind->family()) : std::nullopt))};
    const QString title = kind ? kind->title() : runtime.implementation;
    parts << (runtime.version.isEmpty() ? title : QStringLiteral("%1 %2").arg(title, runtime.version)).trimmed();
    if (runtime.freeThreaded)
        parts << tr("free-threaded");
    if (runtime.gilEnabled && (runtime.freeThreaded || !*runtime.gilEnabled))
        parts << (*runtime.gilEnabled ? tr("GIL on") : tr("GIL off"));
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
}

QString RuntimeListing::describe(const RuntimeInfo &runtime)
{
    if (!runtime.available)
        return tr("%1 — %2 — missing: %3").arg(runtime.name, identity(runtime), runtime.problem);
    return QStringLiteral("%1 — %2 — %3").arg(runtime.name, identity(runtime), runtime.path);
}

int RuntimeListing::familyRank(const std::optional<RuntimeFamily> &family)
{
    if (!family)
        return 2;
    return *family == RuntimeFamily::JavaScript ? 0 : 1;
}

QList<RuntimeInfo> RuntimeListing::byFamily(QList<RuntimeInfo> runtimes)
{
    std::stable_sort(runtimes.begin(), runtimes.end(),
                     [](const RuntimeInfo &a, const RuntimeInfo &b) { return familyRank(a.family) < familyRank(b.family); });
    return runtimes;
}

} // namespace showdown
