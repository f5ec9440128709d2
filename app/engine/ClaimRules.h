#pragma once

#include "ClaimRule.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace showdown {

/// The verdict rules, kept in a data file (resources/data/claims.json) so thresholds and the rows each
/// claim reads are declared in one reviewable place instead of scattered through code.
class ClaimRules {
public:
    /// Parses and validates the rule file; any mistake is reported with the claim and part it is in.
    [[nodiscard]] static std::optional<ClaimRules> parse(const QByteArray &json, QString *error);
    [[nodiscard]] static std::optional<ClaimRules> load(const QString &path, QString *error);
    /// The shipped rules from ResourceLocator::dataDir().
    [[nodiscard]] static std::optional<ClaimRules> loadShipped(QString *error);

    [[nodiscard]] const QList<ClaimRule> &claims() const { return m_claims; }
    [[nodiscard]] double confidence() const { return m_confidence; }
    [[nodiscard]] double maxP() const { return m_maxP; }
    [[nodiscard]] int minN() const { return m_minN; }

private:
    QList<ClaimRule> m_claims;
    double m_confidence = 0.95;
    double m_maxP = 0.05;
    int m_minN = 3;
};

} // namespace showdown
