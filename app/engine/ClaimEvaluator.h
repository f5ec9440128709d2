#pragma once

#include "ClaimInputs.h"
#include "ClaimRules.h"
#include "ClaimVerdict.h"

#include <QList>
#include <QString>

namespace showdown {

/// Every claim's verdict for one JavaScript × Python pairing of a result set.
struct PairingVerdicts {
    RuntimePairing pairing;
    QList<ClaimVerdict> verdicts;  ///< one per claim, in the rules' order
};

/// Turns declared rules and a result set's derived rows into verdicts. A pure function of its inputs, so
/// opening another result set (or a test's synthetic rows) recomputes every verdict the same way.
class ClaimEvaluator {
public:
    /// One verdict per claim, in the rules' order, for inputs.pairing (default: the baselines' pairing).
    [[nodiscard]] static QList<ClaimVerdict> evaluate(const ClaimRules &rules, const ClaimInputs &inputs);
    /// Every claim for every pairing of the set (RuntimeBaselines::pairings(), the baselines' first): the
    /// claims × pairings matrix.
    [[nodiscard]] static QList<PairingVerdicts> evaluateMatrix(const ClaimRules &rules, const ClaimInputs &inputs);
    /// The single verdicts that go with `matrix`: its first column (the baselines' pairing), or for a set without
    /// a pairing (one family only) evaluate()'s, so the window, the CLI and the reports never judge twice or differ.
    [[nodiscard]] static QList<ClaimVerdict> baselineVerdicts(const QList<PairingVerdicts> &matrix, const ClaimRules &rules,
                                                              const ClaimInputs &inputs);
    /// Where a claim's verdict changes with the pairing: "Supported for node vs python3; Not supported for
    /// node vs pypy3"; empty when every pairing gives the same verdict.
    [[nodiscard]] static QString verdictByPairing(const QList<PairingVerdicts> &matrix, const QString &claimId);
    /// The verdict of one claim; parts combine as CLAIMS.md says.
    [[nodiscard]] static ClaimVerdict evaluateClaim(const ClaimRule &claim, const ClaimRules &rules, const ClaimInputs &inputs);
};

} // namespace showdown
