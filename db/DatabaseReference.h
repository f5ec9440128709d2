#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace showdown {

/// Where a result store lives, parsed once from what `--db` (or Settings) gave: an SQLite file path, or a
/// PostgreSQL server named by a `postgresql://USER@HOST:PORT/DBNAME?sslmode=...` URL (a team store). A URL with a
/// password is refused: a command line is visible to every user in `ps`, and libpq reads ~/.pgpass and
/// PGPASSWORD itself.
struct DatabaseReference {
    enum class Backend { Sqlite, Postgres };

    Backend backend = Backend::Sqlite;
    QString path;      ///< Sqlite: the file
    QString host;      ///< Postgres: a host name, an address, or (starting with '/') a Unix-socket directory; empty: libpq's default
    int port = 0;      ///< Postgres: 0 leaves libpq's default (5432, or PGPORT)
    QString user;      ///< Postgres: empty leaves libpq's default (PGUSER, or the login name)
    QString database;  ///< Postgres: the database name
    /// Postgres: the libpq connection parameters given after `?` (sslmode, sslrootcert, connect_timeout, ...), each checked.
    QMap<QString, QString> parameters;

    /// Whether `text` names a server (it starts with postgresql:// or postgres://) rather than a file.
    [[nodiscard]] static bool isServerUrl(const QString &text);
    /// A file path as it is, or a URL parsed and checked; nullopt with a message saying what is wrong and what to write.
    [[nodiscard]] static std::optional<DatabaseReference> parse(const QString &text, QString *error);
    [[nodiscard]] bool isServer() const { return backend == Backend::Postgres; }
    /// How messages name the store: the file, or the URL rebuilt (it never holds a secret).
    [[nodiscard]] QString display() const;
    /// The parameters as QPSQL's connect options ("sslmode=verify-full;connect_timeout=10").
    [[nodiscard]] QString connectOptions() const;
};

} // namespace showdown
