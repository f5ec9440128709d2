#include "PendingPage.h"

namespace showdown {

PendingPage::PendingPage(const QString &title, const QString &whatItWillShow, PageContext &context, QWidget *parent)
    : Page(title, whatItWillShow, context, parent),
      m_text(tr("<p><b>Not in this build yet.</b> This page needs data Showdown does not collect or ship yet, so it shows "
                "nothing rather than invented figures.</p>"))
{
    explain(m_text);
}

void PendingPage::showSnapshot(const ResultSnapshot &)
{
    explain(m_text);
}

} // namespace showdown
