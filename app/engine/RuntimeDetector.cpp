#include "RuntimeDetector.h"

#include "ParallelFor.h"
#include "RuntimeDiscovery.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace showdown {
namespace {

const QString kGilVariable = QStringLiteral("PYTHON_GIL");

RuntimeInfo missing(const QString &name, std::optional<RuntimeKind> kind, const QString &path, const QString &what)
{
    RuntimeInfo info;
    info.name = name;
    info.path = path;
    if (kind)
        info.setKind(*kind);
    const QString hint = kind ? kind->installHint() : QString();
    info.problem = hint.isEmpty() ? QStringLiteral("%1: %2").arg(name, what) : QStringLiteral("%1: %2; %3").arg(name, what, hint);
    return info;
}

QString failureText(const ProcessResult &result)
{
    const QString stderrTail = QString::fromUtf8(result.stderrTail).trimmed();
    QString text = result.error.isEmpty() ? QStringLiteral("exit status %1").arg(result.exitCode) : result.error;
    if (!stderrTail.isEmpty() && !text.contains(stderrTail))
        text += QStringLiteral(": ") + stderrTail.right(300);
    return text;
}

} // namespace

RuntimeDetector::RuntimeDetector(Executor &executor, QString nodeModulesDir, RuntimeSearchPlaces places)
    : m_executor(executor), m_nodeModulesDir(std::move(nodeModulesDir)), m_places(std::move(places))
{
}

QList<RuntimeInfo> RuntimeDetector::detectAll()
{
    return probeAll(RuntimeDiscovery(m_places).candidates());
}

QList<RuntimeInfo> RuntimeDetector::detectDefaults(const QStringList &alsoNamed)
{
    static const QStringList defaults = {QStringLiteral("node"), QStringLiteral("python3"), QStringLiteral("python3-path"), QStringLiteral("pypy3")};
    QStringList paths;  // a runtime named by its path keeps its detected name
    for (const QString &named : alsoNamed) {
        if (named.contains(QLatin1Char('/')))
            paths.append(QFileInfo(named).absoluteFilePath());
    }
    QList<RuntimeCandidate> chosen;
    for (const RuntimeCandidate &candidate : RuntimeDiscovery(m_places).candidates()) {
        // NAME-gil is the PYTHON_GIL=1 twin of NAME, made once NAME has probed as free-threaded.
        if (defaults.contains(candidate.name) || alsoNamed.contains(candidate.name) || alsoNamed.contains(candidate.name + QStringLiteral("-gil"))
            || (!candidate.missing && paths.contains(candidate.path)))
            chosen.append(candidate);
    }
    return probeAll(chosen);
}

QList<RuntimeInfo> RuntimeDetector::probeAll(const QList<RuntimeCandidate> &candidates)
{
    // Plain vectors filled in place: each thread writes its own element (a QList would check for sharing on each write).
    std::vector<RuntimeInfo> probed(std::size_t(candidates.size()));
    parallelFor(probed.size(), [&](std::size_t i) { probed[i] = probeCandidate(candidates.at(qsizetype(i))); }, kParallelProbes);

    // A free-threaded build with the PYTHON_GIL switch is two runtimes: without the GIL (its default, made
    // explicit so an inherited PYTHON_GIL cannot flip it) and with it. Both are probed under their setting.
    QList<RuntimeCandidate> twins;
    QList<std::size_t> bases;
    for (std::size_t i = 0; i < probed.size(); ++i) {
        if (!probed[i].available || !probed[i].freeThreaded)
            continue;
        for (const QString &value : {QStringLiteral("0"), QStringLiteral("1")}) {
            RuntimeCandidate twin = candidates.at(qsizetype(i));
            twin.environment.insert(kGilVariable, value);
            if (value == QLatin1String("1"))
                twin.name += QStringLiteral("-gil");
            twins.append(twin);
        }
        bases.append(i);
    }
    std::vector<RuntimeInfo> twinInfo(std::size_t(twins.size()));
    parallelFor(twinInfo.size(), [&](std::size_t i) { twinInfo[i] = probeCandidate(twins.at(qsizetype(i))); }, kParallelProbes);
    QList<RuntimeInfo> result;
    for (std::size_t i = 0, pair = 0; i < probed.size(); ++i) {
        if (pair < std::size_t(bases.size()) && bases.at(qsizetype(pair)) == i) {
            const RuntimeInfo &withoutGil = twinInfo[2 * pair];
            const RuntimeInfo &withGil = twinInfo[2 * pair + 1];
            result.append(withoutGil.available ? withoutGil : probed[i]);
            // The switch exists where PYTHON_GIL=1 brings the GIL back; elsewhere there is one runtime.
            if (withGil.available && withGil.gilEnabled.value_or(false))
                result.append(withGil);
            ++pair;
            continue;
        }
        result.append(probed[i]);
    }
    return result;
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

    ProcessSpec spec;
    spec.program = path;
    spec.arguments = {QStringLiteral("--version")};
    spec.timeout = m_probeTimeout;
    const ProcessResult result = m_executor.run(spec, {});
    const std::optional<RuntimeKind> kind =
        result.succeeded() ? RuntimeKind::fromVersionOutput(QString::fromUtf8(result.stdoutData + result.stderrTail)) : std::nullopt;
    if (!kind) {
        RuntimeInfo info = missing(label, {}, path, {});
        info.problem = QStringLiteral("%1: %2 is none of %3 (its --version output was not recognised); "
                                      "give the path of a node, bun, deno, python or pypy interpreter")
                           .arg(label, path, RuntimeKind::names().join(QStringLiteral(", ")));
        if (!result.succeeded())
            info.probeError = failureText(result);
        return info;
    }
    RuntimeCandidate candidate;
    candidate.name = label;
    candidate.path = path;
    candidate.family = kind->family();
    candidate.expected = kind;
    candidate.origin = QStringLiteral("user");
    return probeCandidate(candidate);
}

RuntimeInfo RuntimeDetector::probeCandidate(const RuntimeCandidate &candidate)
{
    if (candidate.missing)
        return missing(candidate.name, candidate.expected, candidate.path,
                       candidate.path.isEmpty() ? QStringLiteral("not found on PATH") : QStringLiteral("not found"));
    const RuntimeKind expected = candidate.expected.value_or(RuntimeKind(RuntimeKind::Node));
    RuntimeInfo info;
    info.name = candidate.name;
    info.path = candidate.path;
    info.environment = candidate.environment;
    info.setKind(expected);

    ProcessSpec spec;
    spec.program = candidate.path;
    spec.timeout = m_probeTimeout;
    spec.environment = candidate.environment;
    spec.arguments = expected.probeArguments(m_nodeModulesDir);
    const ProcessResult result = m_executor.run(spec, {});
    if (!result.succeeded()) {
        info.probeError = failureText(result);
        info.problem = QStringLiteral("%1 (%2) is broken: %3; reinstall it or remove it from the selection")
                           .arg(candidate.name, candidate.path, info.probeError);
        return info;
    }
    QJsonParseError parseError{};
    const QJsonObject probe = QJsonDocument::fromJson(result.stdoutData.trimmed(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || probe.isEmpty()) {
        info.probeError = QStringLiteral("unexpected output: %1").arg(QString::fromUtf8(result.stdoutData.left(200)));
        info.problem = QStringLiteral("%1 (%2) answered the version probe with %3").arg(candidate.name, candidate.path, info.probeError);
        return info;
    }
    info.version = probe.value(QLatin1String("version")).toString();
    info.implementation = probe.value(QLatin1String("implementation")).toString();
    // The runtime's own word decides its kind: a "python3" may be PyPy, a "node" may be Bun.
    const std::optional<RuntimeKind> reported = RuntimeKind::parse(info.implementation);
    if (!reported || reported->family() != expected.family()) {
        info.probeError = QStringLiteral("it reports the implementation \"%1\"").arg(info.implementation);
        info.problem = QStringLiteral("%1 (%2): %3, which Showdown cannot run its %4 programs on (known: %5)")
                           .arg(candidate.name, candidate.path, info.probeError, RuntimeKind::familyName(expected.family()),
                                RuntimeKind::names().join(QStringLiteral(", ")));
        return info;
    }
    info.setKind(*reported);
    if (info.isPython()) {
        info.gilEnabled = probe.value(QLatin1String("gil")).toBool(true);
        info.freeThreaded = probe.value(QLatin1String("free_threaded")).toBool();
        if (info.version.startsWith(QLatin1String("2."))) {
            info.problem = QStringLiteral("%1 (%2) is Python %3; the benchmark programs need Python 3").arg(candidate.name, candidate.path, info.version);
            return info;
        }
    }
    for (const QJsonValue &library : probe.value(QLatin1String("libraries")).toArray())
        info.libraries.append(library.toString());
    info.available = true;
    return info;
}

} // namespace showdown
