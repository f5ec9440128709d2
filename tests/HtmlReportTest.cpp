// The HTML report of a result set written by `showdown report --html`, checked as a document (every section of
// the PDF, one chart per PDF chart, the charts' values equal to the analysis, user text escaped, nothing that
// could load from outside the file) and then in Debian's headless Chromium, as a reader meets it: no console
// error, no network request, every chart drawn, hover values, legend toggles and sortable tables
// (tests/browser/check_html_report.js drives the browser over the DevTools pipe).

#include "CommandRun.h"
#include "ExchangeFixtures.h"
#include "Format.h"
#include "HtmlReportDocument.h"
#include "PagePlan.h"
#include "ReportWriter.h"
#include "ResultStore.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace showdown;

namespace {

CommandRun run(const QString &program, const QStringList &arguments)
{
    return runCommand(program, arguments, 120000);
}

/// Every chart description in the page, in order.
QList<QJsonObject> charts(const QString &html)
{
    QList<QJsonObject> all;
    static const QRegularExpression data(QStringLiteral("<figure class=\"chart\" id=\"chart-\\d+\"><script type=\"application/json\">(.*?)</script>"));
    for (auto it = data.globalMatch(html); it.hasNext();) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(it.next().captured(1).toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            all.append(document.object());
    }
    return all;
}

QList<QJsonObject> chartsTitled(const QList<QJsonObject> &all, const QString &prefix)
{
    QList<QJsonObject> found;
    for (const QJsonObject &chart : all) {
        if (chart.value(QLatin1String("title")).toString().startsWith(prefix))
            found.append(chart);
    }
    return found;
}

/// The unit a time axis is in, from its title ("Median time (ms, log scale)"), in ns.
double unitOf(const QJsonObject &chart)
{
    for (const QJsonValue &axis : chart.value(QLatin1String("axes")).toArray()) {
        const QRegularExpressionMatch unit = QRegularExpression(QStringLiteral("\\((ns|µs|ms|s)[,)]")).match(axis.toObject().value(QLatin1String("title")).toString());
        if (unit.hasMatch())
            return QMap<QString, double>{{QStringLiteral("ns"), 1}, {QStringLiteral("µs"), 1e3}, {QStringLiteral("ms"), 1e6}, {QStringLiteral("s"), 1e9}}.value(unit.captured(1));
    }
    return 0;
}

QStringList categoriesOf(const QJsonObject &chart)
{
    for (const QJsonValue &axis : chart.value(QLatin1String("axes")).toArray()) {
        if (axis.toObject().value(QLatin1String("kind")).toString() == QLatin1String("category"))
            return axis.toObject().value(QLatin1String("categories")).toVariant().toStringList();
    }
    return {};
}

const SummaryRow *rowOf(const ResultSetAnalysis &analysis, const QString &benchmark, const QString &runtime)
{
    for (const SummaryRow &row : analysis.rows) {
        if (row.benchmark == benchmark && row.runtime == runtime)
            return &row;
    }
    return nullptr;
}

} // namespace

class HtmlReportTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ResultSetBundle m_set;
    ResultSetAnalysis m_analysis;
    QString m_database;
    QString m_path;
    QString m_html;

private slots:
    void initTestCase()
    {
        // Two CPU benchmarks on node and python3 and an HTTP server on both: bars, boxes, ratio points with
        // whiskers and server lines. Its notes are markup that must stay text.
        m_set = fixtures::bundle(QStringLiteral("html"));
        // Two server processes per runtime at 8 and 64 connections: lines with CI whiskers on the Concurrency charts.
        m_set.samples.append(fixtures::sweptServers());
        m_database = m_dir.filePath(QStringLiteral("results.sqlite"));
        {
            ResultStore store;
            QString error;
            QVERIFY2(store.open(m_database, &error), qPrintable(error));
            QVERIFY2(store.importResultSets({m_set}, &error), qPrintable(error));
        }
        m_analysis = ResultSetAnalysis::compute(m_set.samples, m_set.runtimes);
        m_path = m_dir.filePath(QStringLiteral("report.html"));
        const CommandRun report = run(qEnvironmentVariable("SHOWDOWN_BIN_DIR") + QStringLiteral("/showdown"),
                               {QStringLiteral("report"), m_set.info.uuid, QStringLiteral("--db"), m_database, QStringLiteral("--html"), m_path});
        QVERIFY2(report.code == 0, qPrintable(report.err));
        QVERIFY2(report.err.contains(QStringLiteral("Wrote %1").arg(m_path)), qPrintable(report.err));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_html = QString::fromUtf8(file.readAll());
        QVERIFY(m_html.startsWith(QLatin1String("<!DOCTYPE html>")));
    }

    void hasEverySectionOfThePdfInOrderWithContents()
    {
        QString error;
        const PagePlan::Categories categories = PagePlan::shipped(&error);  // as `showdown report` places the benchmarks
        QVERIFY2(!categories.isEmpty(), qPrintable(error));
        const QStringList titles = ReportWriter::sectionTitles(m_analysis, categories, true);
        QVERIFY(titles.contains(QLatin1String("Claims")) && titles.contains(QLatin1String("Concurrency")));
        QVERIFY(m_html.contains(QLatin1String("<h1>Node.js vs Python, measured</h1>")));
        qsizetype at = 0;
        for (qsizetype i = 0; i < titles.size(); ++i) {
            const QString heading = QStringLiteral("<h2 id=\"section-%1\">%2</h2>").arg(i + 1).arg(titles.at(i).toHtmlEscaped());
            const qsizetype found = m_html.indexOf(heading);
            QVERIFY2(found > at, qPrintable(heading));
            at = found;
            QVERIFY2(m_html.contains(QStringLiteral("<li><a href=\"#section-%1\">%2</a></li>").arg(i + 1).arg(titles.at(i).toHtmlEscaped())),
                     qPrintable(titles.at(i)));
        }
        QCOMPARE(m_html.count(QLatin1String("<h2 id=\"section-")), titles.size());
        // The claims with their evidence: a verdict per claim of the shipped rules, and the evidence tables' headers.
        QVERIFY(m_html.contains(QLatin1String("(jit): ")));
        QVERIFY(m_html.contains(QLatin1String("<th title=\"Sort by this column\">Figure</th>")));
    }

    void drawsOneChartPerPdfChart()
    {
        const QList<QJsonObject> all = charts(m_html);
        QCOMPARE(qsizetype(m_html.count(QLatin1String("<figure class=\"chart\""))), all.size());
        QStringList titles;
        for (const QJsonObject &chart : all)
            titles.append(chart.value(QLatin1String("title")).toString());
        QVERIFY2(all.size() >= 6, qPrintable(titles.join(QLatin1String("; "))));
        // The same report as a PDF, from the same section code: each chart title the page has is drawn on paper as often.
        QBuffer pdf;
        pdf.open(QIODevice::WriteOnly);
        QString error;
        const PagePlan::Categories categories = PagePlan::shipped(&error);
        QVERIFY2(!categories.isEmpty(), qPrintable(error));
        QVERIFY2(ReportWriter::writeResultSet(m_set.info, m_set.runtimes, m_analysis, categories, {},
                                              ClaimInputs::fromResultSet(m_set.samples, m_set.runtimes), ReportFormat::Pdf, &pdf, &error),
                 qPrintable(error));
        QFile file(m_dir.filePath(QStringLiteral("report.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(pdf.data()) == pdf.size());
        file.close();
        const CommandRun text = run(QStringLiteral("pdftotext"), {file.fileName(), QStringLiteral("-")});
        QVERIFY2(text.code == 0, "pdftotext (poppler-utils) is needed");
        const QString paper = text.out.simplified();
        QMap<QString, qsizetype> drawn;
        for (const QString &title : std::as_const(titles))
            ++drawn[title];
        for (auto it = drawn.begin(); it != drawn.end(); ++it)
            QVERIFY2(paper.count(it.key()) >= it.value(), qPrintable(QStringLiteral("%1: %2 on paper, %3 in the page").arg(it.key()).arg(paper.count(it.key())).arg(it.value())));
        QVERIFY(!chartsTitled(all, QStringLiteral("Median time per benchmark")).isEmpty());
        QVERIFY(!chartsTitled(all, QStringLiteral("node / python time ratio")).isEmpty());
        QVERIFY(!chartsTitled(all, QStringLiteral("Distribution of every measured iteration")).isEmpty());
        QVERIFY(!chartsTitled(all, QStringLiteral("Peak resident memory")).isEmpty());
        QVERIFY(!chartsTitled(all, QStringLiteral("/json: throughput against connections")).isEmpty());
    }

    void chartValuesAreTheAnalysisFigures()
    {
        const QList<QJsonObject> all = charts(m_html);
        int checked = 0;
        for (const QJsonObject &chart : chartsTitled(all, QStringLiteral("Median time per benchmark"))) {
            const double unit = unitOf(chart);
            QVERIFY(unit > 0);
            const QStringList categories = categoriesOf(chart);
            for (const QJsonValue &series : chart.value(QLatin1String("series")).toArray()) {
                for (const QJsonValue &value : series.toObject().value(QLatin1String("sets")).toArray()) {
                    const QJsonObject set = value.toObject();
                    const QJsonArray values = set.value(QLatin1String("values")).toArray();
                    QCOMPARE(values.size(), categories.size());
                    for (qsizetype c = 0; c < categories.size(); ++c) {
                        const SummaryRow *row = rowOf(m_analysis, categories.at(c), set.value(QLatin1String("label")).toString());
                        QVERIFY(row);
                        // The bar's number is the analysis's median in the axis unit, to the last bit; its hover text names it.
                        QCOMPARE(values.at(c).toDouble(), row->stats.median / unit);
                        QVERIFY(set.value(QLatin1String("tips")).toArray().at(c).toString().contains(Format::duration(row->stats.median)));
                        ++checked;
                    }
                }
            }
        }
        for (const QJsonObject &chart : chartsTitled(all, QStringLiteral("Peak resident memory"))) {
            const QStringList categories = categoriesOf(chart);
            for (const QJsonValue &value : chart.value(QLatin1String("series")).toArray().first().toObject().value(QLatin1String("sets")).toArray()) {
                const QJsonObject set = value.toObject();
                for (qsizetype c = 0; c < categories.size(); ++c) {
                    const SummaryRow *row = rowOf(m_analysis, categories.at(c), set.value(QLatin1String("label")).toString());
                    QVERIFY(row);
                    QCOMPARE(set.value(QLatin1String("values")).toArray().at(c).toDouble(), double(row->peakRssKb) / 1024);
                    ++checked;
                }
            }
        }
        for (const QJsonObject &chart : chartsTitled(all, QStringLiteral("Distribution of every measured iteration"))) {
            const double unit = unitOf(chart);
            const QStringList categories = categoriesOf(chart);
            for (const QJsonValue &value : chart.value(QLatin1String("series")).toArray()) {
                const QJsonObject series = value.toObject();
                const QJsonArray boxes = series.value(QLatin1String("boxes")).toArray();
                for (qsizetype c = 0; c < boxes.size(); ++c) {
                    const SummaryRow *row = rowOf(m_analysis, categories.at(c), series.value(QLatin1String("name")).toString());
                    QVERIFY(row);
                    const QJsonArray five = boxes.at(c).toObject().value(QLatin1String("values")).toArray();
                    const QList<double> expected{row->stats.min, row->stats.p25, row->stats.median, row->stats.p75, row->stats.max};
                    for (qsizetype i = 0; i < 5; ++i)
                        QCOMPARE(five.at(i).toDouble(), expected.at(i) / unit);
                    ++checked;
                }
            }
        }
        // Ratio points: node/python medians as the analysis compared them, with their CI whiskers owned by the series.
        QList<double> ratios;
        for (const Comparison &c : m_analysis.comparisons)
            ratios.append(c.ratio.ratio);
        QList<double> points;
        int whiskers = 0;
        for (const QJsonObject &chart : chartsTitled(all, QStringLiteral("node / python time ratio"))) {
            for (const QJsonValue &value : chart.value(QLatin1String("series")).toArray()) {
                const QJsonObject series = value.toObject();
                if (series.value(QLatin1String("type")).toString() == QLatin1String("scatter")) {
                    QCOMPARE(series.value(QLatin1String("name")).toString(), QStringLiteral("node / python3"));
                    QVERIFY(series.value(QLatin1String("legend")).toBool());
                    const QJsonArray tips = series.value(QLatin1String("tips")).toArray();
                    const QJsonArray all = series.value(QLatin1String("points")).toArray();
                    QCOMPARE(tips.size(), all.size());
                    for (qsizetype i = 0; i < all.size(); ++i) {
                        points.append(all.at(i).toArray().at(1).toDouble());
                        QVERIFY(tips.at(i).toString().contains(Format::ratio(points.last())));
                    }
                } else if (series.value(QLatin1String("owner")).toString() == QLatin1String("node / python3")) {
                    QVERIFY(!series.value(QLatin1String("legend")).toBool());  // a whisker toggles with its series, never on its own
                    ++whiskers;
                }
            }
        }
        QCOMPARE(points, ratios);
        QCOMPARE(whiskers, int(ratios.size()));
        QVERIFY(checked >= 12);
    }

    void userTextIsEscaped()
    {
        // The notes are `<script>alert('notes')</script> <b>bold</b> &amp;`: shown as typed, never markup.
        QVERIFY(m_html.contains(QLatin1String("&lt;script&gt;alert('notes')&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp;amp;")));
        QVERIFY(!m_html.contains(QLatin1String("<script>alert")));
        QVERIFY(!m_html.contains(QLatin1String("<b>bold")));
        // The only scripts: one chart description each (data, not code) and the page's own.
        QCOMPARE(m_html.count(QLatin1String("<script")), m_html.count(QLatin1String("<script type=\"application/json\">")) + 1);
        QCOMPARE(m_html.count(QLatin1String("</script>")), m_html.count(QLatin1String("<script")));
    }

    void referencesNothingOutsideTheFile()
    {
        QVERIFY(m_html.contains(QLatin1String("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                                              "script-src 'unsafe-inline'; img-src data:\">")));
        // (url(#id) names an element of the page itself, the charts' clip paths.)
        for (const char *pattern : {"https?:", "src\\s*=", "<link", "@import", "url\\((?!#)", "<iframe", "<img"}) {
            const QRegularExpression reference(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch match = reference.match(m_html);
            QVERIFY2(!match.hasMatch(), qPrintable(QStringLiteral("%1 at: %2").arg(QLatin1String(pattern), m_html.mid(std::max<qsizetype>(0, match.capturedStart() - 60), 120))));
        }
    }

    void numericCellsSortByValue()
    {
        QCOMPARE(HtmlReportDocument::sortValue(QStringLiteral("1.23 ms")), std::optional<double>(1.23e6));
        QCOMPARE(HtmlReportDocument::sortValue(QStringLiteral("789 µs")), std::optional<double>(789e3));
        QVERIFY(*HtmlReportDocument::sortValue(QStringLiteral("2.50 s")) > *HtmlReportDocument::sortValue(QStringLiteral("900 ms")));
        QCOMPARE(HtmlReportDocument::sortValue(QStringLiteral("9.8 min")), std::optional<double>(9.8 * 60e9));
        QCOMPARE(HtmlReportDocument::sortValue(QStringLiteral("12,300 req/s [11,900 – 12,800]")), std::optional<double>(12300));
        QCOMPARE(HtmlReportDocument::sortValue(QStringLiteral("0.412 [0.401, 0.424]")), std::optional<double>(0.412));
        QCOMPARE(HtmlReportDocument::sortValue(QStringLiteral("41.2 MB")), std::optional<double>(41.2));
        QCOMPARE(HtmlReportDocument::sortValue(QStringLiteral("3.8%")), std::optional<double>(3.8));
        QVERIFY(*HtmlReportDocument::sortValue(QStringLiteral("< 0.001")) < 0.001);
        QVERIFY(*HtmlReportDocument::sortValue(QStringLiteral("< 0.001")) > 0.0009);
        QVERIFY(!HtmlReportDocument::sortValue(QStringLiteral("–")));
        QVERIFY(!HtmlReportDocument::sortValue(QStringLiteral("no valid samples")));
        // The page carries them: the Performance table's medians sort by nanoseconds.
        const SummaryRow *row = rowOf(m_analysis, QStringLiteral("nbody"), QStringLiteral("node"));
        QVERIFY(row);
        QVERIFY(m_html.contains(QStringLiteral("<td class=\"num\" data-sort=\"%1\">%2</td>")
                                    .arg(*HtmlReportDocument::sortValue(Format::duration(row->stats.median)), 0, 'g', 17)
                                    .arg(Format::duration(row->stats.median))));
    }

    void rendersInChromiumWithHoverLegendAndSorting()
    {
        // Debian's chromium (bootstrap.sh installs it): missing, this test fails rather than pass unseen.
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        QVERIFY2(!chromium.isEmpty(), "chromium is not installed: packaging/bootstrap.sh installs it (apt-get install chromium)");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!node.isEmpty(), "node is needed to drive chromium");
        const qsizetype expected = charts(m_html).size();
        const CommandRun check = run(node, {QStringLiteral(SHOWDOWN_TESTS_DIR "/browser/check_html_report.js"), m_path, QString::number(expected), chromium});
        const QJsonObject seen = QJsonDocument::fromJson(check.out.toUtf8()).object();
        QVERIFY2(check.code == 0, qPrintable(check.out + check.err));
        QVERIFY2(seen.value(QLatin1String("problems")).toArray().isEmpty(), qPrintable(check.out));
        QCOMPARE(seen.value(QLatin1String("charts")).toInt(), int(expected));
        QVERIFY(seen.value(QLatin1String("errors")).toArray().isEmpty());
        // The file itself was the only request.
        QCOMPARE(seen.value(QLatin1String("requests")).toArray(), QJsonArray{QUrl::fromLocalFile(m_path).toString()});
        // The first bar is the first benchmark on the first runtime: its tooltip shows that median as the window does.
        const SummaryRow *first = rowOf(m_analysis, QStringLiteral("nbody"), QStringLiteral("node"));
        QVERIFY(first);
        const QString bar = seen.value(QLatin1String("bar")).toObject().value(QLatin1String("shown")).toString();
        QVERIFY2(bar.startsWith(QLatin1String("nbody on node")) && bar.contains(Format::duration(first->stats.median)), qPrintable(bar));
        const QString point = seen.value(QLatin1String("point")).toObject().value(QLatin1String("shown")).toString();
        QVERIFY2(point.contains(QLatin1String("node/python = ")), qPrintable(point));
        const QJsonObject legend = seen.value(QLatin1String("legend")).toObject();
        QVERIFY(legend.value(QLatin1String("before")).toInt() > 0);
        QCOMPARE(legend.value(QLatin1String("hidden")).toInt(), 0);
        QVERIFY(seen.value(QLatin1String("sorting")).toObject().value(QLatin1String("before")) != seen.value(QLatin1String("sorting")).toObject().value(QLatin1String("after")));
    }
};

QTEST_MAIN(HtmlReportTest)
#include "HtmlReportTest.moc"
