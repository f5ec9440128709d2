// The server pages' cut and charts, on rows built here (these are chart inputs, not results: what is checked is
// what gets drawn from them): chat and cluster rows stay off the HTTP charts, more than eight servers are split
// into even charts with shared scales, legends carry whole "server (runtime)" names, CI whiskers appear exactly
// where a row has an interval, the objective is drawn, and the PDF's server pages keep every name whole.

#include "LegendNames.h"
#include "ChartFactory.h"
#include "ReportWriter.h"
#include "ServerRows.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QBuffer>
#include <QChart>
#include <QFile>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QProcess>
#include <QScatterSeries>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace showdown;

namespace {

LoadRow loadRow(const QString &server, const QString &runtime, const QString &kind, const QString &endpoint, int connections, int workers = 1)
{
    LoadRow row;
    row.benchmark = kind == QLatin1String("chat") ? QStringLiteral("chat") : (workers > 1 || server.contains(QLatin1String("cluster")) ? QStringLiteral("cluster") : QStringLiteral("http"));
    row.server = server;
    row.runtime = runtime;
    row.runtimeKind = runtime == QLatin1String("node") ? QStringLiteral("node") : QStringLiteral("python");
    row.kind = kind;
    row.endpoint = endpoint;
    row.connections = connections;
    row.workers = workers;
    row.points = 3;
    // Any positive figures will do: the checks are on what is drawn from them.
    row.requestsPerSec = 1000.0 * connections / (1 + server.size());
    row.p50Ns = 100000 * connections;
    row.p99Ns = 300000 * connections;
    row.completed = 100;
    return row;
}

CapacityRow capacityRow(const QString &server, const QString &runtime, const QString &endpoint, double slo)
{
    CapacityRow row;
    row.benchmark = QStringLiteral("http");
    row.server = server;
    row.runtime = runtime;
    row.runtimeKind = runtime == QLatin1String("node") ? QStringLiteral("node") : QStringLiteral("python");
    row.kind = QStringLiteral("http");
    row.endpoint = endpoint;
    row.connections = 64;
    row.sloP99Ms = slo;
    for (int run = 0; run < 2; ++run) {
        for (double offered : {1000.0, 2000.0, 4000.0}) {
            CapacityStep step;
            step.runIndex = run;
            step.offered = offered;
            step.achieved = offered;
            step.p99Ns = qint64(offered * 4000);
            step.met = double(step.p99Ns) / 1e6 <= slo;
            row.steps.append(step);
        }
        row.rates.append(2000.0 + run);
    }
    row.rate = 2000.5;
    row.perCore = 2100;
    return row;
}

const QStringList kServers = {QStringLiteral("node-http"), QStringLiteral("express"), QStringLiteral("asyncio"), QStringLiteral("uvloop"),
                              QStringLiteral("aiohttp"), QStringLiteral("fastapi"), QStringLiteral("fastapi-h11"), QStringLiteral("threading"),
                              QStringLiteral("flask"), QStringLiteral("flask-gunicorn")};

QString runtimeOf(const QString &server)
{
    return server == QLatin1String("node-http") || server == QLatin1String("express") ? QStringLiteral("node") : QStringLiteral("python3");
}

/// Ten HTTP servers on two endpoints at three connection counts; every other row has a CI.
QList<LoadRow> httpRows()
{
    QList<LoadRow> rows;
    int i = 0;
    for (const QString &endpoint : {QStringLiteral("plaintext"), QStringLiteral("json")}) {
        for (const QString &server : kServers) {
            for (int connections : {4, 16, 64}) {
                LoadRow row = loadRow(server, runtimeOf(server), QStringLiteral("http"), endpoint, connections);
                if (i++ % 2 == 0) {
                    row.throughputCiLow = row.requestsPerSec * 0.9;
                    row.throughputCiHigh = row.requestsPerSec * 1.1;
                    row.p99CiLowNs = double(row.p99Ns) * 0.8;
                    row.p99CiHighNs = double(row.p99Ns) * 1.2;
                }
                rows.append(row);
            }
        }
    }
    return rows;
}

QList<LoadRow> chatRows()
{
    QList<LoadRow> rows;
    for (int clients : {10, 100}) {
        for (const auto &[server, runtime] : {std::pair{QStringLiteral("chat-ws"), QStringLiteral("node")},
                                              std::pair{QStringLiteral("chat-websockets"), QStringLiteral("python3")}}) {
            LoadRow row = loadRow(server, runtime, QStringLiteral("chat"), QStringLiteral("/chat"), clients);
            row.offeredPerSec = 200.0 * clients;
            row.requestsPerSec = row.offeredPerSec * 0.9;
            row.lost = 5;
            rows.append(row);
        }
    }
    return rows;
}

int whiskerCount(QChart *chart)
{
    int count = 0;
    for (QAbstractSeries *series : chart->series()) {
        if (series->name().isEmpty() && qobject_cast<QLineSeries *>(series) && static_cast<QLineSeries *>(series)->count() == 6)
            ++count;
    }
    return count;
}

QString pdfText(const QByteArray &pdf, const QString &dir)
{
    const QString path = dir + QStringLiteral("/servers.pdf");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    process.waitForFinished(60000);
    // DejaVu Sans draws "fi", "ff" and "fl" as ligature glyphs, which pdftotext reports as U+FB00..U+FB04.
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    const std::pair<char16_t, const char *> ligatures[] = {{0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"}, {0xFB04, "ffl"}};
    for (const auto &[ligature, letters] : ligatures)
        text.replace(QChar(ligature), QLatin1String(letters));
    return text;
}

} // namespace

class ServerChartsTest : public QObject {
    Q_OBJECT

private slots:
    void chatAndClusterRowsStayOffTheConcurrencyCharts()
    {
        QList<LoadRow> rows = httpRows();
        rows << chatRows();
        rows << loadRow(QStringLiteral("node-cluster"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("plaintext"), 64, 1)
             << loadRow(QStringLiteral("node-cluster"), QStringLiteral("node"), QStringLiteral("http"), QStringLiteral("plaintext"), 64, 2)
             << loadRow(QStringLiteral("node-http"), QStringLiteral("node"), QStringLiteral("idle"), QStringLiteral("plaintext"), 1000);
        rows.last().benchmark = QStringLiteral("idle-memory");
        const QList<LoadRow> http = ServerRows::concurrency(rows);
        QCOMPARE(http.size(), httpRows().size());
        for (const LoadRow &row : http) {
            QCOMPARE(row.kind, QStringLiteral("http"));
            QVERIFY(row.server != QLatin1String("node-cluster"));  // its one-worker baseline belongs to Scaling too
        }
        const QList<LoadRow> chat = ServerRows::realtime(rows);
        QCOMPARE(chat.size(), chatRows().size());
        QCOMPARE(ServerRows::others(rows).size(), 3);
        QCOMPARE(ServerRows::endpoints(http, {}), (QStringList{QStringLiteral("plaintext"), QStringLiteral("json")}));
        // A chart of the HTTP rows never names a chat server.
        std::unique_ptr<QChart> chart(ChartFactory::throughput(ServerRows::ofEndpoint(http, QStringLiteral("plaintext")), QStringLiteral("t"),
                                                               ChartStyle::forExport(), ServerRows::seriesGroups(http, {}).first()));
        QVERIFY(chart);
        for (const QString &name : legendNames(chart.get()))
            QVERIFY2(!name.startsWith(QLatin1String("chat")), qPrintable(name));
    }

    void moreThanEightServersAreSplitIntoEvenCharts()
    {
        for (qsizetype servers = 1; servers <= kServers.size(); ++servers) {
            QList<LoadRow> rows;
            for (qsizetype s = 0; s < servers; ++s)
                rows.append(loadRow(kServers.at(s), runtimeOf(kServers.at(s)), QStringLiteral("http"), QStringLiteral("json"), 16));
            const QList<QStringList> groups = ServerRows::seriesGroups(rows, {});
            QCOMPARE(groups.size(), servers > ServerRows::kMaxSeries ? 2 : 1);
            QStringList all;
            for (const QStringList &group : groups) {
                QVERIFY(group.size() <= ServerRows::kMaxSeries);
                QVERIFY(std::abs(group.size() - groups.first().size()) <= 1);
                all << group;
            }
            QCOMPARE(all.size(), servers);
            for (qsizetype s = 0; s < servers; ++s)
                QCOMPARE(all.at(s), QStringLiteral("%1 (%2)").arg(kServers.at(s), runtimeOf(kServers.at(s))));
        }
        const QList<QStringList> ten = ServerRows::seriesGroups(ServerRows::ofEndpoint(httpRows(), QStringLiteral("json")), {});
        QCOMPARE(ServerRows::groupSuffix(ten, 1), QStringLiteral(" (servers 6–10 of 10)"));
        QVERIFY(ServerRows::groupSuffix({ten.first()}, 0).isEmpty());
    }

    void lineChartsDrawTheirGroupWithWholeNamesAndCiWhiskers()
    {
        const QList<LoadRow> rows = ServerRows::ofEndpoint(httpRows(), QStringLiteral("plaintext"));
        const QList<QStringList> groups = ServerRows::seriesGroups(rows, {});
        QCOMPARE(groups.size(), 2);
        double yMax = -1;
        for (const QStringList &group : groups) {
            int withCi = 0;
            for (const LoadRow &row : rows)
                withCi += group.contains(ServerRows::seriesName(row.server, row.runtime)) && std::isfinite(row.throughputCiLow) ? 1 : 0;
            QVERIFY(withCi > 0);
            std::unique_ptr<QChart> chart(ChartFactory::throughput(rows, QStringLiteral("t"), ChartStyle::forExport(), group));
            QVERIFY(chart);
            QCOMPARE(legendNames(chart.get()), group);
            QCOMPARE(whiskerCount(chart.get()), withCi);
            QVERIFY(chart->axes(Qt::Vertical).first()->titleText().contains(QLatin1String("/s")));
            QVERIFY(chart->axes(Qt::Horizontal).first()->titleText().contains(QLatin1String("connections")));
            // Shared scales: both parts of the endpoint end their value axis at the same place.
            const double top = chart->axes(Qt::Vertical).first()->property("max").toDouble();
            QVERIFY(yMax < 0 || top == yMax);
            yMax = top;

            std::unique_ptr<QChart> latency(ChartFactory::latency(rows, QStringLiteral("l"), ChartStyle::forExport(), group));
            QCOMPARE(legendNames(latency.get()), group);
            QCOMPARE(whiskerCount(latency.get()), withCi);
            QVERIFY(latency->axes(Qt::Vertical).first()->titleText().contains(QLatin1String("ms")));
        }
        // While a set is still measured, no whiskers.
        ChartStyle live = ChartStyle::forExport();
        live.live = true;
        std::unique_ptr<QChart> chart(ChartFactory::throughput(rows, QStringLiteral("t"), live, groups.first()));
        QCOMPARE(whiskerCount(chart.get()), 0);
    }

    void chatChartsDrawDeliveredAgainstOffered()
    {
        const QList<LoadRow> rows = chatRows();
        std::unique_ptr<QChart> chart(ChartFactory::delivered(rows, QStringLiteral("d"), ChartStyle::forExport()));
        QVERIFY(chart);
        QCOMPARE(legendNames(chart.get()), (QStringList{QStringLiteral("delivered = offered"), QStringLiteral("chat-ws (node)"),
                                                        QStringLiteral("chat-websockets (python3)")}));
        for (QAbstractSeries *series : chart->series()) {
            if (series->name() != QLatin1String("chat-ws (node)"))
                continue;
            const QList<QPointF> points = static_cast<QLineSeries *>(series)->points();
            QCOMPARE(points.size(), 2);
            for (const QPointF &point : points) {
                const auto row = std::find_if(rows.begin(), rows.end(), [&](const LoadRow &r) { return r.server == QLatin1String("chat-ws") && r.offeredPerSec == point.x(); });
                QVERIFY(row != rows.end());
                QCOMPARE(point.y(), row->requestsPerSec);
            }
        }
        QVERIFY(chart->axes(Qt::Horizontal).first()->titleText().contains(QLatin1String("messages/s")));
        // Rows that record no offered rate (sets measured before it was counted) draw nothing rather than a wrong line.
        QList<LoadRow> old = rows;
        for (LoadRow &row : old)
            row.offeredPerSec = 0;
        QVERIFY(!ChartFactory::delivered(old, QStringLiteral("d"), ChartStyle::forExport()));
    }

    void capacityChartsDrawTheObjectiveAndTheCi()
    {
        QList<CapacityRow> rows{capacityRow(QStringLiteral("node-http"), QStringLiteral("node"), QStringLiteral("json"), 10),
                                capacityRow(QStringLiteral("asyncio"), QStringLiteral("python3"), QStringLiteral("json"), 10)};
        rows.first().ciLow = 1990;
        rows.first().ciHigh = 2010;
        rows.last().perCore = -1;
        std::unique_ptr<QChart> stick(ChartFactory::latencyAgainstRate(rows, QStringLiteral("h"), ChartStyle::forExport()));
        QVERIFY(stick);
        QCOMPARE(legendNames(stick.get()), (QStringList{QStringLiteral("objective: p99 ≤ 10 ms"), QStringLiteral("node-http (node)"),
                                                        QStringLiteral("asyncio (python3)")}));
        int processLines = 0;
        for (QAbstractSeries *series : stick->series()) {
            const QList<QPointF> points = static_cast<QLineSeries *>(series)->points();
            if (series->name().startsWith(QLatin1String("objective"))) {
                for (const QPointF &point : points)
                    QCOMPARE(point.y(), 10.0);
            } else {
                ++processLines;
                QCOMPARE(points.size(), 3);  // every step of one process, as achieved rate and p99 in ms
                QCOMPARE(points.first().y(), double(rows.first().steps.first().p99Ns) / 1e6);
            }
        }
        QCOMPARE(processLines, 4);  // two servers × two processes

        std::unique_ptr<QChart> bars(ChartFactory::capacityBars(rows, QStringLiteral("c"), ChartStyle::forExport()));
        QVERIFY(bars);
        auto *categories = qobject_cast<QBarCategoryAxis *>(bars->axes(Qt::Vertical).first());
        QVERIFY(categories);
        // First measured at the top (a horizontal bar axis counts from the bottom), whole names, each with its per-core
        // figure on the line below (rich text: <br>).
        QCOMPARE(categories->categories(),
                 (QStringList{QStringLiteral("asyncio (python3)<br>") + ChartFactory::perCoreText(rows.last()),
                              QStringLiteral("node-http (node)<br>") + ChartFactory::perCoreText(rows.first())}));
        QVERIFY(ChartFactory::perCoreText(rows.last()).contains(QLatin1String("unknown")));
        QCOMPARE(whiskerCount(bars.get()), 1);  // only the row with a CI
        QVERIFY(ChartFactory::capacityText(rows.first()).contains(QLatin1String("[")));
        QVERIFY(!ChartFactory::capacityText(rows.last()).contains(QLatin1String("[")));
    }

    void reportServerPagesKeepNamesWholeAndChatApart()
    {
        ResultSetAnalysis analysis;
        analysis.loadRows = httpRows() + chatRows();
        for (const QString &endpoint : {QStringLiteral("plaintext"), QStringLiteral("json")}) {
            for (const QString &server : kServers)
                analysis.capacityRows.append(capacityRow(server, runtimeOf(server), endpoint, 10));
        }
        for (const LoadRow &row : chatRows()) {
            CapacityRow room = capacityRow(row.server, row.runtime, row.endpoint, 50);
            room.benchmark = row.benchmark;
            room.kind = row.kind;
            room.connections = row.connections;
            analysis.capacityRows.append(room);
        }
        ResultSetInfo info;
        info.id = 1;
        info.suite = QStringLiteral("standard");
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY2(ReportWriter::writeResultSet(info, {}, analysis, {}, {}, std::nullopt, ReportFormat::Pdf, &buffer, &error), qPrintable(error));
        QTemporaryDir dir;
        QString text = pdfText(buffer.data(), dir.path());
        QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) is needed");
        const qsizetype concurrency = text.indexOf(QLatin1String("HTTP servers on loopback, one endpoint at a time"));
        const qsizetype realtime = text.indexOf(QLatin1String("A WebSocket chat room: every message"));
        const qsizetype end = text.indexOf(QLatin1String("Methodology"), realtime);
        QVERIFY(concurrency > 0 && realtime > concurrency && end > realtime);
        const QString http = text.mid(concurrency, realtime - concurrency);
        const QString chat = text.mid(realtime, end - realtime);
        // QtCharts cuts a label that does not fit to "name..." (pdftotext reads the ellipsis as three dots).
        for (const QString &section : {http, chat}) {
            QVERIFY2(!section.contains(QChar(0x2026)), "a legend or label was cut short");
            QVERIFY2(!section.contains(QLatin1String("...")), qPrintable(section.mid(section.indexOf(QLatin1String("...")) - 40, 50)));
        }
        for (const QString &endpoint : {QStringLiteral("plaintext"), QStringLiteral("json")}) {
            // One chart per endpoint and kind, split in two for ten servers.
            for (const QString &part : {QStringLiteral("(servers 1–5 of 10)"), QStringLiteral("(servers 6–10 of 10)")}) {
                QVERIFY2(http.contains(QStringLiteral("%1: throughput against connections (higher is better) %2").arg(endpoint, part)), qPrintable(endpoint));
                QVERIFY2(http.contains(QStringLiteral("%1: p99 latency against connections (lower is better) %2").arg(endpoint, part)), qPrintable(endpoint));
                QVERIFY2(http.contains(QStringLiteral("%1: p99 against achieved rate in the capacity search %2").arg(endpoint, part)), qPrintable(endpoint));
            }
            QVERIFY(http.contains(QStringLiteral("%1: capacity at p99 ≤ 10 ms (higher is better)").arg(endpoint)));
        }
        for (const QString &server : kServers) {
            const QString name = QStringLiteral("%1 (%2)").arg(server, runtimeOf(server));
            // Legends of 3 line charts × 2 endpoints, 2 bar labels, 2 load and capacity tables at least.
            QVERIFY2(http.count(name) >= 6, qPrintable(QStringLiteral("%1: %2").arg(name).arg(http.count(name))));
        }
        QVERIFY(!http.contains(QLatin1String("chat-ws")));
        QVERIFY(!http.contains(QLatin1String("chat-websockets")));
        QVERIFY(chat.contains(QLatin1String("chat-ws (node)")));
        QVERIFY(chat.contains(QLatin1String("chat-websockets (python3), 100 clients")));
        QVERIFY(chat.contains(QStringLiteral("Chat room: capacity at p99 ≤ 50 ms")));
        QVERIFY(chat.contains(QLatin1String("chat-websockets (python3)")));
        QVERIFY(!chat.contains(QLatin1String("flask")));
        // The tables give the figures the bars draw.
        for (const CapacityRow &row : analysis.capacityRows)
            QVERIFY((row.kind == QLatin1String("chat") ? chat : http).contains(ChartFactory::capacityText(row)));
        QVERIFY(http.contains(QLatin1String("Req/s [95% CI]")));
        QCOMPARE(ReportWriter::sectionTitles(analysis, {}).filter(QRegularExpression(QStringLiteral("^(Concurrency|Real-time)$"))),
                 (QStringList{QStringLiteral("Concurrency"), QStringLiteral("Real-time")}));
    }
};

QTEST_MAIN(ServerChartsTest)
#include "ServerChartsTest.moc"
