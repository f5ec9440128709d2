#include "BenchmarkEnvironment.h"

namespace showdown {

const QMap<QString, QString> &BenchmarkEnvironment::variables()
{
    // One thread for every BLAS/LAPACK and OpenMP runtime numpy may have been built against.
    static const QMap<QString, QString> pinned = {
        {QStringLiteral("OPENBLAS_NUM_THREADS"), QStringLiteral("1")},
        {QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1")},
        {QStringLiteral("MKL_NUM_THREADS"), QStringLiteral("1")},
        {QStringLiteral("BLIS_NUM_THREADS"), QStringLiteral("1")},
        {QStringLiteral("VECLIB_MAXIMUM_THREADS"), QStringLiteral("1")},
        {QStringLiteral("NUMEXPR_NUM_THREADS"), QStringLiteral("1")},
    };
    return pinned;
}

QJsonObject BenchmarkEnvironment::toJson()
{
    QJsonObject json;
    for (auto it = variables().cbegin(); it != variables().cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace showdown
