#pragma once
// Statements run on a database file behind the store's back, to make the damaged, old or hostile files the tests
// open: one connection, closed again before the test goes on.

#include "ResultStore.h"

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

/// The statements that turn a current database back into what schema `version` wrote: each migration above it
/// undone, newest first, and the version set. Kept beside the migrations' list (db/ResultStore.cpp) in step.
inline QStringList downgradeTo(int version)
{
    // Index i undoes migration i -> i + 1.
    const QList<QStringList> undo = {
        {},
        {QStringLiteral("DROP TABLE load_points"), QStringLiteral("ALTER TABLE processes DROP COLUMN workers")},
        {QStringLiteral("DROP TABLE analyses")},
        {QStringLiteral("ALTER TABLE load_points DROP COLUMN slo_p99_ms")},
        {QStringLiteral("DROP INDEX runtimes_by_kind"), QStringLiteral("ALTER TABLE runtimes DROP COLUMN family"),
         QStringLiteral("ALTER TABLE runtimes DROP COLUMN runtime_kind")},
        {QStringLiteral("ALTER TABLE result_sets DROP COLUMN machine_id"),
         QStringLiteral("ALTER TABLE result_sets DROP COLUMN hostname"), QStringLiteral("ALTER TABLE result_sets DROP COLUMN machine_label")},
        {QStringLiteral("DROP INDEX definition_files_by_set"), QStringLiteral("DROP TABLE definition_files")},
    };
    QStringList statements;
    for (qsizetype i = undo.size() - 1; i >= version; --i)
        statements << undo.at(i);
    statements << QStringLiteral("PRAGMA user_version = %1").arg(version);
    return statements;
}

} // namespace showdown::test
