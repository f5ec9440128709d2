#pragma once

#include "RuntimeInfo.h"
#include "RuntimePairing.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// Which runtime each family of a result set is measured against, and the JavaScript × Python pairings the
/// claims are judged on. By default the newest Node and the system CPython (/usr/bin/python3), the runtimes
/// most backends run today, so "should we move to Bun, PyPy or Node 24?" reads as a ratio against them.
class RuntimeBaselines {
public:
    /// The defaults over `runtimes` (a set's runtimes, in the set's order). Never fails: a family without its
    /// preferred kind takes its first runtime.
    [[nodiscard]] static RuntimeBaselines defaults(const QList<RuntimeInfo> &runtimes);
    /// The defaults, with the runtimes named in `requested` (at most one per family) as those families'
    /// baselines; a name that is not one of `runtimes`, or two names of one family, is refused in `error`.
    [[nodiscard]] static std::optional<RuntimeBaselines> choose(const QList<RuntimeInfo> &runtimes, const QStringList &requested,
                                                                QString *error);

    /// The family's baseline runtime name; empty when the set has no runtime of that family.
    [[nodiscard]] QString baseline(RuntimeFamily family) const;
    /// The family's runtimes, baseline first, then in the set's order.
    [[nodiscard]] QList<RuntimeInfo> members(RuntimeFamily family) const;
    /// The family of the runtime called `name`, when it is one of the set's.
    [[nodiscard]] std::optional<RuntimeFamily> familyOf(const QString &name) const;
    /// Every JavaScript runtime against every Python runtime, the two baselines' pairing first; empty
    /// unless both families are present.
    [[nodiscard]] QList<RuntimePairing> pairings() const;
    /// The two baselines' pairing: what a single verdict (a claim card, the CLI's first answer) is about.
    [[nodiscard]] std::optional<RuntimePairing> primary() const;

private:
    QList<RuntimeInfo> m_javascript;  ///< baseline first
    QList<RuntimeInfo> m_python;      ///< baseline first
};

} // namespace showdown
