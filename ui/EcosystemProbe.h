#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace showdown {

/// What this machine has installed: runtime and package-manager versions, how many Node and Python
/// packages are present, and which web frameworks. Runs child processes, so call it off the GUI thread.
class EcosystemProbe {
public:
    struct Result {
        QList<QPair<QString, QString>> tools;    ///< e.g. ("npm", "10.8.2"), or the problem in place of a version
        int nodeLocalPackages = -1;               ///< in resources/benchmarks/node/node_modules; -1 unknown
        int nodeGlobalPackages = -1;              ///< `npm ls -g --depth=0`; -1 unknown
        int pythonPackages = -1;                  ///< distributions importlib.metadata sees; -1 unknown
        QMap<QString, QString> nodeVersions;      ///< lower-case package name -> version
        QMap<QString, QString> pythonVersions;    ///< lower-case distribution name -> version
        QString python;                           ///< the interpreter probed
    };

    /// Probes with `python` (e.g. /usr/bin/python3) and node/npm from PATH; each step has a timeout and a
    /// failed step is reported in place of its value, never as zero.
    [[nodiscard]] static Result run(const QString &python, const QString &nodeModulesDir);
};

} // namespace showdown
