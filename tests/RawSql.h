#pragma once
// Statements run on a database file behind the store's back, to make the damaged, old or hostile files the tests
// open: one connection, closed again before the test goes on.

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace showdown::test {

/// Runs `statements` in order on the SQLite file at `path`; false when the file does not open or any fails.
inline bool execRaw(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            ok = ok && query.exec(statement);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

} // namespace showdown::test
