#include "RuntimeDetector.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>

namespace showdown {
namespace {

constexpr auto kProbeTimeout = std::chrono::seconds(20);

// Optional libraries decide which benchmarks can run; they are looked up, never imported, so a probe
// stays fast.
const char kPythonProbe[] =
    "import sys, json, platform, importlib.util\n"
    "mods = ('numpy', 'uvloop', 'aiohttp', 'flask', 'fastapi', 'uvicorn', 'httptools', 'websockets', 'gunicorn', 'waitress')\n"
    "libs = [m for m in mods if importlib.util.find_spec(m) is not None]\n"
    "g = getattr(sys, '_is_gil_enabled', None)\n"
    // Before 3.13 there is no way to build without the GIL, so it is always on.
    "print(json.dumps({'version': platform.python_version(), 'implementation': sys.implementation.name,\n"
    "                  'gil': g() if g else True, 'libraries': libs}))\n";

const char kNodeProbe[] =
    "const libs = [];"
    "for (const m of ['express', 'ws']) { try { require.resolve(m, { paths: [process.argv[1]] }); libs.push(m); } catch (e) {} }"
    "console.log(JSON.stringify({ version: process.version, implementation: 'node', libraries: libs }));";

QString installHint(const QString &name)
{
    if (name == QLatin1String("node"))
        return QStringLiteral("install it with: apt-get install nodejs");
    if (name == QLatin1String("pypy3"))
        return QStringLiteral("install it with: apt-get install pypy3");
    return QStringLiteral("install it with: apt-get install python3");
}

RuntimeInfo missing(const QString &name, const QString &kind, const QString &path, const QString &what)
{
    RuntimeInfo info;
    info.name = name;
    info.kind = kind;
    info.path = path;
    info.problem = QStringLiteral("%1: %2; %3").arg(name, what, installHint(name));
    return info;
}

} // namespace

RuntimeDetector::RuntimeDetector(Executor &executor, QString nodeModulesDir)
    : m_executor(executor), m_nodeModulesDir(std::move(nodeModulesDir))
{
}

QList<RuntimeInfo> RuntimeDetector::detectDefaults()
{
    QList<RuntimeInfo> runtimes;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    runtimes.append(node.isEmpty() ? missing(QStringLiteral("node"), QStringLiteral("node"), {}, QStringLiteral("not found on PATH"))
                                   : probeAs(node, QStringLiteral("node"), QStringLiteral("node")));

    const QString debianPython = QStringLiteral("/usr/bin/python3");
    runtimes.append(QFileInfo::exists(debianPython)
                        ? probeAs(debianPython, QStringLiteral("python3"), QStringLiteral("python"))
                        : missing(QStringLiteral("python3"), QStringLiteral("python"), debianPython, QStringLiteral("not found")));

    // python3 on PATH is often another interpreter (pyenv, a venv); it is offered when it is a different file.
    const QString pathPython = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!pathPython.isEmpty()
        && QFileInfo(pathPython).canonicalFilePath() != QFileInfo(debianPython).canonicalFilePath())
        runtimes.append(probeAs(pathPython, QStringLiteral("python3-path"), QStringLiteral("python")));

    const QString pypy = QStandardPaths::findExecutable(QStringLiteral("pypy3"));
    runtimes.append(pypy.isEmpty() ? missing(QStringLiteral("pypy3"), QStringLiteral("python"), {}, QStringLiteral("not found on PATH"))
                                   : probeAs(pypy, QStringLiteral("pypy3"), QStringLiteral("python")));
    return runtimes;
}

QList<RuntimeInfo> RuntimeDetector::defaultSelection(const QList<RuntimeInfo> &detected)
{
    QList<RuntimeInfo> selection;
    for (const QString &preferred : {QStringLiteral("node"), QStringLiteral("python3")}) {
        for (const RuntimeInfo &runtime : detected) {
            if (runtime.name == preferred && runtime.available)
                selection.append(runtime);
        }
    }
    // Without Debian's python3, the python3 on PATH stands in.
    const bool hasPython = std::any_of(selection.begin(), selection.end(), [](const RuntimeInfo &r) { return r.isPython(); });
    if (!hasPython) {
        for (const RuntimeInfo &runtime : detected) {
            if (runtime.name == QLatin1String("python3-path") && runtime.available)
                selection.append(runtime);
        }
    }
    return selection;
}

RuntimeInfo RuntimeDetector::probe(const QString &path, const QString &name)
{
    const QString label = name.isEmpty() ? QFileInfo(path).fileName() : name;
    const QFileInfo file(path);
    if (!file.exists())
        return missing(label, {}, path, QStringLiteral("%1 does not exist").arg(path));
    if (!file.isFile() || !file.isExecutable())
        return missing(label, {}, path, QStringLiteral("%1 is not an executable file").arg(path));
    const QString kind = guessKind(path);
    if (kind.isEmpty()) {
        RuntimeInfo info;
        info.name = label;
        info.path = path;
        info.problem = QStringLiteral("%1: %2 is neither Node.js nor Python (its --version output was not recognised); "
                                      "give the path of a node or python interpreter")
                           .arg(label, path);
        return info;
    }
    return probeAs(path, label, kind);
}

QString RuntimeDetector::guessKind(const QString &path)
{
    ProcessSpec spec;
    spec.program = path;
    spec.arguments = {QStringLiteral("--version")};
    spec.timeout = kProbeTimeout;
    const ProcessResult result = m_executor.run(spec, {});
    const QString text = QString::fromUtf8(result.stdoutData + result.stderrTail).trimmed();
    if (!result.succeeded())
        return {};
    if (text.startsWith(QLatin1String("Python ")))
        return QStringLiteral("python");
    if (text.size() > 1 && text.front() == QLatin1Char('v') && text.at(1).isDigit())
        return QStringLiteral("node");
    return {};
}

RuntimeInfo RuntimeDetector::probeAs(const QString &path, const QString &name, const QString &kind)
{
    RuntimeInfo info;
    info.name = name;
    info.kind = kind;
    info.path = path;

    ProcessSpec spec;
    spec.program = path;
    spec.timeout = kProbeTimeout;
    spec.arguments = kind == QLatin1String("node")
                         ? QStringList{QStringLiteral("-e"), QString::fromLatin1(kNodeProbe), m_nodeModulesDir}
                         : QStringList{QStringLiteral("-c"), QString::fromLatin1(kPythonProbe)};
    const ProcessResult result = m_executor.run(spec, {});
    if (!result.succeeded()) {
        info.problem = QStringLiteral("%1 (%2) is broken: %3; reinstall it or remove it from the selection")
                           .arg(name, path, result.error);
        return info;
    }
    QJsonParseError parseError{};
    const QJsonObject probe = QJsonDocument::fromJson(result.stdoutData.trimmed(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || probe.isEmpty()) {
        info.problem = QStringLiteral("%1 (%2) answered the version probe with unexpected output: %3")
                           .arg(name, path, QString::fromUtf8(result.stdoutData.left(200)));
        return info;
    }
    info.version = probe.value(QLatin1String("version")).toString();
    info.implementation = probe.value(QLatin1String("implementation")).toString();
    if (info.isPython())
        info.gilEnabled = probe.value(QLatin1String("gil")).toBool(true);
    for (const QJsonValue &library : probe.value(QLatin1String("libraries")).toArray())
        info.libraries.append(library.toString());
    info.available = true;
    return info;
}

} // namespace showdown
