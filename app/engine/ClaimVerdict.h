#pragma once

#include "ClaimEvidence.h"
#include "ClaimFinding.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace showdown {

/// Whether one of the article's claims holds on this machine's data, why, and the figures that decided it.
struct ClaimVerdict {
    static inline const QString kSupported = QStringLiteral("Supported");
    static inline const QString kNotSupported = QStringLiteral("Not supported");
    static inline const QString kMixed = QStringLiteral("Mixed");
    /// Measured, but no figure's interval clears the threshold either way (or too few processes to tell).
    static inline const QString kInconclusive = QStringLiteral("Inconclusive");
    static inline const QString kNotMeasured = QStringLiteral("Not measured");

    QString id;
    QString title;
    QString articleSays;
    QString verdict;
    QString why;
    QStringList holdingParts;   ///< labels of the rule parts that hold, for Mixed
    QStringList missing;        ///< what was not measured, and why
    QList<ClaimEvidence> evidence;
    QList<ClaimFinding> findings;  ///< reported beside the verdict, never part of it (e.g. jit's library-bound kernels)

    /// The documented shape: id, article_says, verdict, why, evidence (plus title, holds, missing, findings).
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace showdown
