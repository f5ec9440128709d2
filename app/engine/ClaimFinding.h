#pragma once

#include "ClaimEvidence.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace showdown {

/// A result reported beside a claim's verdict without deciding it: e.g. who wins the library-bound kernels,
/// which time native code on both sides and so say nothing about a JIT against an interpreter.
struct ClaimFinding {
    static inline const QString kNodeFaster = QStringLiteral("node faster");
    static inline const QString kPythonFaster = QStringLiteral("python faster");
    static inline const QString kTooClose = QStringLiteral("too close");

    QString label;
    QString summary;             ///< one sentence naming the kernels each side wins, computed from the figures
    QStringList nodeWins;        ///< benchmarks where Node took less time, CI clear of 1x
    QStringList pythonWins;      ///< benchmarks where Python took less time, CI clear of 1x
    QStringList tooClose;        ///< measured, but neither side's lead is clear of the noise
    QStringList missing;         ///< asked for but not measured, and why
    QList<ClaimEvidence> evidence;  ///< outcome: kNodeFaster, kPythonFaster or kTooClose

    /// label, summary, node_wins, python_wins, too_close, missing, evidence.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace showdown
