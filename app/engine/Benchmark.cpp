#include "Benchmark.h"

#include <QJsonArray>

namespace showdown {

QJsonObject Benchmark::toJson() const
{
    QJsonObject suites;
    for (auto it = sizes.cbegin(); it != sizes.cend(); ++it) {
        suites.insert(it.key(), QJsonObject{{QStringLiteral("size"), it->size},
                                            {QStringLiteral("runs"), it->runs},
                                            {QStringLiteral("iterations"), it->iterations},
                                            {QStringLiteral("warmup"), it->warmup},
                                            {QStringLiteral("checksum"), it->checksum}});
    }
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("category"), category},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("claims"), QJsonArray::fromStringList(claims)},
                       {QStringLiteral("measure"), measure},
                       {QStringLiteral("timeout_s"), timeoutSeconds},
                       {QStringLiteral("node"), nodeScript},
                       {QStringLiteral("python"), pythonScript},
                       {QStringLiteral("sizes"), suites}};
}

} // namespace showdown
