#include "DatasetImportButton.h"

#include "ClaimsSession.h"

#include <QFileDialog>
#include <QMessageBox>

#include <utility>

namespace showdown {

DatasetImportButton::DatasetImportButton(std::function<void(const QString &)> reportError, QWidget *parent)
    : QPushButton(tr("Import newer dataset…"), parent), m_reportError(std::move(reportError))
{
    setToolTip(tr("Replace adoption.csv, ecosystem.csv or article_claims.csv with a newer file that has the same columns "
                  "and a source for every row. It is checked first; a bad file changes nothing."));
    connect(this, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a dataset CSV"), QString(), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        m_waiting = true;
        ClaimsSession::shared()->importDataset(path);
    });
    connect(ClaimsSession::shared(), &ClaimsSession::importFailed, this,
            [this](const QString &error) {
                // Every page's button hears the outcome; only the one that asked reports it.
                if (std::exchange(m_waiting, false))
                    m_reportError(tr("The dataset was not imported: %1").arg(error));
            });
    connect(ClaimsSession::shared(), &ClaimsSession::imported, this, [this](const QString &stored) {
        if (!std::exchange(m_waiting, false))
            return;
        QMessageBox::information(this, tr("Dataset imported"), tr("Stored as %1; it replaces the shipped file from now on.").arg(stored));
    });
}

} // namespace showdown
