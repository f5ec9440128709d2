#pragma once

#include "ClaimInputs.h"
#include "ClaimRules.h"
#include "ClaimVerdict.h"

#include <QList>

namespace showdown {

/// Turns declared rules and a result set's derived rows into verdicts. A pure function of its inputs, so
/// opening another result set (or a test's synthetic rows) recomputes every verdict the same way.
class ClaimEvaluator {
public:
    /// One verdict per claim, in the rules' order.
    [[nodiscard]] static QList<ClaimVerdict> evaluate(const ClaimRules &rules, const ClaimInputs &inputs);
    /// The verdict of one claim; parts combine as CLAIMS.md says.
    [[nodiscard]] static ClaimVerdict evaluateClaim(const ClaimRule &claim, const ClaimRules &rules, const ClaimInputs &inputs);
};

} // namespace showdown
