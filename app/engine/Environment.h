#pragma once

#include <QJsonObject>

namespace showdown {

/// Describes the machine a result set was measured on, so results from different machines can be told apart.
class Environment {
public:
    /// CPU model, cores, memory, kernel, OS, CPU governor, load average and host name, read from /proc and /sys.
    [[nodiscard]] static QJsonObject capture();
};

} // namespace showdown
