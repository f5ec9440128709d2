// Hostile and broken input for import and merge: truncated, random, mutated, wrong-version and huge files,
// and text that would do harm if anything interpreted it. Every case must end in a clear error or inert
// text, never a crash, and a refused file must leave the current database byte-for-byte as it was.

#include "ExchangeFixtures.h"
#include "JsonExporter.h"
#include "JsonImporter.h"
#include "ResultSetFile.h"
#include "ResultStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace showdown;
using namespace showdown::fixtures;

namespace {

/// A database holding one set, closed, with its digest: the "current database" every case must not damage.
struct Target {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("current.sqlite"));
    QByteArray digest;

    Target()
    {
        QString error;
        ResultStore store;
        if (!store.open(path, &error) || !store.importResultSets({bundle(QStringLiteral("existing"))}, &error))
            qWarning() << error;
        store.close();
        digest = sha256(path);
    }
    /// Imports `bytes` the way `showdown import` does; true when the import was refused.
    bool refuses(const QByteArray &bytes, QString *error)
    {
        std::optional<QList<ResultSetBundle>> bundles = JsonImporter::parse(bytes, error);
        if (!bundles)
            return true;
        ResultStore store;
        if (!store.open(path, error))
            return true;
        return !store.importResultSets(*bundles, error);
    }
};

QByteArray validExport()
{
    return JsonExporter::toJson({bundle(QStringLiteral("fuzzed"))});
}

/// Every value of a JSON tree, addressed by path, so a mutation can replace exactly one of them.
void mutate(QJsonValue &value, int &countdown, const QJsonValue &replacement)
{
    if (countdown-- == 0) {
        value = replacement;
        return;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end() && countdown >= 0; ++it) {
            QJsonValue child = it.value();
            mutate(child, countdown, replacement);
            it.value() = child;
        }
        value = object;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size() && countdown >= 0; ++i) {
            QJsonValue child = array.at(i);
            mutate(child, countdown, replacement);
            array[i] = child;
        }
        value = array;
    }
}

} // namespace

class FuzzImportTest : public QObject {
    Q_OBJECT

private slots:
    void truncatedFilesAreRefusedWithTheOffset()
    {
        Target target;
        const QByteArray json = validExport();
        // Every 97th cut, plus the very ends: a file cut anywhere is not valid JSON.
        for (qsizetype cut = 0; cut < json.size() - 2; cut += cut < 16 ? 1 : 97) {
            QString error;
            QVERIFY2(target.refuses(json.left(cut), &error), qPrintable(QStringLiteral("cut at %1 accepted").arg(cut)));
            QVERIFY2(error.contains(QLatin1String("not valid JSON")) || error.contains(QLatin1String("not a Showdown export")),
                     qPrintable(error));
        }
        QCOMPARE(sha256(target.path), target.digest);
    }

    void randomBytesAreRefused()
    {
        Target target;
        std::mt19937_64 random(42);
        for (int round = 0; round < 300; ++round) {
            QByteArray bytes(qsizetype(random() % 4096), Qt::Uninitialized);
            for (char &byte : bytes)
                byte = char(random() & 0xff);
            if (round % 3 == 0)
                bytes.prepend("{\"format\":\"showdown-results\",\"schema_version\":1,\"result_sets\":[");
            QString error;
            QVERIFY(target.refuses(bytes, &error));
            QVERIFY(!error.isEmpty());
        }
        QCOMPARE(sha256(target.path), target.digest);
    }

    void everyFieldReplacedByAWrongTypeIsRefusedOrHarmless()
    {
        Target target;
        const QJsonObject document = QJsonDocument::fromJson(validExport()).object();
        const QList<QJsonValue> replacements = {QJsonValue(), QJsonValue(-1), QJsonValue(1.5), QJsonValue(1e300),
                                                QJsonValue(QStringLiteral("'; DROP TABLE processes; --")), QJsonValue(QJsonArray{1}),
                                                QJsonValue(QJsonObject{{QStringLiteral("x"), 1}}), QJsonValue(true)};
        int refused = 0;
        int accepted = 0;
        std::mt19937_64 random(7);
        for (int round = 0; round < 400; ++round) {
            QJsonValue root(document);
            int countdown = int(random() % 700);
            mutate(root, countdown, replacements.at(qsizetype(random() % replacements.size())));
            QString error;
            std::optional<QList<ResultSetBundle>> parsed = JsonImporter::parse(QJsonDocument(root.toObject()).toJson(), &error);
            if (!parsed) {
                ++refused;
                QVERIFY(!error.isEmpty());
                continue;
            }
            ++accepted;
            // Whatever was accepted is valid: it exports again and parses to the same thing.
            const QByteArray again = JsonExporter::toJson(*parsed);
            QVERIFY(JsonImporter::parse(again, &error));
        }
        QVERIFY(refused > 50);   // most type changes must be caught...
        QVERIFY(accepted > 10);  // ...while free-form fields (extra, environment) accept anything
        QCOMPARE(sha256(target.path), target.digest);
    }

    void aNewerSchemaVersionSaysSo()
    {
        Target target;
        QByteArray json = validExport();
        json.replace("\"schema_version\": 1", "\"schema_version\": 2");
        QString error;
        QVERIFY(target.refuses(json, &error));
        QVERIFY2(error.contains(QLatin1String("newer Showdown")) && error.contains(QLatin1String("version 2")), qPrintable(error));
        json.replace("\"schema_version\": 2", "\"schema_version\": \"1\"");
        QVERIFY(target.refuses(json, &error));
        QVERIFY2(error.contains(QLatin1String("schema_version")), qPrintable(error));
        QCOMPARE(sha256(target.path), target.digest);
    }

    void aHugeFileIsRefusedBeforeReading()
    {
        Target target;
        const QString huge = target.dir.filePath(QStringLiteral("huge.json"));
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // 100 MB of a real-looking start: a whitespace-padded export.
        QVERIFY(file.write(validExport().left(200)) > 0);
        QVERIFY(file.resize(100 * 1024 * 1024));
        file.close();
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!JsonImporter::readFile(huge, &error));
        QVERIFY2(error.contains(QLatin1String("100 MB")) && error.contains(QLatin1String("refused")), qPrintable(error));
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(sha256(target.path), target.digest);
    }

    void hostileTextIsStoredAsInertText()
    {
        Target target;
        ResultSetBundle hostile = bundle(QStringLiteral("'); DROP TABLE result_sets; --"));
        hostile.info.notes = QStringLiteral("<img src=x onerror=alert(1)><script>document.write('x')</script>");
        hostile.info.suite = QStringLiteral("quick\"; DELETE FROM samples; --");
        hostile.samples[0].benchmark = QStringLiteral("nbody'); DELETE FROM processes; --");
        hostile.samples[0].stderrTail = QString::fromUtf8("\xe2\x80\xae reversed \x01\x02 control");
        hostile.runtimes[0].path = QStringLiteral("$(rm -rf /)");
        QString error;
        QVERIFY2(!target.refuses(JsonExporter::toJson({hostile}), &error), qPrintable(error));
        ResultStore store;
        QVERIFY(store.open(target.path, &error));
        QCOMPARE(store.resultSets().size(), 2);
        const auto back = ResultSetBundle::fromStore(store, store.resultSetIdForUuid(hostile.info.uuid), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->info.name, hostile.info.name);
        QCOMPARE(back->info.notes, hostile.info.notes);
        QCOMPARE(back->info.suite, hostile.info.suite);
        QCOMPARE(back->samples.at(0).benchmark, hostile.samples.at(0).benchmark);
        QCOMPARE(back->samples.at(0).stderrTail, hostile.samples.at(0).stderrTail);
        QCOMPARE(back->runtimes.at(0).path, hostile.runtimes.at(0).path);
        QCOMPARE(back->samples.size(), hostile.samples.size());
    }

    void badValuesNameTheirPath()
    {
        QJsonObject document = QJsonDocument::fromJson(validExport()).object();
        QJsonArray sets = document.value(QLatin1String("result_sets")).toArray();
        QJsonObject set = sets.at(0).toObject();
        QJsonArray processes = set.value(QLatin1String("processes")).toArray();
        QJsonObject process = processes.at(3).toObject();
        process.insert(QStringLiteral("iterations_ns"), QJsonArray{1, 2, -3});
        processes[3] = process;
        set.insert(QStringLiteral("processes"), processes);
        sets[0] = set;
        document.insert(QStringLiteral("result_sets"), sets);
        QString error;
        QVERIFY(!JsonImporter::parse(QJsonDocument(document).toJson(), &error));
        QCOMPARE(error, QStringLiteral("result_sets[0].processes[3].iterations_ns[2] must be a whole number not below 0"));

        set = QJsonDocument::fromJson(validExport()).object().value(QLatin1String("result_sets")).toArray().at(0).toObject();
        set.insert(QStringLiteral("uuid"), QStringLiteral("not-a-uuid"));
        sets[0] = set;
        document.insert(QStringLiteral("result_sets"), sets);
        QVERIFY(!JsonImporter::parse(QJsonDocument(document).toJson(), &error));
        QVERIFY2(error.contains(QLatin1String("uuid")), qPrintable(error));
    }

    void brokenShowdownFilesAreRefusedAndUntouched()
    {
        Target target;
        const QString good = target.dir.filePath(QStringLiteral("good.showdown"));
        QString error;
        QVERIFY(ResultSetFile::save(good, {bundle(QStringLiteral("a"))}, &error));
        QFile source(good);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        std::mt19937_64 random(99);
        int refused = 0;
        for (int round = 0; round < 40; ++round) {
            QByteArray broken = bytes;
            if (round % 2 == 0) {
                broken.truncate(qsizetype(random() % quint64(bytes.size())));
            } else {
                for (int flips = 0; flips < 20; ++flips)
                    broken[qsizetype(random() % quint64(bytes.size()))] = char(random() & 0xff);
            }
            const QString path = target.dir.filePath(QStringLiteral("broken-%1.showdown").arg(round));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(broken);
            file.close();
            const QByteArray before = sha256(path);
            if (!ResultSetFile::load(path, &error)) {
                ++refused;
                QVERIFY(!error.isEmpty());
            }
            QCOMPARE(sha256(path), before);  // opening never writes, not even to a broken file
        }
        QVERIFY(refused > 20);
        QCOMPARE(sha256(target.path), target.digest);
    }
};

QTEST_GUILESS_MAIN(FuzzImportTest)
#include "FuzzImportTest.moc"
