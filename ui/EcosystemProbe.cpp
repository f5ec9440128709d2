#include "EcosystemProbe.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <optional>

namespace showdown {
namespace {

/// Runs a program (no shell) and returns its trimmed stdout, or nullopt with why in `problem`.
std::optional<QString> capture(const QString &program, const QStringList &arguments, QString *problem)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(5000)) {
        *problem = QStringLiteral("%1 not found").arg(program);
        return std::nullopt;
    }
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(2000);
        *problem = QStringLiteral("%1 did not answer within 20 s").arg(program);
        return std::nullopt;
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    // npm ls exits 1 on peer-dependency warnings yet prints a full answer; accept output over status.
    if (out.isEmpty() && process.exitCode() != 0) {
        *problem = QString::fromUtf8(process.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
        return std::nullopt;
    }
    return out;
}

void addTool(EcosystemProbe::Result &result, const QString &name, const QString &program, const QStringList &arguments)
{
    QString problem;
    const std::optional<QString> out = capture(program, arguments, &problem);
    result.tools.append({name, out ? out->section(QLatin1Char('\n'), 0, 0) : QStringLiteral("unavailable: ") + problem});
}

} // namespace

EcosystemProbe::Result EcosystemProbe::run(const QString &python, const QString &nodeModulesDir)
{
    Result result;
    result.python = python;
    addTool(result, QStringLiteral("node"), QStringLiteral("node"), {QStringLiteral("--version")});
    addTool(result, QStringLiteral("npm"), QStringLiteral("npm"), {QStringLiteral("--version")});
    addTool(result, python, python, {QStringLiteral("--version")});
    addTool(result, QStringLiteral("pip (%1 -m pip)").arg(python), python, {QStringLiteral("-m"), QStringLiteral("pip"), QStringLiteral("--version")});

    const QDir modules(nodeModulesDir);
    if (modules.exists()) {
        result.nodeLocalPackages = 0;
        for (const QString &entry : modules.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (entry.startsWith(QLatin1Char('.')))
                continue;
            // Scoped packages (@scope/name) live one level down.
            result.nodeLocalPackages += entry.startsWith(QLatin1Char('@')) ? int(QDir(modules.filePath(entry)).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size()) : 1;
            QFile manifest(modules.filePath(entry + QStringLiteral("/package.json")));
            if (manifest.open(QIODevice::ReadOnly))
                result.nodeVersions.insert(entry.toLower(), QJsonDocument::fromJson(manifest.readAll()).object().value(QStringLiteral("version")).toString());
        }
    }
    QString problem;
    if (const std::optional<QString> global = capture(QStringLiteral("npm"), {QStringLiteral("ls"), QStringLiteral("-g"), QStringLiteral("--depth=0"), QStringLiteral("--json")}, &problem)) {
        const QJsonObject dependencies = QJsonDocument::fromJson(global->toUtf8()).object().value(QStringLiteral("dependencies")).toObject();
        result.nodeGlobalPackages = int(dependencies.size());
        for (auto it = dependencies.begin(); it != dependencies.end(); ++it) {
            if (!result.nodeVersions.contains(it.key().toLower()))
                result.nodeVersions.insert(it.key().toLower(), it.value().toObject().value(QStringLiteral("version")).toString() + QStringLiteral(" (global)"));
        }
    }
    const QString script = QStringLiteral(
        "import json, importlib.metadata as m\n"
        "print(json.dumps({(d.metadata['Name'] or '').lower(): d.version for d in m.distributions()}))\n");
    if (const std::optional<QString> listing = capture(python, {QStringLiteral("-c"), script}, &problem)) {
        const QJsonObject distributions = QJsonDocument::fromJson(listing->toUtf8()).object();
        result.pythonPackages = int(distributions.size());
        for (auto it = distributions.begin(); it != distributions.end(); ++it)
            result.pythonVersions.insert(it.key(), it.value().toString());
    }
    return result;
}

} // namespace showdown
