// Tests for the sourced datasets: lenient loading that reports bad rows by file and line, the shipped
// files, and the strict import that either replaces a dataset whole or changes nothing.
#include "DatasetCatalog.h"
#include "DatasetTable.h"
#include "ResourceLocator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace showdown;

namespace {

const DatasetSchema &ecosystemSchema()
{
    static const DatasetSchema schema = DatasetSchema::shipped().at(1);
    return schema;
}

const QByteArray kHeader = "metric,subject,date,value,unit,source_title,source_url,notes\n";

void write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

/// Imports one well-formed ecosystem row into `userDir`, the state the import tests start from.
QString importGoodFile(const QTemporaryDir &dir, const QString &userDir)
{
    const QString candidate = dir.filePath(QStringLiteral("newer.csv"));
    write(candidate, kHeader + "npm total packages,npm,2030-01-01,9000000,packages,Future report,https://x.test/future,\n");
    QString stored;
    QString error;
    if (!DatasetCatalog::importFile(candidate, userDir, &stored, &error))
        qWarning("import failed: %s", qPrintable(error));
    return stored;
}

} // namespace

class DatasetTableTest : public QObject {
    Q_OBJECT
private slots:
    void parsesQuotedFields()
    {
        const DatasetTable table = DatasetTable::parse(
            kHeader + "npm total packages,npm,2020-09-14,1300000,\"packages (lower bound: 'over 1.3 million')\",\"A, B\",https://x.test/a,\"say \"\"hi\"\"\"\n",
            QStringLiteral("eco.csv"), ecosystemSchema());
        QVERIFY2(table.issues().isEmpty(), qPrintable(table.issues().join('\n')));
        QCOMPARE(table.rows().size(), 1);
        const DatasetRow &row = table.rows().first();
        QCOMPARE(row.line, 2);
        QCOMPARE(row.field(QStringLiteral("source_title")), QStringLiteral("A, B"));
        QCOMPARE(row.field(QStringLiteral("notes")), QStringLiteral("say \"hi\""));
        QCOMPARE(row.number(QStringLiteral("value")).value(), 1300000.0);
    }

    void malformedRowsAreReportedWithLineAndSkipped()
    {
        const QByteArray text = kHeader
                                + "good,npm,2020,1,u,t,https://x.test,\n"          // line 2
                                  "too,few,fields\n"                                // line 3
                                  "bad value,npm,2020,lots,u,t,https://x.test,\n"  // line 4
                                  "no source,npm,2020,5,u,t,,\n"                   // line 5
                                  "bad date,npm,Sept 2020,5,u,t,https://x.test,\n" // line 6
                                  "\"multi\nline\",npm,2021,7,u,t,https://x.test,\n"  // lines 7-8
                                  "after,npm,2022-01,9,u,t,https://x.test,\n";     // line 9
        const DatasetTable table = DatasetTable::parse(text, QStringLiteral("eco.csv"), ecosystemSchema());
        QCOMPARE(table.rows().size(), 3);
        QCOMPARE(table.rows().at(1).line, 7);
        QCOMPARE(table.rows().at(2).line, 9);
        QCOMPARE(table.issues().size(), 4);
        QVERIFY(table.issues().at(0).startsWith(QStringLiteral("eco.csv:3: 3 fields, expected 8")));
        QVERIFY(table.issues().at(1).startsWith(QStringLiteral("eco.csv:4: value \"lots\" is not a number")));
        QVERIFY(table.issues().at(2).startsWith(QStringLiteral("eco.csv:5: source_url is empty")));
        QVERIFY(table.issues().at(3).startsWith(QStringLiteral("eco.csv:6: date \"Sept 2020\"")));
    }

    void unterminatedQuoteAndWrongHeaderAreReported()
    {
        const DatasetTable open = DatasetTable::parse(kHeader + "a,npm,2020,1,u,t,https://x.test,\nb,\"npm,2021,2\n",
                                                      QStringLiteral("eco.csv"), ecosystemSchema());
        QCOMPARE(open.rows().size(), 1);
        QCOMPARE(open.issues().size(), 1);
        QVERIFY(open.issues().first().contains(QStringLiteral("eco.csv:3: a quoted field is never closed")));

        const DatasetTable wrong = DatasetTable::parse("metric,value\nx,1\n", QStringLiteral("eco.csv"), ecosystemSchema());
        QVERIFY(wrong.rows().isEmpty());
        QVERIFY(wrong.issues().first().startsWith(QStringLiteral("eco.csv:1: header is \"metric,value\"")));

        const DatasetTable missing = DatasetTable::load(QStringLiteral("/nonexistent/eco.csv"), ecosystemSchema());
        QVERIFY(missing.rows().isEmpty());
        QVERIFY(missing.issues().first().contains(QStringLiteral("cannot be read")));
    }

    void shippedDatasetsLoadCleanlyWithSources()
    {
        const DatasetCatalog catalog = DatasetCatalog::load(ResourceLocator::dataDir(), QString());
        QVERIFY2(catalog.issues().isEmpty(), qPrintable(catalog.issues().join('\n')));
        QCOMPARE(catalog.tables().size(), 3);
        for (const QString &name : {QStringLiteral("adoption.csv"), QStringLiteral("ecosystem.csv")}) {
            const DatasetTable *table = catalog.table(name);
            QVERIFY(table);
            QVERIFY(table->rows().size() > 20);
            for (const DatasetRow &row : table->rows())
                QVERIFY2(row.field(QStringLiteral("source_url")).startsWith(QStringLiteral("http")), qPrintable(name + QString::number(row.line)));
        }
        // A figure the verdicts rely on: SO 2023 JavaScript, all respondents.
        const DatasetTable *adoption = catalog.table(QStringLiteral("adoption.csv"));
        QList<DatasetRow> so2023;
        for (const DatasetRow &row : adoption->rows()) {
            if (row.field(QStringLiteral("subject")) == QLatin1String("JavaScript") && row.field(QStringLiteral("year")) == QLatin1String("2023")
                && row.field(QStringLiteral("population")) == QLatin1String("all respondents")
                && row.field(QStringLiteral("metric")).startsWith(QStringLiteral("SO survey usage")))
                so2023 << row;
        }
        QCOMPARE(so2023.size(), 1);
        QCOMPARE(so2023.first().number(QStringLiteral("value")).value(), 63.61);
    }

    void importOverridesTheShippedFileAndResetRestoresIt()
    {
        QTemporaryDir dir;
        const QString userDir = dir.filePath(QStringLiteral("user"));
        const QString stored = importGoodFile(dir, userDir);
        QCOMPARE(stored, userDir + QStringLiteral("/ecosystem.csv"));
        QString error;
        const DatasetCatalog catalog = DatasetCatalog::load(ResourceLocator::dataDir(), userDir);
        QCOMPARE(catalog.table(QStringLiteral("ecosystem.csv"))->rows().size(), 1);
        QCOMPARE(catalog.table(QStringLiteral("ecosystem.csv"))->origin(), stored);
        QVERIFY(catalog.table(QStringLiteral("adoption.csv"))->rows().size() > 20);

        QVERIFY2(DatasetCatalog::resetImport(QStringLiteral("ecosystem.csv"), userDir, &error), qPrintable(error));
        QVERIFY(DatasetCatalog::load(ResourceLocator::dataDir(), userDir).table(QStringLiteral("ecosystem.csv"))->rows().size() > 20);
        QVERIFY(!DatasetCatalog::resetImport(QStringLiteral("ecosystem.csv"), userDir, &error));
        QVERIFY(!DatasetCatalog::resetImport(QStringLiteral("other.csv"), userDir, &error));
        QVERIFY(error.contains(QStringLiteral("not a shipped dataset")));
    }

    void badImportsAreRefusedAndChangeNothing()
    {
        QTemporaryDir dir;
        const QString userDir = dir.filePath(QStringLiteral("user"));
        QString stored = importGoodFile(dir, userDir);
        QVERIFY(!stored.isEmpty());
        QString error;
        const QByteArray before = [&] { QFile f(stored); return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(); }();

        const QString unsourced = dir.filePath(QStringLiteral("unsourced.csv"));
        write(unsourced, kHeader + "npm total packages,npm,2031-01-01,9500000,packages,Future,,\n");
        QVERIFY(!DatasetCatalog::importFile(unsourced, userDir, &stored, &error));
        QVERIFY2(error.contains(QStringLiteral("unsourced.csv:2: source_url is empty")), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("nothing changed")));

        const QString unknown = dir.filePath(QStringLiteral("unknown.csv"));
        write(unknown, "a,b\n1,2\n");
        QVERIFY(!DatasetCatalog::importFile(unknown, userDir, &stored, &error));
        QVERIFY2(error.contains(QStringLiteral("matches no shipped dataset")), qPrintable(error));

        const QString empty = dir.filePath(QStringLiteral("empty.csv"));
        write(empty, kHeader);
        QVERIFY(!DatasetCatalog::importFile(empty, userDir, &stored, &error));
        QVERIFY(error.contains(QStringLiteral("no rows")));

        QVERIFY(!DatasetCatalog::importFile(dir.filePath(QStringLiteral("absent.csv")), userDir, &stored, &error));
        QVERIFY(error.contains(QStringLiteral("cannot read")));

        QFile after(userDir + QStringLiteral("/ecosystem.csv"));
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    void unusableImportFallsBackToShippedWithAnIssue()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("adoption.csv")), "broken header\n");
        const DatasetCatalog catalog = DatasetCatalog::load(ResourceLocator::dataDir(), dir.path());
        QVERIFY(catalog.table(QStringLiteral("adoption.csv"))->rows().size() > 20);
        QCOMPARE(catalog.issues().size(), 1);
        QVERIFY(catalog.issues().first().contains(QStringLiteral("imported file has no usable rows")));
    }
};

QTEST_GUILESS_MAIN(DatasetTableTest)
#include "DatasetTableTest.moc"
