// The exchange verbs end to end through the real binary: export (JSON, CSV, .showdown), import, merge with
// deduplication, compare across a database and a file, and refusals that leave the database untouched.

#include "ExchangeFixtures.h"
#include "JsonExporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;
using namespace showdown::fixtures;

namespace {

struct Run {
    int code = -1;
    QByteArray out;
    QString err;
};

Run showdownRun(const QStringList &arguments)
{
    QProcess process;
    process.start(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"), arguments);
    Run result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class ExchangeCliTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void saveOpenMergeAndCompare()
    {
        // Machine A measured two sets; its export travels to machine B as JSON and as a .showdown file.
        const ResultSetBundle fast = bundle(QStringLiteral("laptop"), 2e6, 9e6, 1);
        const ResultSetBundle slow = bundle(QStringLiteral("server"), 4e6, 9e6, 2);
        QVERIFY(writeFile(path(QStringLiteral("in.json")), JsonExporter::toJson({fast, slow})));
        const QString a = path(QStringLiteral("a.sqlite"));
        Run run = showdownRun({QStringLiteral("import"), path(QStringLiteral("in.json")), QStringLiteral("--db"), a, QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QLatin1String("result_sets")).toArray().size(), 2);

        run = showdownRun({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("--db"), a, QStringLiteral("--showdown"),
                           path(QStringLiteral("a.showdown"))});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QByteArray fileDigest = sha256(path(QStringLiteral("a.showdown")));

        // JSON export is what was imported, byte for byte.
        run = showdownRun({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("--db"), a, QStringLiteral("--json"),
                           QStringLiteral("-")});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, JsonExporter::toJson({fast, slow}));

        run = showdownRun({QStringLiteral("export"), fast.info.uuid, QStringLiteral("--db"), a, QStringLiteral("--csv"), path(QStringLiteral("a.csv"))});
        QCOMPARE(run.code, 0);
        QFile csv(path(QStringLiteral("a.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("result_set_uuid,"));

        // Machine B merges the file twice: the second time adds nothing.
        const QString b = path(QStringLiteral("b.sqlite"));
        run = showdownRun({QStringLiteral("merge"), path(QStringLiteral("a.showdown")), QStringLiteral("--db"), b});
        QVERIFY2(run.code == 0 && run.out.contains("2 added, 0 already present"), run.out.constData());
        run = showdownRun({QStringLiteral("merge"), path(QStringLiteral("a.showdown")), path(QStringLiteral("in.json")), QStringLiteral("--db"), b});
        QVERIFY2(run.code == 0 && run.out.contains("0 added, 4 already present"), run.out.constData());
        QCOMPARE(sha256(path(QStringLiteral("a.showdown"))), fileDigest);  // opening it never wrote to it

        // Compare a set in the database with one named inside the file.
        run = showdownRun({QStringLiteral("compare"), QStringLiteral("1"), path(QStringLiteral("a.showdown")) + QLatin1Char('#') + slow.info.uuid,
                           QStringLiteral("--db"), b, QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QJsonObject comparison = QJsonDocument::fromJson(run.out).object();
        int slower = 0;
        for (const QJsonValue &change : comparison.value(QLatin1String("changes")).toArray()) {
            const QJsonObject c = change.toObject();
            if (c.value(QLatin1String("runtime")).toString() == QLatin1String("node") && c.value(QLatin1String("verdict")).toString() == QLatin1String("slower")) {
                ++slower;
                QVERIFY(std::abs(c.value(QLatin1String("ratio")).toDouble() - 2.0) < 0.15);
            }
        }
        QCOMPARE(slower, 2);  // node took twice as long on both benchmarks
        QCOMPARE(sha256(path(QStringLiteral("a.showdown"))), fileDigest);

        // A file holding several sets needs to be told which one.
        run = showdownRun({QStringLiteral("compare"), QStringLiteral("1"), path(QStringLiteral("a.showdown")), QStringLiteral("--db"), b});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("holds 2 result sets")), qPrintable(run.err));
    }

    void refusedImportsLeaveTheDatabaseAlone()
    {
        const QString db = path(QStringLiteral("c.sqlite"));
        QVERIFY(writeFile(path(QStringLiteral("ok.json")), JsonExporter::toJson({bundle(QStringLiteral("ok"))})));
        QCOMPARE(showdownRun({QStringLiteral("import"), path(QStringLiteral("ok.json")), QStringLiteral("--db"), db}).code, 0);
        const QByteArray before = sha256(db);

        QByteArray newer = JsonExporter::toJson({bundle(QStringLiteral("future"))});
        newer.replace("\"schema_version\": 1", "\"schema_version\": 9");
        const QList<std::pair<QString, QByteArray>> bad = {
            {QStringLiteral("truncated.json"), JsonExporter::toJson({bundle(QStringLiteral("t"))}).left(900)},
            {QStringLiteral("random.json"), QByteArray("\x89PNG\r\n\x1a\n\0\0garbage", 18)},
            {QStringLiteral("newer.json"), newer},
            {QStringLiteral("export.csv"), QByteArray("result_set_uuid,result_set_name\r\n")},
            {QStringLiteral("broken.showdown"), QByteArray("SQLite format 3\0", 16) + QByteArray(200, '\x7f')},
        };
        const QStringList expected = {QStringLiteral("not valid JSON"), QStringLiteral("not valid JSON"), QStringLiteral("newer Showdown"),
                                      QStringLiteral("CSV export"), QStringLiteral("broken.showdown")};
        for (qsizetype i = 0; i < bad.size(); ++i) {
            QVERIFY(writeFile(path(bad.at(i).first), bad.at(i).second));
            const Run run = showdownRun({QStringLiteral("import"), path(bad.at(i).first), QStringLiteral("--db"), db});
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.contains(expected.at(i)) && run.err.contains(QLatin1String("Nothing was imported")), qPrintable(run.err));
        }
        QCOMPARE(sha256(db), before);
        QCOMPARE(showdownRun({QStringLiteral("import"), QStringLiteral("--db"), db}).code, 2);
        QCOMPARE(showdownRun({QStringLiteral("export"), QStringLiteral("1"), QStringLiteral("--db"), db}).code, 2);
    }
};

QTEST_GUILESS_MAIN(ExchangeCliTest)
#include "ExchangeCliTest.moc"
