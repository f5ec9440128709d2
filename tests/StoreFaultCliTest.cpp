// Reading never writes, and a full disk stops a run cleanly: the real showdown binary on a read-only database
// file, in a read-only folder and on a read-only medium, and a run onto a file system that fills up.
// As root, permissions bind only without the capabilities that override them, so every reading child runs
// as root with CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER dropped (unlike `nobody`, it can still
// reach a checkout under /root), and the medium is a tmpfs remounted read-only; the full disk is a small tmpfs and, always, a file-size limit (RLIMIT_FSIZE) too.

#include "ExchangeFixtures.h"
#include "ResourceLocator.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using showdown::fixtures::sha256;

namespace {

constexpr char kRunName[] = "from the write-ahead log";

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QString err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

/// How a child is started: without the capabilities that override file permissions (so they bind even when
/// the test runs as root), and/or
/// with a file-size limit standing in for a full disk.
struct ChildLimits {
    bool boundByPermissions = false;
    rlim_t fileSizeLimit = RLIM_INFINITY;
};

QString showdownBinary()
{
    return showdown::ResourceLocator::executableDir() + QStringLiteral("/showdown");
}

Outcome run(const QStringList &arguments, const ChildLimits &limits = {}, int timeoutMs = 240000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([limits] {
        // Between fork and exec: async-signal-safe calls only.
        if (limits.fileSizeLimit != RLIM_INFINITY) {
            ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG, as on a full disk
            const rlimit limit{limits.fileSizeLimit, limits.fileSizeLimit};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
        // Dropped from the bounding set, these are not granted again when root execs the program.
        if (limits.boundByPermissions) {
            for (const int capability : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER}) {
                if (::prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0)
                    ::_exit(125);
            }
        }
    });
    process.start(showdownBinary(), arguments);
    process.waitForFinished(timeoutMs);
    return Outcome{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                   QString::fromUtf8(process.readAllStandardError())};
}

/// A raw Qt warning ("QSqlDatabasePrivate::removeDatabase: ...", "QSqlQuery::value: ...") in a child's stderr.
bool hasQtWarning(const QString &err)
{
    static const QRegularExpression warning(QStringLiteral("(^|\\n)\\s*Q[A-Z][A-Za-z]*(::|: )|qt\\.[a-z]"));
    return warning.match(err).hasMatch();
}

bool sh(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/// The digest of each named file in `folder` ("absent" when missing), to show that nothing was written there.
QMap<QString, QByteArray> digests(const QString &folder, const QStringList &names)
{
    QMap<QString, QByteArray> result;
    for (const QString &name : names)
        result.insert(name, QFileInfo::exists(folder + QLatin1Char('/') + name) ? sha256(folder + QLatin1Char('/') + name) : QByteArray("absent"));
    return result;
}

/// Nothing written: every file as it was, except that SQLite may create an empty log beside a read-only
/// file in a folder it can write (its own way of opening a write-ahead-logged file for reading).
void verifyUnchanged(const QString &folder, const QMap<QString, QByteArray> &before)
{
    const QMap<QString, QByteArray> after = digests(folder, before.keys());
    for (auto it = before.begin(); it != before.end(); ++it) {
        const QString file = folder + QLatin1Char('/') + it.key();
        if (it.value() == "absent" && it.key().endsWith(QLatin1String("-wal")) && QFileInfo::exists(file))
            QCOMPARE(QFileInfo(file).size(), 0);
        else
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(" changed")));
    }
}

QVariant querySql(const QString &path, const QString &sql)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return value;
}

QJsonObject listedSet(const Outcome &list, qint64 id)
{
    for (const QJsonValue &set : list.json().value(QLatin1String("result_sets")).toArray()) {
        if (set.toObject().value(QLatin1String("id")).toInteger() == id)
            return set.toObject();
    }
    return {};
}

} // namespace

class StoreFaultCliTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_source;          ///< a database with a real run (set 1) and a run left `running` by a dead process (set 2)
    qint64 m_samples = 0;      ///< set 1's sample count
    bool m_root = false;
    QStringList m_mounts;      ///< unmounted in cleanup

    /// A folder beside the others, open to everyone.
    QString folder(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(path);
        ::chmod(QFile::encodeName(path).constData(), 0755);
        return path;
    }

    /// Copies the source database into `target` in one of three states: "clean" (the log folded in and
    /// removed, as a writer leaves it), "log" (a crashed writer's -wal and -shm beside it, holding set 1's
    /// name), "log without index" (the -wal alone).
    void place(const QString &state, const QString &target)
    {
        const QString db = target + QStringLiteral("/results.sqlite");
        QFile::copy(m_source, db);
        if (state == QLatin1String("clean"))
            return;
        const QString stage = folder(QStringLiteral("stage-") + QUuid::createUuid().toString(QUuid::Id128));
        QFile::copy(m_source, stage + QStringLiteral("/results.sqlite"));
        {
            QSqlDatabase writer = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
            writer.setDatabaseName(stage + QStringLiteral("/results.sqlite"));
            QVERIFY(writer.open());
            QSqlQuery query(writer);
            QVERIFY(query.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
            QVERIFY(query.exec(QStringLiteral("UPDATE result_sets SET name = '%1' WHERE id = 1").arg(QLatin1String(kRunName))));
            // Copied while the writer is still open: what a crashed run leaves behind.
            QFile::remove(db);
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                if (suffix == QLatin1String("-shm") && state == QLatin1String("log without index"))
                    continue;
                QVERIFY(QFile::copy(stage + QStringLiteral("/results.sqlite") + suffix, db + suffix));
            }
            QVERIFY(QFileInfo(db + QStringLiteral("-wal")).size() > 0);
            writer.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    }

    /// Every reading verb on `db`: each succeeds, prints no Qt warning, sees set 1 as stored and set 2
    /// as interrupted (computed: nothing may write it), and leaves the database's files byte for byte.
    void readEverything(const QString &db, const QString &state, const ChildLimits &limits)
    {
        const QString where = QFileInfo(db).absolutePath();
        const QStringList files = {QStringLiteral("results.sqlite"), QStringLiteral("results.sqlite-wal")};
        const QMap<QString, QByteArray> before = digests(where, files);
        const QString out = folder(QStringLiteral("out-") + QUuid::createUuid().toString(QUuid::Id128));
        ::chmod(QFile::encodeName(out).constData(), 0777);

        const Outcome list = run({QStringLiteral("list"), QStringLiteral("--db"), db, QStringLiteral("--json")}, limits);
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY2(!hasQtWarning(list.err), qPrintable(list.err));
        QCOMPARE(listedSet(list, 1).value(QLatin1String("status")).toString(), QStringLiteral("complete"));
        QCOMPARE(listedSet(list, 1).value(QLatin1String("samples")).toInteger(), m_samples);
        QCOMPARE(listedSet(list, 2).value(QLatin1String("status")).toString(), QStringLiteral("interrupted"));

        const Outcome text = run({QStringLiteral("list"), QStringLiteral("--db"), db}, limits);
        QVERIFY2(text.exitCode == 0 && text.out.contains("interrupted"), qPrintable(text.err));

        const Outcome show = run({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--json")}, limits);
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QVERIFY2(!hasQtWarning(show.err), qPrintable(show.err));
        QVERIFY(!show.json().value(QLatin1String("rows")).toArray().isEmpty());
        // With a log beside the file, what it holds is read too (set 1 was renamed only there).
        QCOMPARE(show.json().value(QLatin1String("result_set")).toObject().value(QLatin1String("name")).toString(),
                 state == QLatin1String("clean") ? QString() : QString::fromLatin1(kRunName));

        const Outcome claims = run({QStringLiteral("claims"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--json")}, limits);
        QVERIFY2(claims.exitCode == 0, qPrintable(claims.err));
        QVERIFY2(!hasQtWarning(claims.err), qPrintable(claims.err));
        QVERIFY(!claims.json().value(QLatin1String("claims")).toArray().isEmpty());

        const QString exported = out + QStringLiteral("/set1.json");
        const Outcome exporting = run({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--json"), exported}, limits);
        QVERIFY2(exporting.exitCode == 0, qPrintable(exporting.err));
        QVERIFY2(!hasQtWarning(exporting.err), qPrintable(exporting.err));
        QFile json(exported);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(json.readAll().contains(listedSet(list, 1).value(QLatin1String("uuid")).toString().toUtf8()));

        verifyUnchanged(where, before);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(showdownBinary()).isExecutable(), qPrintable(showdownBinary()));
        QVERIFY(m_dir.isValid());
        ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
        m_root = ::geteuid() == 0;
        m_source = folder(QStringLiteral("source")) + QStringLiteral("/results.sqlite");
        for (const char *runs : {"2", "1"}) {
            const Outcome ran = run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"),
                                     QString::fromLatin1(runs), QStringLiteral("--db"), m_source, QStringLiteral("--json")});
            QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        }
        // Set 2 now belongs to a process that no longer exists (a pid above any pid_max).
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
            db.setDatabaseName(m_source);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE result_sets SET status = 'running', finished = NULL,"
                                                      " owner_pid = 2147483647, owner_started = '1' WHERE id = 2")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("setup"));
        QVERIFY(!QFileInfo::exists(m_source + QStringLiteral("-wal")));  // a clean file: the log folded in on close
        m_samples = querySql(m_source, QStringLiteral("SELECT count(*) FROM samples s JOIN processes p ON p.id = s.process_id"
                                                      " WHERE p.result_set_id = 1 AND s.phase = 1")).toLongLong();
        QVERIFY(m_samples > 0);
    }

    void cleanupTestCase()
    {
        for (const QString &mount : std::as_const(m_mounts))
            sh(QStringLiteral("umount"), {QStringLiteral("-l"), mount});
        // Read-only folders would keep QTemporaryDir from removing what is inside them.
        QDirIterator folders(m_dir.path(), QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (folders.hasNext())
            ::chmod(QFile::encodeName(folders.next()).constData(), 0755);
    }

    void readsAReadOnlyFile_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("clean") << "clean";
        QTest::newRow("log") << "log";
    }

    void readsAReadOnlyFile()
    {
        QFETCH(QString, state);
        const QString where = folder(QStringLiteral("file444-") + state);
        place(state, where);
        if (QTest::currentTestFailed())
            return;
        for (const QString &name : QDir(where).entryList(QDir::Files))
            QVERIFY(QFile::setPermissions(where + QLatin1Char('/') + name, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        readEverything(where + QStringLiteral("/results.sqlite"), state, {m_root, RLIM_INFINITY});
        if (QTest::currentTestFailed())
            return;

        // A run into it is refused with a message that says what to do, and nothing is created.
        const QByteArray before = sha256(where + QStringLiteral("/results.sqlite"));
        const Outcome ran = run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"),
                                 QStringLiteral("1"), QStringLiteral("--db"), where + QStringLiteral("/results.sqlite")}, {m_root, RLIM_INFINITY});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(QLatin1String("cannot be written")) && ran.err.contains(QLatin1String("choose another database")),
                 qPrintable(ran.err));
        QVERIFY2(!hasQtWarning(ran.err), qPrintable(ran.err));
        QCOMPARE(sha256(where + QStringLiteral("/results.sqlite")), before);
    }

    void readsInAReadOnlyFolder_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("clean") << "clean";
        QTest::newRow("log") << "log";
        QTest::newRow("log without index") << "log without index";
    }

    void readsInAReadOnlyFolder()
    {
        QFETCH(QString, state);
        const QString where = folder(QStringLiteral("rodir-") + QString(state).replace(QLatin1Char(' '), QLatin1Char('-')));
        place(state, where);
        if (QTest::currentTestFailed())
            return;
        for (const QString &name : QDir(where).entryList(QDir::Files))
            QFile::setPermissions(where + QLatin1Char('/') + name, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                                       | QFileDevice::ReadOther);
        QVERIFY(::chmod(QFile::encodeName(where).constData(), 0555) == 0);
        const QStringList before = QDir(where).entryList(QDir::Files);
        readEverything(where + QStringLiteral("/results.sqlite"), state, {m_root, RLIM_INFINITY});
        QCOMPARE(QDir(where).entryList(QDir::Files), before);
    }

    void readsOnAReadOnlyMedium_data() { readsInAReadOnlyFolder_data(); }

    void readsOnAReadOnlyMedium()
    {
        QFETCH(QString, state);
        if (!m_root)
            QSKIP("mounting needs root; readsInAReadOnlyFolder covers a folder this user cannot write");
        const QString where = folder(QStringLiteral("romedium-") + QString(state).replace(QLatin1Char(' '), QLatin1Char('-')));
        if (!sh(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=8m,mode=0755"),
                                          QStringLiteral("showdown-test"), where}))
            QSKIP("mounting a tmpfs is not permitted here (a container without CAP_SYS_ADMIN?); readsInAReadOnlyFolder covers a folder that cannot be written");
        m_mounts.append(where);
        place(state, where);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(sh(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,ro"), where}));
        const QStringList before = QDir(where).entryList(QDir::Files);
        // As root: only the medium itself stands in the way.
        readEverything(where + QStringLiteral("/results.sqlite"), state, {false, RLIM_INFINITY});
        QCOMPARE(QDir(where).entryList(QDir::Files), before);
        QVERIFY(sh(QStringLiteral("umount"), {where}));
        m_mounts.removeAll(where);
    }

    void fullDiskStopsTheRunAndKeepsItsSamples_data()
    {
        QTest::addColumn<bool>("tmpfs");
        QTest::newRow("small tmpfs") << true;
        QTest::newRow("file size limit") << false;
    }

    void fullDiskStopsTheRunAndKeepsItsSamples()
    {
        QFETCH(bool, tmpfs);
        constexpr rlim_t kSpace = 256 * 1024;
        const QString where = folder(tmpfs ? QStringLiteral("full-tmpfs") : QStringLiteral("full-limit"));
        ChildLimits limits;
        if (tmpfs) {
            if (!sh(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                              QStringLiteral("size=%1,mode=0755").arg(kSpace), QStringLiteral("showdown-full"), where}))
                QSKIP("mounting a tmpfs is not permitted here; the \"file size limit\" row fills a disk instead");
            m_mounts.append(where);
        } else {
            limits.fileSizeLimit = kSpace;
        }
        const QString db = where + QStringLiteral("/results.sqlite");
        const Outcome ran = run({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup,fib"), QStringLiteral("--runs"),
                                 QStringLiteral("300"), QStringLiteral("--db"), db, QStringLiteral("--json")},
                                limits);
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(!hasQtWarning(ran.err), qPrintable(ran.err));
        // One message: what failed, how many samples are safe, what to do.
        static const QRegularExpression message(QStringLiteral("showdown: cannot store (?:a sample|the timings|a load point) of (\\S+) \\((.+)\\) in (.+), so the run stopped"
                                                               " at \\S+ on \\S+, run \\d+\\. The (\\d+) samples before it are safely stored in"
                                                               " result set 1, now marked interrupted\\. Free space on that disk, or store results in"
                                                               " another database"));
        const QRegularExpressionMatch match = message.match(ran.err);
        QVERIFY2(match.hasMatch(), qPrintable(ran.err));
        QCOMPARE(match.captured(3), db);
        QVERIFY2(match.captured(2).contains(QLatin1String("full")) || match.captured(2).contains(QLatin1String("I/O error")),
                 qPrintable(match.captured(2)));
        QCOMPARE(ran.err.count(QLatin1String("showdown: ")), 1);
        const int stored = match.captured(4).toInt();
        QVERIFY2(stored > 0, "the disk was full before the first sample: make the limit larger");
        QVERIFY2(stored < 4 * 300, "the run ended before the disk filled: make the limit smaller");
        QCOMPARE(ran.json().value(QLatin1String("status")).toString(), QStringLiteral("interrupted"));
        QCOMPARE(ran.json().value(QLatin1String("processes")).toInt(), stored);

        // list and show on that full disk: they succeed, say the same, and write nothing.
        const QStringList files = {QStringLiteral("results.sqlite"), QStringLiteral("results.sqlite-wal")};
        const QMap<QString, QByteArray> before = digests(where, files);
        const Outcome list = run({QStringLiteral("list"), QStringLiteral("--db"), db, QStringLiteral("--json")}, limits);
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY2(!hasQtWarning(list.err), qPrintable(list.err));
        QCOMPARE(listedSet(list, 1).value(QLatin1String("status")).toString(), QStringLiteral("interrupted"));
        const Outcome show = run({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--db"), db, QStringLiteral("--json")}, limits);
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QVERIFY2(!hasQtWarning(show.err), qPrintable(show.err));
        QCOMPARE(show.json().value(QLatin1String("result_set")).toObject().value(QLatin1String("status")).toString(), QStringLiteral("interrupted"));
        QVERIFY(!show.json().value(QLatin1String("rows")).toArray().isEmpty());
        verifyUnchanged(where, before);

        // The samples stored before the disk filled are intact: every one of them, each with its timings
        // (read from a copy, so this check cannot write the full disk either).
        const QString copy = folder(QStringLiteral("inspect-") + QString::number(tmpfs)) + QStringLiteral("/copy.sqlite");
        QVERIFY(QFile::copy(db, copy));
        if (QFileInfo::exists(db + QStringLiteral("-wal")))
            QVERIFY(QFile::copy(db + QStringLiteral("-wal"), copy + QStringLiteral("-wal")));
        QCOMPARE(querySql(copy, QStringLiteral("SELECT count(*) FROM processes WHERE result_set_id = 1")).toInt(), stored);
        QCOMPARE(querySql(copy, QStringLiteral("SELECT count(*) FROM processes p WHERE p.result_set_id = 1 AND p.status = 'ok'"
                                               " AND NOT EXISTS (SELECT 1 FROM samples s WHERE s.process_id = p.id AND s.phase = 1)"))
                     .toInt(),
                 0);
        QCOMPARE(querySql(copy, QStringLiteral("SELECT status FROM result_sets WHERE id = 1")).toString(), QStringLiteral("interrupted"));
        QCOMPARE(listedSet(list, 1).value(QLatin1String("samples")).toInteger(),
                 querySql(copy, QStringLiteral("SELECT count(*) FROM samples s JOIN processes p ON p.id = s.process_id"
                                               " WHERE p.result_set_id = 1 AND s.phase = 1")).toLongLong());
        if (tmpfs) {
            QVERIFY(sh(QStringLiteral("umount"), {where}));
            m_mounts.removeAll(where);
        }
    }
};

QTEST_GUILESS_MAIN(StoreFaultCliTest)
#include "StoreFaultCliTest.moc"
