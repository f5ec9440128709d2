#pragma once
// A throwaway PostgreSQL 15 cluster for the team-store tests: Debian's initdb and pg_ctl in a temporary folder,
// listening only on a Unix socket in that folder (no TCP port to collide with anything), stopped and removed when
// the test ends. PostgreSQL refuses to run as root, so under root (CI, this machine) the server runs as the
// `postgres` user that Debian's package creates, and the folder is handed to it.

#include "CommandRun.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace showdown::test {

class PgCluster {
public:
    static inline const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin");
    static constexpr int kPort = 5433;

    PgCluster() = default;
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;
    ~PgCluster() { stop(QStringLiteral("immediate")); }

    /// Whether this machine can run one (the server binaries are there); the tests say what to install when not.
    [[nodiscard]] static bool available() { return QFile::exists(kBin + QStringLiteral("/initdb")); }

    /// Before start(): also listen on 127.0.0.1:`port` for TLS connections only (hostssl, trusted), with this
    /// certificate and key (copied into the cluster's folder, for the server's user).
    void enableTls(int port, const QString &certificate, const QString &key)
    {
        m_tlsPort = port;
        m_certificate = certificate;
        m_key = key;
    }

    /// Creates the cluster on first use, then starts it; false with initdb's or pg_ctl's words.
    [[nodiscard]] bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        if (::geteuid() == 0) {
            const passwd *user = ::getpwnam("postgres");
            if (!user) {
                *error = QStringLiteral("running as root and there is no postgres user to run the server as");
                return false;
            }
            if (::chown(QFile::encodeName(m_dir.path()).constData(), user->pw_uid, user->pw_gid) != 0) {
                *error = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
                return false;
            }
        }
        if (!QFile::exists(dataDir() + QStringLiteral("/PG_VERSION"))) {
            // trust on the socket only: the socket lives in a folder only the server's user (and root) can enter.
            const CommandRun init = asServer(kBin + QStringLiteral("/initdb"),
                                             {QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), QStringLiteral("postgres"),
                                              QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=reject"),
                                              QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8")});
            if (init.code != 0) {
                *error = QStringLiteral("initdb failed: %1%2").arg(init.err, init.out);
                return false;
            }
            if (m_tlsPort > 0 && !installTls(error))
                return false;
        }
        QString options = QStringLiteral("-c listen_addresses='' -c unix_socket_directories=%1 -p %2 -c fsync=off -c max_connections=60")
                              .arg(m_dir.path())
                              .arg(kPort);
        if (m_tlsPort > 0)  // the same port number, on loopback: the socket's name and the TCP port are one setting
            options = QStringLiteral("-c listen_addresses=127.0.0.1 -c unix_socket_directories=%1 -p %2 -c fsync=off -c ssl=on"
                                     " -c ssl_cert_file=server.crt -c ssl_key_file=server.key")
                          .arg(m_dir.path())
                          .arg(m_tlsPort);
        const CommandRun started =
            asServer(kBin + QStringLiteral("/pg_ctl"),
                     {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                      QStringLiteral("-o"), options, QStringLiteral("start")});
        if (started.code != 0) {
            *error = QStringLiteral("pg_ctl start failed: %1%2 %3").arg(started.err, started.out, log());
            return false;
        }
        m_running = true;
        return true;
    }

    /// Stops the server (`fast` rolls back open transactions and closes every session, as a shutdown would).
    bool stop(const QString &mode = QStringLiteral("fast"))
    {
        if (!m_running)
            return true;
        const CommandRun stopped = asServer(kBin + QStringLiteral("/pg_ctl"),
                                            {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), mode, QStringLiteral("-w"), QStringLiteral("stop")});
        m_running = stopped.code != 0;
        return !m_running;
    }

    /// The URL `--db`/`--to` take for `database` on this cluster.
    [[nodiscard]] QString url(const QString &database, const QString &user = QStringLiteral("postgres")) const
    {
        return QStringLiteral("postgresql://%1@/%2?host=%3&port=%4").arg(user, database, m_dir.path()).arg(port());
    }

    /// Runs SQL through psql as `user` (the superuser unless said); out holds the rows, unaligned, one per line.
    [[nodiscard]] CommandRun psql(const QString &database, const QString &sql, const QString &user = QStringLiteral("postgres")) const
    {
        return runPsql(database, user, {QStringLiteral("-c"), sql});
    }
    /// Runs the SQL script at `path` through psql as the superuser, stopping at its first error.
    [[nodiscard]] CommandRun psqlFile(const QString &database, const QString &path) const
    {
        return runPsql(database, QStringLiteral("postgres"), {QStringLiteral("-f"), path});
    }

    /// A new empty database; false when psql says no.
    [[nodiscard]] bool createDatabase(const QString &name) const
    {
        return psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)).code == 0;
    }

    [[nodiscard]] QString log() const
    {
        QFile file(m_dir.filePath(QStringLiteral("server.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(2000)) : QString();
    }

private:
    [[nodiscard]] int port() const { return m_tlsPort > 0 ? m_tlsPort : kPort; }

    /// Puts the certificate and key beside the data (the key readable by the server's user alone) and lets TLS
    /// connections from loopback in.
    bool installTls(QString *error)
    {
        const QString data = dataDir();
        QFile::remove(data + QStringLiteral("/server.crt"));
        QFile::remove(data + QStringLiteral("/server.key"));
        if (!QFile::copy(m_certificate, data + QStringLiteral("/server.crt")) || !QFile::copy(m_key, data + QStringLiteral("/server.key"))) {
            *error = QStringLiteral("cannot copy the TLS certificate and key into %1").arg(data);
            return false;
        }
        QFile::setPermissions(data + QStringLiteral("/server.key"), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (::geteuid() == 0) {
            const passwd *user = ::getpwnam("postgres");
            for (const char *name : {"/server.crt", "/server.key"}) {
                if (::chown(QFile::encodeName(data + QLatin1String(name)).constData(), user->pw_uid, user->pw_gid) != 0) {
                    *error = QStringLiteral("cannot hand the TLS files to the postgres user");
                    return false;
                }
            }
        }
        QFile hba(data + QStringLiteral("/pg_hba.conf"));
        if (!hba.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read pg_hba.conf");
            return false;
        }
        const QByteArray rules = "hostssl all all 127.0.0.1/32 trust\n" + hba.readAll();
        hba.close();
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(rules) != rules.size()) {
            *error = QStringLiteral("cannot write pg_hba.conf");
            return false;
        }
        return true;
    }

    [[nodiscard]] CommandRun runPsql(const QString &database, const QString &user, const QStringList &what) const
    {
        return runCommand(kBin + QStringLiteral("/psql"),
                          QStringList{QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At"), QStringLiteral("-v"),
                                      QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"), m_dir.path(), QStringLiteral("-p"),
                                      QString::number(port()), QStringLiteral("-U"), user, QStringLiteral("-d"), database}
                              + what,
                          60000);
    }
    [[nodiscard]] QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    /// Runs a server program as the postgres user when this process is root, as itself otherwise.
    [[nodiscard]] static CommandRun asServer(const QString &program, const QStringList &arguments)
    {
        if (::geteuid() != 0)
            return runCommand(program, arguments, 120000);
        return runCommand(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + arguments,
                          120000);
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/showdown-pg-XXXXXX")};
    bool m_running = false;
    int m_tlsPort = 0;  ///< 0: the Unix socket only
    QString m_certificate, m_key;
};

} // namespace showdown::test
