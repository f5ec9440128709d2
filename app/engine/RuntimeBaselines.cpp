#include "RuntimeBaselines.h"

#include <QVersionNumber>

#include <algorithm>

namespace showdown {
namespace {

std::optional<RuntimeFamily> familyOfRuntime(const RuntimeInfo &runtime)
{
    const std::optional<RuntimeKind> kind = runtime.resolvedKind();
    return kind ? std::optional<RuntimeFamily>(kind->family()) : std::nullopt;
}

bool isKind(const RuntimeInfo &runtime, RuntimeKind::Id id)
{
    const std::optional<RuntimeKind> kind = runtime.resolvedKind();
    return kind && kind->id() == id;
}

QVersionNumber versionOf(const RuntimeInfo &runtime)
{
    QString text = runtime.version;
    if (text.startsWith(QLatin1Char('v')))
        text.remove(0, 1);
    return QVersionNumber::fromString(text);
}

/// Moves the runtime at `index` to the front, keeping the others in the set's order.
void putFirst(QList<RuntimeInfo> &runtimes, qsizetype index)
{
    if (index > 0)
        runtimes.move(index, 0);
}

/// The newest Node (a tie keeps the first), else the first JavaScript runtime.
qsizetype defaultJavaScript(const QList<RuntimeInfo> &runtimes)
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < runtimes.size(); ++i) {
        if (isKind(runtimes.at(i), RuntimeKind::Node) && (best < 0 || versionOf(runtimes.at(i)) > versionOf(runtimes.at(best))))
            best = i;
    }
    return best;
}

/// The system CPython (Debian's /usr/bin/python3, detected as python3), else the first CPython, else the
/// first Python runtime.
qsizetype defaultPython(const QList<RuntimeInfo> &runtimes)
{
    for (qsizetype i = 0; i < runtimes.size(); ++i) {
        const RuntimeInfo &runtime = runtimes.at(i);
        if (isKind(runtime, RuntimeKind::CPython) && runtime.environment.isEmpty()
            && (runtime.path == QLatin1String("/usr/bin/python3") || runtime.name == QLatin1String("python3")))
            return i;
    }
    const auto cpython = std::find_if(runtimes.begin(), runtimes.end(), [](const RuntimeInfo &r) { return isKind(r, RuntimeKind::CPython); });
    return cpython == runtimes.end() ? -1 : qsizetype(cpython - runtimes.begin());
}

} // namespace

RuntimeBaselines RuntimeBaselines::defaults(const QList<RuntimeInfo> &runtimes)
{
    RuntimeBaselines baselines;
    for (const RuntimeInfo &runtime : runtimes) {
        const std::optional<RuntimeFamily> family = familyOfRuntime(runtime);
        if (family == RuntimeFamily::JavaScript)
            baselines.m_javascript.append(runtime);
        else if (family == RuntimeFamily::Python)
            baselines.m_python.append(runtime);
    }
    putFirst(baselines.m_javascript, defaultJavaScript(baselines.m_javascript));
    putFirst(baselines.m_python, defaultPython(baselines.m_python));
    return baselines;
}

std::optional<RuntimeBaselines> RuntimeBaselines::choose(const QList<RuntimeInfo> &runtimes, const QStringList &requested,
                                                         QString *error)
{
    RuntimeBaselines baselines = defaults(runtimes);
    QList<RuntimeFamily> chosen;
    for (const QString &name : requested) {
        const std::optional<RuntimeFamily> family = baselines.familyOf(name);
        if (!family) {
            QStringList names;
            for (const RuntimeInfo &runtime : baselines.m_javascript + baselines.m_python)
                names << runtime.name;
            *error = QStringLiteral("baseline \"%1\" is not a runtime of this result set; it has %2")
                         .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (chosen.contains(*family)) {
            *error = QStringLiteral("two baselines for %1 runtimes; name at most one per family")
                         .arg(RuntimeKind::familyName(*family));
            return std::nullopt;
        }
        chosen << *family;
        QList<RuntimeInfo> &members = *family == RuntimeFamily::JavaScript ? baselines.m_javascript : baselines.m_python;
        const auto it = std::find_if(members.begin(), members.end(), [&](const RuntimeInfo &r) { return r.name == name; });
        const RuntimeInfo picked = *it;
        members.erase(it);
        members.prepend(picked);
    }
    return baselines;
}

QString RuntimeBaselines::baseline(RuntimeFamily family) const
{
    const QList<RuntimeInfo> &members = family == RuntimeFamily::JavaScript ? m_javascript : m_python;
    return members.isEmpty() ? QString() : members.first().name;
}

QList<RuntimeInfo> RuntimeBaselines::members(RuntimeFamily family) const
{
    return family == RuntimeFamily::JavaScript ? m_javascript : m_python;
}

std::optional<RuntimeFamily> RuntimeBaselines::familyOf(const QString &name) const
{
    const auto named = [&](const RuntimeInfo &runtime) { return runtime.name == name; };
    if (std::any_of(m_javascript.begin(), m_javascript.end(), named))
        return RuntimeFamily::JavaScript;
    if (std::any_of(m_python.begin(), m_python.end(), named))
        return RuntimeFamily::Python;
    return std::nullopt;
}

QList<RuntimePairing> RuntimeBaselines::pairings() const
{
    // Baselines first in each family, so the first pairing is the baselines' and the order reads as
    // "the usual JavaScript against each Python, then the next JavaScript…".
    QList<RuntimePairing> result;
    for (const RuntimeInfo &javascript : m_javascript) {
        for (const RuntimeInfo &python : m_python)
            result.append({javascript.name, python.name});
    }
    return result;
}

std::optional<RuntimePairing> RuntimeBaselines::primary() const
{
    if (m_javascript.isEmpty() || m_python.isEmpty())
        return std::nullopt;
    return RuntimePairing{m_javascript.first().name, m_python.first().name};
}

} // namespace showdown
