#include "BenchmarkBound.h"

#include "EnumNames.h"

namespace showdown {
namespace {

constexpr EnumNames<BenchmarkBound::Kind, 4> kNames{{"code", "library", "startup", "io"}};

} // namespace

std::optional<BenchmarkBound> BenchmarkBound::parse(const QString &text)
{
    if (const std::optional<Kind> kind = kNames.parse(text))
        return BenchmarkBound{*kind};
    return std::nullopt;
}

QStringList BenchmarkBound::names()
{
    return kNames.all();
}

QString BenchmarkBound::name() const
{
    return kNames.name(kind);
}

} // namespace showdown
