#include "BenchmarkBound.h"

#include <array>

namespace showdown {
namespace {

// One table for both directions, in Kind order.
constexpr std::array<const char *, 4> kNames = {"code", "library", "startup", "io"};

} // namespace

std::optional<BenchmarkBound> BenchmarkBound::parse(const QString &text)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (text == QLatin1String(kNames[i]))
            return BenchmarkBound{Kind(i)};
    }
    return std::nullopt;
}

QStringList BenchmarkBound::names()
{
    QStringList list;
    for (const char *name : kNames)
        list << QLatin1String(name);
    return list;
}

QString BenchmarkBound::name() const
{
    return QLatin1String(kNames[size_t(kind)]);
}

} // namespace showdown
