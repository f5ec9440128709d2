#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace showdown {

/// One figure a verdict rests on, with its uncertainty and where it came from, so a reader can check it.
struct ClaimEvidence {
    /// How this figure relates to the rule's expectation.
    static inline const QString kHolds = QStringLiteral("holds");
    static inline const QString kContrary = QStringLiteral("contrary");
    static inline const QString kInconclusive = QStringLiteral("inconclusive");
    static inline const QString kProxy = QStringLiteral("proxy");

    QString figure;                 ///< what the value is, e.g. "node/python3 time ratio, nbody"
    double value = 0;
    std::optional<double> ciLow;    ///< 95% CI where the figure has one
    std::optional<double> ciHigh;
    int n = 0;                      ///< values behind the figure (the smaller side for a ratio)
    std::optional<double> p;        ///< ratio figures: the set's Holm-corrected Mann-Whitney p of that comparison (the Performance page's)
    QString source;                 ///< benchmark/variant/runtime/point, or file:line for a dataset row
    QString url;                    ///< a dataset row's source address
    QString part;                   ///< the label of the rule part this figure belongs to
    QString outcome;                ///< kHolds, kContrary, kInconclusive or kProxy (a finding's: ClaimFinding's)
    QString bound;                  ///< what dominates the benchmark's time (manifest "bound"), where it is one
    QString notes;                  ///< what differs between its Node and Python programs (manifest "notes")

    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace showdown
