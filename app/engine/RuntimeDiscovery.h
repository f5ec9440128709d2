#pragma once

#include "RuntimeCandidate.h"
#include "RuntimeSearchPlaces.h"

#include <QList>

namespace showdown {

/// Lists the runtimes on this machine from files alone (PATH, system folders, version managers,
/// Showdown's data folder), one candidate per interpreter: a link and its target are one (by canonical
/// path). Starts no process; RuntimeDetector probes what it finds.
class RuntimeDiscovery {
public:
    explicit RuntimeDiscovery(RuntimeSearchPlaces places);

    /// Every candidate, defaults first (node, python3, python3-path, pypy3, bun, deno), then versioned
    /// system interpreters, then version managers and Showdown's data folder. Defaults not found are
    /// included with `missing` set. Names are unique.
    [[nodiscard]] QList<RuntimeCandidate> candidates() const;

private:
    struct Found;
    void addDefaults(Found &found) const;
    void addSystemVersions(Found &found) const;
    void addNodeManagers(Found &found) const;
    void addPythonManagers(Found &found) const;
    void addShowdownData(Found &found) const;
    [[nodiscard]] QString under(const QString &override, const QString &homeRelative) const;

    RuntimeSearchPlaces m_places;
};

} // namespace showdown
