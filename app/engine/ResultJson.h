#pragma once

#include "ResultAnalysis.h"
#include "ResultSetInfo.h"

#include <QJsonObject>

namespace showdown {

/// The JSON shapes of `showdown list/show --json`, kept in one place so the CLI, exports and tests agree.
class ResultJson {
public:
    [[nodiscard]] static QJsonObject resultSet(const ResultSetInfo &info);
    [[nodiscard]] static QJsonObject row(const SummaryRow &row);
    [[nodiscard]] static QJsonObject comparison(const Comparison &comparison);
    [[nodiscard]] static QJsonObject runtimeComparison(const RuntimeComparison &comparison);
    [[nodiscard]] static QJsonObject loadRow(const LoadRow &row);
    [[nodiscard]] static QJsonObject scalingRow(const ScalingRow &row);
    [[nodiscard]] static QJsonObject capacityRow(const CapacityRow &row);
    // The inverses, so a stored analysis is kept in the very format `show --json` prints: what a reader gets
    // back is what was computed, except SummaryRow::values (raw values are never part of the JSON).
    [[nodiscard]] static SummaryRow rowFromJson(const QJsonObject &object);
    [[nodiscard]] static Comparison comparisonFromJson(const QJsonObject &object);
    [[nodiscard]] static RuntimeComparison runtimeComparisonFromJson(const QJsonObject &object);
    [[nodiscard]] static LoadRow loadRowFromJson(const QJsonObject &object);
    [[nodiscard]] static ScalingRow scalingRowFromJson(const QJsonObject &object);
    [[nodiscard]] static CapacityRow capacityRowFromJson(const QJsonObject &object);
    /// A duration for people: 812 ns, 3.41 µs, 27.9 ms, 1.52 s.
    [[nodiscard]] static QString formatDuration(double ns);
};

} // namespace showdown
