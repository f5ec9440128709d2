#include "ClaimMatrixModel.h"

#include "ClaimCard.h"

#include <QBrush>

namespace showdown {

void ClaimMatrixModel::setMatrix(QList<PairingVerdicts> matrix)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    endResetModel();
}

int ClaimMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_matrix.isEmpty() ? 0 : int(m_matrix.first().verdicts.size());
}

int ClaimMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.size());
}

const ClaimVerdict *ClaimMatrixModel::cell(const QModelIndex &index) const
{
    if (!index.isValid() || index.column() >= m_matrix.size() || index.row() >= m_matrix.at(index.column()).verdicts.size())
        return nullptr;
    return &m_matrix.at(index.column()).verdicts.at(index.row());
}

QVariant ClaimMatrixModel::data(const QModelIndex &index, int role) const
{
    const ClaimVerdict *verdict = cell(index);
    if (!verdict)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return verdict->verdict;
    case Qt::ToolTipRole:
        return tr("%1 — %2\n\n%3").arg(m_matrix.at(index.column()).pairing.label(), verdict->verdict, verdict->why);
    case Qt::BackgroundRole:
        return QBrush(ClaimCard::verdictColor(verdict->verdict));
    case Qt::ForegroundRole:
        return QBrush(Qt::white);  // the cards' badges: white on the verdict's colour
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    default:
        return {};
    }
}

QVariant ClaimMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (m_matrix.isEmpty() || section < 0)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal && section < m_matrix.size()) {
        const RuntimePairing &pairing = m_matrix.at(section).pairing;
        if (role == Qt::DisplayRole)
            return pairing.label();
        if (role == Qt::ToolTipRole)
            return section == 0 ? tr("%1: the two baselines, the pairing the claim cards judge").arg(pairing.label())
                                : tr("JavaScript runtime %1 against Python runtime %2").arg(pairing.javascript, pairing.python);
        return {};
    }
    if (orientation == Qt::Vertical && section < m_matrix.first().verdicts.size()) {
        const ClaimVerdict &verdict = m_matrix.first().verdicts.at(section);
        if (role == Qt::DisplayRole)
            return verdict.id;
        if (role == Qt::ToolTipRole)
            return verdict.title.isEmpty() ? verdict.id : verdict.title;
        return {};
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace showdown
