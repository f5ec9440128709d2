#pragma once

#include <QJsonObject>

namespace showdown {

/// Describes the machine a result set was measured on, so results from different machines can be told apart.
class Environment {
public:
    /// CPU model, cores, memory, kernel, OS, CPU governor, load average, host name and machine id (MachineIdentity),
    /// read from /proc, /sys and /etc.
    [[nodiscard]] static QJsonObject capture();
};

} // namespace showdown
