// PDF reports of a real quick-suite result set, checked the way a reader would with poppler: page count,
// every section title, every benchmark, the same medians `showdown show --json` prints, and charts drawn
// as vectors (no raster image in the file). Then a comparison report and a refused reference.

#include "CommandRun.h"
#include "ExchangeFixtures.h"
#include "Format.h"
#include "ReportExport.h"
#include "ResultSetFile.h"
#include "ResultStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = CommandRun;

/// A command's output, as a PDF viewer's search reads it.
Run run(const QString &program, const QStringList &arguments, int timeoutMs = 600000)
{
    Run result = runCommand(program, arguments, timeoutMs);
    // DejaVu Sans draws "fi", "ff" and "fl" as ligature glyphs, which pdftotext reports as U+FB00..U+FB04;
    // spelled out again here, as a PDF viewer's search does.
    const std::pair<char16_t, const char *> ligatures[] = {{0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"}, {0xFB04, "ffl"}};
    for (const auto &[ligature, letters] : ligatures)
        result.out.replace(QChar(ligature), QLatin1String(letters));
    return result;
}

QString binary()
{
    return qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
}

int pages(const QString &pdf)
{
    const Run info = run(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info.out);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class ReportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_id;

private slots:
    void initTestCase()
    {
        for (const char *tool : {"pdfinfo", "pdftotext", "pdfimages"})
            QVERIFY2(run(QString::fromLatin1(tool), {QStringLiteral("-v")}).code == 0 || QFileInfo::exists(QStringLiteral("/usr/bin/") + QLatin1String(tool)),
                     "poppler-utils is needed (bootstrap.sh installs it)");
        m_db = m_dir.filePath(QStringLiteral("results.sqlite"));
        const Run suite = run(binary(), {QStringLiteral("run"), QStringLiteral("--suite"), QStringLiteral("quick"), QStringLiteral("--db"), m_db,
                                           QStringLiteral("--json")});
        QVERIFY2(suite.code == 0, qPrintable(suite.err));
        m_id = QString::number(QJsonDocument::fromJson(suite.out.toUtf8()).object().value(QLatin1String("result_set")).toInteger());
        QVERIFY(m_id.toInt() > 0);
    }

    void reportHasEverySectionBenchmarkAndMedian()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const Run report = run(binary(), {QStringLiteral("report"), m_id, QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        const int count = pages(pdf);
        QVERIFY2(count >= 6, qPrintable(QString::number(count)));
        QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).out.contains(QLatin1String("A4")));

        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}).out;
        for (const char *title : {"Node.js vs Python, measured", "Contents", "Summary", "Claims", "Performance", "Distributions", "Memory and start-up",
                                  "Methodology", "Environment", "Data sources"})
            QVERIFY2(text.contains(QLatin1String(title)), title);
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(count)));
        // The jit verdict (code-bound kernels) with the library-bound finding beside it.
        QVERIFY(text.contains(QLatin1String("Claim jit")));
        QVERIFY(text.contains(QLatin1String("Beside it: Library-bound kernels")));
        // The Claims section: each claim's verdict with its evidence table (the evidence dialog's columns).
        QVERIFY(text.contains(QLatin1String("The article:")));
        QVERIFY(text.contains(QLatin1String("Beside it (not part of the verdict): Library-bound kernels")));

        const QJsonObject shown = QJsonDocument::fromJson(
                                      run(binary(), {QStringLiteral("show"), m_id, QStringLiteral("--db"), m_db, QStringLiteral("--json")}).out.toUtf8())
                                      .object();
        // The line under the title appears exactly when the set is flagged (a shared machine usually is).
        const bool flagged = shown.value(QLatin1String("result_set")).toObject().value(QLatin1String("foreign_load")).toObject().value(QLatin1String("flagged")).toBool();
        QCOMPARE(text.contains(QLatin1String("Measured under foreign load")), flagged);
        const QJsonArray rows = shown.value(QLatin1String("rows")).toArray();
        QVERIFY(rows.size() >= 10);
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            const QString benchmark = row.value(QLatin1String("benchmark")).toString();
            QVERIFY2(text.contains(benchmark), qPrintable(benchmark));
            if (row.value(QLatin1String("median_ns")).isDouble()) {
                const QString median = showdown::Format::duration(row.value(QLatin1String("median_ns")).toDouble());
                // The table row: benchmark (with its variant, which may wrap), runtime, n, then the median.
                const QRegularExpression line(QStringLiteral("%1[^\\n]*\\s%2\\s+%3\\s+%4")
                                                  .arg(QRegularExpression::escape(benchmark),
                                                       QRegularExpression::escape(row.value(QLatin1String("runtime")).toString()))
                                                  .arg(row.value(QLatin1String("n")).toInteger())
                                                  .arg(QRegularExpression::escape(median)));
                QVERIFY2(line.match(text).hasMatch(), qPrintable(QStringLiteral("%1 on %2: %3").arg(benchmark, row.value(QLatin1String("runtime")).toString(), median)));
            }
        }
        // Each comparison's ratio as `show --json` computed it.
        for (const QJsonValue &value : shown.value(QLatin1String("comparisons")).toArray()) {
            const double ratio = value.toObject().value(QLatin1String("ratio")).toDouble();
            QVERIFY2(text.contains(QString::number(ratio, 'f', 3)), qPrintable(QString::number(ratio, 'f', 3)));
        }

        // Charts are vector drawings: pdfimages finds no image at all (its listing is the two header lines).
        const QStringList images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(images.size(), 2);
        QVERIFY(images.first().startsWith(QLatin1String("page")));
    }

    void contentsPointAtTheRightPages()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("contents.pdf"));
        QCOMPARE(run(binary(), {QStringLiteral("report"), m_id, QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf}).code, 0);
        const QString contents = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"),
                                                                   QStringLiteral("2"), QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                                     .out;
        for (const char *section : {"Performance", "Methodology", "Data sources"}) {
            const QRegularExpressionMatch entry = QRegularExpression(QStringLiteral("%1[ .]+(\\d+)").arg(QLatin1String(section))).match(contents);
            QVERIFY2(entry.hasMatch(), section);
            const QString page = entry.captured(1);
            const QString onPage = run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), page, QStringLiteral("-l"), page, pdf, QStringLiteral("-")}).out;
            QVERIFY2(onPage.contains(QLatin1String(section)), qPrintable(QStringLiteral("%1 not on page %2").arg(QLatin1String(section), page)));
        }
    }

    void serverPagesDrawEachEndpointApartWithWholeNames()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("servers.pdf"));
        QCOMPARE(run(binary(), {QStringLiteral("report"), m_id, QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf}).code, 0);
        const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out;
        const qsizetype concurrency = text.indexOf(QLatin1String("HTTP servers on loopback, one endpoint at a time"));
        const qsizetype realtime = text.indexOf(QLatin1String("A WebSocket chat room: every message"));
        const qsizetype methodology = text.indexOf(QLatin1String("Methodology"), realtime);
        QVERIFY(concurrency > 0 && realtime > concurrency && methodology > realtime);
        // Whitespace made single: a name may wrap inside a table cell.
        const QString http = text.mid(concurrency, realtime - concurrency).simplified();
        const QString chat = text.mid(realtime, methodology - realtime).simplified();
        // QtCharts cuts a label that does not fit to "name…" (pdftotext may read the ellipsis as three dots).
        for (const QString &section : {http, chat})
            QVERIFY2(!section.contains(QChar(0x2026)) && !section.contains(QLatin1String("...")), "a legend or label was cut short");

        const QJsonObject shown = QJsonDocument::fromJson(
                                      run(binary(), {QStringLiteral("show"), m_id, QStringLiteral("--db"), m_db, QStringLiteral("--json")}).out.toUtf8())
                                      .object();
        QSet<QString> scaled;  // servers run at several worker counts (cluster) belong to Scaling
        for (const QJsonValue &value : shown.value(QLatin1String("load_rows")).toArray()) {
            if (value.toObject().value(QLatin1String("workers")).toInt() > 1)
                scaled.insert(value.toObject().value(QLatin1String("server")).toString());
        }
        QMap<QString, QStringList> serversByEndpoint;
        QStringList chatServers;
        for (const QJsonValue &value : shown.value(QLatin1String("load_rows")).toArray()) {
            const QJsonObject row = value.toObject();
            const QString name = QStringLiteral("%1 (%2)").arg(row.value(QLatin1String("server")).toString(), row.value(QLatin1String("runtime")).toString());
            if (row.value(QLatin1String("kind")).toString() == QLatin1String("chat"))
                chatServers.append(name);
            else if (row.value(QLatin1String("kind")).toString() == QLatin1String("http") && !scaled.contains(row.value(QLatin1String("server")).toString()))
                serversByEndpoint[row.value(QLatin1String("endpoint")).toString()].append(name);
        }
        QVERIFY(!serversByEndpoint.isEmpty());
        QVERIFY(!chatServers.isEmpty());
        for (auto it = serversByEndpoint.begin(); it != serversByEndpoint.end(); ++it) {
            // One chart per endpoint (split evenly beyond eight servers), every server named whole in its legend.
            const qsizetype servers = QSet<QString>(it.value().begin(), it.value().end()).size();
            const qsizetype charts = (servers + 7) / 8;
            const QString title = QStringLiteral("%1: throughput against connections (higher is better)").arg(it.key());
            QCOMPARE(http.count(title), charts);
            for (const QString &name : it.value())
                QVERIFY2(http.count(name) >= 2, qPrintable(name));  // both line charts' legends (and the table)
        }
        for (const QString &name : chatServers) {
            QVERIFY2(!http.contains(name), qPrintable(name));  // the chat room is never on an HTTP chart
            QVERIFY2(chat.contains(name), qPrintable(name));
        }
    }

    void comparisonReportAgainstASavedFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("copy.showdown"));
        QCOMPARE(run(binary(), {QStringLiteral("export"), m_id, QStringLiteral("--db"), m_db, QStringLiteral("--showdown"), file}).code, 0);
        const QString pdf = m_dir.filePath(QStringLiteral("vs.pdf"));
        const Run report = run(binary(), {QStringLiteral("report"), m_id, QStringLiteral("--vs"), file, QStringLiteral("--db"), m_db,
                                            QStringLiteral("--pdf"), pdf});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        QVERIFY(pages(pdf) >= 3);
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}).out;
        for (const char *title : {"Result set comparison", "Summary", "Changes", "Environment differences", "Methodology", "Data sources"})
            QVERIFY2(text.contains(QLatin1String(title)), title);
        // The same set against itself: every ratio is exactly 1 and nothing is flagged.
        QVERIFY(text.contains(QLatin1String("significantly faster in 0 and slower in 0")));
        QVERIFY(!text.contains(QLatin1String("▲ slower")) && !text.contains(QLatin1String("▼ faster")));
        QVERIFY(text.count(QLatin1String("1.000 [")) >= 10);
        QCOMPARE(run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
    }

    void theWindowsExportWritesBothFilesInTheBackground()
    {
        // The window's path: a set in its database (with server load points, so the Concurrency section is
        // drawn), exported by the CLI's own verbs in a child process.
        showdown::ResultSetBundle set = showdown::fixtures::bundle(QStringLiteral("window"));
        set.samples.append(showdown::fixtures::serverSample(QStringLiteral("node")));
        set.samples.append(showdown::fixtures::serverSample(QStringLiteral("python3")));
        const QString database = m_dir.filePath(QStringLiteral("window.sqlite"));
        {
            showdown::ResultStore store;
            QString error;
            QVERIFY2(store.open(database, &error), qPrintable(error));
            QVERIFY2(store.importResultSets({set}, &error), qPrintable(error));
        }
        const QString pdf = m_dir.filePath(QStringLiteral("window.pdf"));
        const QString file = m_dir.filePath(QStringLiteral("window.showdown"));
        const QString html = m_dir.filePath(QStringLiteral("window.html"));
        QObject context;
        QStringList outcomes;
        using showdown::ReportExport;
        ReportExport::write(ReportExport::Format::Pdf, database, set.info.uuid, pdf, &context,
                            [&](const QString &error) { outcomes.append(QStringLiteral("pdf:") + error); });
        ReportExport::write(ReportExport::Format::Showdown, database, set.info.uuid, file, &context,
                            [&](const QString &error) { outcomes.append(QStringLiteral("file:") + error); });
        ReportExport::write(ReportExport::Format::Html, database, set.info.uuid, html, &context,
                            [&](const QString &error) { outcomes.append(QStringLiteral("html:") + error); });
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 3, 60000);
        QVERIFY2(outcomes.contains(QStringLiteral("pdf:")) && outcomes.contains(QStringLiteral("file:")) && outcomes.contains(QStringLiteral("html:")),
                 qPrintable(outcomes.join(QLatin1Char(' '))));
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString markup = QString::fromUtf8(page.readAll());
        QVERIFY(markup.contains(QLatin1String(">Concurrency</h2>")));
        QVERIFY(markup.contains(QLatin1String("&lt;script&gt;alert('notes')&lt;/script&gt;")));  // the notes, as text
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}).out;
        QVERIFY(text.contains(QLatin1String("Concurrency")));
        QVERIFY(text.contains(QLatin1String("http-server")));
        QVERIFY(text.contains(QLatin1String("<script>alert('notes')</script>")));  // notes are printed as text, never markup
        QCOMPARE(run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
        QString error;
        const auto loaded = showdown::ResultSetFile::load(file, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->first().info.uuid, set.info.uuid);
        QCOMPARE(loaded->first().samples.last().points.size(), 2);

        // A set the database does not hold is a clear error from the child, and no file appears.
        const QString missing = m_dir.filePath(QStringLiteral("missing.pdf"));
        QString failure;
        bool ended = false;
        ReportExport::write(ReportExport::Format::Pdf, database, QStringLiteral("00000000-0000-0000-0000-000000000000"), missing, &context,
                            [&](const QString &problem) { failure = problem; ended = true; });
        QTRY_VERIFY_WITH_TIMEOUT(ended, 60000);
        QVERIFY2(failure.contains(QLatin1String("exit code 1")), qPrintable(failure));
        QVERIFY(!QFileInfo::exists(missing));
    }

    void htmlOfTheRealSetRendersInChromium()
    {
        // Both files in one call; the page has the PDF's sections and draws every chart kind a quick set has
        // (bars, boxes, ratios, server lines, capacity bars, chat, speed-up) with no console error or request.
        const QString pdf = m_dir.filePath(QStringLiteral("both.pdf"));
        const QString html = m_dir.filePath(QStringLiteral("both.html"));
        const Run report = run(binary(), {QStringLiteral("report"), m_id, QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf,
                                            QStringLiteral("--html"), html});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        QVERIFY(report.err.contains(QStringLiteral("Wrote %1").arg(pdf)) && report.err.contains(QStringLiteral("Wrote %1").arg(html)));
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString markup = QString::fromUtf8(page.readAll());
        for (const char *title : {"Summary", "Claims", "Performance", "Distributions", "Memory and start-up", "Concurrency", "Real-time",
                                  "Methodology", "Environment", "Data sources"})
            QVERIFY2(markup.contains(QStringLiteral(">%1</h2>").arg(QLatin1String(title))), title);
        const qsizetype charts = markup.count(QLatin1String("<figure class=\"chart\""));
        QVERIFY(charts >= 10);
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        QVERIFY2(!chromium.isEmpty(), "chromium is not installed: packaging/bootstrap.sh installs it (apt-get install chromium)");
        const Run check = run(QStandardPaths::findExecutable(QStringLiteral("node")),
                              {QStringLiteral(SHOWDOWN_TESTS_DIR "/browser/check_html_report.js"), html, QString::number(charts), chromium}, 120000);
        QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
    }

    void unknownSetsAndMissingOptionsAreRefused()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("none.pdf"));
        const Run missing = run(binary(), {QStringLiteral("report"), QStringLiteral("9999"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains(QLatin1String("no result set 9999")), qPrintable(missing.err));
        QVERIFY(!QFileInfo::exists(pdf));
        const Run usage = run(binary(), {QStringLiteral("report"), m_id, QStringLiteral("--db"), m_db});
        QCOMPARE(usage.code, 2);
        QVERIFY(usage.err.contains(QLatin1String("--pdf")) && usage.err.contains(QLatin1String("--html")));
    }
};

QTEST_MAIN(ReportTest)
#include "ReportTest.moc"
