#pragma once

#include "ClaimVerdict.h"

#include <QColor>
#include <QFrame>

class QChartView;
class QLabel;

namespace showdown {

/// One claim at a glance: the article's words, the verdict, the decisive numbers and a small chart of
/// the figures; a click asks for the full evidence.
class ClaimCard : public QFrame {
    Q_OBJECT
public:
    explicit ClaimCard(QWidget *parent = nullptr);
    /// Shows `verdict`. With several JavaScript × Python pairings, `pairing` names the one the verdict is for
    /// ("node vs python3") and `byPairing` (ClaimEvaluator::verdictByPairing) says where it changes; both empty
    /// for a set of one pairing.
    void setVerdict(const ClaimVerdict &verdict, const QString &pairing = {}, const QString &byPairing = {});
    /// The by-pairing text on show (empty when the verdict is the same for every pairing).
    [[nodiscard]] QString byPairingText() const;
    /// "Verdict for node vs python3", or empty with one pairing.
    [[nodiscard]] QString pairingText() const;
    [[nodiscard]] const ClaimVerdict &verdict() const { return m_verdict; }

    /// The colour a verdict has everywhere (cards, guide, evidence), so it reads the same on every page.
    [[nodiscard]] static QColor verdictColor(const QString &verdict);
    /// Up to `count` figures, those that hold or contradict the claim first: the ones that decided it.
    [[nodiscard]] static QList<ClaimEvidence> decisiveFigures(const QList<ClaimEvidence> &evidence, qsizetype count);
    /// "0.42 [0.40, 0.45]" with the CI when there is one.
    [[nodiscard]] static QString formatFigure(const ClaimEvidence &figure);

signals:
    void clicked(const QString &claimId);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void updateChart();

    ClaimVerdict m_verdict;
    QLabel *m_title = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_pairing = nullptr;
    QLabel *m_byPairing = nullptr;
    QLabel *m_quote = nullptr;
    QLabel *m_numbers = nullptr;
    QChartView *m_chart = nullptr;
};

} // namespace showdown
