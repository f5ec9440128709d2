#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace showdown {

/// The variables every benchmark and server process starts with, on top of the inherited environment.
/// numpy's BLAS (OpenBLAS, MKL, BLIS, an OpenMP build) would otherwise use every core against
/// single-threaded JavaScript; pinning it to one thread compares one core with one core.
class BenchmarkEnvironment {
public:
    /// Name → value, applied to every child the suite and server runners start.
    [[nodiscard]] static const QMap<QString, QString> &variables();
    /// The same, as recorded with each result set (parameters.child_environment).
    [[nodiscard]] static QJsonObject toJson();
};

} // namespace showdown
