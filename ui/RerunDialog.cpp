#include "RerunDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace showdown {

RerunDialog::RerunDialog(qint64 resultSetId, const QString &listing, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Re-run the definitions of result set #%1?").arg(resultSetId));
    auto *intro = new QLabel(tr("Showdown would run these commands, on your machine, in the folders named, as many times as the run "
                                "needs. Read them first: they come from the stored definition file, which may not be yours. "
                                "Nothing runs until you press Run; the result is a new result set."));
    intro->setWordWrap(true);
    m_listing = new QPlainTextEdit(listing);
    m_listing->setReadOnly(true);
    m_listing->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_listing->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_run = buttons->addButton(tr("&Run these commands"), QDialogButtonBox::AcceptRole);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);  // Enter does not run someone else's commands
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_listing, 1);
    layout->addWidget(buttons);
    resize(860, 420);
}

QString RerunDialog::listing() const
{
    return m_listing->toPlainText();
}

} // namespace showdown
