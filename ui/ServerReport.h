#pragma once

#include "ChartFactory.h"
#include "ResultSetAnalysis.h"

#include <QStringList>

namespace showdown {

class ReportDocument;

/// The report's server sections: Concurrency (per HTTP endpoint: throughput and p99 against connections,
/// latency against the achieved rate, capacity bars; the load and capacity tables) and Real-time (the chat
/// room). The same ServerRows cut and ChartFactory charts as the window's pages, so paper and screen agree,
/// and the tables list exactly the rows the charts draw.
class ServerReport {
public:
    /// The sections write() adds for this analysis, in order ("Concurrency", "Real-time", or none).
    [[nodiscard]] static QStringList sectionTitles(const ResultSetAnalysis &analysis);
    /// Adds the sections (level-1 headings, charts, tables) to the report.
    /// @param style the report's chart style, which carries the set's runtimes so each keeps its colour.
    static void write(ReportDocument &layout, const ResultSetAnalysis &analysis, const ChartStyle &style);
    /// The Concurrency section's charts and tables without its heading, for HTTP servers drawn inside another
    /// section ("Your benchmarks" draws the user's servers with it: the same charts and tables as Concurrency's).
    /// Nothing when the analysis holds no HTTP server rows.
    static void writeServers(ReportDocument &layout, const ResultSetAnalysis &analysis, const ChartStyle &style);
};

} // namespace showdown
