#pragma once

#include <QJsonObject>
#include <QString>

namespace showdown {

/// Which machine a result set was measured on, so sets from many machines can meet in one team store and be
/// filtered, grouped and compared by machine. Read from (and written into) the set's environment JSON, which
/// Environment::capture() fills: nothing is recorded twice.
struct MachineIdentity {
    QString machineId;  ///< stable across reboots and renames: derived from /etc/machine-id (empty where there is none)
    QString hostname;
    QString label;      ///< what the user called it (`run --label prod-c7i.large`); empty when not given
    QString cpuModel;
    int cores = 0;
    qint64 memoryKb = 0;
    QString kernel;
    QString architecture;

    /// The environment keys of the fields only this type adds.
    static inline const QString kMachineIdKey = QStringLiteral("machine_id");
    static inline const QString kLabelKey = QStringLiteral("label");
    /// The longest label accepted.
    static constexpr int kMaxLabel = 64;

    /// This machine's id: a SHA-256 of /etc/machine-id (or D-Bus's copy) keyed with Showdown's name, as systemd
    /// asks of applications (machine-id(5)), so the raw id never leaves the machine; empty where neither exists
    /// (some containers): the label then tells machines apart.
    [[nodiscard]] static QString localMachineId();
    /// The identity a set's environment records; fields it lacks (sets from older Showdowns) stay empty.
    [[nodiscard]] static MachineIdentity fromEnvironment(const QJsonObject &environment);
    /// Why `label` cannot name a machine (empty, too long, control characters), or an empty string when it can.
    [[nodiscard]] static QString labelProblem(const QString &label);
    /// How people name the machine: its label, else its host name, else the start of its id.
    [[nodiscard]] QString name() const;
    /// The name with the host and hardware: "prod-c7i.large (ip-10-0-0-7, Intel Xeon, 2 cores, 3.8 GB, x86_64)".
    [[nodiscard]] QString description() const;
    /// Whether `filter` names this machine: its label, host name or id (or the start of the id, 8 characters or more).
    [[nodiscard]] bool matches(const QString &filter) const;
};

} // namespace showdown
