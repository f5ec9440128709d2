#include "ResourceLocator.h"

#include <QDir>
#include <QFileInfo>

namespace showdown {

QString ResourceLocator::executableDir()
{
    return QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath()).absolutePath();
}

QString ResourceLocator::program(const char *variable, const QString &name, const QString &installed)
{
    const QString fromEnvironment = qEnvironmentVariable(variable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir here(executableDir());
    const QString beside = here.absoluteFilePath(name);
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QDir::cleanPath(here.absoluteFilePath(installed));
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
    return program("SHOWDOWN_EXEC_HELPER", QStringLiteral("showdown-exec"), QStringLiteral("../lib/showdown/showdown-exec"));
}

QString ResourceLocator::showdownCommand()
{
    return program("SHOWDOWN_COMMAND", QStringLiteral("showdown"), QStringLiteral("../bin/showdown"));
}

} // namespace showdown
