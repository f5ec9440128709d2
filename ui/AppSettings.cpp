#include "AppSettings.h"

#include "ResultStore.h"

#include <QFileInfo>
#include <QSettings>

namespace showdown {
namespace {

const QString kDatabase = QStringLiteral("database/path");
const QString kSuite = QStringLiteral("run/suite");
const QString kTimeout = QStringLiteral("run/timeoutSeconds");
const QString kInterpreters = QStringLiteral("runtimes/extra");
const QString kRecent = QStringLiteral("files/recent");

} // namespace

QString AppSettings::databasePath()
{
    const QString fromEnvironment = qEnvironmentVariable("SHOWDOWN_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QSettings().value(kDatabase, ResultStore::defaultPath()).toString();
}

void AppSettings::setDatabasePath(const QString &path)
{
    QSettings().setValue(kDatabase, path);
}

QString AppSettings::defaultSuite()
{
    return QSettings().value(kSuite, QStringLiteral("quick")).toString();
}

void AppSettings::setDefaultSuite(const QString &suite)
{
    QSettings().setValue(kSuite, suite);
}

int AppSettings::timeoutSeconds()
{
    return QSettings().value(kTimeout, 0).toInt();
}

void AppSettings::setTimeoutSeconds(int seconds)
{
    QSettings().setValue(kTimeout, seconds);
}

QStringList AppSettings::extraInterpreters()
{
    return QSettings().value(kInterpreters).toStringList();
}

void AppSettings::setExtraInterpreters(const QStringList &paths)
{
    QSettings().setValue(kInterpreters, paths);
}

QStringList AppSettings::recentFiles()
{
    return QSettings().value(kRecent).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue(kRecent, files.mid(0, kMaxRecentFiles));
}

} // namespace showdown
