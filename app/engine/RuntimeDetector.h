#pragma once

#include "Executor.h"
#include "RuntimeInfo.h"

#include <QList>

namespace showdown {

/// Finds the interpreters on this machine and asks each for its version, GIL state and libraries.
class RuntimeDetector {
public:
    /// @param nodeModulesDir where `npm ci` put the benchmarks' Node packages (for library detection).
    RuntimeDetector(Executor &executor, QString nodeModulesDir);

    /// node, /usr/bin/python3, python3 on PATH (when it is another file) and pypy3; missing ones are
    /// included with available == false and the way to install them.
    [[nodiscard]] QList<RuntimeInfo> detectDefaults();
    /// Probes an interpreter given by path; `name` empty means derive one from the file name.
    [[nodiscard]] RuntimeInfo probe(const QString &path, const QString &name = {});

    /// The runtimes a run uses when the user named none: node and the preferred Python.
    [[nodiscard]] static QList<RuntimeInfo> defaultSelection(const QList<RuntimeInfo> &detected);

private:
    [[nodiscard]] RuntimeInfo probeAs(const QString &path, const QString &name, const QString &kind);
    [[nodiscard]] QString guessKind(const QString &path);

    Executor &m_executor;
    QString m_nodeModulesDir;
};

} // namespace showdown
