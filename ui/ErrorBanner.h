#pragma once

#include <QFrame>

class QLabel;

namespace showdown {

/// The one place errors appear: a banner above the pages that says what went wrong and what to do,
/// stays until dismissed, and never blocks the window the way a modal box would.
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    /// Shows `message` (replacing any earlier one) and emits errorShown.
    void showError(const QString &message);
    /// The message on show, empty when hidden.
    [[nodiscard]] QString message() const;

signals:
    void errorShown(const QString &message);

private:
    QLabel *m_text = nullptr;
};

} // namespace showdown
