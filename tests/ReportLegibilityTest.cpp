// Every chart of a real standard report, laid out at its size on A4 as the PDF lays it out, read back the way a reader
// would: no label, legend entry or title drawn shorter than its text, no two labels over each other, no category left
// unnamed, at most 8 series and 12 categories per chart, and every benchmark and server of the data in some chart.
// The set is a real standard run on the reference 2-core machine (tests/fixtures/standard.showdown.gz), read with
// its stored analysis as `showdown report` reads it.

#include "ChartAudit.h"
#include "PagePlan.h"
#include "ReportDocument.h"
#include "ReportLayout.h"
#include "ReportWriter.h"
#include "ResultStore.h"

#include <QChart>
#include <QFile>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace showdown;
using namespace showdown::test;

namespace {

/// Keeps what the report writes, with each chart's recipe and height, instead of drawing it.
class RecordingDocument : public ReportDocument {
public:
    struct Chart {
        std::function<QChart *()> make;
        qreal height = 0;
        QString section;
    };
    QList<Chart> charts;
    QStringList headings;
    QString section;

    void setHeader(const QString &, const QString &) override {}
    void titlePage(const QString &, const QString &, const QList<QStringList> &, const QString &) override {}
    void contents() override {}
    void pageBreak() override {}
    void heading(const QString &text, int level) override
    {
        if (level == 1)
            section = text;
        headings.append(text);
    }
    void paragraph(const QString &) override {}
    void note(const QString &) override {}
    void table(const QStringList &, const QList<QStringList> &, const QList<qreal> &, const QList<int> &) override {}
    void chart(const std::function<QChart *()> &make, qreal height, const QString &) override { charts.append({make, height, section}); }
    bool finish(QString *) override { return true; }
};

bool gunzip(const QString &from, const QString &to)
{
    gzFile in = gzopen(QFile::encodeName(from).constData(), "rb");
    QFile out(to);
    if (!in || !out.open(QIODevice::WriteOnly))
        return false;
    char buffer[1 << 16];
    int read = 0;
    while ((read = gzread(in, buffer, sizeof buffer)) > 0)
        out.write(buffer, read);
    gzclose(in);
    return read == 0;
}

} // namespace

class ReportLegibilityTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<ResultSetInfo> m_info;
    QList<RuntimeInfo> m_runtimes;
    std::optional<ResultSetAnalysis> m_analysis;
    PagePlan::Categories m_categories;
    RecordingDocument m_report;
    /// Each chart laid out once at its size on paper: what it shows, and what a reader would meet in it.
    QList<ChartContents> m_drawn;
    QStringList m_problems;

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("standard.showdown"));
        QVERIFY(gunzip(QStringLiteral(SHOWDOWN_FIXTURES_DIR "/standard.showdown.gz"), path));
        ResultStore store;
        QString error;
        QVERIFY2(store.openReadOnly(path, &error), qPrintable(error));
        const QList<ResultSetInfo> sets = store.resultSets(&error);
        QCOMPARE(sets.size(), 1);
        m_info = sets.first();
        QCOMPARE(m_info->suite, QStringLiteral("standard"));
        m_runtimes = store.runtimes(m_info->id, &error);
        m_analysis = store.analysis(m_info->id, &error);
        QVERIFY2(m_analysis, qPrintable(error));
        m_categories = PagePlan::shipped(&error);
        QVERIFY2(!m_categories.isEmpty(), qPrintable(error));
        QVERIFY2(ReportWriter::writeResultSet(*m_info, m_runtimes, *m_analysis, m_categories, {}, std::nullopt, m_report, &error), qPrintable(error));
        // A standard set has every kind of chart: times, distributions, ratios, memory, servers, capacity, scaling.
        QVERIFY2(m_report.charts.size() >= 25, qPrintable(QString::number(m_report.charts.size())));
        for (const RecordingDocument::Chart &chart : std::as_const(m_report.charts)) {
            ChartContents contents;
            if (QChart *made = chart.make())
                m_problems << auditChart(made, QSizeF(ReportLayout::kTextWidth, chart.height), &contents);
            m_drawn.append(contents);
        }
    }

    void everyChartReadsWholeOnPaper()
    {
        QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(QLatin1Char('\n'))));
    }

    void everyBenchmarkAndServerIsInAChart()
    {
        QStringList drawn;
        for (const ChartContents &contents : std::as_const(m_drawn))
            drawn << contents.title << contents.categories << contents.legend;
        const QString all = drawn.join(QLatin1Char('\n'));
        for (const SummaryRow &row : m_analysis->rows) {
            const QString name = row.workers > 0 ? QStringLiteral("%1 ×%2").arg(row.benchmark).arg(row.workers) : row.benchmark;
            QVERIFY2(all.contains(name), qPrintable(name));
            if (!row.variant.isEmpty())
                QVERIFY2(all.contains(row.variant), qPrintable(row.variant));
        }
        for (const LoadRow &row : m_analysis->loadRows)
            QVERIFY2(all.contains(row.server), qPrintable(row.server));
        for (const CapacityRow &row : m_analysis->capacityRows)
            QVERIFY2(all.contains(row.server), qPrintable(row.server));
    }

    void theAuditFindsWhatAReaderWould()
    {
        // The checks must be able to fail: the first Performance chart squeezed to a third of the page's width cuts or
        // hides labels, and a legend of eleven series is over the limit.
        QVERIFY(!m_report.charts.isEmpty());
        QChart *squeezed = m_report.charts.first().make();
        QVERIFY(squeezed);
        QVERIFY(!auditChart(squeezed, QSizeF(ReportLayout::kTextWidth / 3, 300)).isEmpty());
        auto *crowded = new QChart;
        for (int i = 0; i < 11; ++i) {
            auto *series = new QLineSeries;
            series->setName(QStringLiteral("series %1").arg(i));
            series->append(i, i);
            crowded->addSeries(series);
        }
        crowded->createDefaultAxes();
        const QStringList problems = auditChart(crowded, QSizeF(ReportLayout::kTextWidth, 400));
        QVERIFY2(problems.join(QLatin1Char(' ')).contains(QLatin1String("11 series")), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void windowAndReportShowTheSameBenchmarks()
    {
        // The report's Performance section and the window's Performance page draw from one plan.
        const QList<SummaryRow> performance = PagePlan::rows(PagePlan::Page::Performance, m_analysis->rows, m_categories);
        QStringList benchmarks;
        for (const SummaryRow &row : performance)
            benchmarks.append(row.benchmark);
        QVERIFY(benchmarks.contains(QLatin1String("fanout-sleeps")));  // the window used to leave it out
        QVERIFY(benchmarks.contains(QLatin1String("matmul")));
        QVERIFY(!benchmarks.contains(QLatin1String("startup")));
        QVERIFY(!benchmarks.contains(QLatin1String("parallel-cpu")));
        QStringList performanceCategories;
        for (qsizetype i = 0; i < m_report.charts.size(); ++i) {
            if (m_report.charts.at(i).section == QLatin1String("Performance"))
                performanceCategories << m_drawn.at(i).categories;
        }
        for (const QString &benchmark : std::as_const(benchmarks))
            QVERIFY2(performanceCategories.join(QLatin1Char(' ')).contains(benchmark), qPrintable(benchmark));
        QVERIFY(!performanceCategories.join(QLatin1Char(' ')).contains(QLatin1String("parallel-cpu")));
    }
};

QTEST_MAIN(ReportLegibilityTest)
#include "ReportLegibilityTest.moc"
