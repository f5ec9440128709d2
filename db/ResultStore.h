#pragma once

#include "ImportOutcome.h"
#include "ResultSetBundle.h"
#include "ResultSetAnalysis.h"
#include "ResultSetInfo.h"
#include "RuntimeInfo.h"
#include "Sample.h"
#include "SqlDialect.h"
#include "StoredDefinitionFile.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace showdown {

/// The one way into a Showdown SQLite database: validates the file before touching it, upgrades the schema,
/// commits every sample as it arrives, and announces changes so views can refresh.
/// One instance per thread: SQLite connections must not cross threads.
class ResultStore : public QObject {
    Q_OBJECT
public:
    static constexpr int kSchemaVersion = 7;
    /// PRAGMA application_id of every Showdown database ("SHDW"), so foreign SQLite files are recognised.
    static constexpr quint32 kApplicationId = 0x53484457;

    /// Why a database is opened, which decides what opening it may do to the file.
    enum class OpenMode {
        /// To record or change results (run, import, merge, rename, notes, delete): the file is created if
        /// needed, checked whole, upgraded in place, and runs left `running` by a dead process are marked
        /// `interrupted` (a write, done here because this open writes anyway).
        Write,
        /// Only to look (list, show, claims, report, export, compare, the window's views): SQLite read-only,
        /// never migrated, recovered or checked whole, so it works on a read-only file or medium and on a full
        /// disk, and costs nothing while a run writes the same file. A missing file reads as empty.
        Read,
        /// A file from elsewhere (.showdown, a database to merge): Read plus a whole-file integrity check.
        ReadForeign,
    };

    explicit ResultStore(QObject *parent = nullptr);
    ~ResultStore() override;

    /// Opens `path` for `mode`. A file that is not a Showdown database, is corrupt, or comes from a newer
    /// Showdown is refused with a message and left byte-for-byte untouched.
    [[nodiscard]] bool open(const QString &path, OpenMode mode, QString *error);
    /// Opens (creating if needed) a database for writing: open(path, OpenMode::Write, error).
    [[nodiscard]] bool open(const QString &path, QString *error);
    void close();
    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] QString path() const { return m_path; }
    /// ~/.local/share/Showdown/showdown.sqlite (the platform's app-data folder).
    [[nodiscard]] static QString defaultPath();

    /// Starts a result set owned by this process; it stays `running` until finishResultSet(). The user's definition
    /// files it runs (none for built-in benchmarks) are stored in the same transaction, so no set of user benchmarks
    /// ever exists without the definitions that say what it measured.
    [[nodiscard]] qint64 createResultSet(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes, QString *error,
                                         const QList<StoredDefinitionFile> &definitions = {});
    /// Commits one sample (its process record and every timing) in one transaction.
    [[nodiscard]] bool addSample(qint64 resultSetId, const Sample &sample, QString *error);
    [[nodiscard]] bool finishResultSet(qint64 resultSetId, const QString &status, QString *error);
    /// Replaces a set's environment JSON: a run adds the machine's state at its end before it finishes.
    [[nodiscard]] bool setResultSetEnvironment(qint64 id, const QJsonObject &environment, QString *error);

    [[nodiscard]] QList<ResultSetInfo> resultSets(QString *error = nullptr) const;
    /// The sets measured on one machine, named by its label, host name or id (or the id's first 8+ characters).
    [[nodiscard]] QList<ResultSetInfo> resultSetsOnMachine(const QString &machine, QString *error = nullptr) const;
    [[nodiscard]] std::optional<ResultSetInfo> resultSet(qint64 id, QString *error = nullptr) const;
    [[nodiscard]] QList<RuntimeInfo> runtimes(qint64 resultSetId, QString *error = nullptr) const;
    /// The user's definition files the set ran, in the order they were stored; empty for built-in benchmarks and for
    /// sets recorded before schema 7. Nothing is parsed or run here.
    [[nodiscard]] QList<StoredDefinitionFile> definitionFiles(qint64 resultSetId, QString *error = nullptr) const;
    /// How much of each process samples() reads.
    enum class SampleDetail {
        Everything,     ///< with every timing and load point: exports, and analysing a set
        ProcessesOnly,  ///< the process records alone (status, CPU, memory): the processes table
    };
    /// The set's processes in the order they were stored; with `afterProcessId`, only those stored after it
    /// (a live view reads only what is new).
    [[nodiscard]] QList<Sample> samples(qint64 resultSetId, QString *error = nullptr,
                                        SampleDetail detail = SampleDetail::Everything, qint64 afterProcessId = 0) const;

    /// The set's stored analysis when it is of this Showdown's ResultSetAnalysis::kVersion; nullopt when
    /// missing (a running set, or never analysed), stale or unreadable.
    [[nodiscard]] std::optional<ResultSetAnalysis> storedAnalysis(qint64 resultSetId) const;
    /// The stored analysis, or when there is no current one, one computed in memory from the samples. Never
    /// writes: every read path calls this, and reading must work on a read-only file.
    [[nodiscard]] std::optional<ResultSetAnalysis> analysis(qint64 resultSetId, QString *error) const;
    /// Analyses a finished set from its stored samples and stores the result (replacing a stale one). Write
    /// paths call this: the end of a run; imports store theirs as they land.
    [[nodiscard]] bool storeAnalysis(qint64 resultSetId, QString *error);
    /// Mean wall seconds of one valid process per benchmark and size (SuiteRunner::timingKey) over every stored
    /// run: how long the next run will take on this machine, so a suite's duration can be shown before it starts.
    /// Keyed by size too, because a standard nbody process takes ten times a quick one.
    [[nodiscard]] QMap<QString, double> typicalProcessSeconds() const;

    /// A result set's display name, so people can tell runs apart in History and reports.
    [[nodiscard]] bool renameResultSet(qint64 id, const QString &name, QString *error);
    /// Free text kept with a result set (what was special about this run).
    [[nodiscard]] bool setResultSetNotes(qint64 id, const QString &notes, QString *error);
    /// Removes a result set with its runtimes, processes and samples; a running set is refused so a live
    /// run never loses the rows it is writing.
    [[nodiscard]] bool deleteResultSet(qint64 id, QString *error);

    // ---- Result-set exchange: whole result sets in and out (JSON, .showdown files, merges) ----

    /// Opens a database or .showdown file from elsewhere for reading only: open(path, OpenMode::ReadForeign).
    /// Opening someone else's file can never change it. A file of an older schema is copied to a private
    /// temporary file and upgraded there; a newer one is refused with a message saying so.
    [[nodiscard]] bool openReadOnly(const QString &path, QString *error);
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    /// Adds whole result sets in ONE transaction: either every new set lands or nothing changes. A set whose
    /// uuid is already present is skipped (merges from several machines deduplicate on it). Sets still
    /// marked `running` arrive `interrupted`: no process here owns them.
    [[nodiscard]] std::optional<QList<ImportOutcome>> importResultSets(const QList<ResultSetBundle> &bundles, QString *error);
    /// The id of the result set with this uuid, or 0.
    [[nodiscard]] qint64 resultSetIdForUuid(const QString &uuid) const;

signals:
    void resultSetAdded(qint64 id);
    void sampleAdded(qint64 resultSetId, qint64 sampleId);
    void resultSetChanged(qint64 id);
    void resultSetRemoved(qint64 id);

private:
    [[nodiscard]] bool openForWriting(const QString &path, bool checkWhole, QString *error);
    /// Opens a team store on a PostgreSQL server (`url` is a postgresql:// DatabaseReference) for `mode`.
    [[nodiscard]] bool openServer(const QString &url, OpenMode mode, QString *error);
    /// Reads an empty schema in memory, named `path`: a store with nothing in it yet, opened only to look.
    [[nodiscard]] bool openEmpty(const QString &path, QString *error);
    [[nodiscard]] bool openForReading(const QString &path, bool checkWhole, QString *error);
    /// Opens the read-only connection, falling back (immutable, then a private copy) where SQLite cannot
    /// share the write-ahead log's index from this directory; the database's user_version on success.
    [[nodiscard]] std::optional<int> connectReadOnly(const QString &path, QString *error);
    /// Reads a database of an older schema from a private upgraded copy; the original is never written.
    [[nodiscard]] bool openUpgradedCopy(const QString &path, int version, QString *error);
    [[nodiscard]] bool validateExisting(const QString &path, QString *error);
    [[nodiscard]] bool migrate(QString *error);
    [[nodiscard]] bool recoverInterrupted(QString *error);
    /// Fills the machine columns of every stored set from its environment (the upgrade to schema 6).
    [[nodiscard]] bool backfillMachines(QString *error);
    [[nodiscard]] bool checkTablesAreTables(QString *error);
    /// One runtime row of a result set, with its family and kind as columns (schema 5) and its details as JSON.
    [[nodiscard]] bool insertRuntime(qint64 resultSetId, const RuntimeInfo &runtime, QString *error);
    /// The set's definition files, inside the caller's transaction.
    [[nodiscard]] bool insertDefinitionFiles(qint64 resultSetId, const QList<StoredDefinitionFile> &definitions, QString *error);
    /// Writes one process with its timings and load points inside the caller's transaction; 0 on failure.
    [[nodiscard]] qint64 insertSample(qint64 resultSetId, const Sample &sample, QString *error);
    [[nodiscard]] qint64 insertImportedSet(const ResultSetBundle &bundle, QString *error);
    /// True (with the message) when this store was opened only to read.
    [[nodiscard]] bool refuseReadOnly(QString *error) const;
    [[nodiscard]] bool updateText(qint64 id, const char *column, const QString &value, QString *error);
    /// Reads a set's runtimes and samples and analyses them (the analysis of analysis() and storeAnalysis()).
    [[nodiscard]] std::optional<ResultSetAnalysis> computeAnalysis(qint64 resultSetId, QString *error) const;
    /// Stores a set's analysis, replacing a stale one; with `replacing` false (a set just added, which has none), a
    /// plain INSERT, so a team store's runner role needs no right to change rows.
    [[nodiscard]] bool saveAnalysis(qint64 resultSetId, const ResultSetAnalysis &analysis, QString *error, bool replacing = true);
    /// Stores an analysis for every finished set without a current one (after the upgrade to schema 3, or a
    /// new ResultSetAnalysis::kVersion); a set that cannot be analysed now is left for readers to compute.
    void refreshAnalyses();

    QString m_connection;
    QString m_path;
    bool m_readOnly = false;
    SqlDialect m_dialect;  ///< the backend's SQL, chosen at open
    std::unique_ptr<QTemporaryDir> m_upgradedCopy;  ///< openReadOnly() of an older schema reads from here
};

} // namespace showdown
