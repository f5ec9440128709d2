#include "AppSettings.h"

#include "ResultStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
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

QString AppSettings::recentKey(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

void AppSettings::addRecentFile(const QString &path)
{
    QStringList files{QDir::cleanPath(QFileInfo(path).absoluteFilePath())};
    QSet<QString> seen{recentKey(path)};
    for (const QString &file : recentFiles()) {
        if (files.size() == kMaxRecentFiles)
            break;
        if (!seen.contains(recentKey(file))) {
            seen.insert(recentKey(file));
            files.append(file);
        }
    }
    QSettings().setValue(kRecent, files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    const QString key = recentKey(path);
    QStringList files = recentFiles();
    files.removeIf([&](const QString &file) { return file == path || recentKey(file) == key; });
    QSettings().setValue(kRecent, files);
}

void AppSettings::clearRecentFiles()
{
    QSettings().remove(kRecent);
}

} // namespace showdown
