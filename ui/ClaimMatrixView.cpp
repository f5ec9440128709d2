#include "ClaimMatrixView.h"

#include "ClaimMatrixModel.h"
#include "ClaimsSession.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace showdown {

ClaimMatrixView::ClaimMatrixView(QWidget *parent) : QWidget(parent)
{
    m_model = new ClaimMatrixModel(this);
    m_caption = new QLabel;
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::RichText);
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("claimMatrix"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setWordWrap(false);
    // Every pairing gets an equal share of the width: the matrix reads as a grid, and six pairings fit at 1280 px.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(110);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);
    connect(ClaimsSession::shared(), &ClaimsSession::changed, this, &ClaimMatrixView::refresh);
    refresh();
}

bool ClaimMatrixView::applicable() const
{
    return m_model->matrix().size() > 1;
}

void ClaimMatrixView::refresh()
{
    const ClaimsSession &session = *ClaimsSession::shared();
    if (!session.ready())
        return;
    const ClaimsSession::State &state = session.state();
    m_model->setMatrix(state.matrix);
    if (!state.matrix.isEmpty())
        m_caption->setText(tr("<b>Each claim judged for every JavaScript × Python pairing</b> of result set #%1. The first column, "
                              "%2, pairs the two baselines and is what the claim cards show. Hover a cell for the reasoning.")
                               .arg(state.resultSetId)
                               .arg(state.matrix.first().pairing.label().toHtmlEscaped()));
    emit refreshed();
}

} // namespace showdown
