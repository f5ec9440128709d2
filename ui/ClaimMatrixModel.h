#pragma once

#include "ClaimEvaluator.h"

#include <QAbstractTableModel>

namespace showdown {

/// The claims × pairings matrix: one row per claim, one column per JavaScript × Python pairing, each cell that
/// pairing's verdict in the colour the claim cards give it and its reasoning as the tooltip, so "does the claim
/// hold for PyPy too?" is one glance.
class ClaimMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    /// Shows `matrix` (ClaimEvaluator::evaluateMatrix: every column has the same claims in the same order).
    void setMatrix(QList<PairingVerdicts> matrix);
    [[nodiscard]] const QList<PairingVerdicts> &matrix() const { return m_matrix; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] const ClaimVerdict *cell(const QModelIndex &index) const;

    QList<PairingVerdicts> m_matrix;
};

} // namespace showdown
