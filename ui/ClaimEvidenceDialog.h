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
};

} // namespace showdown
