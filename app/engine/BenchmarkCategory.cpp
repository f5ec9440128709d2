#include "BenchmarkCategory.h"

#include "EnumNames.h"

namespace showdown {
namespace {

constexpr EnumNames<BenchmarkCategory::Kind, 7> kNames{{"startup", "cpu", "library", "io", "scaling", "memory", "realtime"}};

} // namespace

std::optional<BenchmarkCategory> BenchmarkCategory::parse(const QString &text)
{
    if (const std::optional<Kind> kind = kNames.parse(text))
        return BenchmarkCategory{*kind};
    return std::nullopt;
}

QStringList BenchmarkCategory::names()
{
    return kNames.all();
}

QString BenchmarkCategory::name() const
{
    return kNames.name(kind);
}

} // namespace showdown
