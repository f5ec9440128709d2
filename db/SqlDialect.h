#pragma once

#include "DatabaseReference.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

class QSqlQuery;

namespace showdown {

/// Every way the store's SQL differs between SQLite and PostgreSQL, chosen once from the DatabaseReference,
/// so ResultStore keeps one schema, one set of migrations and one set of queries for both backends.
/// The migrations are written in SQLite's words; translate() turns them into PostgreSQL's.
class SqlDialect {
public:
    explicit SqlDialect(DatabaseReference::Backend backend = DatabaseReference::Backend::Sqlite) : m_backend(backend) {}

    [[nodiscard]] DatabaseReference::Backend backend() const { return m_backend; }
    [[nodiscard]] bool isPostgres() const { return m_backend == DatabaseReference::Backend::Postgres; }
    /// The QtSql driver: QSQLITE or QPSQL.
    [[nodiscard]] QString driver() const;

    /// A migration statement in this backend's words. SQLite's are kept as they are; for PostgreSQL the
    /// `id INTEGER PRIMARY KEY` row ids become identity columns, INTEGER becomes BIGINT (SQLite's integers are
    /// 64-bit: nanosecond timings overflow PostgreSQL's 32-bit INTEGER), REAL becomes DOUBLE PRECISION (PostgreSQL's
    /// REAL is single precision), BLOB becomes BYTEA, WITHOUT ROWID (an SQLite storage choice) goes, and SQLite's JSON functions
    /// json_extract(column, '$.key') and json_valid(column) become PostgreSQL's ->> and a NOT NULL test.
    [[nodiscard]] QString translate(const QString &sqliteStatement) const;

    /// The identity and schema version of a store: SQLite's PRAGMA application_id and user_version, or on
    /// PostgreSQL the one row of the showdown_schema table; and how many tables there are (0: an empty database).
    struct Stamp {
        qint64 applicationId = 0;
        int version = 0;
        qint64 tables = 0;
    };
    /// Reads the stamp; nullopt with the database's words when it cannot be read.
    [[nodiscard]] std::optional<Stamp> readStamp(QSqlQuery &query, QString *problem) const;
    /// The statements that set the stamp to `version` (inside the migration's transaction).
    [[nodiscard]] QStringList stampStatements(int version, quint32 applicationId) const;
    /// A statement that serialises schema upgrades between processes for the rest of the transaction: several
    /// runners may open a new team store at once. Empty for SQLite, whose writer lock already does that.
    [[nodiscard]] QString migrationLock(quint32 applicationId) const;
    /// A statement (one bound value: the uuid) that serialises imports of the same result set between processes
    /// for the rest of the transaction, so concurrent pushes of one set add it once. Empty for SQLite.
    [[nodiscard]] QString uuidLock(quint32 applicationId) const;

    /// Inserts rows of whole numbers, given column by column, in one go: on PostgreSQL one statement (arrays through
    /// unnest), where binding a batch would cost a network round trip per row (a standard set has tens of thousands
    /// of timings); on SQLite a bound batch, which costs nothing there. `query` is prepared here.
    [[nodiscard]] bool insertIntegerRows(QSqlQuery &query, const QString &table, const QStringList &columns,
                                         const QList<QVariantList> &columnValues) const;

    /// Appended to an INSERT whose new row id insertedId() then reads: QPSQL has no lastInsertId() for tables
    /// without OIDs, so PostgreSQL returns the id from the statement itself.
    [[nodiscard]] QString returningId() const;
    /// The id of the row the executed INSERT added.
    [[nodiscard]] qint64 insertedId(QSqlQuery &query) const;

private:
    DatabaseReference::Backend m_backend;
};

} // namespace showdown
