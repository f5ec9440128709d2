#pragma once

#include "BenchmarkBound.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace showdown {

/// The kinds of rule part claims.json knows; ClaimRules refuses any other spelling when it reads the file.
enum class ClaimPartKind {
    Ratio,                ///< Node/Python time ratio of SummaryRows
    ThroughputRatio,      ///< ratio of median throughput (or per-process p99) across server processes
    CapacityRatio,        ///< ratio of median capacities at a latency objective (CapacityRows)
    MemoryPerConnection,  ///< idle-connection memory of a server
    Speedup,              ///< ScalingRows: time at 1 worker / time at N
    Dataset,              ///< a dataset row against the article's figure
    DatasetRatio,         ///< one dataset row over another on the same date
    NotMeasurable,        ///< a claim no benchmark can decide; a labelled proxy
};

/// What a part expects of each figure: its whole CI above or below a threshold, or its value near the article's.
struct ClaimExpectation {
    enum class Test { Above, Below, Within, WithinRelative };
    Test test = Test::Above;
    double threshold = 0;
};

/// `ratio`: Node against Python on the listed benchmarks; every node × python variant pair is a figure.
struct RatioRule {
    QStringList benchmarks;
    std::optional<BenchmarkBound> bound;  ///< keep only benchmarks the manifest declares this bound
    QStringList nodeVariants{QString()};   ///< one empty name when the rule names none
    QStringList pythonVariants{QString()};
    std::optional<int> workers;            ///< absent: the lowest worker count present
};

/// One side of a server ratio: the servers (each one a figure) at a worker count.
struct ServerSide {
    QStringList servers;
    int workers = 1;
};

/// Which server rows a load or capacity part reads and how it pairs them.
struct ServerPoints {
    QString measure;         ///< http or chat
    QString endpoint;        ///< empty: any
    QList<int> connections;  ///< empty: every count at or above minConnections
    int minConnections = 0;
    ServerSide numerator;
    ServerSide denominator;
    bool sameServer = false;  ///< pairing same_server: a server against itself (e.g. 2 workers vs 1)
};

/// `throughput_ratio`: median throughput (or per-process p99) of numerator over denominator at the same
/// connection count, with a bootstrap CI across server processes.
struct ThroughputRatioRule {
    ServerPoints points;
    bool p99 = false;            ///< figure p99: the ratio of the median per-process p99 latencies
    /// sustained: only points both sides kept up with (chat: delivered at least LatencyObjective's share of
    /// what was offered), so two saturated servers are never compared.
    bool onlySustained = false;
};

/// `capacity_ratio`: median capacity at the latency objective of numerator over denominator, with a
/// bootstrap CI across server processes.
struct CapacityRatioRule {
    ServerPoints points;
};

/// `memory_per_connection`.
struct MemoryRule {
    QStringList servers;
    QList<int> connections;
};

/// `speedup`.
struct SpeedupRule {
    QString benchmark;
    QString variant;
    QString runtimeKind;  ///< node or python
    QList<int> workers;
};

/// `dataset`.
struct DatasetRule {
    QString file;
    QJsonObject where;      ///< column -> accepted values
    double articleValue = 0;
    QString latestBy;       ///< empty: every matching row
    QString missingNote;
};

/// `dataset_ratio`.
struct DatasetRatioRule {
    QString file;
    QString dateColumn;
    QJsonObject numerator;
    QJsonObject denominator;
};

/// `not_measurable`.
struct NotMeasurableRule {
    QString proxy;
    QString missingNote;
};

/// One part of a claim as read once from claims.json: the kind, its own fields, and the options every
/// part may set. CLAIMS.md documents each field.
struct ClaimPart {
    ClaimPartKind kind = ClaimPartKind::Ratio;
    QString label;
    std::optional<ClaimExpectation> expect;  ///< absent only for not_measurable
    bool matchAny = false;                   ///< match any: one holding figure is enough
    double minShare = 1;                     ///< with match all: the share of figures that must hold
    int maxContrary = 0;                     ///< with match all: contrary figures the part tolerates
    std::optional<double> maxP;              ///< significance a figure's p must reach; absent: the kind's default
    std::optional<int> minN;                 ///< values a side needs for a CI; absent: the file's default
    std::variant<RatioRule, ThroughputRatioRule, CapacityRatioRule, MemoryRule, SpeedupRule, DatasetRule, DatasetRatioRule,
                 NotMeasurableRule>
        rule;
};

/// A ratio reported beside a verdict without deciding it; `nodeSide`/`pythonSide` name the sides in the summary.
struct ClaimFindingRule {
    QString label;
    RatioRule ratio;
    QString nodeSide;
    QString pythonSide;
};

/// One claim's declared rule, as read from claims.json: its words and the parts its verdict combines.
struct ClaimRule {
    QString id;
    QString title;
    QString articleSays;
    QList<ClaimPart> parts;
    QList<ClaimFindingRule> findings;  ///< reported beside the verdict without deciding it
};

} // namespace showdown
