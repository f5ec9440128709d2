#pragma once

#include "ClaimVerdict.h"

#include <QDialog>

namespace showdown {

/// Every figure behind one verdict, with n, CI, p-value, outcome and a link to its source, so a reader
/// can check the verdict rather than trust it.
class ClaimEvidenceDialog : public QDialog {
    Q_OBJECT
public:
    explicit ClaimEvidenceDialog(const ClaimVerdict &verdict, QWidget *parent = nullptr);

    /// The evidence table's column titles and cells, shared by this dialog and the report's Claims section so
    /// both show the same figures in the same words.
    [[nodiscard]] static QStringList evidenceHeaders();
    /// The verdict's figures, then its findings' (their part column names the finding).
    [[nodiscard]] static QList<ClaimEvidence> evidenceFigures(const ClaimVerdict &verdict);
    /// One figure's row under evidenceHeaders().
    [[nodiscard]] static QStringList evidenceCells(const ClaimEvidence &figure);
};

} // namespace showdown
