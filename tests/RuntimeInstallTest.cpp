// Runtimes Showdown adds to its own data folder, for real: `showdown runtimes install deno` downloads Deno from
// the npm registry (the smallest of the npm-shipped runtimes, about 42 MB) into a temporary XDG_DATA_HOME, the
// installed binary runs, a second install does nothing, remove deletes it and refuses anything it did not
// install, and failures (a version the registry lacks, a binary that does not start) leave nothing behind.

#include "FakeExecutor.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "RuntimeInstaller.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

/// What a folder holds, hidden entries included: a failed install must leave not even a temporary folder.
QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

/// Passes everything to the real runner except the installed binary's --version check, which it answers as
/// a binary that cannot start on this machine would (killed by SIGILL).
class BrokenBinaryExecutor final : public Executor {
public:
    [[nodiscard]] ProcessResult run(const ProcessSpec &spec, std::stop_token stop) override
    {
        if (spec.arguments == QStringList{QStringLiteral("--version")}) {
            m_checked = spec.program;
            ProcessResult crashed;
            crashed.outcome = ProcessResult::Outcome::Signaled;
            crashed.signal = 4;
            crashed.error = QStringLiteral("killed by signal 4 (Illegal instruction)");
            return crashed;
        }
        return m_real.run(spec, stop);
    }
    QString m_checked;

private:
    ProcessRunner m_real{ResourceLocator::execHelper()};
};

} // namespace

class RuntimeInstallTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;  ///< XDG_DATA_HOME of every `showdown` this test starts

    Run showdown(const QStringList &arguments, const QString &dataHome = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.isEmpty() ? m_home.path() : dataHome);
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"), arguments);
        Run result;
        if (!process.waitForFinished(600000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    QJsonObject installedJson()
    {
        const Run listed = showdown({QStringLiteral("runtimes"), QStringLiteral("installed"), QStringLiteral("--json")});
        if (listed.code != 0)
            qWarning("runtimes installed --json: %s", qPrintable(listed.err));
        return QJsonDocument::fromJson(listed.out.toUtf8()).object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
    }

    void unknownNameListsTheNames()
    {
        const Run unknown = showdown({QStringLiteral("runtimes"), QStringLiteral("install"), QStringLiteral("rustc")});
        QCOMPARE(unknown.code, 2);
        for (const char *name : {"node@MAJOR", "bun", "deno", "pypy3"})
            QVERIFY2(unknown.err.contains(QLatin1String(name)), qPrintable(unknown.err));
        const Run noMajor = showdown({QStringLiteral("runtimes"), QStringLiteral("install"), QStringLiteral("node")});
        QCOMPARE(noMajor.code, 2);
        QVERIFY2(noMajor.err.contains(QLatin1String("node@22")), qPrintable(noMajor.err));
        const Run range = showdown({QStringLiteral("runtimes"), QStringLiteral("install"), QStringLiteral("deno@>=1 || latest")});
        QCOMPARE(range.code, 2);
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("Showdown"))));
    }

    void installRunReinstallAndRemove()
    {
        QElapsedTimer clock;
        clock.start();
        const Run installed = showdown({QStringLiteral("runtimes"), QStringLiteral("install"), QStringLiteral("deno")});
        QVERIFY2(installed.code == 0, qPrintable(installed.err));
        qInfo("install deno: %.1f s; %s", double(clock.elapsed()) / 1000.0, qPrintable(installed.out.trimmed().section(QLatin1Char('\n'), -2, -2)));
        QVERIFY2(installed.out.contains(QLatin1String("Installed deno")), qPrintable(installed.out));

        const QJsonObject listing = installedJson();
        const QString folder = listing.value(QStringLiteral("folder")).toString();
        QVERIFY2(folder.startsWith(m_home.path() + QLatin1Char('/')), qPrintable(folder));  // never system-wide
        const QJsonArray runtimes = listing.value(QStringLiteral("installed")).toArray();
        QCOMPARE(runtimes.size(), 1);
        const QJsonObject deno = runtimes.first().toObject();
        const QString version = deno.value(QStringLiteral("version")).toString();
        const QString executable = deno.value(QStringLiteral("path")).toString();
        QCOMPARE(executable, QStringLiteral("%1/deno-%2/bin/deno").arg(folder, version));

        // The installed binary really runs, and is the version the registry resolved.
        QProcess run;
        run.start(executable, {QStringLiteral("eval"), QStringLiteral("console.log(6 * 7, Deno.version.deno)")});
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(run.readAllStandardOutput()).trimmed(), QStringLiteral("42 %1").arg(version));

        // A second install of the same version changes nothing.
        const QString marker = QStringLiteral("%1/deno-%2/.showdown-runtime.json").arg(folder, version);
        QFile before(marker);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray markerBefore = before.readAll();
        const QStringList entriesBefore = entries(folder);
        const Run again = showdown({QStringLiteral("runtimes"), QStringLiteral("install"), QStringLiteral("deno@%1").arg(version)});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QLatin1String("already installed")), qPrintable(again.out));
        QFile after(marker);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), markerBefore);
        QCOMPARE(entries(folder), entriesBefore);

        // Remove refuses what Showdown did not install: a system folder, a look-alike outside its folder
        // (even with a copied marker), and a path that climbs out of it.
        QTemporaryDir outside;
        const QString lookAlike = outside.filePath(QStringLiteral("deno-%1").arg(version));
        QVERIFY(QDir().mkpath(lookAlike));
        QVERIFY(QFile::copy(marker, lookAlike + QStringLiteral("/.showdown-runtime.json")));
        for (const QString &target : {QStringLiteral("/usr/bin"), lookAlike, folder + QStringLiteral("/deno-%1/../../..").arg(version)}) {
            const Run refused = showdown({QStringLiteral("runtimes"), QStringLiteral("remove"), target});
            QCOMPARE(refused.code, 1);
            QVERIFY2(refused.err.contains(QLatin1String("not a runtime Showdown installed")), qPrintable(refused.err));
        }
        QVERIFY(QFileInfo::exists(lookAlike));
        QVERIFY(QFileInfo::exists(executable));
        const Run notOurs = showdown({QStringLiteral("runtimes"), QStringLiteral("remove"), QStringLiteral("pypy3")});
        QCOMPARE(notOurs.code, 1);
        QVERIFY2(notOurs.err.contains(QLatin1String("apt-get remove pypy3")), qPrintable(notOurs.err));

        const Run removed = showdown({QStringLiteral("runtimes"), QStringLiteral("remove"), QStringLiteral("deno")});
        QVERIFY2(removed.code == 0, qPrintable(removed.err));
        QVERIFY(!QFileInfo::exists(executable));
        QCOMPARE(entries(folder), QStringList());
        QCOMPARE(installedJson().value(QStringLiteral("installed")).toArray().size(), 0);
    }

    void missingVersionLeavesNothing()
    {
        QTemporaryDir home;
        const Run failed = showdown({QStringLiteral("runtimes"), QStringLiteral("install"), QStringLiteral("deno@0.0.1")}, home.path());
        QCOMPARE(failed.code, 1);
        QVERIFY2(failed.err.contains(QLatin1String("no such version")) && failed.err.contains(QLatin1String("nothing was installed")),
                 qPrintable(failed.err));
        QCOMPARE(entries(home.path()), QStringList());
    }

    void binaryThatDoesNotStartLeavesNothing()
    {
        // Downloaded and unpacked for real (from npm's cache after the test above), then the check fails.
        QTemporaryDir home;
        const QString folder = home.filePath(QStringLiteral("runtimes"));
        BrokenBinaryExecutor executor;
        RuntimeInstaller installer(executor, folder);
        QString error;
        const std::optional<RuntimePackage::Request> request = RuntimePackage::parse(QStringLiteral("deno"), &error);
        QVERIFY2(request, qPrintable(error));
        QStringList progress;
        const RuntimeInstaller::Outcome outcome = installer.install(*request, {}, [&](const QString &line) { progress.append(line); });
        QCOMPARE(outcome.status, RuntimeInstaller::Outcome::Status::Failed);
        QVERIFY2(outcome.error.contains(QLatin1String("does not start")), qPrintable(outcome.error));
        QVERIFY2(executor.m_checked.endsWith(QLatin1String("/bin/deno")), qPrintable(executor.m_checked));
        QVERIFY(outcome.downloadBytes > 1000000);  // it got as far as a real download
        QCOMPARE(entries(folder), QStringList());
        QCOMPARE(installer.installed().size(), 0);
    }

    void parsesTheTable()
    {
        QString error;
        const auto node = RuntimePackage::parse(QStringLiteral("node@22"), &error);
        QVERIFY2(node, qPrintable(error));
        QVERIFY(node->npmSpec().startsWith(QLatin1String("node-linux-")));
        QVERIFY(node->npmSpec().endsWith(QLatin1String("@22")));
        QCOMPARE(node->label(), QStringLiteral("node@22"));
        QVERIFY(!RuntimePackage::parse(QStringLiteral("pypy3@7"), &error));
        QCOMPARE(RuntimePackage::parse(QStringLiteral("deno@latest"), &error).value_or(RuntimePackage::Request{}).label(), QStringLiteral("deno"));
        QVERIFY(!RuntimePackage::parse(QStringLiteral("node@latest"), &error));
        QVERIFY(!RuntimePackage::parse(QStringLiteral("bun@^1"), &error));
        QCOMPARE(RuntimePackage::installNameFor(QStringLiteral("bun")), std::optional<QString>(QStringLiteral("bun")));
        QVERIFY(RuntimePackage::installNameFor(QStringLiteral("node")).value_or(QString()).startsWith(QLatin1String("node@")));
        QCOMPARE(RuntimePackage::installNameFor(QStringLiteral("python3")), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(RuntimeInstallTest)
#include "RuntimeInstallTest.moc"
