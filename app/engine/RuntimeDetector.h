#pragma once

#include "Executor.h"
#include "RuntimeCandidate.h"
#include "RuntimeInfo.h"
#include "RuntimeSearchPlaces.h"

#include <QList>

#include <chrono>

namespace showdown {

/// Finds the interpreters on this machine (RuntimeDiscovery) and asks each, in parallel and under a time
/// limit, for its kind, version, GIL state and libraries. Blocks its (worker) thread while probing: the
/// window calls it through Inventory, off the GUI thread.
class RuntimeDetector {
public:
    /// A probe that has not answered by then is reported broken (a hung interpreter must not hang detection).
    static constexpr std::chrono::seconds kProbeTimeout{10};
    /// Probes run at once: they mostly wait on their children.
    static constexpr std::size_t kParallelProbes = 8;

    /// @param nodeModulesDir where `npm ci` put the benchmarks' Node packages (for library detection).
    /// @param places where discovery looks (the environment; a fake home in tests).
    RuntimeDetector(Executor &executor, QString nodeModulesDir, RuntimeSearchPlaces places = RuntimeSearchPlaces::fromEnvironment());

    /// Another limit per probe (tests use a short one to show a hung interpreter cannot hold detection up).
    void setProbeTimeout(std::chrono::milliseconds timeout) { m_probeTimeout = timeout; }

    /// Every runtime discovery finds, in its order, each free-threaded CPython as two (PYTHON_GIL=0 under
    /// its name, PYTHON_GIL=1 as NAME-gil) where the switch exists; missing defaults and broken
    /// interpreters included with available == false and why.
    [[nodiscard]] QList<RuntimeInfo> detectAll();
    /// What a run needs without probing everything: node, python3, python3-path and pypy3 (as before),
    /// plus the runtimes `alsoNamed` names or gives the path of (`--runtime NAME|PATH`).
    [[nodiscard]] QList<RuntimeInfo> detectDefaults(const QStringList &alsoNamed = {});
    /// Probes an interpreter given by path, its kind told by its `--version` output; `name` empty means
    /// derive one from the file name.
    [[nodiscard]] RuntimeInfo probe(const QString &path, const QString &name = {});

    /// The runtimes a run uses when the user named none: node and the preferred Python.
    [[nodiscard]] static QList<RuntimeInfo> defaultSelection(const QList<RuntimeInfo> &detected);

private:
    [[nodiscard]] QList<RuntimeInfo> probeAll(const QList<RuntimeCandidate> &candidates);
    [[nodiscard]] RuntimeInfo probeCandidate(const RuntimeCandidate &candidate);

    Executor &m_executor;
    QString m_nodeModulesDir;
    RuntimeSearchPlaces m_places;
    std::chrono::milliseconds m_probeTimeout = kProbeTimeout;
};

} // namespace showdown
