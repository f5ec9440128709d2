// One machine, one run: the real showdown binary, real node and python children, a real SQLite file, and a
// lock folder of the test's own (SHOWDOWN_LOCK_DIR) so runs elsewhere on the machine neither wait for us nor we for them.

#include "ProcessScan.h"
#include "ResourceLocator.h"
#include "ResultStore.h"
#include "RunEvent.h"
#include "RunLock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace showdown;

namespace {

QString showdownBinary()
{
    return ResourceLocator::executableDir() + QStringLiteral("/showdown");
}

/// `showdown run --only BENCHMARK --runs N --db DB`, then `extra`.
QStringList runArguments(const QString &db, const QString &benchmark, int runs, const QStringList &extra = {})
{
    return QStringList{QStringLiteral("run"), QStringLiteral("--only"), benchmark, QStringLiteral("--runs"), QString::number(runs),
                       QStringLiteral("--db"), db}
           + extra;
}

QStringList startupRun(const QString &db, int runs)
{
    return runArguments(db, QStringLiteral("startup"), runs, {QStringLiteral("--events")});
}

const QString kHolderDatabase = QStringLiteral("/elsewhere/holder.sqlite");

/// This test process takes the lock, as a run would, so a showdown child finds it held by a known pid.
bool holdLock(RunLock &lock)
{
    QString error;
    return lock.acquire(kHolderDatabase, false, {}, {}, nullptr, &error) == RunLock::Outcome::Acquired;
}

/// Whether a message names this process as the holder, its database, and the way to refuse instead.
bool namesThisHolder(const QString &message)
{
    return message.contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())) && message.contains(kHolderDatabase)
           && message.contains(QLatin1String("--no-wait"));
}

/// The holder named by the first `--events` line on stdout that is a waiting event, or an empty object.
QJsonObject waitingEvent(const QString &stdoutText)
{
    for (const QString &line : stdoutText.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString error;
        const std::optional<showdown::RunEvent> event = showdown::RunEvent::fromLine(line.toUtf8(), &error);
        if (event && event->kind == showdown::RunEvent::Kind::Waiting)
            return QJsonObject{{QStringLiteral("holder"), event->holder.toJson()}};
    }
    return {};
}

QByteArray lockFileText()
{
    QFile file(RunLock::path());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A process's time window [start, end] in ms since the epoch, from what the store keeps per process.
struct Window {
    qint64 start = 0;
    qint64 end = 0;
};

QList<Window> processWindows(ResultStore &store, qint64 setId)
{
    QList<Window> windows;
    for (const Sample &sample : store.samples(setId))
        windows.append({sample.started.toMSecsSinceEpoch(), sample.started.toMSecsSinceEpoch() + sample.wallNs / 1000000});
    return windows;
}

} // namespace

class RunLockTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(showdownBinary()).isExecutable(), qPrintable(showdownBinary()));
        QVERIFY(m_lockDir.isValid());
        // Children inherit it; RunLock in this process reads it too.
        qputenv("SHOWDOWN_LOCK_DIR", m_lockDir.path().toUtf8());
        QCOMPARE(RunLock::path(), m_lockDir.filePath(QStringLiteral("run.lock")));
    }

    void twoRunsStartedTogetherNeverOverlap()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        QProcess first, second;
        first.start(showdownBinary(), startupRun(db, 3));
        second.start(showdownBinary(), startupRun(db, 3));
        QVERIFY(first.waitForStarted() && second.waitForStarted());
        const qint64 pids[2] = {first.processId(), second.processId()};  // 0 once a process has ended
        QVERIFY(first.waitForFinished(240000) && second.waitForFinished(240000));
        const QString firstErr = QString::fromUtf8(first.readAllStandardError());
        const QString secondErr = QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(first.exitCode() == 0, qPrintable(firstErr));
        QVERIFY2(second.exitCode() == 0, qPrintable(secondErr));
        const QString firstOut = QString::fromUtf8(first.readAllStandardOutput());
        const QString secondOut = QString::fromUtf8(second.readAllStandardOutput());

        // Exactly one waited, and it named the other as the holder, with the database.
        const QJsonObject firstWaited = waitingEvent(firstOut), secondWaited = waitingEvent(secondOut);
        QVERIFY2(firstWaited.isEmpty() != secondWaited.isEmpty(), qPrintable(firstErr + QLatin1String("\n---\n") + secondErr));
        const bool secondWaitedForFirst = !secondWaited.isEmpty();
        const QJsonObject holder = (secondWaitedForFirst ? secondWaited : firstWaited).value(QLatin1String("holder")).toObject();
        QCOMPARE(holder.value(QLatin1String("pid")).toInteger(), pids[secondWaitedForFirst ? 0 : 1]);
        QCOMPARE(holder.value(QLatin1String("database")).toString(), QFileInfo(db).absoluteFilePath());
        QVERIFY(QDateTime::fromString(holder.value(QLatin1String("started")).toString(), Qt::ISODate).isValid());

        // The store says the same: the holder's set ended before the waiter's began, and no process of one
        // ran while a process of the other did.
        ResultStore store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        const QList<ResultSetInfo> sets = store.resultSets(&error);
        QCOMPARE(sets.size(), 2);
        for (const ResultSetInfo &set : sets)
            QCOMPARE(set.status, QStringLiteral("complete"));
        // Ids follow the lock: the holder created its set first.
        const ResultSetInfo &earlier = sets.at(0), &later = sets.at(1);
        QVERIFY2(earlier.finished <= later.created,
                 qPrintable(earlier.finished.toString(Qt::ISODateWithMs) + QLatin1String(" > ") + later.created.toString(Qt::ISODateWithMs)));
        const QList<Window> before = processWindows(store, earlier.id), after = processWindows(store, later.id);
        QCOMPARE(before.size(), 6);  // 3 runs x node and python
        QCOMPARE(after.size(), 6);
        qint64 lastEnd = 0, firstStart = std::numeric_limits<qint64>::max();
        for (const Window &window : before)
            lastEnd = std::max(lastEnd, window.end);
        for (const Window &window : after)
            firstStart = std::min(firstStart, window.start);
        QVERIFY2(lastEnd <= firstStart, qPrintable(QStringLiteral("the first set's last process ended at %1, the second's first began at %2")
                                                       .arg(lastEnd)
                                                       .arg(firstStart)));
    }

    void waitingRunStartsWhenTheHolderReleases()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        RunLock lock;
        QVERIFY(holdLock(lock));

        QProcess waiter;
        waiter.start(showdownBinary(), runArguments(db, QStringLiteral("startup"), 1));
        QVERIFY(waiter.waitForStarted());
        QString err;
        QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(waiter.readAllStandardError())).contains(QLatin1String("Waiting for the run of")), 30000);
        QVERIFY2(namesThisHolder(err), qPrintable(err));
        QTest::qWait(1500);
        QCOMPARE(waiter.state(), QProcess::Running);
        QVERIFY(!QFile::exists(db));  // nothing measured, nothing stored while it waits

        lock.release();
        QVERIFY(waiter.waitForFinished(240000));
        QVERIFY2(waiter.exitCode() == 0, qPrintable(err + QString::fromUtf8(waiter.readAllStandardError())));
        QVERIFY(QFile::exists(db));
    }

    void noWaitRefusesAtOnceNamingTheHolder()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        RunLock lock;
        QVERIFY(holdLock(lock));
        QProcess refused;
        QElapsedTimer clock;
        clock.start();
        refused.start(showdownBinary(), runArguments(db, QStringLiteral("startup"), 1, {QStringLiteral("--no-wait")}));
        QVERIFY(refused.waitForFinished(60000));
        const qint64 elapsedMs = clock.elapsed();
        const QString err = QString::fromUtf8(refused.readAllStandardError());
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY2(namesThisHolder(err), qPrintable(err));
        QVERIFY(!QFile::exists(db));
        // "At once": it did not wait for the holder, which still holds the lock now.
        QVERIFY(lock.held());
        qInfo("--no-wait refused in %lld ms", elapsedMs);
    }

    void ctrlCWhileWaitingExitsCleanly()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        RunLock lock;
        QVERIFY(holdLock(lock));
        QProcess waiter;
        waiter.start(showdownBinary(), startupRun(db, 1));
        QVERIFY(waiter.waitForStarted());
        QString err;
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT(!waitingEvent(out += QString::fromUtf8(waiter.readAllStandardOutput())).isEmpty(), 30000);
        ::kill(pid_t(waiter.processId()), SIGINT);
        QVERIFY(waiter.waitForFinished(10000));
        QCOMPARE(waiter.exitStatus(), QProcess::NormalExit);
        QCOMPARE(waiter.exitCode(), 1);
        err += QString::fromUtf8(waiter.readAllStandardError());
        QVERIFY2(err.contains(QLatin1String("cancelled while waiting")), qPrintable(err));
        out += QString::fromUtf8(waiter.readAllStandardOutput());  // a front end hears it as the run's last event
        QVERIFY2(out.contains(QLatin1String("\"event\":\"finished\"")) && out.contains(QLatin1String("cancelled while waiting")), qPrintable(out));
        QVERIFY(!QFile::exists(db));
    }

    void killedHolderReleasesTheLock()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        QProcess holder;
        holder.start(showdownBinary(), runArguments(db, QStringLiteral("fib"), 500));
        QVERIFY(holder.waitForStarted());
        const QByteArray pid = QByteArray::number(holder.processId());
        QTRY_VERIFY_WITH_TIMEOUT(lockFileText().contains("\"pid\":" + pid), 30000);
        // It holds the lock: a --no-wait run is refused...
        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        QProcess refused;
        refused.start(showdownBinary(), runArguments(other, QStringLiteral("startup"), 1, {QStringLiteral("--no-wait")}));
        QVERIFY(refused.waitForFinished(60000));
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY(QString::fromUtf8(refused.readAllStandardError()).contains(QString::fromLatin1("pid " + pid)));

        // ...until SIGKILL ends it without any chance to clean up: the kernel drops the lock with the process.
        ::kill(pid_t(holder.processId()), SIGKILL);
        QVERIFY(holder.waitForFinished(10000));
        QProcess next;
        next.start(showdownBinary(), runArguments(other, QStringLiteral("startup"), 1, {QStringLiteral("--no-wait")}));
        QVERIFY(next.waitForFinished(240000));
        QVERIFY2(next.exitCode() == 0, qPrintable(QString::fromUtf8(next.readAllStandardError())));
        QTRY_VERIFY_WITH_TIMEOUT(tests::processesMentioning(QStringLiteral("benchmarks/python/fib.py")).isEmpty()
                                     && tests::processesMentioning(QStringLiteral("benchmarks/node/fib.js")).isEmpty(),
                                 5000);
    }

    void lockHolderTextRoundTrips()
    {
        RunLockHolder holder;
        holder.pid = 4242;
        holder.started = QStringLiteral("2024-05-01T10:00:00Z");
        holder.database = QStringLiteral("/data/a b.sqlite");
        const std::optional<RunLockHolder> parsed = RunLockHolder::parse(QJsonDocument(holder.toJson()).toJson());
        QVERIFY(parsed);
        QCOMPARE(parsed->pid, qint64(4242));
        QCOMPARE(parsed->database, holder.database);
        QCOMPARE(parsed->describe(), QStringLiteral("pid 4242, started 2024-05-01T10:00:00Z, on /data/a b.sqlite"));
        // An empty file (a holder that has not written yet, or one that released) names nobody.
        QVERIFY(!RunLockHolder::parse(QByteArray()));
        QVERIFY(!RunLockHolder::parse("{\"pid\":0}"));
    }

private:
    QTemporaryDir m_lockDir;
};

QTEST_GUILESS_MAIN(RunLockTest)
#include "RunLockTest.moc"
