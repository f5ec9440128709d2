#pragma once

#include <QString>

namespace showdown {

/// One JavaScript runtime against one Python runtime of a result set: what each of the article's claims is
/// judged on, so a set with node, bun, CPython and PyPy answers the claim once per pairing.
struct RuntimePairing {
    QString javascript;  ///< runtime name (node, bun, node-22.12.0, …)
    QString python;      ///< runtime name (python3, pypy3, python3.13t, …)

    /// "node vs pypy3": how a pairing is named on the cards, in the matrix and in the reports.
    [[nodiscard]] QString label() const { return javascript + QStringLiteral(" vs ") + python; }
    bool operator==(const RuntimePairing &) const = default;
};

} // namespace showdown
