#include "MachineIdentity.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStringList>

namespace showdown {

QString MachineIdentity::localMachineId()
{
    for (const QString &path : {QStringLiteral("/etc/machine-id"), QStringLiteral("/var/lib/dbus/machine-id")}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray id = file.readAll().trimmed();
        if (id.isEmpty() || id == "uninitialized")
            continue;
        return QString::fromLatin1(QCryptographicHash::hash("showdown:" + id, QCryptographicHash::Sha256).toHex().left(32));
    }
    return {};
}

MachineIdentity MachineIdentity::fromEnvironment(const QJsonObject &environment)
{
    MachineIdentity machine;
    machine.machineId = environment.value(kMachineIdKey).toString();
    machine.hostname = environment.value(QLatin1String("host")).toString();
    machine.label = environment.value(kLabelKey).toString();
    machine.cpuModel = environment.value(QLatin1String("cpu_model")).toString();
    machine.cores = environment.value(QLatin1String("cores")).toInt();
    machine.memoryKb = environment.value(QLatin1String("memory_kb")).toInteger();
    machine.kernel = environment.value(QLatin1String("kernel")).toString();
    machine.architecture = environment.value(QLatin1String("architecture")).toString();
    return machine;
}

QString MachineIdentity::labelProblem(const QString &label)
{
    if (label.trimmed().isEmpty())
        return QStringLiteral("a machine label needs some text, e.g. --label ci-runner");
    if (label.size() > kMaxLabel)
        return QStringLiteral("a machine label may have at most %1 characters").arg(kMaxLabel);
    if (std::any_of(label.begin(), label.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return QStringLiteral("a machine label may not hold control characters");
    return {};
}

QString MachineIdentity::name() const
{
    if (!label.isEmpty())
        return label;
    if (!hostname.isEmpty())
        return hostname;
    return machineId.isEmpty() ? QStringLiteral("unknown machine") : machineId.left(8);
}

QString MachineIdentity::description() const
{
    QStringList parts;
    if (!label.isEmpty() && !hostname.isEmpty())
        parts.append(hostname);
    if (!cpuModel.isEmpty())
        parts.append(cpuModel);
    if (cores > 0)
        parts.append(QStringLiteral("%1 cores").arg(cores));
    if (memoryKb > 0)
        parts.append(QStringLiteral("%1 GB").arg(double(memoryKb) / 1024 / 1024, 0, 'f', 1));
    if (!architecture.isEmpty())
        parts.append(architecture);
    return parts.isEmpty() ? name() : QStringLiteral("%1 (%2)").arg(name(), parts.join(QStringLiteral(", ")));
}

bool MachineIdentity::matches(const QString &filter) const
{
    if (filter.isEmpty())
        return false;
    return filter == label || filter == hostname || filter == machineId || (filter.size() >= 8 && machineId.startsWith(filter));
}

} // namespace showdown
