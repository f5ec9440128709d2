#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace showdown {

class ClaimCard;

/// The Overview's grid of claim cards, one per claim in the rules, redrawn whenever the verdicts change
/// (another result set opened, more samples, a dataset imported).
class OverviewCards : public QWidget {
    Q_OBJECT
public:
    explicit OverviewCards(QWidget *parent = nullptr);
    /// The cards on show, in the rules' order (tests and screenshots use it).
    [[nodiscard]] const QList<ClaimCard *> &cards() const { return m_cards; }

private:
    void refresh();
    void showEvidence(const QString &claimId);

    QLabel *m_status = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<ClaimCard *> m_cards;
};

} // namespace showdown
