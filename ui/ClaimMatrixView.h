#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace showdown {

class ClaimMatrixModel;

/// The Overview's claims × pairings matrix, redrawn whenever ClaimsSession has new verdicts: where a claim holds
/// for node vs CPython but not for node vs PyPy, the row says so at a glance.
class ClaimMatrixView : public QWidget {
    Q_OBJECT
public:
    explicit ClaimMatrixView(QWidget *parent = nullptr);
    [[nodiscard]] ClaimMatrixModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    /// Whether the open set has more than one pairing (with one, the cards already say everything).
    [[nodiscard]] bool applicable() const;

signals:
    /// The matrix changed; applicable() may have too.
    void refreshed();

private:
    void refresh();

    ClaimMatrixModel *m_model = nullptr;
    QLabel *m_caption = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace showdown
