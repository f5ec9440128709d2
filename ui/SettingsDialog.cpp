#include "SettingsDialog.h"

#include "AppSettings.h"
#include "DatabaseReference.h"
#include "ResultStore.h"
#include "RuntimeListing.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace showdown {

SettingsDialog::SettingsDialog(const QStringList &suites, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    m_database = new QLineEdit(AppSettings::databasePath());
    m_database->setToolTip(tr("Default: %1. The SHOWDOWN_DB environment variable overrides this. A team store is "
                              "postgresql://USER@HOST:PORT/DBNAME?sslmode=verify-full; its password comes from ~/.pgpass or "
                              "PGPASSWORD, never from here.")
                               .arg(ResultStore::defaultPath()));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Database file"), m_database->text(),
                                                          tr("Showdown databases (*.sqlite *.showdown *.db)"), nullptr,
                                                          QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty())
            m_database->setText(path);
    });
    m_suite = new QComboBox;
    m_suite->addItems(suites.isEmpty() ? QStringList{QStringLiteral("quick"), QStringLiteral("standard"), QStringLiteral("full")} : suites);
    m_suite->setCurrentText(AppSettings::defaultSuite());
    m_timeout = new QSpinBox;
    m_timeout->setRange(0, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("each benchmark's own"));
    m_timeout->setValue(AppSettings::timeoutSeconds());
    m_interpreters = new QListWidget;
    m_interpreters->addItems(AppSettings::extraInterpreters());
    auto *add = new QPushButton(tr("Add…"));
    auto *remove = new QPushButton(tr("Remove"));
    connect(add, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose an interpreter"), QStringLiteral("/usr/bin"));
        if (!path.isEmpty() && m_interpreters->findItems(path, Qt::MatchExactly).isEmpty())
            m_interpreters->addItem(path);
    });
    connect(remove, &QPushButton::clicked, this, [this] { delete m_interpreters->currentItem(); });

    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(browse);
    auto *interpreterButtons = new QHBoxLayout;
    interpreterButtons->addWidget(add);
    interpreterButtons->addWidget(remove);
    interpreterButtons->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Database:"), databaseRow);
    form->addRow(tr("Default suite:"), m_suite);
    form->addRow(tr("Timeout per process:"), m_timeout);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        // A URL with a password would be kept in plain text in the settings file: refused here, as on the command line.
        QString error;
        if (!DatabaseReference::parse(databasePath(), &error)) {
            QMessageBox::warning(this, tr("Database"), error);
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_known = new QLabel;
    m_known->setObjectName(QStringLiteral("knownRuntimes"));
    m_known->setWordWrap(true);
    m_known->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_known->hide();
    layout->addWidget(m_known);
    layout->addWidget(new QLabel(tr("Extra interpreters (probed beside the runtimes found on PATH, in version managers and in Showdown's own folder):")));
    layout->addWidget(m_interpreters, 1);
    layout->addLayout(interpreterButtons);
    layout->addWidget(buttons);
    resize(620, 420);
}

void SettingsDialog::setKnownRuntimes(const QList<RuntimeInfo> &runtimes)
{
    QStringList lines;
    for (const RuntimeInfo &runtime : RuntimeListing::byFamily(runtimes))
        lines << RuntimeListing::describe(runtime);
    m_known->setText(tr("Runtimes found on this machine:\n%1").arg(lines.join(QLatin1Char('\n'))));
    m_known->setVisible(!lines.isEmpty());
}

QString SettingsDialog::knownRuntimesText() const
{
    return m_known->isHidden() ? QString() : m_known->text();
}

QString SettingsDialog::databasePath() const
{
    return m_database->text().trimmed();
}

void SettingsDialog::save() const
{
    AppSettings::setDatabasePath(databasePath());
    AppSettings::setDefaultSuite(m_suite->currentText());
    AppSettings::setTimeoutSeconds(m_timeout->value());
    QStringList interpreters;
    for (int i = 0; i < m_interpreters->count(); ++i)
        interpreters.append(m_interpreters->item(i)->text());
    AppSettings::setExtraInterpreters(interpreters);
}

} // namespace showdown
