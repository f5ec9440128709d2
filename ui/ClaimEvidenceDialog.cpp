#include "ClaimEvidenceDialog.h"

#include "ClaimCard.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace showdown {
namespace {

QString optional(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QString::number(*value, 'g', 4) : QStringLiteral("–");
}

} // namespace

QStringList ClaimEvidenceDialog::evidenceHeaders()
{
    return {tr("Part"), tr("Figure"), tr("Value"), tr("CI low"), tr("CI high"), tr("n"), tr("p (Holm)"), tr("Outcome"), tr("Bound"), tr("Source")};
}

QList<ClaimEvidence> ClaimEvidenceDialog::evidenceFigures(const ClaimVerdict &verdict)
{
    QList<ClaimEvidence> figures = verdict.evidence;
    for (const ClaimFinding &finding : verdict.findings)
        figures << finding.evidence;
    return figures;
}

QStringList ClaimEvidenceDialog::evidenceCells(const ClaimEvidence &figure)
{
    return {figure.part, figure.figure, QString::number(figure.value, 'g', 4), optional(figure.ciLow), optional(figure.ciHigh),
            QString::number(figure.n), optional(figure.p), figure.outcome, figure.bound, figure.source};
}

ClaimEvidenceDialog::ClaimEvidenceDialog(const ClaimVerdict &verdict, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Evidence: %1").arg(verdict.title.isEmpty() ? verdict.id : verdict.title));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1100, 600);
    auto *summary = new QLabel(tr("<p><i>The article:</i> %1</p><p><b style='color:%2'>%3</b> — %4</p>")
                                   .arg(verdict.articleSays.toHtmlEscaped(), ClaimCard::verdictColor(verdict.verdict).name(),
                                        verdict.verdict, verdict.why.toHtmlEscaped()));
    for (const ClaimFinding &finding : verdict.findings)
        summary->setText(summary->text() + tr("<p><i>Beside it (not part of the verdict):</i> %1</p>").arg(finding.summary.toHtmlEscaped()));
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::RichText);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QList<ClaimEvidence> figures = evidenceFigures(verdict);
    const QStringList headers = evidenceHeaders();
    auto *table = new QTableWidget(int(figures.size()), int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    for (int row = 0; row < figures.size(); ++row) {
        const ClaimEvidence &figure = figures.at(row);
        const QStringList cells = evidenceCells(figure);
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            // The pair's notes (what differs between its two programs) go with the figure.
            item->setToolTip(column == 1 && !figure.notes.isEmpty() ? cells.at(column) + QStringLiteral("\n\n") + figure.notes : cells.at(column));
            table->setItem(row, column, item);
        }
        if (!figure.url.isEmpty()) {
            // A dataset figure links to the page it was read from.
            auto *link = new QLabel(QStringLiteral("<a href=\"%1\">%2</a>").arg(figure.url.toHtmlEscaped(), figure.source.toHtmlEscaped()));
            link->setOpenExternalLinks(true);
            link->setToolTip(figure.url);
            table->setCellWidget(row, int(headers.size()) - 1, link);
        }
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->setColumnWidth(0, 220);

    auto *missing = new QLabel(verdict.missing.isEmpty() ? QString()
                                                         : tr("<b>Not measured:</b> %1").arg(verdict.missing.join(QStringLiteral("; ")).toHtmlEscaped()));
    missing->setWordWrap(true);
    missing->setVisible(!verdict.missing.isEmpty());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(missing);
    layout->addWidget(buttons);
}

} // namespace showdown
