#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace showdown {

/// The spelling of each value of a small enum, in value order: one table read both ways, so a manifest's
/// word and the enum can never drift apart (BenchmarkBound, BenchmarkCategory).
template<typename Kind, std::size_t N>
struct EnumNames {
    std::array<const char *, N> names;

    /// The value spelled `text`; nothing for any other text.
    [[nodiscard]] std::optional<Kind> parse(const QString &text) const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (text == QLatin1String(names[i]))
                return Kind(i);
        }
        return std::nullopt;
    }
    /// Every accepted spelling, for error messages.
    [[nodiscard]] QStringList all() const
    {
        QStringList list;
        for (const char *name : names)
            list << QLatin1String(name);
        return list;
    }
    [[nodiscard]] QString name(Kind kind) const { return QLatin1String(names[std::size_t(kind)]); }
};

} // namespace showdown
