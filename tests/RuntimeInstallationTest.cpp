// The window's Install link: beside a missing runtime that a package provides, and nowhere else; clicking it runs
// `showdown runtimes install NAME` as a child (the GUI thread only receives its lines), reports progress, probes
// the runtimes again after a success, and reports a failure with what to do next.

#include "Inventory.h"
#include "RuntimeInstallation.h"

#include <QCoreApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

class RuntimeInstallationTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // The child `showdown` inherits this: it installs into the temporary folder, never the user's.
        qputenv("XDG_DATA_HOME", m_home.path().toUtf8());
    }

    void linksOnlyBesideInstallableMissingRuntimes()
    {
        RuntimeInfo bun;
        bun.name = QStringLiteral("bun");
        QVERIFY(RuntimeInstallation::linkFor(bun).contains(QLatin1String("href=\"install:bun\"")));
        RuntimeInfo node;
        node.name = QStringLiteral("node");
        QVERIFY(RuntimeInstallation::linkFor(node).contains(QLatin1String("href=\"install:node@")));
        node.available = true;
        QCOMPARE(RuntimeInstallation::linkFor(node), QString());
        RuntimeInfo python;
        python.name = QStringLiteral("python3");
        QCOMPARE(RuntimeInstallation::linkFor(python), QString());
    }

    void installsInAChildAndRefreshes()
    {
        Inventory inventory;
        RuntimeInstallation installation(&inventory);
        QVERIFY(!installation.openLink(QStringLiteral("https://example.org")));
        QSignalSpy progress(&installation, &RuntimeInstallation::progressed);
        QSignalSpy finished(&installation, &RuntimeInstallation::finished);
        QSignalSpy refreshed(&inventory, &Inventory::refreshed);
        QVERIFY(installation.openLink(QStringLiteral("install:deno")));
        QVERIFY(installation.running());
        QVERIFY(finished.wait(600000));
        QCOMPARE(finished.first().at(0).toString(), QStringLiteral("deno"));
        QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
        QStringList lines;
        for (const QList<QVariant> &line : progress)
            lines.append(line.first().toString());
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QLatin1String("Installed deno")), qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(refreshed.wait(120000));
        // Installed under the temporary data folder only.
        const QStringList installed =
            QDir(m_home.filePath(QStringLiteral("Showdown/Showdown/runtimes"))).entryList({QStringLiteral("deno-*")}, QDir::Dirs);
        QCOMPARE(installed.size(), 1);
        QVERIFY(QFileInfo(m_home.filePath(QStringLiteral("Showdown/Showdown/runtimes/%1/bin/deno").arg(installed.first()))).isExecutable());
    }

    void failureSaysWhatToDo()
    {
        Inventory inventory;
        RuntimeInstallation installation(&inventory);
        QSignalSpy finished(&installation, &RuntimeInstallation::finished);
        QSignalSpy refreshed(&inventory, &Inventory::refreshed);
        QVERIFY(installation.openLink(QStringLiteral("install:deno@0.0.1")));
        QVERIFY(finished.wait(300000));
        const QString problem = finished.first().at(1).toString();
        QVERIFY2(problem.contains(QLatin1String("no such version")), qPrintable(problem));
        QCoreApplication::processEvents();
        QCOMPARE(refreshed.size(), 0);  // nothing changed, nothing to probe
    }
};

QTEST_GUILESS_MAIN(RuntimeInstallationTest)
#include "RuntimeInstallationTest.moc"
