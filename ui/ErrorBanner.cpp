#include "ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace showdown {

ErrorBanner::ErrorBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    // Fixed colours: an error must read the same in light and dark palettes.
    setStyleSheet(QStringLiteral("#errorBanner { background: #fdecea; border: 1px solid #e0a39d; border-radius: 4px; }"
                                 "#errorBanner QLabel { color: #611a15; }"));
    m_text = new QLabel;
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton;
    close->setText(tr("Dismiss"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, [this] {
        m_text->clear();
        hide();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void ErrorBanner::showError(const QString &message)
{
    m_text->setText(message);
    show();
    emit errorShown(message);
}

QString ErrorBanner::message() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace showdown
