#include "ResultStore.h"

#include "DatabaseReference.h"
#include "MachineIdentity.h"
#include "ProcessTicks.h"
#include "SuiteRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUuid>
#include <QVariant>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace showdown {
namespace {

constexpr char kSqliteMagic[] = "SQLite format 3";  // followed by a NUL in the file

// Forward-only: schema version N is reached by running migration N-1 on a database at version N-1.
const QList<QStringList> kMigrations = {
    // 0 -> 1: the first schema.
    {
        QStringLiteral("CREATE TABLE result_sets ("
                       " id INTEGER PRIMARY KEY,"
                       " uuid TEXT NOT NULL UNIQUE,"
                       " created TEXT NOT NULL,"
                       " finished TEXT,"
                       " suite TEXT NOT NULL,"
                       " status TEXT NOT NULL CHECK (status IN ('running','complete','interrupted','failed')),"
                       " name TEXT NOT NULL DEFAULT '',"
                       " notes TEXT NOT NULL DEFAULT '',"
                       " app_version TEXT NOT NULL,"
                       " parameters TEXT NOT NULL,"
                       " environment TEXT NOT NULL,"
                       " owner_pid INTEGER,"
                       " owner_started TEXT)"),
        QStringLiteral("CREATE TABLE runtimes ("
                       " id INTEGER PRIMARY KEY,"
                       " result_set_id INTEGER NOT NULL REFERENCES result_sets(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " path TEXT NOT NULL,"
                       " version TEXT NOT NULL,"
                       " details TEXT NOT NULL,"
                       " UNIQUE (result_set_id, name))"),
        QStringLiteral("CREATE TABLE processes ("
                       " id INTEGER PRIMARY KEY,"
                       " result_set_id INTEGER NOT NULL REFERENCES result_sets(id) ON DELETE CASCADE,"
                       " benchmark TEXT NOT NULL,"
                       " variant TEXT NOT NULL DEFAULT '',"
                       " runtime TEXT NOT NULL,"
                       " run_index INTEGER NOT NULL,"
                       " size INTEGER NOT NULL,"
                       " started TEXT NOT NULL,"
                       " status TEXT NOT NULL,"
                       " error TEXT NOT NULL DEFAULT '',"
                       " result TEXT NOT NULL DEFAULT '',"
                       " exit_code INTEGER,"
                       " signal INTEGER,"
                       " wall_ns INTEGER,"
                       " user_ns INTEGER,"
                       " sys_ns INTEGER,"
                       " peak_rss_kb INTEGER,"
                       " stderr_tail TEXT NOT NULL DEFAULT '',"
                       " extra TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE INDEX processes_by_set ON processes (result_set_id)"),
        // phase 0: in-process warm-up, 1: measured. Every raw value is kept; summaries are derived.
        QStringLiteral("CREATE TABLE samples ("
                       " process_id INTEGER NOT NULL REFERENCES processes(id) ON DELETE CASCADE,"
                       " phase INTEGER NOT NULL,"
                       " idx INTEGER NOT NULL,"
                       " ns INTEGER NOT NULL,"
                       " PRIMARY KEY (process_id, phase, idx)) WITHOUT ROWID"),
    },
    // 1 -> 2: worker counts, and the load points measured against server processes.
    {
        QStringLiteral("ALTER TABLE processes ADD COLUMN workers INTEGER NOT NULL DEFAULT 0"),
        // errors and latency are JSON: the error counts by kind and the raw latency histogram buckets.
        QStringLiteral("CREATE TABLE load_points ("
                       " process_id INTEGER NOT NULL REFERENCES processes(id) ON DELETE CASCADE,"
                       " idx INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " endpoint TEXT NOT NULL DEFAULT '',"
                       " connections INTEGER NOT NULL,"
                       " workers INTEGER NOT NULL,"
                       " rate REAL NOT NULL,"
                       " duration_s REAL NOT NULL,"
                       " completed INTEGER NOT NULL,"
                       " sent INTEGER NOT NULL,"
                       " errors TEXT NOT NULL,"
                       " latency TEXT NOT NULL,"
                       " generator_cpu_ns INTEGER NOT NULL,"
                       " server_cpu_ns INTEGER NOT NULL,"
                       " server_pss_kb INTEGER NOT NULL,"
                       " error TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (process_id, idx)) WITHOUT ROWID"),
    },
    // 2 -> 3: the analysis of each finished set (ResultSetAnalysis as JSON), so readers need not recompute it.
    // A row whose analysis_version differs from the running Showdown's is stale: readers ignore it.
    {
        QStringLiteral("CREATE TABLE analyses ("
                       " result_set_id INTEGER PRIMARY KEY REFERENCES result_sets(id) ON DELETE CASCADE,"
                       " analysis_version INTEGER NOT NULL,"
                       " computed_at TEXT NOT NULL,"
                       " json TEXT NOT NULL)"),
    },
    // 3 -> 4: capacity-search steps (issue 11): the p99 objective a load point was judged against; 0 for sweep points.
    {
        QStringLiteral("ALTER TABLE load_points ADD COLUMN slo_p99_ms REAL NOT NULL DEFAULT 0"),
    },
    // 4 -> 5: the runtime matrix (issue 12): each runtime's family and kind as columns. `kind` has always held the
    // family's word (node, python); the kind comes from the recorded details where they name one (bun, deno),
    // else from the implementation the probe reported (pypy), else the family's usual kind (node, cpython).
    {
        QStringLiteral("ALTER TABLE runtimes ADD COLUMN family TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE runtimes ADD COLUMN runtime_kind TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE runtimes SET family = CASE kind WHEN 'node' THEN 'javascript' WHEN 'python' THEN 'python' ELSE '' END"),
        QStringLiteral("UPDATE runtimes SET runtime_kind = CASE"
                       " WHEN json_valid(details) AND json_extract(details, '$.kind') IN ('node', 'bun', 'deno', 'cpython', 'pypy')"
                       "  THEN json_extract(details, '$.kind')"
                       " WHEN kind = 'python' AND json_valid(details) AND json_extract(details, '$.implementation') = 'pypy' THEN 'pypy'"
                       " WHEN kind = 'python' THEN 'cpython'"
                       " WHEN kind = 'node' THEN 'node'"
                       " ELSE '' END"),
        QStringLiteral("CREATE INDEX runtimes_by_kind ON runtimes (runtime_kind)"),
    },
    // 5 -> 6: the machine a set was measured on (issue 14), as columns so a team store filters and groups by
    // machine in SQL; copied from the set's environment JSON, which stays the whole record (MachineIdentity).
    // No index: a store holds one row per run, and an index page more tips a nearly full disk over sooner.
    // Sets already stored get theirs from their environment (backfillMachines) in the same transaction.
    {
        QStringLiteral("ALTER TABLE result_sets ADD COLUMN machine_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE result_sets ADD COLUMN hostname TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE result_sets ADD COLUMN machine_label TEXT NOT NULL DEFAULT ''"),
    },
    // 6 -> 7: the user's definition files a set ran (issue 15), byte for byte, so a saved set says what was measured.
    // The text is a BLOB: a file is stored as the bytes that were checked, whatever their encoding. Built-in runs have none.
    {
        QStringLiteral("CREATE TABLE definition_files ("
                       " id INTEGER PRIMARY KEY,"
                       " result_set_id INTEGER NOT NULL REFERENCES result_sets(id) ON DELETE CASCADE,"
                       " path TEXT NOT NULL,"
                       " sha256 TEXT NOT NULL,"
                       " text BLOB NOT NULL)"),
        QStringLiteral("CREATE INDEX definition_files_by_set ON definition_files (result_set_id)"),
    },
};
/// The schema version that added the machine columns; the migration to it also fills them for stored sets.
constexpr int kMachineColumnsVersion = 6;

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString sqlError(const QSqlError &error)
{
    // SQLite's own words ("database or disk is full") say what happened; Qt's ("Unable to commit
    // transaction") only repeat which call it was.
    const QString database = error.databaseText().trimmed();
    return database.isEmpty() ? error.text().trimmed() : database;
}

/// Identifies this very process even after its pid is reused: pid plus its start time in clock ticks.
QString processStartTime(qint64 pid)
{
    const std::optional<ProcessTicks> process = ProcessTicks::read(pid);
    return process ? QString::number(process->startTicks) : QString();
}

/// Whether the process that started a run (pid and start time, as createResultSet stored them) still exists.
bool ownerAlive(qint64 pid, const QString &started)
{
    const QString ownerStarted = pid > 0 ? processStartTime(pid) : QString();
    return !ownerStarted.isEmpty() && ownerStarted == started;
}

/// QtSql binds a null QString as SQL NULL; the NOT NULL text columns want an empty string instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

/// The machine columns' values (machine_id, hostname, machine_label) of a set with this environment.
QVariantList machineColumns(const QJsonObject &environment)
{
    const MachineIdentity machine = MachineIdentity::fromEnvironment(environment);
    return {machine.machineId, machine.hostname, machine.label};
}

QString toIso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

ResultSetInfo readResultSet(const QSqlQuery &query)
{
    ResultSetInfo info;
    info.id = query.value(0).toLongLong();
    info.uuid = query.value(1).toString();
    info.created = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs);
    info.finished = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
    info.suite = query.value(4).toString();
    info.status = query.value(5).toString();
    info.name = query.value(6).toString();
    info.notes = query.value(7).toString();
    info.appVersion = query.value(8).toString();
    info.parameters = parseObject(query.value(9).toString());
    info.environment = parseObject(query.value(10).toString());
    info.sampleCount = query.value(11).toLongLong();
    // A run whose process has gone is interrupted, whether or not a writing open has recorded that yet:
    // computed here so a read-only view never has to write it.
    if (info.status == QLatin1String("running") && !ownerAlive(query.value(12).toLongLong(), query.value(13).toString()))
        info.status = QStringLiteral("interrupted");
    return info;
}

const QString kResultSetColumns = QStringLiteral(
    "r.id, r.uuid, r.created, r.finished, r.suite, r.status, r.name, r.notes, r.app_version, r.parameters,"
    " r.environment,"
    " (SELECT count(*) FROM processes p JOIN samples s ON s.process_id = p.id"
    "   WHERE p.result_set_id = r.id AND s.phase = 1),"
    " r.owner_pid, r.owner_started");

} // namespace

ResultStore::ResultStore(QObject *parent)
    : QObject(parent), m_connection(QStringLiteral("showdown-store-%1").arg(quintptr(this)))
{
}

ResultStore::~ResultStore()
{
    close();
}

QString ResultStore::defaultPath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return folder + QStringLiteral("/Showdown/showdown.sqlite");
}

bool ResultStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void ResultStore::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
    m_readOnly = false;
    m_upgradedCopy.reset();
    m_dialect = SqlDialect();
}

namespace {

/// What the first bytes of an existing file say, before SQLite is let near it. The kinds after Sqlite are refusals.
enum class FileKind { Empty, Sqlite, Unreadable, Foreign };

FileKind inspectHeader(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return FileKind::Unreadable;
    }
    if (file.size() == 0)
        return FileKind::Empty;  // an empty file is an empty database; SQLite would treat it the same
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArray(kSqliteMagic, sizeof kSqliteMagic))) {
        *error = QStringLiteral("%1 is not a Showdown database (it is not an SQLite file); "
                                "choose a .sqlite or .showdown file written by Showdown")
                     .arg(path);
        return FileKind::Foreign;
    }
    return FileKind::Sqlite;
}

/// The cheap identity check every open makes (a few header fields, no scan): a Showdown database, or an empty
/// one, of a schema this build reads. Returns its schema version.
std::optional<int> identify(QSqlQuery &query, const SqlDialect &dialect, const QString &path, QString *error)
{
    QString problem;
    const std::optional<SqlDialect::Stamp> stamp = dialect.readStamp(query, &problem);
    if (!stamp) {
        *error = QStringLiteral("%1: cannot read (%2)").arg(path, problem);
        return std::nullopt;
    }
    if (quint32(stamp->applicationId) != ResultStore::kApplicationId && stamp->tables > 0) {
        *error = dialect.isPostgres()
                     ? QStringLiteral("%1 holds tables but is not a Showdown team store; it was left untouched "
                                      "(give Showdown a database of its own)").arg(path)
                     : QStringLiteral("%1 is an SQLite database but not a Showdown one; it was left untouched").arg(path);
        return std::nullopt;
    }
    if (stamp->version > ResultStore::kSchemaVersion) {
        *error = QStringLiteral("%1 was written by a newer Showdown (schema version %2; this one reads up to %3); "
                                "update Showdown to open it")
                     .arg(path)
                     .arg(stamp->version)
                     .arg(ResultStore::kSchemaVersion);
        return std::nullopt;
    }
    return stamp->version;
}

/// A whole-file check (PRAGMA quick_check): only where a file is about to be written, or comes from elsewhere.
bool checkWholeFile(QSqlQuery &query, const QString &path, QString *error)
{
    if (!query.exec(QStringLiteral("PRAGMA quick_check")) || !query.next()) {
        // The check itself could not run (locked, or a writer mid-checkpoint): that says nothing
        // about corruption, so say what happened instead of condemning the file.
        *error = QStringLiteral("%1 could not be checked just now (%2); if a run is writing to it, try again in a moment")
                     .arg(path, sqlError(query.lastError()));
        return false;
    }
    if (query.value(0).toString() != QLatin1String("ok")) {
        *error = QStringLiteral("%1 is corrupt (%2); it was left untouched — restore it from a backup or "
                                "choose another database with --db")
                     .arg(path, query.value(0).toString());
        return false;
    }
    return true;
}

/// SQLite's words for a file or folder it may not write, so a writing open can say what to do instead.
bool isReadOnlyError(const QString &message)
{
    return message.contains(QLatin1String("readonly database")) || message.contains(QLatin1String("read-only"));
}

QString readOnlyAdvice(const QString &path, const QString &reason)
{
    return QStringLiteral("%1 cannot be written (%2): results cannot be stored in it; choose another database with --db "
                          "(list, show, claims, report and export still read it)")
        .arg(path, reason);
}

} // namespace

bool ResultStore::validateExisting(const QString &path, QString *error)
{
    switch (inspectHeader(path, error)) {
    case FileKind::Empty:
        return true;
    case FileKind::Unreadable:
    case FileKind::Foreign:
        return false;
    case FileKind::Sqlite:
        break;
    }

    // A read-only look first: nothing below may write to a file we end up refusing.
    const QString checkName = m_connection + QStringLiteral("-check");
    bool ok = false;
    {
        QSqlDatabase check = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), checkName);
        check.setDatabaseName(path);
        // Another Showdown may be writing a run into this file right now: wait for its locks, don't fail.
        check.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!check.open()) {
            *error = QStringLiteral("%1: cannot open (%2)").arg(path, sqlError(check.lastError()));
        } else {
            QSqlQuery query(check);
            ok = checkWholeFile(query, path, error) && identify(query, SqlDialect(), path, error).has_value();
        }
        check.close();
    }
    QSqlDatabase::removeDatabase(checkName);
    return ok;
}

bool ResultStore::open(const QString &path, QString *error)
{
    return open(path, OpenMode::Write, error);
}

bool ResultStore::open(const QString &path, OpenMode mode, QString *error)
{
    // Anything shaped like a URL is a server (or a mistake parse() names), never a file to create.
    if (path.contains(QLatin1String("://")))
        return openServer(path, mode, error);
    switch (mode) {
    case OpenMode::Write:
        return openForWriting(path, true, error);
    case OpenMode::Read:
        return openForReading(path, false, error);
    case OpenMode::ReadForeign:
        return openForReading(path, true, error);
    }
    return false;
}

bool ResultStore::openEmpty(const QString &path, QString *error)
{
    // Nothing stored yet (no file, an empty one, or no tables): an empty schema in memory reads as an
    // empty database, and no file is created or changed to show that.
    close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open())
            *error = QStringLiteral("%1: cannot open (%2)").arg(path, sqlError(db.lastError()));
    }
    m_path = path;
    if (!isOpen() || !migrate(error)) {
        close();
        return false;
    }
    QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("PRAGMA query_only = ON"));
    m_readOnly = true;
    return true;
}

bool ResultStore::openServer(const QString &url, OpenMode mode, QString *error)
{
    close();
    const std::optional<DatabaseReference> reference = DatabaseReference::parse(url, error);
    if (!reference)
        return false;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed, so %1 cannot be opened; install it "
                                "(apt-get install libqt6sql6-psql) and try again").arg(reference->display());
        return false;
    }
    m_path = reference->display();
    m_dialect = SqlDialect(DatabaseReference::Backend::Postgres);
    std::optional<int> version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driver(), m_connection);
        db.setHostName(reference->host);
        if (reference->port > 0)
            db.setPort(reference->port);
        db.setUserName(reference->user);
        db.setDatabaseName(reference->database);
        // No password is ever set here: libpq reads ~/.pgpass (or PGPASSFILE) and PGPASSWORD itself.
        db.setConnectOptions(reference->connectOptions());
        if (!db.open()) {
            *error = QStringLiteral("%1: cannot connect (%2); check the URL, that the server runs and accepts this user, "
                                    "and that ~/.pgpass or PGPASSWORD holds the password")
                         .arg(m_path, sqlError(db.lastError()));
        } else {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SET client_min_messages = warning"));
            // A reading open cannot write, whatever the role may do: the server refuses every change.
            if (mode != OpenMode::Write)
                query.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
            version = identify(query, m_dialect, m_path, error);
        }
    }
    if (!version) {
        close();
        return false;
    }
    if (mode == OpenMode::Write) {
        // Runs record locally first, so a team store never holds a set a process here owns: nothing to recover.
        if (!migrate(error)) {
            close();
            return false;
        }
        return true;
    }
    if (*version == 0)
        return openEmpty(m_path, error);
    if (*version < kSchemaVersion) {
        *error = QStringLiteral("%1 uses an older schema (version %2; this Showdown reads version %3); upgrade it once by "
                                "pushing to it with this Showdown as the database's owner role (`showdown push ID --to URL`)")
                     .arg(m_path)
                     .arg(*version)
                     .arg(kSchemaVersion);
        close();
        return false;
    }
    m_readOnly = true;
    return true;
}

bool ResultStore::openForWriting(const QString &path, bool checkWhole, QString *error)
{
    close();
    const QFileInfo info(path);
    // SQLite would open a file it may not write read-only without a word and fail at the first write;
    // say so now. The folder must take the write-ahead log beside the file.
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    if (info.exists() && ::access(QFile::encodeName(path).constData(), W_OK) != 0) {
        *error = readOnlyAdvice(path, QStringLiteral("the file is read-only: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    if (info.exists()) {
        if (checkWhole ? !validateExisting(path, error) : inspectHeader(path, error) > FileKind::Sqlite)
            return false;
    } else if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create the folder %1 for the database").arg(info.absolutePath());
        return false;
    }
    if (::access(folder.constData(), W_OK) != 0) {
        *error = readOnlyAdvice(path, QStringLiteral("its folder is read-only: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }

    m_path = path;
    bool ok = false;
    {
        // Scoped: close() must not run while a handle to the connection is still alive (Qt warns if it does).
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            const QString reason = sqlError(db.lastError());
            *error = isReadOnlyError(reason) ? readOnlyAdvice(path, reason) : QStringLiteral("%1: cannot open (%2)").arg(path, reason);
        } else {
            QSqlQuery query(db);
            ok = true;
            for (const QString &pragma : {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA foreign_keys = ON"),
                                          QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA busy_timeout = 5000")}) {
                if (!query.exec(pragma)) {
                    const QString reason = sqlError(query.lastError());
                    *error = isReadOnlyError(reason) ? readOnlyAdvice(path, reason)
                                                     : QStringLiteral("%1: %2 failed (%3)").arg(path, pragma, reason);
                    ok = false;
                    break;
                }
            }
            // SQLite opens a file it may not write read-only without saying so; a write would fail later.
            if (ok && query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next()
                && query.value(0).toString() != QLatin1String("wal")) {
                *error = readOnlyAdvice(path, QStringLiteral("it stays in %1 journal mode").arg(query.value(0).toString()));
                ok = false;
            }
        }
    }
    if (!ok || !migrate(error) || !recoverInterrupted(error)) {
        close();
        return false;
    }
    refreshAnalyses();
    return true;
}

bool ResultStore::openForReading(const QString &path, bool checkWhole, QString *error)
{
    close();
    const QFileInfo info(path);
    FileKind kind = FileKind::Empty;
    if (info.exists()) {
        kind = inspectHeader(path, error);
        if (kind > FileKind::Sqlite)
            return false;
    } else if (checkWhole) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return false;
    }
    m_path = path;

    std::optional<int> version = 0;
    if (kind == FileKind::Sqlite) {
        version = connectReadOnly(path, error);
        if (version) {
            QSqlQuery query(QSqlDatabase::database(m_connection, false));
            version = identify(query, m_dialect, path, error);
            if (version && checkWhole && !checkWholeFile(query, path, error))
                version.reset();
        }
        if (!version) {
            close();
            return false;
        }
    }
    if (*version == 0)
        return openEmpty(path, error);
    if (*version < kSchemaVersion) {
        close();
        return openUpgradedCopy(path, *version, error);
    }
    m_readOnly = true;
    if (!checkTablesAreTables(error)) {
        close();
        return false;
    }
    return true;
}

std::optional<int> ResultStore::connectReadOnly(const QString &path, QString *error)
{
    // SQLite opens a write-ahead-logged file read-only only where it can map the log's index (-shm) beside it.
    // In a read-only folder without a log, the main file is the whole database and `immutable` reads it as
    // it is; with a log but no index, a private copy of both is read instead. Each is tried for real.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString uri = QUrl::fromLocalFile(absolute).toString(QUrl::FullyEncoded);
    const bool hasLog = QFileInfo::exists(absolute + QStringLiteral("-wal"));
    QStringList attempts = {uri + QStringLiteral("?mode=ro")};
    // Not past a rollback journal either: a crashed writer's half-written change would be read as it is.
    if (!hasLog && !QFileInfo::exists(absolute + QStringLiteral("-journal")))
        attempts.append(uri + QStringLiteral("?mode=ro&immutable=1"));
    std::unique_ptr<QTemporaryDir> copyDir;
    QString firstProblem;
    for (int attempt = 0;; ++attempt) {
        if (attempt == attempts.size()) {
            if (!hasLog || copyDir)
                break;
            copyDir = std::make_unique<QTemporaryDir>();
            const QString copy = copyDir->filePath(QStringLiteral("reading.sqlite"));
            if (!copyDir->isValid() || !QFile::copy(absolute, copy) || !QFile::copy(absolute + QStringLiteral("-wal"), copy + QStringLiteral("-wal")))
                break;
            attempts.append(QUrl::fromLocalFile(copy).toString(QUrl::FullyEncoded) + QStringLiteral("?mode=ro"));
        }
        std::optional<int> version;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
            db.setDatabaseName(attempts.at(attempt));
            // A run may be writing this file right now: wait for its locks rather than fail.
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                QSqlQuery query(db);
                // No SQL stored in the file (views, triggers, defaults) may call functions with side effects.
                query.exec(QStringLiteral("PRAGMA trusted_schema = OFF"));
                query.exec(QStringLiteral("PRAGMA query_only = ON"));
                // The log is opened by the first read, so only a read shows whether this way works.
                if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                    version = query.value(0).toInt();
                else if (firstProblem.isEmpty())
                    firstProblem = sqlError(query.lastError());
            } else if (firstProblem.isEmpty()) {
                firstProblem = sqlError(db.lastError());
            }
        }
        if (version) {
            if (copyDir)
                m_upgradedCopy = std::move(copyDir);  // kept until close(): the connection reads from it
            return version;
        }
        close();
    }
    *error = QStringLiteral("%1: cannot open for reading (%2)").arg(path, firstProblem);
    return std::nullopt;
}

bool ResultStore::openUpgradedCopy(const QString &path, int version, QString *error)
{
    auto copyDir = std::make_unique<QTemporaryDir>();
    const QString copy = copyDir->filePath(QStringLiteral("upgraded.sqlite"));
    if (!copyDir->isValid() || !QFile::copy(path, copy)) {
        *error = QStringLiteral("%1 uses an older schema (version %2) and no temporary copy could be made to upgrade it; "
                                "open it once for writing (a run or an import) to upgrade it in place")
                     .arg(path)
                     .arg(version);
        return false;
    }
    // Committed rows may still sit in the write-ahead log beside the file.
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        QFile::copy(path + QStringLiteral("-wal"), copy + QStringLiteral("-wal"));
    // The copy is ours alone: upgrading it needs no whole-file check, and marks nothing in the original.
    if (!openForWriting(copy, false, error))
        return false;
    m_upgradedCopy = std::move(copyDir);
    m_path = path;
    m_readOnly = true;  // changes to the copy would be lost: refuse them like any read-only open
    QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("PRAGMA query_only = ON"));
    return checkTablesAreTables(error);
}

bool ResultStore::migrate(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    QString problem;
    std::optional<SqlDialect::Stamp> stamp = m_dialect.readStamp(query, &problem);
    if (stamp && stamp->version >= kSchemaVersion)
        return true;
    if (!db.transaction()) {
        *error = QStringLiteral("%1: cannot start the schema upgrade (%2)").arg(m_path, sqlError(db.lastError()));
        return false;
    }
    // Another process may be upgrading the same store: wait for it, then read the version it left.
    if (const QString lock = m_dialect.migrationLock(kApplicationId); !lock.isEmpty()) {
        stamp = query.exec(lock) ? m_dialect.readStamp(query, &problem) : std::nullopt;
        if (!stamp) {
            *error = QStringLiteral("%1: cannot start the schema upgrade (%2)").arg(m_path, problem.isEmpty() ? sqlError(query.lastError()) : problem);
            db.rollback();
            return false;
        }
        if (stamp->version >= kSchemaVersion)
            return db.commit();
    }
    const int current = stamp ? stamp->version : 0;
    for (int version = current; version < kSchemaVersion; ++version) {
        for (const QString &statement : kMigrations.at(version)) {
            if (!query.exec(m_dialect.translate(statement))) {
                *error = QStringLiteral("%1: schema upgrade to version %2 failed (%3)")
                             .arg(m_path)
                             .arg(version + 1)
                             .arg(sqlError(query.lastError()));
                db.rollback();
                return false;
            }
        }
        if (version + 1 == kMachineColumnsVersion && !backfillMachines(error)) {
            db.rollback();
            return false;
        }
    }
    for (const QString &statement : m_dialect.stampStatements(kSchemaVersion, kApplicationId)) {
        if (!query.exec(statement)) {
            *error = QStringLiteral("%1: cannot record the schema version (%2)").arg(m_path, sqlError(query.lastError()));
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        *error = QStringLiteral("%1: cannot commit the schema upgrade (%2)").arg(m_path, sqlError(db.lastError()));
        return false;
    }
    return true;
}

bool ResultStore::backfillMachines(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, environment FROM result_sets"))) {
        *error = QStringLiteral("%1: cannot read result sets to record their machines (%2)").arg(m_path, sqlError(query.lastError()));
        return false;
    }
    QList<std::pair<qint64, QVariantList>> machines;
    while (query.next())
        machines.append({query.value(0).toLongLong(), machineColumns(parseObject(query.value(1).toString()))});
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE result_sets SET machine_id = ?, hostname = ?, machine_label = ? WHERE id = ?"));
    for (const auto &[id, columns] : machines) {
        for (const QVariant &value : columns)
            update.addBindValue(text(value.toString()));  // never NULL: the columns are NOT NULL
        update.addBindValue(id);
        if (!update.exec()) {
            *error = QStringLiteral("%1: cannot record the machine of result set %2 (%3)").arg(m_path).arg(id).arg(sqlError(update.lastError()));
            return false;
        }
    }
    return true;
}

bool ResultStore::recoverInterrupted(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, owner_pid, owner_started FROM result_sets WHERE status = 'running'"))) {
        *error = QStringLiteral("%1: cannot read result sets (%2)").arg(m_path, sqlError(query.lastError()));
        return false;
    }
    QList<qint64> orphans;
    while (query.next()) {
        // Still running only if that very process (same pid, same start time) is alive.
        if (!ownerAlive(query.value(1).toLongLong(), query.value(2).toString()))
            orphans.append(query.value(0).toLongLong());
    }
    for (qint64 id : orphans) {
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE result_sets SET status = 'interrupted', owner_pid = NULL WHERE id = ?"));
        update.addBindValue(id);
        if (!update.exec()) {
            *error = QStringLiteral("%1: result set %2 was left running by a process that has ended and cannot be marked "
                                    "interrupted (%3); free space on that disk or make the file writable, then try again "
                                    "(list, show, claims, report and export still read it)")
                         .arg(m_path)
                         .arg(id)
                         .arg(sqlError(update.lastError()));
            return false;
        }
    }
    return true;
}

bool ResultStore::insertRuntime(qint64 resultSetId, const RuntimeInfo &runtime, QString *error)
{
    const std::optional<RuntimeKind> kind = runtime.resolvedKind();
    QSqlQuery insert(QSqlDatabase::database(m_connection, false));
    insert.prepare(QStringLiteral("INSERT INTO runtimes (result_set_id, name, kind, family, runtime_kind, path, version, details)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(resultSetId), QVariant(text(runtime.name)), QVariant(text(runtime.kind)),
                                  QVariant(kind ? RuntimeKind::familyName(kind->family()) : QString(QLatin1String(""))),
                                  QVariant(kind ? kind->name() : QString(QLatin1String(""))), QVariant(text(runtime.path)),
                                  QVariant(text(runtime.version)), QVariant(compactJson(runtime.toJson()))})
        insert.addBindValue(value);
    if (!insert.exec()) {
        *error = QStringLiteral("cannot record runtime %1 (%2)").arg(runtime.name, sqlError(insert.lastError()));
        return false;
    }
    return true;
}

bool ResultStore::insertDefinitionFiles(qint64 resultSetId, const QList<StoredDefinitionFile> &definitions, QString *error)
{
    QSqlQuery insert(QSqlDatabase::database(m_connection, false));
    insert.prepare(QStringLiteral("INSERT INTO definition_files (result_set_id, path, sha256, text) VALUES (?, ?, ?, ?)"));
    for (const StoredDefinitionFile &definition : definitions) {
        insert.addBindValue(resultSetId);
        insert.addBindValue(text(definition.path));
        insert.addBindValue(text(definition.sha256));
        // Never a null QByteArray: it would bind as SQL NULL in the NOT NULL column.
        insert.addBindValue(definition.text.isNull() ? QByteArray("") : definition.text);
        if (!insert.exec()) {
            *error = QStringLiteral("cannot store the definition file %1 (%2)").arg(definition.path, sqlError(insert.lastError()));
            return false;
        }
    }
    return true;
}

QList<StoredDefinitionFile> ResultStore::definitionFiles(qint64 resultSetId, QString *error) const
{
    QList<StoredDefinitionFile> result;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT path, sha256, text FROM definition_files WHERE result_set_id = ? ORDER BY id"));
    query.addBindValue(resultSetId);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("cannot read the definition files of result set %1 (%2)").arg(resultSetId).arg(sqlError(query.lastError()));
        return result;
    }
    while (query.next())
        result.append(StoredDefinitionFile{query.value(0).toString(), query.value(1).toString(), query.value(2).toByteArray()});
    return result;
}

qint64 ResultStore::createResultSet(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes, QString *error,
                                    const QList<StoredDefinitionFile> &definitions)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        *error = sqlError(db.lastError());
        return 0;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO result_sets (uuid, created, suite, status, name, notes, app_version, parameters, environment,"
        " owner_pid, owner_started, machine_id, hostname, machine_label) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        + m_dialect.returningId());
    query.addBindValue(info.uuid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : info.uuid);
    query.addBindValue(toIso(info.created.isValid() ? info.created : QDateTime::currentDateTimeUtc()));
    query.addBindValue(info.suite);
    query.addBindValue(text(info.name));
    query.addBindValue(text(info.notes));
    query.addBindValue(text(info.appVersion));
    query.addBindValue(QString::fromUtf8(QJsonDocument(info.parameters).toJson(QJsonDocument::Compact)));
    query.addBindValue(QString::fromUtf8(QJsonDocument(info.environment).toJson(QJsonDocument::Compact)));
    query.addBindValue(qint64(::getpid()));
    query.addBindValue(processStartTime(::getpid()));
    for (const QVariant &value : machineColumns(info.environment))
        query.addBindValue(text(value.toString()));
    if (!query.exec()) {
        *error = QStringLiteral("cannot create the result set (%1)").arg(sqlError(query.lastError()));
        db.rollback();
        return 0;
    }
    const qint64 id = m_dialect.insertedId(query);
    for (const RuntimeInfo &runtime : runtimes) {
        if (!insertRuntime(id, runtime, error)) {
            db.rollback();
            return 0;
        }
    }
    if (!insertDefinitionFiles(id, definitions, error)) {
        db.rollback();
        return 0;
    }
    if (!db.commit()) {
        *error = sqlError(db.lastError());
        return 0;
    }
    emit resultSetAdded(id);
    return id;
}

bool ResultStore::addSample(qint64 resultSetId, const Sample &sample, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        *error = sqlError(db.lastError());
        return false;
    }
    const qint64 processId = insertSample(resultSetId, sample, error);
    if (processId == 0) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = QStringLiteral("cannot store a sample of %1 (%2)").arg(sample.benchmark, sqlError(db.lastError()));
        db.rollback();  // SQLite may have rolled back already (a full disk does); this leaves no transaction open either way
        return false;
    }
    emit sampleAdded(resultSetId, processId);
    return true;
}

qint64 ResultStore::insertSample(qint64 resultSetId, const Sample &sample, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO processes (result_set_id, benchmark, variant, runtime, run_index, size, started, status, error,"
        " result, exit_code, signal, wall_ns, user_ns, sys_ns, peak_rss_kb, stderr_tail, extra, workers)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") + m_dialect.returningId());
    for (const QVariant &value :
         {QVariant(resultSetId), QVariant(text(sample.benchmark)), QVariant(text(sample.variant)), QVariant(text(sample.runtime)),
          QVariant(sample.runIndex), QVariant(sample.size), QVariant(toIso(sample.started)), QVariant(text(sample.status)),
          QVariant(text(sample.error)), QVariant(text(sample.result)), QVariant(sample.exitCode), QVariant(sample.signal),
          QVariant(sample.wallNs), QVariant(sample.userNs), QVariant(sample.sysNs), QVariant(sample.peakRssKb),
          QVariant(text(sample.stderrTail)), QVariant(compactJson(sample.extra)), QVariant(sample.workers)})
        query.addBindValue(value);
    if (!query.exec()) {
        *error = QStringLiteral("cannot store a sample of %1 (%2)").arg(sample.benchmark, sqlError(query.lastError()));
        return 0;
    }
    const qint64 processId = m_dialect.insertedId(query);

    QSqlQuery insert(db);
    QVariantList processIds, phases, indexes, values;
    auto add = [&](int phase, const QList<qint64> &durations) {
        for (qsizetype i = 0; i < durations.size(); ++i) {
            processIds << processId;
            phases << phase;
            indexes << qint64(i);
            values << durations.at(i);
        }
    };
    add(0, sample.warmupNs);
    add(1, sample.iterationsNs);
    if (!processIds.isEmpty()
        && !m_dialect.insertIntegerRows(insert, QStringLiteral("samples"),
                                        {QStringLiteral("process_id"), QStringLiteral("phase"), QStringLiteral("idx"), QStringLiteral("ns")},
                                        {processIds, phases, indexes, values})) {
        *error = QStringLiteral("cannot store the timings of %1 (%2)").arg(sample.benchmark, sqlError(insert.lastError()));
        return 0;
    }
    QSqlQuery point(db);
    point.prepare(QStringLiteral(
        "INSERT INTO load_points (process_id, idx, kind, endpoint, connections, workers, rate, duration_s, completed, sent,"
        " errors, latency, generator_cpu_ns, server_cpu_ns, server_pss_kb, error, slo_p99_ms)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < sample.points.size(); ++i) {
        const LoadPoint &p = sample.points.at(i);
        for (const QVariant &value :
             {QVariant(processId), QVariant(qint64(i)), QVariant(text(p.kind)), QVariant(text(p.endpoint)), QVariant(p.connections),
              QVariant(p.workers), QVariant(p.rate), QVariant(p.durationS), QVariant(p.completed), QVariant(p.sent),
              QVariant(compactJson(p.errors)), QVariant(compactJson(p.latency)), QVariant(p.generatorCpuNs),
              QVariant(p.serverCpuNs), QVariant(p.serverPssKb), QVariant(text(p.error)), QVariant(p.sloP99Ms)})
            point.addBindValue(value);
        if (!point.exec()) {
            *error = QStringLiteral("cannot store a load point of %1 (%2)").arg(sample.benchmark, sqlError(point.lastError()));
            return 0;
        }
    }
    return processId;
}

bool ResultStore::finishResultSet(qint64 resultSetId, const QString &status, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("UPDATE result_sets SET status = ?, finished = ?, owner_pid = NULL WHERE id = ?"));
    query.addBindValue(status);
    query.addBindValue(toIso(QDateTime::currentDateTimeUtc()));
    query.addBindValue(resultSetId);
    if (!query.exec()) {
        *error = QStringLiteral("cannot finish result set %1 (%2)").arg(resultSetId).arg(sqlError(query.lastError()));
        return false;
    }
    emit resultSetChanged(resultSetId);
    return true;
}

QList<ResultSetInfo> ResultStore::resultSets(QString *error) const
{
    QList<ResultSetInfo> sets;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("SELECT %1 FROM result_sets r ORDER BY r.id").arg(kResultSetColumns))) {
        if (error)
            *error = QStringLiteral("cannot list result sets (%1)").arg(sqlError(query.lastError()));
        return sets;
    }
    while (query.next())
        sets.append(readResultSet(query));
    return sets;
}

QList<ResultSetInfo> ResultStore::resultSetsOnMachine(const QString &machine, QString *error) const
{
    QList<ResultSetInfo> sets;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // The label, host name or id; or the start of the id (8 characters or more), as MachineIdentity::matches says.
    query.prepare(QStringLiteral("SELECT %1 FROM result_sets r WHERE r.machine_label = ? OR r.hostname = ? OR r.machine_id = ?"
                                 " OR (r.machine_id <> '' AND substr(r.machine_id, 1, ?) = ?) ORDER BY r.id")
                      .arg(kResultSetColumns));
    for (const QVariant &value : {QVariant(machine), QVariant(machine), QVariant(machine),
                                  QVariant(qint64(machine.size() >= 8 ? machine.size() : 0)), QVariant(machine)})
        query.addBindValue(value);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("cannot list result sets (%1)").arg(sqlError(query.lastError()));
        return sets;
    }
    while (query.next())
        sets.append(readResultSet(query));
    return sets;
}

std::optional<ResultSetInfo> ResultStore::resultSet(qint64 id, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT %1 FROM result_sets r WHERE r.id = ?").arg(kResultSetColumns));
    query.addBindValue(id);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("cannot read result set %1 (%2)").arg(id).arg(sqlError(query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        if (error)
            *error = QStringLiteral("no result set %1 in %2; `showdown list` shows the ones there are").arg(id).arg(m_path);
        return std::nullopt;
    }
    return readResultSet(query);
}

QList<RuntimeInfo> ResultStore::runtimes(qint64 resultSetId, QString *error) const
{
    QList<RuntimeInfo> result;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT details FROM runtimes WHERE result_set_id = ? ORDER BY id"));
    query.addBindValue(resultSetId);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("cannot read runtimes (%1)").arg(sqlError(query.lastError()));
        return result;
    }
    while (query.next())
        result.append(RuntimeInfo::fromJson(parseObject(query.value(0).toString())));
    return result;
}

QMap<QString, double> ResultStore::typicalProcessSeconds() const
{
    QMap<QString, double> result;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT benchmark, size, AVG(wall_ns) FROM processes WHERE status = 'ok' AND wall_ns > 0 GROUP BY benchmark, size")))
        return result;
    while (query.next())
        result.insert(SuiteRunner::timingKey(query.value(0).toString(), query.value(1).toLongLong()), query.value(2).toDouble() / 1e9);
    return result;
}

QList<Sample> ResultStore::samples(qint64 resultSetId, QString *error, SampleDetail detail, qint64 afterProcessId) const
{
    QList<Sample> result;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, benchmark, variant, runtime, run_index, size, started, status, error, result, exit_code, signal,"
        " wall_ns, user_ns, sys_ns, peak_rss_kb, stderr_tail, extra, workers FROM processes WHERE result_set_id = ? AND id > ? ORDER BY id"));
    query.addBindValue(resultSetId);
    query.addBindValue(afterProcessId);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("cannot read samples (%1)").arg(sqlError(query.lastError()));
        return result;
    }
    QHash<qint64, qsizetype> indexOf;
    while (query.next()) {
        Sample sample;
        sample.id = query.value(0).toLongLong();
        sample.benchmark = query.value(1).toString();
        sample.variant = query.value(2).toString();
        sample.runtime = query.value(3).toString();
        sample.runIndex = query.value(4).toInt();
        sample.size = query.value(5).toLongLong();
        sample.started = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
        sample.status = query.value(7).toString();
        sample.error = query.value(8).toString();
        sample.result = query.value(9).toString();
        sample.exitCode = query.value(10).toInt();
        sample.signal = query.value(11).toInt();
        sample.wallNs = query.value(12).toLongLong();
        sample.userNs = query.value(13).toLongLong();
        sample.sysNs = query.value(14).toLongLong();
        sample.peakRssKb = query.value(15).toLongLong();
        sample.stderrTail = query.value(16).toString();
        sample.extra = parseObject(query.value(17).toString());
        sample.workers = query.value(18).toInt();
        indexOf.insert(sample.id, result.size());
        result.append(sample);
    }
    if (detail == SampleDetail::ProcessesOnly)
        return result;

    QSqlQuery values(db);
    values.setForwardOnly(true);
    values.prepare(QStringLiteral("SELECT s.process_id, s.phase, s.ns FROM samples s JOIN processes p ON p.id = s.process_id"
                                  " WHERE p.result_set_id = ? AND p.id > ? ORDER BY s.process_id, s.phase, s.idx"));
    values.addBindValue(resultSetId);
    values.addBindValue(afterProcessId);
    if (!values.exec()) {
        if (error)
            *error = QStringLiteral("cannot read timings (%1)").arg(sqlError(values.lastError()));
        return {};
    }
    while (values.next()) {
        Sample &sample = result[indexOf.value(values.value(0).toLongLong())];
        (values.value(1).toInt() == 0 ? sample.warmupNs : sample.iterationsNs).append(values.value(2).toLongLong());
    }

    QSqlQuery points(db);
    points.setForwardOnly(true);
    points.prepare(QStringLiteral(
        "SELECT l.process_id, l.kind, l.endpoint, l.connections, l.workers, l.rate, l.duration_s, l.completed, l.sent,"
        " l.errors, l.latency, l.generator_cpu_ns, l.server_cpu_ns, l.server_pss_kb, l.error, l.slo_p99_ms"
        " FROM load_points l JOIN processes p ON p.id = l.process_id WHERE p.result_set_id = ? AND p.id > ?"
        " ORDER BY l.process_id, l.idx"));
    points.addBindValue(resultSetId);
    points.addBindValue(afterProcessId);
    if (!points.exec()) {
        if (error)
            *error = QStringLiteral("cannot read load points (%1)").arg(sqlError(points.lastError()));
        return {};
    }
    while (points.next()) {
        LoadPoint p;
        p.kind = points.value(1).toString();
        p.endpoint = points.value(2).toString();
        p.connections = points.value(3).toInt();
        p.workers = points.value(4).toInt();
        p.rate = points.value(5).toDouble();
        p.durationS = points.value(6).toDouble();
        p.completed = points.value(7).toLongLong();
        p.sent = points.value(8).toLongLong();
        p.errors = parseObject(points.value(9).toString());
        p.latency = parseObject(points.value(10).toString());
        p.generatorCpuNs = points.value(11).toLongLong();
        p.serverCpuNs = points.value(12).toLongLong();
        p.serverPssKb = points.value(13).toLongLong();
        p.error = points.value(14).toString();
        p.sloP99Ms = points.value(15).toDouble();
        result[indexOf.value(points.value(0).toLongLong())].points.append(p);
    }
    return result;
}

std::optional<ResultSetAnalysis> ResultStore::storedAnalysis(qint64 resultSetId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT json FROM analyses WHERE result_set_id = ? AND analysis_version = ?"));
    query.addBindValue(resultSetId);
    query.addBindValue(ResultSetAnalysis::kVersion);
    // A file of schema 2 opened read-only has no analyses table: that is "not stored", not an error.
    if (!query.exec() || !query.next())
        return std::nullopt;
    QString ignored;  // an unreadable analysis is recomputed, as if it were missing
    return ResultSetAnalysis::fromJson(parseObject(query.value(0).toString()), &ignored);
}

std::optional<ResultSetAnalysis> ResultStore::analysis(qint64 resultSetId, QString *error) const
{
    if (std::optional<ResultSetAnalysis> stored = storedAnalysis(resultSetId))
        return stored;
    return computeAnalysis(resultSetId, error);
}

std::optional<ResultSetAnalysis> ResultStore::computeAnalysis(qint64 resultSetId, QString *error) const
{
    QString problem;
    const QList<RuntimeInfo> setRuntimes = runtimes(resultSetId, &problem);
    const QList<Sample> setSamples = problem.isEmpty() ? samples(resultSetId, &problem) : QList<Sample>();
    if (!problem.isEmpty()) {
        *error = QStringLiteral("cannot analyse result set %1 (%2)").arg(resultSetId).arg(problem);
        return std::nullopt;
    }
    return ResultSetAnalysis::compute(setSamples, setRuntimes);
}

bool ResultStore::storeAnalysis(qint64 resultSetId, QString *error)
{
    const std::optional<ResultSetAnalysis> computed = computeAnalysis(resultSetId, error);
    return computed && saveAnalysis(resultSetId, *computed, error);
}

bool ResultStore::saveAnalysis(qint64 resultSetId, const ResultSetAnalysis &analysis, QString *error, bool replacing)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // The standard upsert (SQLite 3.24+ and PostgreSQL), where SQLite alone would take INSERT OR REPLACE.
    query.prepare(QStringLiteral("INSERT INTO analyses (result_set_id, analysis_version, computed_at, json) VALUES (?, ?, ?, ?)")
                  + (replacing ? QStringLiteral(" ON CONFLICT (result_set_id) DO UPDATE SET analysis_version = excluded.analysis_version,"
                                                " computed_at = excluded.computed_at, json = excluded.json")
                               : QString()));
    query.addBindValue(resultSetId);
    query.addBindValue(ResultSetAnalysis::kVersion);
    query.addBindValue(toIso(QDateTime::currentDateTimeUtc()));
    query.addBindValue(compactJson(analysis.toJson()));
    if (!query.exec()) {
        *error = QStringLiteral("cannot store the analysis of result set %1 (%2); readers will compute it each time")
                     .arg(resultSetId)
                     .arg(sqlError(query.lastError()));
        return false;
    }
    return true;
}

void ResultStore::refreshAnalyses()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT r.id FROM result_sets r WHERE r.status <> 'running' AND NOT EXISTS"
                                 " (SELECT 1 FROM analyses a WHERE a.result_set_id = r.id AND a.analysis_version = ?) ORDER BY r.id"));
    query.addBindValue(ResultSetAnalysis::kVersion);
    if (!query.exec())
        return;
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    for (qint64 id : ids) {
        QString ignored;  // e.g. a full disk: the set stays readable, its readers compute the analysis
        if (!storeAnalysis(id, &ignored))
            break;
    }
}

// ---- Result-set exchange ----

bool ResultStore::checkTablesAreTables(QString *error)
{
    // A hostile file could put a view (running arbitrary SQL when read) where a table belongs.
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    for (const QString &table : {QStringLiteral("result_sets"), QStringLiteral("runtimes"), QStringLiteral("processes"),
                                 QStringLiteral("samples"), QStringLiteral("definition_files")}) {
        query.prepare(QStringLiteral("SELECT type FROM sqlite_master WHERE name = ?"));
        query.addBindValue(table);
        if (!query.exec() || !query.next() || query.value(0).toString() != QLatin1String("table")) {
            *error = QStringLiteral("%1 is not a Showdown result file: it has no %2 table").arg(m_path, table);
            return false;
        }
    }
    return true;
}

bool ResultStore::openReadOnly(const QString &path, QString *error)
{
    return open(path, OpenMode::ReadForeign, error);
}

qint64 ResultStore::resultSetIdForUuid(const QString &uuid) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT id FROM result_sets WHERE uuid = ?"));
    query.addBindValue(uuid);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

qint64 ResultStore::insertImportedSet(const ResultSetBundle &bundle, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const ResultSetInfo &info = bundle.info;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO result_sets (uuid, created, finished, suite, status, name, notes, app_version, parameters, environment,"
        " machine_id, hostname, machine_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") + m_dialect.returningId());
    query.addBindValue(info.uuid);
    query.addBindValue(toIso(info.created));
    query.addBindValue(info.finished.isValid() ? QVariant(toIso(info.finished)) : QVariant());
    query.addBindValue(info.suite);
    query.addBindValue(info.status == QLatin1String("running") ? QStringLiteral("interrupted") : info.status);
    query.addBindValue(text(info.name));
    query.addBindValue(text(info.notes));
    query.addBindValue(text(info.appVersion));
    query.addBindValue(compactJson(info.parameters));
    query.addBindValue(compactJson(info.environment));
    for (const QVariant &value : machineColumns(info.environment))
        query.addBindValue(text(value.toString()));
    if (!query.exec()) {
        *error = QStringLiteral("cannot add result set %1 (%2)").arg(info.uuid, sqlError(query.lastError()));
        return 0;
    }
    const qint64 id = m_dialect.insertedId(query);

    for (const RuntimeInfo &runtime : bundle.runtimes) {
        if (!insertRuntime(id, runtime, error))
            return 0;
    }

    if (!insertDefinitionFiles(id, bundle.definitions, error))
        return 0;
    for (const Sample &sample : bundle.samples) {
        if (insertSample(id, sample, error) == 0)
            return 0;
    }
    return id;
}

std::optional<QList<ImportOutcome>> ResultStore::importResultSets(const QList<ResultSetBundle> &bundles, QString *error)
{
    if (refuseReadOnly(error))
        return std::nullopt;
    for (const ResultSetBundle &bundle : bundles) {
        if (!bundle.validate(error))
            return std::nullopt;
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        *error = QStringLiteral("%1: cannot start the import (%2)").arg(m_path, sqlError(db.lastError()));
        return std::nullopt;
    }
    QList<ImportOutcome> outcomes;
    for (const ResultSetBundle &bundle : bundles) {
        // Concurrent pushes of the same set wait here for each other; the second then finds it present.
        if (const QString lock = m_dialect.uuidLock(kApplicationId); !lock.isEmpty()) {
            QSqlQuery locking(db);
            locking.prepare(lock);
            locking.addBindValue(bundle.info.uuid);
            if (!locking.exec()) {
                *error = QStringLiteral("%1: cannot add result set %2 (%3)").arg(m_path, bundle.info.uuid, sqlError(locking.lastError()));
                db.rollback();
                return std::nullopt;
            }
        }
        ImportOutcome outcome{bundle.info.uuid, bundle.info.name, resultSetIdForUuid(bundle.info.uuid), false};
        // The same uuid twice in one import counts once, like one already in the database.
        if (outcome.id == 0) {
            outcome.id = insertImportedSet(bundle, error);
            // The set and its analysis land together: the bundle's samples are in memory already.
            if (outcome.id == 0 || !saveAnalysis(outcome.id, ResultSetAnalysis::compute(bundle.samples, bundle.runtimes), error, false)) {
                db.rollback();
                return std::nullopt;
            }
            outcome.added = true;
        }
        outcomes.append(outcome);
    }
    if (!db.commit()) {
        *error = QStringLiteral("%1: cannot commit the import (%2)").arg(m_path, sqlError(db.lastError()));
        db.rollback();
        return std::nullopt;
    }
    for (const ImportOutcome &outcome : outcomes) {
        if (outcome.added)
            emit resultSetAdded(outcome.id);
    }
    return outcomes;
}

bool ResultStore::refuseReadOnly(QString *error) const
{
    if (m_readOnly)
        *error = QStringLiteral("%1 is open read-only; result sets can only be changed in a database opened for writing").arg(m_path);
    return m_readOnly;
}

bool ResultStore::updateText(qint64 id, const char *column, const QString &value, QString *error)
{
    if (refuseReadOnly(error))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    // `column` is one of our own literals, never user input.
    query.prepare(QStringLiteral("UPDATE result_sets SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
    query.addBindValue(text(value));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = QStringLiteral("cannot change the %1 of result set %2 (%3)").arg(QLatin1String(column)).arg(id).arg(sqlError(query.lastError()));
        return false;
    }
    if (query.numRowsAffected() == 0) {
        *error = QStringLiteral("no result set %1 in %2").arg(id).arg(m_path);
        return false;
    }
    emit resultSetChanged(id);
    return true;
}

bool ResultStore::renameResultSet(qint64 id, const QString &name, QString *error)
{
    return updateText(id, "name", name.trimmed(), error);
}

bool ResultStore::setResultSetNotes(qint64 id, const QString &notes, QString *error)
{
    return updateText(id, "notes", notes, error);
}

bool ResultStore::setResultSetEnvironment(qint64 id, const QJsonObject &environment, QString *error)
{
    return updateText(id, "environment", compactJson(environment), error);
}

bool ResultStore::deleteResultSet(qint64 id, QString *error)
{
    if (refuseReadOnly(error))
        return false;
    const std::optional<ResultSetInfo> info = resultSet(id, error);
    if (!info)
        return false;
    if (info->status == QLatin1String("running")) {
        *error = QStringLiteral("result set %1 is still running; stop the run before deleting it").arg(id);
        return false;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("DELETE FROM result_sets WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = QStringLiteral("cannot delete result set %1 (%2)").arg(id).arg(sqlError(query.lastError()));
        return false;
    }
    emit resultSetRemoved(id);
    return true;
}

} // namespace showdown
