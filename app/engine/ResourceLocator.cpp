#include "ResourceLocator.h"

#include <QDir>
#include <QFileInfo>

namespace showdown {

QString ResourceLocator::executableDir()
{
    return QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath()).absolutePath();
}

QString ResourceLocator::resourcesDir()
{
    const QString fromEnvironment = qEnvironmentVariable("SHOWDOWN_RESOURCES");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString installed = QDir(executableDir()).absoluteFilePath(QStringLiteral("../share/showdown"));
    if (QFileInfo::exists(installed + QStringLiteral("/benchmarks/manifest.json")))
        return QDir::cleanPath(installed);
    return QStringLiteral(SHOWDOWN_SOURCE_RESOURCES);
}

QString ResourceLocator::benchmarksDir()
{
    return resourcesDir() + QStringLiteral("/benchmarks");
}

QString ResourceLocator::dataDir()
{
    return resourcesDir() + QStringLiteral("/data");
}

QString ResourceLocator::execHelper()
{
    const QString fromEnvironment = qEnvironmentVariable("SHOWDOWN_EXEC_HELPER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir here(executableDir());
    const QString beside = here.absoluteFilePath(QStringLiteral("showdown-exec"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QDir::cleanPath(here.absoluteFilePath(QStringLiteral("../lib/showdown/showdown-exec")));
}

QString ResourceLocator::showdownCommand()
{
    const QString fromEnvironment = qEnvironmentVariable("SHOWDOWN_COMMAND");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir here(executableDir());
    const QString beside = here.absoluteFilePath(QStringLiteral("showdown"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QDir::cleanPath(here.absoluteFilePath(QStringLiteral("../bin/showdown")));
}

} // namespace showdown
