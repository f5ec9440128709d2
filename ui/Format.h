#pragma once

#include <QString>

namespace showdown {

/// One way to write numbers everywhere in the window and the report: same units, same precision.
class Format {
public:
    /// Nanoseconds as "1.23 s", "45.6 ms", "789 µs"; "–" when not finite.
    [[nodiscard]] static QString duration(double ns);
    /// Kilobytes as "41.2 MB".
    [[nodiscard]] static QString megabytes(double kb);
    /// A node/python time ratio as "0.42×".
    [[nodiscard]] static QString ratio(double value);
    /// Which side is faster and by how much, e.g. "node 2.4× faster".
    [[nodiscard]] static QString faster(double ratio, const QString &node, const QString &python);
    [[nodiscard]] static QString percent(double fraction);
    [[nodiscard]] static QString pValue(double p);
    /// A count with thousands separators.
    [[nodiscard]] static QString count(double value);
};

} // namespace showdown
