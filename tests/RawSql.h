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

/// The statements that turn a current database back into what schema `version` was (as an older Showdown wrote
/// it), newest migration undone first, ending with its user_version. A new migration adds its undo here.
inline QStringList downgradeTo(int version)
{
    // Entry N undoes migration N -> N+1.
    const QList<QStringList> undo = {
        {},
        {QStringLiteral("DROP TABLE load_points"), QStringLiteral("ALTER TABLE processes DROP COLUMN workers")},
        {QStringLiteral("DROP TABLE analyses")},
        {QStringLiteral("ALTER TABLE load_points DROP COLUMN slo_p99_ms")},
        {},  // 4 -> 5: the runtime columns of issue 12
        {QStringLiteral("DROP INDEX result_sets_by_machine"), QStringLiteral("ALTER TABLE result_sets DROP COLUMN machine_id"),
         QStringLiteral("ALTER TABLE result_sets DROP COLUMN hostname"), QStringLiteral("ALTER TABLE result_sets DROP COLUMN machine_label")},
    };
    QStringList statements;
    for (int step = ResultStore::kSchemaVersion - 1; step >= version; --step)
        statements += undo.at(step);
    statements.append(QStringLiteral("PRAGMA user_version = %1").arg(version));
    return statements;
}

} // namespace showdown::test
