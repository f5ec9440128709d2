// The team store end to end through real `showdown` processes and a throwaway PostgreSQL 15 cluster: a standard
// set pushed reads the same there as in the SQLite file it came from; four pushes at once land every set once;
// a server stopped in the middle of a push leaves the team store without that set and the local copy intact,
// and the retry completes it; passwords never go on a command line.

#include "CommandRun.h"
#include "DatabaseReference.h"
#include "ExchangeFixtures.h"
#include "MachineIdentity.h"
#include "PgCluster.h"
#include "ResultStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace showdown;
using namespace showdown::fixtures;
using showdown::test::PgCluster;

namespace {

QString showdownBinary()
{
    return qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
}

CommandRun runShowdown(const QStringList &arguments)
{
    return runCommand(showdownBinary(), arguments, 300000);
}

/// Writes `bundles` into a new local SQLite database, as runs on one machine would have.
bool localStore(const QString &path, const QList<ResultSetBundle> &bundles, QString *error)
{
    ResultStore store;
    return store.open(path, error) && store.importResultSets(bundles, error).has_value();
}

/// The uuids `showdown list --json` shows for a store.
QStringList listedUuids(const QString &db)
{
    const CommandRun list = runShowdown({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--db"), db});
    QStringList uuids;
    for (const QJsonValue &set : QJsonDocument::fromJson(list.out.toUtf8()).object().value(QLatin1String("result_sets")).toArray())
        uuids.append(set.toObject().value(QLatin1String("uuid")).toString());
    return uuids;
}

/// A loopback TCP port nobody listens on right now (the kernel's choice), for a second cluster.
int freePort()
{
    const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool bound = ::bind(socket, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
                       && ::getsockname(socket, reinterpret_cast<sockaddr *>(&address), &length) == 0;
    ::close(socket);
    return bound ? ntohs(address.sin_port) : 0;
}

/// openssl with these arguments; true when it succeeded.
bool openssl(const QStringList &arguments)
{
    return runCommand(QStringLiteral("openssl"), arguments, 60000).code == 0;
}

} // namespace

class TeamStoreCliTest : public QObject {
    Q_OBJECT

private:
    PgCluster m_cluster;
    QTemporaryDir m_dir;
    int m_databases = 0;  ///< team stores made so far, each a database of its own

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString newTeamStore()
    {
        const QString name = QStringLiteral("team%1").arg(++m_databases);
        return m_cluster.createDatabase(name) ? m_cluster.url(name) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(PgCluster::available(), "PostgreSQL 15 is not installed: packaging/bootstrap.sh installs postgresql-15");
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
    }

    void aPushedStandardSetReadsTheSame()
    {
        // Today's quiet standard run (the report tests' fixture), as it sits in a runner's local database.
        const QString local = path(QStringLiteral("standard.sqlite"));
        QProcess gunzip;
        gunzip.setStandardOutputFile(path(QStringLiteral("standard.showdown")));
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), QStringLiteral(SHOWDOWN_FIXTURES_DIR "/standard.showdown.gz")});
        QVERIFY(gunzip.waitForFinished(60000) && gunzip.exitCode() == 0);
        const CommandRun merged = runShowdown({QStringLiteral("merge"), QStringLiteral("--db"), local, path(QStringLiteral("standard.showdown"))});
        QVERIFY2(merged.code == 0, qPrintable(merged.err));

        const QString team = newTeamStore();
        QVERIFY(!team.isEmpty());
        const CommandRun pushed = runShowdown({QStringLiteral("push"), QStringLiteral("1"), QStringLiteral("--db"), local, QStringLiteral("--to"), team});
        QVERIFY2(pushed.code == 0, qPrintable(pushed.err + pushed.out));
        QVERIFY2(pushed.out.contains(QLatin1String("1 pushed, 0 already present")), qPrintable(pushed.out));

        for (const QStringList &command : {QStringList{QStringLiteral("list"), QStringLiteral("--json")},
                                           QStringList{QStringLiteral("list")},
                                           QStringList{QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json")},
                                           QStringList{QStringLiteral("show"), QStringLiteral("1")},
                                           QStringList{QStringLiteral("claims"), QStringLiteral("1"), QStringLiteral("--json")},
                                           QStringList{QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("-")}}) {
            const CommandRun fromFile = runShowdown(command + QStringList{QStringLiteral("--db"), local});
            const CommandRun fromTeam = runShowdown(command + QStringList{QStringLiteral("--db"), team});
            QVERIFY2(fromFile.code == 0 && fromTeam.code == 0, qPrintable(command.join(QLatin1Char(' ')) + fromFile.err + fromTeam.err));
            QVERIFY2(fromFile.out.size() > 100, qPrintable(command.join(QLatin1Char(' ')) + fromFile.out));
            QVERIFY2(fromFile.out == fromTeam.out, qPrintable(command.join(QLatin1Char(' '))));
        }
        // Pushed again: already there, nothing added.
        const CommandRun again = runShowdown({QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--db"), local, QStringLiteral("--to"), team});
        QVERIFY2(again.code == 0 && again.out.contains(QLatin1String("0 pushed, 1 already present")), qPrintable(again.out + again.err));
        QCOMPARE(listedUuids(team).size(), 1);
    }

    void fourPushesAtOnceLandEverySetOnce()
    {
        // Four runners, each with two sets of its own and one they all hold (merged in from a shared file).
        const ResultSetBundle shared = bundle(QStringLiteral("shared"), 2e6, 9e6, 99);
        QSet<QString> expected{shared.info.uuid};
        QStringList locals;
        QString error;
        for (int runner = 0; runner < 4; ++runner) {
            QList<ResultSetBundle> sets{shared};
            for (int own = 0; own < 2; ++own) {
                sets.append(bundle(QStringLiteral("runner %1 set %2").arg(runner).arg(own), 2e6, 9e6, runner * 10 + own));
                expected.insert(sets.last().info.uuid);
            }
            locals.append(path(QStringLiteral("runner%1.sqlite").arg(runner)));
            QVERIFY2(localStore(locals.last(), sets, &error), qPrintable(error));
        }
        // A brand-new team store: the four also race to create its schema.
        const QString team = newTeamStore();
        QList<QProcess *> pushes;
        for (const QString &local : locals) {
            auto *push = new QProcess(this);
            push->start(showdownBinary(), {QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--json"), QStringLiteral("--db"), local,
                                           QStringLiteral("--to"), team});
            pushes.append(push);
        }
        int sharedAdded = 0;
        for (QProcess *push : pushes) {
            QVERIFY(push->waitForFinished(120000));
            QVERIFY2(push->exitCode() == 0, push->readAllStandardError().constData());
            for (const QJsonValue &set : QJsonDocument::fromJson(push->readAllStandardOutput()).object().value(QLatin1String("result_sets")).toArray()) {
                if (set.toObject().value(QLatin1String("uuid")).toString() == shared.info.uuid && set.toObject().value(QLatin1String("added")).toBool())
                    ++sharedAdded;
            }
        }
        QCOMPARE(sharedAdded, 1);  // exactly one push added it; the other three found it there
        const QStringList uuids = listedUuids(team);
        QCOMPARE(uuids.size(), expected.size());
        QCOMPARE(QSet<QString>(uuids.begin(), uuids.end()), expected);
    }

    void aServerStoppedMidPushLeavesNothingAndTheRetryCompletes()
    {
        // A set big enough that its push is still writing when the server goes away.
        ResultSetBundle big = bundle(QStringLiteral("big"));
        const QList<Sample> base = big.samples;
        for (int copy = 0; copy < 300; ++copy) {
            for (Sample sample : base) {
                sample.runIndex += 10 * (copy + 1);
                sample.iterationsNs = timings(2e6, 200, copy + 7);
                big.samples.append(sample);
            }
        }
        const QString local = path(QStringLiteral("big.sqlite"));
        QString error;
        QVERIFY2(localStore(local, {big}, &error), qPrintable(error));
        const QByteArray localBefore = sha256(local);
        const QString team = newTeamStore();
        {
            ResultStore schema;  // the schema exists already: the transaction watched below is the push's own
            QVERIFY2(schema.open(team, ResultStore::OpenMode::Write, &error), qPrintable(error));
        }
        const QString database = DatabaseReference::parse(team, &error)->database;

        QProcess push;
        push.start(showdownBinary(), {QStringLiteral("push"), QStringLiteral("1"), QStringLiteral("--db"), local, QStringLiteral("--to"), team});
        QVERIFY(push.waitForStarted());
        // Wait until the push's transaction has written rows (it holds a transaction id), then stop the server.
        bool writing = false;
        for (int attempt = 0; attempt < 600 && !writing && push.state() == QProcess::Running; ++attempt) {
            const CommandRun activity = m_cluster.psql(QStringLiteral("postgres"),
                                                       QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = '%1'"
                                                                      " AND backend_xid IS NOT NULL").arg(database));
            writing = activity.out.trimmed() == QLatin1String("1");
            if (!writing)
                QTest::qWait(20);
        }
        QVERIFY2(writing, "the push finished before it could be interrupted; make the set bigger");
        QVERIFY(m_cluster.stop(QStringLiteral("fast")));
        QVERIFY(push.waitForFinished(60000));
        const QString message = QString::fromUtf8(push.readAllStandardError());
        QCOMPARE(push.exitCode(), 1);
        QVERIFY2(message.contains(QLatin1String("The team store holds none of that set and the local copy is intact")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("Run the same push again")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("Unable to free statement")), qPrintable(message));

        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        QVERIFY(listedUuids(team).isEmpty());
        const CommandRun rows = m_cluster.psql(database, QStringLiteral("SELECT (SELECT count(*) FROM result_sets) + (SELECT count(*) FROM processes)"
                                                                        " + (SELECT count(*) FROM samples)"));
        QCOMPARE(rows.out.trimmed(), QStringLiteral("0"));
        QCOMPARE(sha256(local), localBefore);

        const CommandRun retry = runShowdown({QStringLiteral("push"), QStringLiteral("1"), QStringLiteral("--db"), local, QStringLiteral("--to"), team});
        QVERIFY2(retry.code == 0 && retry.out.contains(QLatin1String("1 pushed")), qPrintable(retry.out + retry.err));
        // By uuid: the aborted push used up the team store's first row id (PostgreSQL never hands an id out twice).
        const QStringList exportSet{QStringLiteral("export"), big.info.uuid, QStringLiteral("--json"), QStringLiteral("-"), QStringLiteral("--db")};
        const CommandRun fromFile = runShowdown(exportSet + QStringList{local});
        const CommandRun fromTeam = runShowdown(exportSet + QStringList{team});
        QVERIFY2(fromFile.code == 0 && fromFile.out.size() > 1000, qPrintable(fromFile.err));
        QVERIFY(fromFile.out == fromTeam.out);
    }

    void machinesMeetInTheTeamStore()
    {
        // A laptop and a labelled production instance each push their set.
        const ResultSetBundle laptop = onMachine(bundle(QStringLiteral("laptop"), 2e6, 9e6, 3), QStringLiteral("ada-laptop"));
        const ResultSetBundle prod = onMachine(bundle(QStringLiteral("prod"), 1e6, 4e6, 4), QStringLiteral("ip-10-0-0-7"), QStringLiteral("prod-c7i.large"));
        QString error;
        const QString team = newTeamStore();
        for (const ResultSetBundle &set : {laptop, prod}) {
            const QString local = path(set.info.name + QStringLiteral(".sqlite"));
            QVERIFY2(localStore(local, {set}, &error), qPrintable(error));
            const CommandRun pushed = runShowdown({QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--db"), local, QStringLiteral("--to"), team});
            QVERIFY2(pushed.code == 0, qPrintable(pushed.err));
        }
        const CommandRun list = runShowdown({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--db"), team});
        QStringList machines;
        for (const QJsonValue &set : QJsonDocument::fromJson(list.out.toUtf8()).object().value(QLatin1String("result_sets")).toArray())
            machines.append(set.toObject().value(QLatin1String("machine")).toString());
        QCOMPARE(machines, (QStringList{QStringLiteral("ada-laptop"), QStringLiteral("prod-c7i.large")}));
        const CommandRun onProd = runShowdown({QStringLiteral("list"), QStringLiteral("--machine"), QStringLiteral("prod-c7i.large"), QStringLiteral("--db"), team});
        QVERIFY2(onProd.code == 0 && onProd.out.contains(prod.info.uuid) && !onProd.out.contains(laptop.info.uuid), qPrintable(onProd.out + onProd.err));
        const CommandRun onNothing = runShowdown({QStringLiteral("list"), QStringLiteral("--machine"), QStringLiteral("nowhere"), QStringLiteral("--db"), team});
        QVERIFY2(onNothing.code == 0 && onNothing.err.contains(QLatin1String("No result sets of a machine called \"nowhere\"")), qPrintable(onNothing.err));
        // Compared across machines, each side is named by its machine.
        const CommandRun compared = runShowdown({QStringLiteral("compare"), laptop.info.uuid, prod.info.uuid, QStringLiteral("--db"), team});
        QVERIFY2(compared.code == 0, qPrintable(compared.err));
        QVERIFY2(compared.out.contains(QLatin1String("Baseline:  ") + laptop.info.uuid) && compared.out.contains(QLatin1String("ada-laptop (Test CPU")),
                 qPrintable(compared.out));
        QVERIFY2(compared.out.contains(QLatin1String("prod-c7i.large (ip-10-0-0-7, Test CPU")), qPrintable(compared.out));
        // And so does the comparison report, drawn from the team store.
        const QString html = path(QStringLiteral("machines.html"));
        const CommandRun report = runShowdown({QStringLiteral("report"), laptop.info.uuid, QStringLiteral("--vs"), prod.info.uuid, QStringLiteral("--html"),
                                               html, QStringLiteral("--db"), team});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        QFile written(html);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray page = written.readAll();
        QVERIFY(page.contains("ada-laptop") && page.contains("prod-c7i.large"));
    }

    void aRunRecordsItsMachine()
    {
        const QString local = path(QStringLiteral("labelled.sqlite"));
        const CommandRun run = runShowdown({QStringLiteral("run"), QStringLiteral("--only"), QStringLiteral("startup"), QStringLiteral("--runs"),
                                            QStringLiteral("1"), QStringLiteral("--label"), QStringLiteral("ci-runner"), QStringLiteral("--db"), local});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const CommandRun shown = runShowdown({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--db"), local});
        const QJsonObject environment =
            QJsonDocument::fromJson(shown.out.toUtf8()).object().value(QLatin1String("result_set")).toObject().value(QLatin1String("environment")).toObject();
        QCOMPARE(environment.value(QLatin1String("label")).toString(), QStringLiteral("ci-runner"));
        QCOMPARE(environment.value(QLatin1String("host")).toString(), QSysInfo::machineHostName());
        QCOMPARE(environment.value(QLatin1String("machine_id")).toString(), MachineIdentity::localMachineId());
        QVERIFY(!environment.value(QLatin1String("kernel")).toString().isEmpty());
        QVERIFY(environment.value(QLatin1String("memory_kb")).toInteger() > 0);
        const CommandRun listed = runShowdown({QStringLiteral("list"), QStringLiteral("--machine"), QStringLiteral("ci-runner"), QStringLiteral("--db"), local});
        QVERIFY2(listed.out.contains(QLatin1String("ci-runner")), qPrintable(listed.out + listed.err));
        // A label that cannot name a machine is refused before anything runs.
        const CommandRun refused = runShowdown({QStringLiteral("run"), QStringLiteral("--label"), QString(65, QLatin1Char('x')), QStringLiteral("--db"), local});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QLatin1String("at most 64 characters")), qPrintable(refused.err));
    }

    void leastPrivilegeRoles()
    {
        // The owner sets the store up (a push with nothing to push creates the schema), then the documented roles.
        const QString name = QStringLiteral("team%1").arg(++m_databases);
        QVERIFY(m_cluster.createDatabase(name));
        const CommandRun setUp = runShowdown({QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--db"), path(QStringLiteral("nothing.sqlite")),
                                              QStringLiteral("--to"), m_cluster.url(name)});
        QVERIFY2(setUp.code == 0 && setUp.err.contains(QLatin1String("is ready")), qPrintable(setUp.err));
        const CommandRun roles = m_cluster.psqlFile(name, QStringLiteral(SHOWDOWN_SOURCE_DIR "/packaging/team-store/roles.sql"));
        QVERIFY2(roles.code == 0, qPrintable(roles.err));
        QVERIFY(m_cluster.psql(name, QStringLiteral("CREATE ROLE ci_runner LOGIN IN ROLE showdown_runner;"
                                                    " CREATE ROLE ada LOGIN IN ROLE showdown_reader")).code == 0);
        QString error;
        ResultSetBundle measured = bundle(QStringLiteral("from CI"), 2e6, 9e6, 8);
        // A set of the user's own benchmarks: the runner may add its definition file too (schema 7).
        const QByteArray definition = "{\"showdown_benchmarks\": 1, \"benchmarks\": []}\n";
        measured.definitions.append(StoredDefinitionFile{QStringLiteral("/ci/showdown.json"), StoredDefinitionFile::sha256Of(definition), definition});
        const QString local = path(QStringLiteral("ci.sqlite"));
        QVERIFY2(localStore(local, {measured}, &error), qPrintable(error));

        // The runner pushes (and pushes again: found present), but reads nothing and changes nothing.
        for (const char *expected : {"1 pushed", "1 already present"}) {
            const CommandRun push = runShowdown({QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--db"), local, QStringLiteral("--to"),
                                                 m_cluster.url(name, QStringLiteral("ci_runner"))});
            QVERIFY2(push.code == 0 && push.out.contains(QLatin1String(expected)), qPrintable(push.out + push.err));
        }
        const CommandRun runnerList = runShowdown({QStringLiteral("list"), QStringLiteral("--db"), m_cluster.url(name, QStringLiteral("ci_runner"))});
        QCOMPARE(runnerList.code, 1);
        QVERIFY2(runnerList.err.contains(QLatin1String("permission denied")), qPrintable(runnerList.err));
        for (const QString &sql : {QStringLiteral("DELETE FROM result_sets"), QStringLiteral("UPDATE result_sets SET name = 'x'"),
                                   QStringLiteral("SELECT count(*) FROM samples")})
            QVERIFY2(m_cluster.psql(name, sql, QStringLiteral("ci_runner")).err.contains(QLatin1String("permission denied")), qPrintable(sql));

        // The reader reads everything, as the owner would, and can add nothing.
        const QStringList exportSet{QStringLiteral("export"), measured.info.uuid, QStringLiteral("--json"), QStringLiteral("-"), QStringLiteral("--db")};
        const CommandRun readerShow = runShowdown(exportSet + QStringList{m_cluster.url(name, QStringLiteral("ada"))});
        const CommandRun ownerShow = runShowdown(exportSet + QStringList{m_cluster.url(name)});
        QVERIFY2(readerShow.code == 0 && readerShow.out == ownerShow.out, qPrintable(readerShow.err));
        QVERIFY2(readerShow.out.contains(QLatin1String("/ci/showdown.json")), qPrintable(readerShow.out.left(2000)));
        const QString other = path(QStringLiteral("other.sqlite"));
        QVERIFY2(localStore(other, {bundle(QStringLiteral("not for readers"))}, &error), qPrintable(error));
        const CommandRun readerPush = runShowdown({QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--db"), other, QStringLiteral("--to"),
                                                   m_cluster.url(name, QStringLiteral("ada"))});
        QCOMPARE(readerPush.code, 1);
        QVERIFY2(readerPush.err.contains(QLatin1String("permission denied")), qPrintable(readerPush.err));
        QVERIFY2(!readerPush.err.contains(QLatin1String("Unable to free statement")), qPrintable(readerPush.err));  // one message, ours
        QCOMPARE(listedUuids(m_cluster.url(name)), QStringList{measured.info.uuid});
        QVERIFY(m_cluster.psql(name, QStringLiteral("DELETE FROM result_sets"), QStringLiteral("ada")).err.contains(QLatin1String("permission denied")));
    }

    void tlsVerifiesTheServer()
    {
        // A CA of the test's own signs the server's certificate for "localhost"; another CA signs nothing here.
        const QString tls = path(QStringLiteral("tls"));
        QVERIFY(QDir().mkpath(tls));
        const auto file = [&](const char *name) { return tls + QLatin1Char('/') + QLatin1String(name); };
        QFile extensions(file("server.ext"));
        QVERIFY(extensions.open(QIODevice::WriteOnly) && extensions.write("subjectAltName=DNS:localhost\n") > 0);
        extensions.close();
        for (const char *ca : {"ca", "other-ca"})
            QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                             QStringLiteral("-keyout"), file(ca) + QStringLiteral(".key"), QStringLiteral("-out"), file(ca) + QStringLiteral(".crt"),
                             QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=Showdown test %1").arg(QLatin1String(ca))}));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                         file("server.key"), QStringLiteral("-out"), file("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}));
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), file("server.csr"), QStringLiteral("-CA"), file("ca.crt"),
                         QStringLiteral("-CAkey"), file("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), file("server.crt"),
                         QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-extfile"), file("server.ext")}));

        PgCluster secure;
        const int port = freePort();
        QVERIFY(port > 0);
        secure.enableTls(port, file("server.crt"), file("server.key"));
        QString error;
        QVERIFY2(secure.start(&error), qPrintable(error));
        QVERIFY(secure.createDatabase(QStringLiteral("secure")));
        const auto url = [&](const QString &host, const QString &mode, const char *ca) {
            return QStringLiteral("postgresql://postgres@%1:%2/secure?sslmode=%3&sslrootcert=%4").arg(host).arg(port).arg(mode, file(ca));
        };
        const QString local = path(QStringLiteral("tls.sqlite"));
        QVERIFY2(localStore(local, {bundle(QStringLiteral("over TLS"))}, &error), qPrintable(error));

        const CommandRun verified = runShowdown({QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--db"), local, QStringLiteral("--to"),
                                                 url(QStringLiteral("localhost"), QStringLiteral("verify-full"), "ca.crt")});
        QVERIFY2(verified.code == 0 && verified.out.contains(QLatin1String("1 pushed")), qPrintable(verified.out + verified.err));
        // A server whose certificate another CA signed, or that is reached by a name its certificate does not hold,
        // is refused before anything is sent; and the server takes no connection without TLS.
        const QList<std::pair<QString, QString>> refusals = {
            {url(QStringLiteral("localhost"), QStringLiteral("verify-full"), "other-ca.crt"), QStringLiteral("certificate verify failed")},
            {url(QStringLiteral("127.0.0.1"), QStringLiteral("verify-full"), "ca.crt"), QStringLiteral("does not match host name")},
            {url(QStringLiteral("localhost"), QStringLiteral("disable"), "ca.crt"), QStringLiteral("no encryption")},
        };
        for (const auto &[store, says] : refusals) {
            const CommandRun refused = runShowdown({QStringLiteral("list"), QStringLiteral("--db"), store});
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(says), qPrintable(refused.err));
        }
        QCOMPARE(listedUuids(url(QStringLiteral("localhost"), QStringLiteral("verify-full"), "ca.crt")).size(), 1);
    }

    void passwordsNeverOnTheCommandLine()
    {
        const QString withPassword = QStringLiteral("postgresql://runner:hunter2@/team1?host=/nonexistent");
        for (const QStringList &command : {QStringList{QStringLiteral("push"), QStringLiteral("--all"), QStringLiteral("--to"), withPassword},
                                           QStringList{QStringLiteral("list"), QStringLiteral("--db"), withPassword},
                                           QStringList{QStringLiteral("--db"), withPassword}}) {  // the window's way in
            const CommandRun refused = runShowdown(command);
            QVERIFY(refused.code != 0);
            QVERIFY2(refused.err.contains(QLatin1String("~/.pgpass")) && refused.err.contains(QLatin1String("PGPASSWORD")), qPrintable(refused.err));
        }
        // A run goes to the local database first, never straight to a server.
        const CommandRun run = runShowdown({QStringLiteral("run"), QStringLiteral("--db"), m_cluster.url(QStringLiteral("team1"))});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains(QLatin1String("showdown push")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TeamStoreCliTest)
#include "TeamStoreCliTest.moc"
