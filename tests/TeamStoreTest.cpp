// The result store on both backends: a real SQLite file and a real PostgreSQL 15 cluster started by the test
// (PgCluster). The same schema, migrations, reads, imports and refusals must behave alike on both; the
// database reference and the SQL dialect are checked on their own first.

#include "DatabaseReference.h"
#include "ExchangeFixtures.h"
#include "JsonExporter.h"
#include "MachineIdentity.h"
#include "PgCluster.h"
#include "RawSql.h"
#include "ResultStore.h"
#include "SqlDialect.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;
using namespace showdown::fixtures;
using showdown::test::PgCluster;

class TeamStoreTest : public QObject {
    Q_OBJECT

private:
    PgCluster m_cluster;
    bool m_clusterUp = false;
    QTemporaryDir m_files;
    int m_stores = 0;

    /// A new, empty store on the backend the test row names: a file path, or a URL to a new database.
    QString freshStore()
    {
        QFETCH_GLOBAL(QString, backend);
        const QString name = QStringLiteral("store%1").arg(++m_stores);
        if (backend == QLatin1String("sqlite"))
            return m_files.filePath(name + QStringLiteral(".sqlite"));
        if (!m_cluster.createDatabase(name))
            return {};
        return m_cluster.url(name);
    }

    /// Opens `store` for writing (migrating it) and imports `sets` there, as a run or a push would leave them.
    static bool storeSets(const QString &store, const QList<ResultSetBundle> &sets, QString *error)
    {
        ResultStore writer;
        return writer.open(store, ResultStore::OpenMode::Write, error) && writer.importResultSets(sets, error).has_value();
    }

    /// Everything a store holds, as bytes: the SQLite file, or pg_dump's schema and data.
    QByteArray fingerprint(const QString &store) const
    {
        if (!DatabaseReference::isServerUrl(store))
            return sha256(store);
        QString error;
        const std::optional<DatabaseReference> reference = DatabaseReference::parse(store, &error);
        const CommandRun dump = runCommand(PgCluster::kBin + QStringLiteral("/pg_dump"),
                                           {QStringLiteral("-h"), reference->host, QStringLiteral("-p"), QString::number(reference->port),
                                            QStringLiteral("-U"), QStringLiteral("postgres"), reference->database});
        if (dump.code != 0)
            return {};
        // pg_dump 15.14 and later fence the script with a random \restrict key: everything else is the store.
        QStringList lines = dump.out.split(QLatin1Char('\n'));
        lines.removeIf([](const QString &line) { return line.startsWith(QLatin1String("\\restrict ")) || line.startsWith(QLatin1String("\\unrestrict ")); });
        return QCryptographicHash::hash(lines.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex();
    }

    /// SQL behind the store's back, on either backend.
    bool execBehind(const QString &store, const QString &sqliteSql, const QString &postgresSql) const
    {
        if (!DatabaseReference::isServerUrl(store))
            return showdown::test::execRaw(store, sqliteSql.split(QStringLiteral("; ")));
        QString error;
        return m_cluster.psql(DatabaseReference::parse(store, &error)->database, postgresSql).code == 0;
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void initTestCase()
    {
        QVERIFY2(PgCluster::available(), "PostgreSQL 15 is not installed: packaging/bootstrap.sh installs postgresql-15");
        QString error;
        m_clusterUp = m_cluster.start(&error);
        QVERIFY2(m_clusterUp, qPrintable(error));
    }

    // ---- the reference and the dialect, no database needed ----

    void parsesFilesAndUrls()
    {
        QString error;
        const auto file = DatabaseReference::parse(QStringLiteral("/data/results.sqlite"), &error);
        QVERIFY(file && !file->isServer());
        QCOMPARE(file->path, QStringLiteral("/data/results.sqlite"));

        const auto url = DatabaseReference::parse(
            QStringLiteral("postgresql://runner@db.example.org:6543/showdown?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=5"), &error);
        QVERIFY2(url, qPrintable(error));
        QVERIFY(url->isServer());
        QCOMPARE(url->user, QStringLiteral("runner"));
        QCOMPARE(url->host, QStringLiteral("db.example.org"));
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->database, QStringLiteral("showdown"));
        QCOMPARE(url->parameters.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(url->connectOptions(), QStringLiteral("connect_timeout='5';sslmode='verify-full';sslrootcert='/etc/ca.pem'"));
        // The same store named again from its display form: what messages print can be pasted back.
        const auto again = DatabaseReference::parse(url->display(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->display(), url->display());
        QCOMPARE(again->connectOptions(), url->connectOptions());

        const auto socket = DatabaseReference::parse(QStringLiteral("postgres://me@%2Fvar%2Frun%2Fpostgresql/team"), &error);
        QVERIFY2(socket, qPrintable(error));
        QCOMPARE(socket->host, QStringLiteral("/var/run/postgresql"));
        const auto ipv6 = DatabaseReference::parse(QStringLiteral("postgresql://me@[::1]:5432/team"), &error);
        QVERIFY2(ipv6, qPrintable(error));
        QCOMPARE(ipv6->host, QStringLiteral("::1"));
        QCOMPARE(ipv6->port, 5432);
    }

    void refusesPasswordsAndBadUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("password in user info") << "postgresql://runner:s3cret@db/showdown" << "~/.pgpass";
        QTest::newRow("password parameter") << "postgresql://runner@db/showdown?password=s3cret" << "PGPASSWORD";
        QTest::newRow("no database") << "postgresql://runner@db" << "names no database";
        QTest::newRow("bad port") << "postgresql://runner@db:99999/showdown" << "not a port";
        QTest::newRow("unknown parameter") << "postgresql://runner@db/showdown?sslmod=require" << "unknown parameter \"sslmod\"";
        QTest::newRow("bad sslmode") << "postgresql://runner@db/showdown?sslmode=sometimes" << "verify-full";
        QTest::newRow("quote in a value") << "postgresql://runner@db/showdown?application_name=a'b" << "without";
        QTest::newRow("other scheme") << "mysql://runner@db/showdown" << "neither a file nor a PostgreSQL URL";
    }

    void refusesPasswordsAndBadUrls()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!DatabaseReference::parse(text, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("s3cret")), qPrintable(error));  // never echoed back
        // The store refuses it the same way, before any connection.
        ResultStore store;
        QString storeError;
        QVERIFY(!store.open(text, ResultStore::OpenMode::Read, &storeError));
        QCOMPARE(storeError, error);
    }

    void translatesSqliteDdlForPostgres()
    {
        const SqlDialect postgres(DatabaseReference::Backend::Postgres);
        QCOMPARE(postgres.translate(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, r REAL, p INTEGER,"
                                                   " PRIMARY KEY (n, p)) WITHOUT ROWID")),
                 QStringLiteral("CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, n BIGINT NOT NULL,"
                                " r DOUBLE PRECISION, p BIGINT, PRIMARY KEY (n, p))"));
        // A key that merely is an integer (not the table's row id) stays a plain BIGINT key.
        QCOMPARE(postgres.translate(QStringLiteral("result_set_id INTEGER PRIMARY KEY REFERENCES result_sets(id)")),
                 QStringLiteral("result_set_id BIGINT PRIMARY KEY REFERENCES result_sets(id)"));
        QCOMPARE(postgres.translate(QStringLiteral("UPDATE r SET k = CASE WHEN json_valid(details) AND json_extract(details, '$.kind') = 'bun'"
                                                   " THEN json_extract(details, '$.kind') END")),
                 QStringLiteral("UPDATE r SET k = CASE WHEN (details IS NOT NULL) AND (details::jsonb ->> 'kind') = 'bun'"
                                " THEN (details::jsonb ->> 'kind') END"));
        const QString sqlite = QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, r REAL) WITHOUT ROWID");
        QCOMPARE(SqlDialect().translate(sqlite), sqlite);
    }

    // ---- the store on both backends (every test below runs once per backend) ----

    void migratesToTheCurrentSchemaOnce()
    {
        const QString store = freshStore();
        QVERIFY(!store.isEmpty());
        QString error;
        {
            ResultStore first;
            QVERIFY2(first.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
        }
        const QByteArray migrated = fingerprint(store);
        QVERIFY(!migrated.isEmpty());
        ResultStore again;
        QVERIFY2(again.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
        again.close();
        QCOMPARE(fingerprint(store), migrated);  // nothing left to upgrade: opened again, changed in nothing
        if (DatabaseReference::isServerUrl(store)) {
            const CommandRun stamp = m_cluster.psql(DatabaseReference::parse(store, &error)->database,
                                                    QStringLiteral("SELECT application_id, version FROM showdown_schema"));
            QCOMPARE(stamp.out.trimmed(), QStringLiteral("%1|%2").arg(ResultStore::kApplicationId).arg(ResultStore::kSchemaVersion));
        }
    }

    void readingAnEmptyStoreCreatesNothing()
    {
        const QString store = freshStore();
        const QByteArray before = fingerprint(store);
        ResultStore reader;
        QString error;
        QVERIFY2(reader.open(store, ResultStore::OpenMode::Read, &error), qPrintable(error));
        QVERIFY(reader.resultSets(&error).isEmpty());
        QVERIFY(error.isEmpty());
        reader.close();
        QCOMPARE(fingerprint(store), before);
    }

    void storesAndReadsEveryField()
    {
        const QString store = freshStore();
        ResultSetBundle original = bundle(QStringLiteral("both backends"));
        original.samples.append(serverSample(QStringLiteral("node")));
        // Beyond 32 bits (PostgreSQL's INTEGER): a 5-second process, in nanoseconds.
        original.samples.first().wallNs = 5'000'000'123LL;
        original.samples.first().iterationsNs.append(4'294'967'301LL);
        QString error;
        QVERIFY2(storeSets(store, {original}, &error), qPrintable(error));

        ResultStore reader;
        QVERIFY2(reader.open(store, ResultStore::OpenMode::Read, &error), qPrintable(error));
        const QList<ResultSetInfo> sets = reader.resultSets(&error);
        QCOMPARE(sets.size(), 1);
        const qint64 id = sets.first().id;
        QCOMPARE(reader.resultSetIdForUuid(original.info.uuid), id);
        const std::optional<ResultSetBundle> back = ResultSetBundle::fromStore(reader, id, &error);
        QVERIFY2(back, qPrintable(error));
        // Byte for byte the document that went in: every field, every raw value, on either backend.
        QCOMPARE(JsonExporter::toJson({*back}), JsonExporter::toJson({original}));
        QCOMPARE(back->samples.first().wallNs, 5'000'000'123LL);
        QCOMPARE(back->samples.last().points.at(0).rate, 1500.5);
        QVERIFY(reader.storedAnalysis(id).has_value());
        QCOMPARE(reader.analysis(id, &error)->toJson(), ResultSetAnalysis::compute(original.samples, original.runtimes).toJson());
        // A reading open refuses changes.
        QVERIFY(!reader.renameResultSet(id, QStringLiteral("renamed"), &error));
        QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    }

    void changesNamesNotesAndDeletes()
    {
        const QString store = freshStore();
        QString error;
        ResultStore writer;
        QVERIFY2(writer.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
        const auto outcome = writer.importResultSets({bundle(QStringLiteral("a")), bundle(QStringLiteral("b"))}, &error);
        QVERIFY2(outcome, qPrintable(error));
        const qint64 a = outcome->at(0).id, b = outcome->at(1).id;
        QVERIFY2(writer.renameResultSet(a, QStringLiteral("laptop run"), &error), qPrintable(error));
        QVERIFY2(writer.setResultSetNotes(a, QStringLiteral("on battery"), &error), qPrintable(error));
        QVERIFY2(writer.deleteResultSet(b, &error), qPrintable(error));
        QCOMPARE(writer.resultSet(a)->name, QStringLiteral("laptop run"));
        QCOMPARE(writer.resultSet(a)->notes, QStringLiteral("on battery"));
        QCOMPARE(writer.resultSets().size(), 1);
        // The cascade took b's processes and timings with it.
        QVERIFY(writer.samples(b, &error).isEmpty());
        QVERIFY(!writer.renameResultSet(b, QStringLiteral("gone"), &error));
    }

    void importIsIdempotentAndAllOrNothing()
    {
        const QString store = freshStore();
        QString error;
        const ResultSetBundle kept = bundle(QStringLiteral("kept"));
        {
            ResultStore writer;
            QVERIFY2(writer.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
            QVERIFY2(writer.importResultSets({kept}, &error), qPrintable(error));
            const auto again = writer.importResultSets({kept}, &error);
            QVERIFY2(again && !again->first().added, qPrintable(error));
        }
        // The database refuses the second set half-way (two runtimes of one name break a UNIQUE key): the first
        // set of the same import must not stay either.
        ResultSetBundle good = bundle(QStringLiteral("good"));
        ResultSetBundle bad = bundle(QStringLiteral("bad"));
        bad.runtimes.append(bad.runtimes.first());
        const QByteArray before = fingerprint(store);
        {
            ResultStore writer;
            QVERIFY2(writer.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
            QVERIFY(!writer.importResultSets({good, bad}, &error));
            QVERIFY2(error.contains(QLatin1String("runtime")), qPrintable(error));
            QCOMPARE(writer.resultSetIdForUuid(good.info.uuid), 0);
            QCOMPARE(writer.resultSets().size(), 1);
        }
        QCOMPARE(fingerprint(store), before);
    }

    void refusesANewerSchemaUnchanged()
    {
        const QString store = freshStore();
        QString error;
        QVERIFY2(storeSets(store, {bundle(QStringLiteral("x"))}, &error), qPrintable(error));
        const int newer = ResultStore::kSchemaVersion + 1;
        QVERIFY(execBehind(store, QStringLiteral("PRAGMA user_version = %1").arg(newer),
                           QStringLiteral("UPDATE showdown_schema SET version = %1").arg(newer)));
        const QByteArray before = fingerprint(store);
        for (const ResultStore::OpenMode mode : {ResultStore::OpenMode::Write, ResultStore::OpenMode::Read}) {
            ResultStore store2;
            QVERIFY(!store2.open(store, mode, &error));
            QVERIFY2(error.contains(QLatin1String("newer Showdown")), qPrintable(error));
        }
        QCOMPARE(fingerprint(store), before);
    }

    void refusesAForeignDatabaseUnchanged()
    {
        const QString store = freshStore();
        QVERIFY(execBehind(store, QStringLiteral("CREATE TABLE invoices (n INTEGER)"), QStringLiteral("CREATE TABLE invoices (n INTEGER)")));
        const QByteArray before = fingerprint(store);
        QString error;
        ResultStore writer;
        QVERIFY(!writer.open(store, ResultStore::OpenMode::Write, &error));
        QVERIFY2(error.contains(QLatin1String("not a Showdown")), qPrintable(error));
        QCOMPARE(fingerprint(store), before);
    }

    /// The definition files of a set of user benchmarks (schema 7) keep their bytes on both backends, UTF-8 or not
    /// (BLOB on SQLite, BYTEA on PostgreSQL); one whose SHA-256 is not its text's is refused before anything lands.
    void storesDefinitionFiles()
    {
        const QString store = freshStore();
        ResultSetBundle original = bundle(QStringLiteral("with definitions"));
        const QByteArray utf8 = "{\"showdown_benchmarks\": 1, \"benchmarks\": []} \xc3\xa9\n";
        const QByteArray binary("\xff\xfe\x00not UTF-8\x80", 14);
        for (const QByteArray &text : {utf8, binary})
            original.definitions.append(StoredDefinitionFile{QStringLiteral("/home/ada/bench/showdown.json"), StoredDefinitionFile::sha256Of(text), text});
        QString error;
        QVERIFY2(storeSets(store, {original}, &error), qPrintable(error));
        {
            ResultStore reader;
            QVERIFY2(reader.open(store, ResultStore::OpenMode::Read, &error), qPrintable(error));
            const qint64 id = reader.resultSetIdForUuid(original.info.uuid);
            QVERIFY(id > 0);
            QCOMPARE(reader.definitionFiles(id, &error), original.definitions);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const std::optional<ResultSetBundle> back = ResultSetBundle::fromStore(reader, id, &error);
            QVERIFY2(back, qPrintable(error));
            QCOMPARE(JsonExporter::toJson({*back}), JsonExporter::toJson({original}));
        }
        ResultSetBundle tampered = bundle(QStringLiteral("tampered"));
        tampered.definitions.append(StoredDefinitionFile{QStringLiteral("/x/showdown.json"), StoredDefinitionFile::sha256Of(utf8), binary});
        ResultStore writer;
        QVERIFY2(writer.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
        QVERIFY(!writer.importResultSets({tampered}, &error));
        QVERIFY2(error.contains(QLatin1String("does not match its SHA-256")), qPrintable(error));
        QCOMPARE(writer.resultSets().size(), 1);
        // Deleting the set takes its definition files with it.
        const qint64 id = writer.resultSetIdForUuid(original.info.uuid);
        error.clear();
        QVERIFY2(writer.deleteResultSet(id, &error), qPrintable(error));
        QVERIFY(writer.definitionFiles(id, &error).isEmpty());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void upgradesAnOlderSchemaInPlace()
    {
        // A store left at schema 3 (no capacity objective or machine columns) by an older Showdown, with a set in it.
        const QString store = freshStore();
        QString error;
        const ResultSetBundle old = bundle(QStringLiteral("old"));
        QVERIFY2(storeSets(store, {old}, &error), qPrintable(error));
        // The same undo on both: only the version is kept elsewhere on PostgreSQL.
        QStringList downgrade = showdown::test::downgradeTo(3);
        const QString sqliteStamp = downgrade.takeLast();
        QVERIFY(execBehind(store, (downgrade + QStringList{sqliteStamp}).join(QStringLiteral("; ")),
                           (downgrade + QStringList{QStringLiteral("UPDATE showdown_schema SET version = 3")}).join(QStringLiteral("; "))));
        ResultStore writer;
        QVERIFY2(writer.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
        QCOMPARE(writer.resultSets().size(), 1);
        QVERIFY2(writer.importResultSets({bundle(QStringLiteral("new"))}, &error), qPrintable(error));
        QCOMPARE(writer.resultSets().size(), 2);
        // The upgrade took the machine of the set already there from its environment.
        const QList<ResultSetInfo> onBench = writer.resultSetsOnMachine(QStringLiteral("bench-1"), &error);
        QCOMPARE(onBench.size(), 2);
        QCOMPARE(onBench.first().uuid, old.info.uuid);
    }

    void filtersByMachine()
    {
        const QString store = freshStore();
        QString error;
        ResultSetBundle laptop = onMachine(bundle(QStringLiteral("laptop")), QStringLiteral("ada-laptop"));
        laptop.info.environment.insert(MachineIdentity::kMachineIdKey, QStringLiteral("0123456789abcdef0123456789abcdef"));
        ResultSetBundle prod = onMachine(bundle(QStringLiteral("prod")), QStringLiteral("ip-10-0-0-7"), QStringLiteral("prod-c7i.large"));
        prod.info.environment.insert(MachineIdentity::kMachineIdKey, QStringLiteral("fedcba9876543210fedcba9876543210"));
        ResultStore writer;
        QVERIFY2(writer.open(store, ResultStore::OpenMode::Write, &error), qPrintable(error));
        QVERIFY2(writer.importResultSets({laptop, prod, bundle(QStringLiteral("elsewhere"))}, &error), qPrintable(error));
        const auto uuidsOn = [&](const QString &machine) {
            QStringList uuids;
            for (const ResultSetInfo &set : writer.resultSetsOnMachine(machine, &error))
                uuids.append(set.uuid);
            return uuids;
        };
        QCOMPARE(uuidsOn(QStringLiteral("prod-c7i.large")), QStringList{prod.info.uuid});
        QCOMPARE(uuidsOn(QStringLiteral("ip-10-0-0-7")), QStringList{prod.info.uuid});
        QCOMPARE(uuidsOn(QStringLiteral("ada-laptop")), QStringList{laptop.info.uuid});
        QCOMPARE(uuidsOn(QStringLiteral("01234567")), QStringList{laptop.info.uuid});  // the start of the id
        QVERIFY(uuidsOn(QStringLiteral("0123")).isEmpty());                            // too short to name a machine
        QVERIFY(uuidsOn(QStringLiteral("prod")).isEmpty());                            // labels match whole
        QVERIFY(error.isEmpty());
        // Every machine agrees with MachineIdentity::matches, which the window filters with.
        for (const ResultSetInfo &set : writer.resultSets())
            QCOMPARE(MachineIdentity::fromEnvironment(set.environment).matches(QStringLiteral("prod-c7i.large")), set.uuid == prod.info.uuid);
    }
};

QTEST_GUILESS_MAIN(TeamStoreTest)
#include "TeamStoreTest.moc"
