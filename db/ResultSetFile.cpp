#include "ResultSetFile.h"

#include "ResultStore.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace showdown {

bool ResultSetFile::looksLikeDatabase(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3\0", 16);
}

bool ResultSetFile::isSavedFile(const QString &path)
{
    return path.endsWith(QLatin1String(kExtension));
}

bool ResultSetFile::openForViewing(ResultStore &store, const QString &path, QString *error)
{
    return store.open(path, isSavedFile(path) ? ResultStore::OpenMode::ReadForeign : ResultStore::OpenMode::Read,
                      error);
}

bool ResultSetFile::openForEditing(ResultStore &store, const QString &path, QString *error)
{
    if (isSavedFile(path)) {
        *error = QStringLiteral("%1 is a saved result file and is never changed; import it into your database "
                                "(showdown import) to rename, annotate or delete its sets")
                     .arg(path);
        return false;
    }
    return store.open(path, ResultStore::OpenMode::Write, error);
}

bool ResultSetFile::save(const QString &path, const QList<ResultSetBundle> &bundles, QString *error)
{
    const QString partial = path + QStringLiteral(".partial-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    auto discard = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(partial + suffix);
    };
    {
        ResultStore store;
        if (!store.open(partial, error) || !store.importResultSets(bundles, error)) {
            store.close();
            discard();
            *error = QStringLiteral("cannot save %1: %2").arg(path, *error);
            return false;
        }
    }
    // The store works in WAL mode; a file to hand around must be one self-contained file.
    const QString connection = QStringLiteral("showdown-save-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    bool journalled = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(partial);
        if (db.open()) {
            QSqlQuery query(db);
            journalled = query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) && query.next()
                         && query.value(0).toString() == QLatin1String("delete");
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!journalled) {
        discard();
        *error = QStringLiteral("cannot save %1: the file could not be made self-contained").arg(path);
        return false;
    }
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        discard();
        *error = QStringLiteral("cannot replace %1 (is it read-only?)").arg(path);
        return false;
    }
    if (!QFile::rename(partial, path)) {
        discard();
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

std::optional<QList<ResultSetBundle>> ResultSetFile::load(const QString &path, QString *error)
{
    ResultStore store;
    if (!store.openReadOnly(path, error))
        return std::nullopt;
    QString problem;
    const QList<ResultSetInfo> sets = store.resultSets(&problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    QList<ResultSetBundle> bundles;
    for (const ResultSetInfo &set : sets) {
        std::optional<ResultSetBundle> bundle = ResultSetBundle::fromStore(store, set.id, error);
        if (!bundle)
            return std::nullopt;
        bundles.append(*bundle);
    }
    return bundles;
}

} // namespace showdown
