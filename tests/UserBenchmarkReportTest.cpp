// The "Your benchmarks" section of the PDF and HTML reports (issue 15): a real run of the CPU example (copied under a
// long folder name, so its path must wrap) is reported by `showdown report`, and the paper (poppler's pdftotext) and
// the page (as text, then in Debian's headless Chromium) must show the definition file (path, SHA-256), every declared
// field of its benchmark with the commands as declared, and its results with the same figures as `show --json`.
// A set without user benchmarks has no such section. The server half is drawn from the HTTP example's definitions
// and load rows of the built-in server code path (ServerReport), named after the example's server.

#include "CommandRun.h"
#include "ExchangeFixtures.h"
#include "Format.h"
#include "ReportWriter.h"
#include "ResourceLocator.h"
#include "ResultStore.h"
#include "ServerRows.h"
#include "UserBenchmarkReport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace showdown;

namespace {

QString showdownBinary()
{
    return qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown");
}

/// A definition file as a result set stores it (path, SHA-256 of the bytes, the bytes).
StoredDefinitionFile stored(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = file.readAll();
    return {path, StoredDefinitionFile::sha256Of(text), text};
}

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString &name : QDir(from).entryList(QDir::Files)) {
        if (!QFile::copy(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name))
            return false;
    }
    return true;
}

/// The PDF's text (poppler), its ligatures (ﬁ, ﬂ) spelt out.
QString pdfText(const QString &path)
{
    const CommandRun text = runCommand(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}, 60000);
    if (text.code != 0)
        return {};
    return QString(text.out).replace(QChar(0xFB01), QLatin1String("fi")).replace(QChar(0xFB02), QLatin1String("fl")).replace(QChar(0xFB00), QLatin1String("ff"));
}

/// Where the next section starts: a heading line on paper, a level-1 heading on the page.
const QRegularExpression kNextOnPaper(QStringLiteral("\n\\s*Performance\\s*\n"));
const QRegularExpression kNextOnPage(QStringLiteral("<h2 id=\"section-"));

/// Text without any whitespace: a path or a digest wrapped over lines on paper reads back whole.
QString squeezed(const QString &text)
{
    return QString(text).remove(QRegularExpression(QStringLiteral("\\s+")));
}

/// The part of a report's text from the "Your benchmarks" heading (after the contents) to the next section.
QString section(const QString &text, const QRegularExpression &next)
{
    const qsizetype contents = text.indexOf(QLatin1String("Your benchmarks"));
    const qsizetype start = text.indexOf(QLatin1String("Your benchmarks"), contents + 1);
    if (contents < 0 || start < 0)
        return {};
    const qsizetype end = text.indexOf(next, start);
    return text.mid(start, end < 0 ? -1 : end - start);
}

} // namespace

class UserBenchmarkReportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_folder;      ///< the CPU example, copied under a long folder name
    QString m_database;
    QString m_setId;
    QJsonObject m_show;    ///< `show --json` of the run
    QString m_pdf, m_html; ///< the reports' text

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // To look at the reports (pdftoppm, a browser): SHOWDOWN_KEEP_REPORTS=1 keeps the folder and names it.
        if (qEnvironmentVariableIsSet("SHOWDOWN_KEEP_REPORTS")) {
            m_dir.setAutoRemove(false);
            qInfo("reports kept in %s", qPrintable(m_dir.path()));
        }
        m_folder = m_dir.filePath(QStringLiteral("a-team-project-with-a-rather-long-folder-name/benchmarks-for-the-showdown/cpu-pair"));
        QVERIFY(copyFolder(ResourceLocator::resourcesDir() + QStringLiteral("/examples/cpu-pair"), m_folder));
        m_database = m_dir.filePath(QStringLiteral("results.sqlite"));
        const CommandRun run = runCommand(showdownBinary(), {QStringLiteral("run"), QStringLiteral("--benchmarks"), m_folder, QStringLiteral("--runs"),
                                                             QStringLiteral("2"), QStringLiteral("--db"), m_database, QStringLiteral("--no-wait"),
                                                             QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        m_setId = QString::number(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("result_set")).toInteger());
        const CommandRun show = runCommand(showdownBinary(), {QStringLiteral("show"), m_setId, QStringLiteral("--db"), m_database, QStringLiteral("--json")});
        QVERIFY2(show.code == 0, qPrintable(show.err));
        m_show = QJsonDocument::fromJson(show.out.toUtf8()).object();
        QCOMPARE(m_show.value(QLatin1String("rows")).toArray().size(), 2);
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        const CommandRun report = runCommand(showdownBinary(), {QStringLiteral("report"), m_setId, QStringLiteral("--db"), m_database,
                                                                QStringLiteral("--pdf"), pdf, QStringLiteral("--html"), html});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        m_pdf = pdfText(pdf);
        QVERIFY2(!m_pdf.isEmpty(), "pdftotext (poppler-utils) is needed");
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        m_html = QString::fromUtf8(page.readAll());
    }

    /// The file and every declared field of its benchmark, on paper and on the page.
    void showsTheDefinitionFile()
    {
        const StoredDefinitionFile file = stored(m_folder + QStringLiteral("/showdown.json"));
        QVERIFY(!file.text.isEmpty());
        const QString paper = section(m_pdf, kNextOnPaper);
        const QString page = section(m_html, kNextOnPage);
        QVERIFY2(!paper.isEmpty(), qPrintable(m_pdf.left(3000)));
        QVERIFY(!page.isEmpty());
        const QString heading = UserBenchmarkReport::fileHeading(file);
        QVERIFY(heading.contains(file.sha256.left(UserBenchmarkReport::kShortSha)));
        QVERIFY2(paper.contains(heading), qPrintable(paper.left(2000)));
        QVERIFY(page.contains(QStringLiteral("<h3>Definition file %1</h3>").arg(heading.toHtmlEscaped())));
        // The long path wraps on paper (anywhere in its cell) and reads back whole; the whole digest too.
        QVERIFY2(squeezed(paper).contains(squeezed(file.path)), qPrintable(paper.left(2000)));
        QVERIFY(squeezed(paper).contains(file.sha256));
        QVERIFY(page.contains(QStringLiteral("<td>%1</td>").arg(file.path.toHtmlEscaped())));
        QVERIFY(page.contains(QStringLiteral("<td>%1</td>").arg(file.sha256)));
        // Every field the file declares, the commands with their placeholders.
        const QJsonObject declared = QJsonDocument::fromJson(file.text).object().value(QLatin1String("benchmarks")).toArray().first().toObject();
        for (const QString &text : {declared.value(QLatin1String("name")).toString(), declared.value(QLatin1String("category")).toString(),
                                    QStringLiteral("{runtime} primes.js {size}"), QStringLiteral("{runtime} primes.py {size}"),
                                    QStringLiteral("exactly \"17984\\n\""), QStringLiteral("200000: replaces {size}"), QStringLiteral("10 processes per runtime"),
                                    QStringLiteral("60 s per process"), QStringLiteral("program timed as a whole process")}) {
            QVERIFY2(paper.simplified().contains(text), qPrintable(text));
            QVERIFY2(page.contains(text.toHtmlEscaped()), qPrintable(text));
        }
        QVERIFY(paper.simplified().contains(declared.value(QLatin1String("description")).toString()));
        QVERIFY(page.contains(declared.value(QLatin1String("description")).toString().toHtmlEscaped()));
    }

    /// Its results with the statistics of the built-ins, figure for figure those of `show --json`.
    void showsTheResultsOfShowJson()
    {
        const QString paper = section(m_pdf, kNextOnPaper).simplified();
        const QString page = section(m_html, kNextOnPage);
        QVERIFY(paper.contains(QLatin1String("Results of your programs")));
        int checked = 0;
        for (const QJsonValue &value : m_show.value(QLatin1String("rows")).toArray()) {
            const QJsonObject row = value.toObject();
            QCOMPARE(row.value(QLatin1String("benchmark")).toString(), QStringLiteral("primes"));
            for (const char *key : {"median_ns", "sd_ns", "min_ns", "max_ns"}) {
                const QString figure = Format::duration(row.value(QLatin1String(key)).toDouble());
                QVERIFY2(paper.contains(figure), qPrintable(QStringLiteral("%1 %2 on paper").arg(QLatin1String(key), figure)));
                QVERIFY2(page.contains(QStringLiteral(">%1</td>").arg(figure)), qPrintable(QStringLiteral("%1 %2 on the page").arg(QLatin1String(key), figure)));
                ++checked;
            }
        }
        const QJsonArray comparisons = m_show.value(QLatin1String("comparisons")).toArray();
        QCOMPARE(comparisons.size(), 1);
        const QJsonObject c = comparisons.first().toObject();
        const QString interval = QStringLiteral("%1 [%2, %3]")
                                     .arg(c.value(QLatin1String("ratio")).toDouble(), 0, 'f', 3)
                                     .arg(c.value(QLatin1String("ci_low")).toDouble(), 0, 'f', 3)
                                     .arg(c.value(QLatin1String("ci_high")).toDouble(), 0, 'f', 3);
        QVERIFY2(paper.contains(interval), qPrintable(interval));
        QVERIFY(page.contains(interval));
        QVERIFY(paper.contains(Format::pValue(c.value(QLatin1String("p_holm")).toDouble())));
        QCOMPARE(checked, 8);
        // The charts of the section: median bars and the ratio, the window's charts.
        QVERIFY(page.count(QLatin1String("<figure class=\"chart\"")) >= 2);
        QVERIFY(page.contains(QLatin1String("Median time per benchmark")));
        QVERIFY(page.contains(QLatin1String("time ratio")));
    }

    /// The rows are also where the window shows them (Performance, for a cpu program), and the section is in the
    /// contents, after the Summary and before Performance.
    void alsoUnderItsCategoryAndInTheContents()
    {
        const QRegularExpressionMatch heading = kNextOnPaper.match(m_pdf, m_pdf.indexOf(QLatin1String("Your benchmarks"), m_pdf.indexOf(QLatin1String("Your benchmarks")) + 1));
        QVERIFY(heading.hasMatch());
        const QString after = m_pdf.mid(heading.capturedStart()).simplified();
        const QString median = Format::duration(m_show.value(QLatin1String("rows")).toArray().first().toObject().value(QLatin1String("median_ns")).toDouble());
        QVERIFY2(after.contains(QStringLiteral("primes")) && after.contains(median), "the Performance section lists the user's cpu program");
        // In the contents after the Summary (and the Claims, judged on whatever the set holds), before Performance.
        const qsizetype nav = m_html.indexOf(QLatin1String("<nav class=\"contents\">"));
        const QString contents = m_html.mid(nav, m_html.indexOf(QLatin1String("</nav>"), nav) - nav);
        const qsizetype summary = contents.indexOf(QLatin1String("\">Summary</a>"));
        const qsizetype yours = contents.indexOf(QLatin1String("\">Your benchmarks</a>"));
        const qsizetype performance = contents.indexOf(QLatin1String("\">Performance</a>"));
        QVERIFY2(summary > 0 && yours > summary && performance > yours, qPrintable(contents));
        const QStringList lines = m_pdf.left(m_pdf.indexOf(QLatin1String("Performance")) + 11).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QLatin1String("Your benchmarks")), "the PDF's contents list the section");
    }

    void rendersInChromium()
    {
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        QVERIFY2(!chromium.isEmpty(), "chromium is not installed: packaging/bootstrap.sh installs it (apt-get install chromium)");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY(!node.isEmpty());
        const qsizetype charts = m_html.count(QLatin1String("<figure class=\"chart\""));
        const CommandRun check = runCommand(node, {QStringLiteral(SHOWDOWN_TESTS_DIR "/browser/check_html_report.js"), m_dir.filePath(QStringLiteral("report.html")),
                                                   QString::number(charts), chromium}, 120000);
        const QJsonObject seen = QJsonDocument::fromJson(check.out.toUtf8()).object();
        QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
        QVERIFY2(seen.value(QLatin1String("problems")).toArray().isEmpty(), qPrintable(check.out));
        QCOMPARE(seen.value(QLatin1String("charts")).toInt(), int(charts));
    }

    /// A set of built-in benchmarks only (no stored definition file): no such section, on paper or on the page.
    void noSectionWithoutUserBenchmarks()
    {
        const ResultSetBundle set = fixtures::bundle(QStringLiteral("built-in only"));
        const QString database = m_dir.filePath(QStringLiteral("builtin.sqlite"));
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(database, &error), qPrintable(error));
            QVERIFY2(store.importResultSets({set}, &error), qPrintable(error));
        }
        const QString pdf = m_dir.filePath(QStringLiteral("builtin.pdf"));
        const QString html = m_dir.filePath(QStringLiteral("builtin.html"));
        const CommandRun report = runCommand(showdownBinary(), {QStringLiteral("report"), set.info.uuid, QStringLiteral("--db"), database,
                                                                QStringLiteral("--pdf"), pdf, QStringLiteral("--html"), html});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        const QString paper = pdfText(pdf);
        QVERIFY(paper.contains(QLatin1String("Performance")));
        QVERIFY(!paper.contains(QLatin1String("Your benchmarks")));
        QVERIFY(!paper.contains(QLatin1String("Definition file")));
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        QVERIFY(!QString::fromUtf8(page.readAll()).contains(QLatin1String("Your benchmarks")));
        QVERIFY(!ReportWriter::sectionTitles(ResultSetAnalysis::compute(set.samples, set.runtimes), {}).contains(QLatin1String("Your benchmarks")));
    }

    /// A user server: its declaration (ready rule, requests) and its load rows drawn by the Concurrency section's code.
    void serverDefinitionAndLoadRows()
    {
        const StoredDefinitionFile file = stored(ResourceLocator::resourcesDir() + QStringLiteral("/examples/http-pair/showdown.json"));
        QVERIFY(!file.text.isEmpty());
        ResultSetBundle set = fixtures::bundle(QStringLiteral("servers"));
        set.samples.clear();
        // The built-in server rows' shape, named as `run --benchmarks` names a user server's (issue15-servers): the
        // server after its definition on every runtime, the endpoint after its request.
        for (Sample server : fixtures::sweptServers()) {
            server.benchmark = QStringLiteral("order-summary");
            server.variant = QStringLiteral("order-summary");
            for (LoadPoint &point : server.points)
                point.endpoint = QStringLiteral("summary");
            set.samples.append(server);
        }
        const ResultSetAnalysis analysis = ResultSetAnalysis::compute(set.samples, set.runtimes);
        const QList<LoadRow> rows = ServerRows::concurrency(analysis.loadRows);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(ReportWriter::sectionTitles(analysis, {}, false, {file}).mid(0, 2), (QStringList{QStringLiteral("Summary"), QStringLiteral("Your benchmarks")}));
        for (const ReportFormat format : {ReportFormat::Pdf, ReportFormat::Html}) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QString error;
            QVERIFY2(ReportWriter::writeResultSet(set.info, set.runtimes, analysis, {}, {file}, std::nullopt, format, &buffer, &error), qPrintable(error));
            QString text;
            const QString path = m_dir.filePath(format == ReportFormat::Pdf ? QStringLiteral("server.pdf") : QStringLiteral("server.html"));
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(buffer.data()) == buffer.size());
            out.close();
            if (format == ReportFormat::Pdf) {
                text = section(pdfText(path), kNextOnPaper).simplified();
            } else {
                text = section(QString::fromUtf8(buffer.data()), kNextOnPage);
                text.replace(QLatin1String("&quot;"), QLatin1String("\""));
            }
            QVERIFY2(text.contains(QLatin1String("Results of your servers")), qPrintable(text.left(3000)));
            QVERIFY(!text.contains(QLatin1String("Results of your programs")));
            for (const QString &declared : {QStringLiteral("GET /health answers"), QStringLiteral("POST /summary"), QStringLiteral("Content-Type: application/json"),
                                            QStringLiteral("Expects status 200"), QStringLiteral("{runtime} server.js {port}"),
                                            QStringLiteral("{runtime} -m uvicorn app:app --host 127.0.0.1 --port {port} --log-level warning"),
                                            QStringLiteral("NODE_ENV=production"), QStringLiteral("summary: throughput against connections"),
                                            QStringLiteral("order-summary (node)"), QStringLiteral("order-summary (python3)"),
                                            QStringLiteral("Capacity search at p99 ≤ 50 ms"), QStringLiteral("Connections: the suite's")}) {
                QVERIFY2(text.contains(format == ReportFormat::Pdf ? declared : declared.toHtmlEscaped().replace(QLatin1String("&quot;"), QLatin1String("\""))),
                         qPrintable(declared));
            }
            // The load table's throughput of each row, as the Concurrency section writes it.
            for (const LoadRow &row : rows)
                QVERIFY2(text.contains(Format::count(row.requestsPerSec)), qPrintable(Format::count(row.requestsPerSec)));
        }
    }

    void commandsQuoteWhereAShellWould()
    {
        QCOMPARE(UserBenchmarkReport::commandLine({QStringLiteral("{runtime}"), QStringLiteral("-c"), QStringLiteral("print('a b')")}),
                 QStringLiteral("{runtime} -c 'print('\\''a b'\\'')'"));
        QCOMPARE(UserBenchmarkReport::commandLine({QStringLiteral("{runtime}"), QString(), QStringLiteral("--port={port}")}),
                 QStringLiteral("{runtime} '' --port={port}"));
    }
};

QTEST_MAIN(UserBenchmarkReportTest)
#include "UserBenchmarkReportTest.moc"
