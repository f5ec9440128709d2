#pragma once

#include "RuntimeKind.h"

#include <QMap>
#include <QString>

#include <optional>

namespace showdown {

/// An executable discovery found (or a default it looked for and did not find), before it is probed:
/// files only, so finding them starts no process.
struct RuntimeCandidate {
    QString name;    ///< the runtime's name if it probes well (README.md, "Runtimes and their names")
    QString path;    ///< absolute, as found (not resolved: a link keeps the name people know it by)
    RuntimeFamily family = RuntimeFamily::JavaScript;
    std::optional<RuntimeKind> expected;  ///< the kind looked for (what a missing default says to install)
    QString origin;  ///< where it was found: path, system, nvm, fnm, volta, asdf, pyenv, uv, conda, showdown
    QMap<QString, QString> environment;   ///< PYTHON_GIL for the two runtimes of a free-threaded build
    bool missing = false;  ///< a default that is not on this machine: listed with how to install it
};

} // namespace showdown
