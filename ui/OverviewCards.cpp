#include "OverviewCards.h"

#include "ClaimCard.h"
#include "ClaimEvidenceDialog.h"
#include "ClaimsSession.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace showdown {
namespace {
constexpr int kColumns = 3;
}

OverviewCards::OverviewCards(QWidget *parent) : QWidget(parent)
{
    m_status = new QLabel(tr("Judging the article's claims…"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_grid = new QGridLayout;
    m_grid->setSpacing(8);
    for (int column = 0; column < kColumns; ++column)
        m_grid->setColumnStretch(column, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addLayout(m_grid);
    connect(ClaimsSession::shared(), &ClaimsSession::changed, this, &OverviewCards::refresh);
    refresh();
}

void OverviewCards::refresh()
{
    const ClaimsSession &session = *ClaimsSession::shared();
    if (!session.ready())
        return;
    const ClaimsSession::State &state = session.state();
    if (!state.rulesError.isEmpty()) {
        m_status->setText(tr("The claim rules could not be read, so no verdict can be given: %1").arg(state.rulesError));
        return;
    }
    m_status->setText(state.resultSetId == 0
                          ? tr("<b>The article's claims.</b> No result set is open: only the dataset claims can be judged; run a suite for the rest.")
                          : tr("<b>The article's claims, judged on result set #%1</b> by the rules in claims.json. Click a card for every figure "
                               "with its n, CI, p-value and source.")
                                .arg(state.resultSetId));
    // Malformed dataset rows are skipped, never fatal, but the reader must know which ones.
    if (!state.datasets.issues().isEmpty())
        m_status->setText(m_status->text() + tr("<br><b>Dataset rows skipped:</b> %1").arg(state.datasets.issues().join(QStringLiteral("; ")).toHtmlEscaped()));
    while (m_cards.size() < state.verdicts.size()) {
        auto *card = new ClaimCard;
        connect(card, &ClaimCard::clicked, this, &OverviewCards::showEvidence);
        m_grid->addWidget(card, int(m_cards.size()) / kColumns, int(m_cards.size()) % kColumns);
        m_cards.append(card);
    }
    for (qsizetype i = 0; i < m_cards.size(); ++i) {
        m_cards.at(i)->setVisible(i < state.verdicts.size());
        if (i < state.verdicts.size())
            m_cards.at(i)->setVerdict(state.verdicts.at(i), session.verdictPairing(), session.verdictByPairing(state.verdicts.at(i).id));
    }
}

void OverviewCards::showEvidence(const QString &claimId)
{
    if (const std::optional<ClaimVerdict> verdict = ClaimsSession::shared()->verdict(claimId))
        (new ClaimEvidenceDialog(*verdict, this))->show();
}

} // namespace showdown
