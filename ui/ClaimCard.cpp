#include "ClaimCard.h"

#include "DatasetChart.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QStackedBarSeries>
#include <QBarSet>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace showdown {

QList<ClaimEvidence> ClaimCard::decisiveFigures(const QList<ClaimEvidence> &evidence, qsizetype count)
{
    QList<ClaimEvidence> ordered;
    for (const QString &outcome : {ClaimEvidence::kHolds, ClaimEvidence::kContrary, ClaimEvidence::kInconclusive, ClaimEvidence::kProxy}) {
        for (const ClaimEvidence &figure : evidence) {
            if (figure.outcome == outcome)
                ordered.append(figure);
        }
    }
    return ordered.mid(0, count);
}

QColor ClaimCard::verdictColor(const QString &verdict)
{
    if (verdict == ClaimVerdict::kSupported)
        return QColor(0x2e, 0x7d, 0x32);
    if (verdict == ClaimVerdict::kNotSupported)
        return QColor(0xc6, 0x28, 0x28);
    if (verdict == ClaimVerdict::kMixed)
        return QColor(0xe6, 0x5c, 0x00);
    return QColor(0x61, 0x61, 0x61);
}

QString ClaimCard::formatFigure(const ClaimEvidence &figure)
{
    QString text = QString::number(figure.value, 'g', 3);
    if (figure.ciLow && figure.ciHigh && std::isfinite(*figure.ciLow) && std::isfinite(*figure.ciHigh))
        text += QStringLiteral(" [%1, %2]").arg(*figure.ciLow, 0, 'g', 3).arg(*figure.ciHigh, 0, 'g', 3);
    return text;
}

ClaimCard::ClaimCard(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::PointingHandCursor);
    setMinimumWidth(300);
    m_title = new QLabel;
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_badge = new QLabel;
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMinimumWidth(100);
    m_badge->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_pairing = new QLabel;
    m_pairing->setObjectName(QStringLiteral("claimPairing"));
    m_pairing->setWordWrap(true);
    m_byPairing = new QLabel;
    m_byPairing->setObjectName(QStringLiteral("claimByPairing"));
    m_byPairing->setWordWrap(true);
    m_byPairing->setTextFormat(Qt::RichText);
    m_quote = new QLabel;
    m_quote->setWordWrap(true);
    m_numbers = new QLabel;
    m_numbers->setWordWrap(true);
    m_numbers->setTextFormat(Qt::RichText);
    m_chart = new QChartView;
    m_chart->setFixedHeight(90);
    m_chart->setRenderHint(QPainter::Antialiasing);
    // The whole card is the click target: its parts (a rich-text label would take the press) let clicks through.
    for (QWidget *part : std::initializer_list<QWidget *>{m_title, m_badge, m_pairing, m_byPairing, m_quote, m_numbers, m_chart})
        part->setAttribute(Qt::WA_TransparentForMouseEvents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_badge, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);
    layout->addLayout(top);
    layout->addWidget(m_pairing);
    layout->addWidget(m_byPairing);
    layout->addWidget(m_quote);
    layout->addWidget(m_numbers);
    layout->addWidget(m_chart);
}

QString ClaimCard::byPairingText() const
{
    return m_byPairing->isHidden() ? QString() : m_byPairing->text();
}

QString ClaimCard::pairingText() const
{
    return m_pairing->isHidden() ? QString() : m_pairing->text();
}

void ClaimCard::setVerdict(const ClaimVerdict &verdict, const QString &pairing, const QString &byPairing)
{
    m_verdict = verdict;
    m_pairing->setText(tr("Verdict for %1").arg(pairing));
    m_pairing->setStyleSheet(QStringLiteral("QLabel { color: palette(mid); }"));
    m_pairing->setVisible(!pairing.isEmpty());
    // One line per pairing ("Supported for node vs python3"), its verdict in the verdict's colour.
    QStringList changes;
    for (const QString &part : byPairing.split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
        QString line = part.toHtmlEscaped();
        for (const QString &kind : {ClaimVerdict::kNotSupported, ClaimVerdict::kSupported, ClaimVerdict::kMixed, ClaimVerdict::kInconclusive,
                                    ClaimVerdict::kNotMeasured}) {
            if (part.startsWith(kind + QStringLiteral(" for "))) {
                line = QStringLiteral("<span style='color:%1'><b>%2</b></span>%3")
                           .arg(verdictColor(kind).name(), kind.toHtmlEscaped(), part.mid(kind.size()).toHtmlEscaped());
                break;
            }
        }
        changes << line;
    }
    m_byPairing->setText(changes.isEmpty() ? QString() : tr("<b>Changes with the pairing:</b><br>%1").arg(changes.join(QStringLiteral("<br>"))));
    m_byPairing->setVisible(!changes.isEmpty());
    m_title->setText(verdict.title.isEmpty() ? verdict.id : verdict.title);
    m_badge->setText(verdict.verdict);
    m_badge->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 4px; padding: 2px 6px; font-weight: bold; }")
                               .arg(verdictColor(verdict.verdict).name()));
    const QString quote = verdict.articleSays.size() > 150 ? verdict.articleSays.left(147) + QStringLiteral("…") : verdict.articleSays;
    m_quote->setText(tr("The article: %1").arg(quote));
    m_quote->setStyleSheet(QStringLiteral("QLabel { font-style: italic; }"));
    QStringList lines;
    for (const ClaimEvidence &figure : decisiveFigures(verdict.evidence, 2))
        lines << tr("%1: <b>%2</b> (%3)").arg(figure.figure.toHtmlEscaped(), formatFigure(figure), figure.outcome);
    if (lines.isEmpty() && !verdict.missing.isEmpty())
        lines << tr("Missing: %1").arg(verdict.missing.first().toHtmlEscaped());
    // What the verdict leaves out on purpose (jit: the library-bound kernels) is shown beside it, not lost.
    for (const ClaimFinding &finding : verdict.findings)
        lines << tr("<i>Beside it:</i> %1").arg(finding.summary.toHtmlEscaped());
    m_numbers->setText(lines.join(QStringLiteral("<br>")));
    setToolTip(tr("%1\n\nWhy: %2%3\n\nClick for every figure, its n, CI, p-value and source.")
                   .arg(verdict.articleSays, verdict.why, byPairing.isEmpty() ? QString() : tr("\n\nBy pairing: %1").arg(byPairing)));
    updateChart();
}

void ClaimCard::updateChart()
{
    // One bar per figure, coloured by what it says about the claim (three stacked sets, one non-zero each).
    auto *chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundVisible(false);
    const QList<ClaimEvidence> figures = decisiveFigures(m_verdict.evidence, 10);
    if (!figures.isEmpty()) {
        auto *holds = new QBarSet(tr("holds"));
        auto *contrary = new QBarSet(tr("contrary"));
        auto *other = new QBarSet(tr("inconclusive"));
        holds->setColor(verdictColor(ClaimVerdict::kSupported));
        contrary->setColor(verdictColor(ClaimVerdict::kNotSupported));
        other->setColor(verdictColor(ClaimVerdict::kNotMeasured));
        QStringList categories;
        double top = 0;
        for (const ClaimEvidence &figure : figures) {
            const double value = std::isfinite(figure.value) ? figure.value : 0;
            holds->append(figure.outcome == ClaimEvidence::kHolds ? value : 0);
            contrary->append(figure.outcome == ClaimEvidence::kContrary ? value : 0);
            other->append(figure.outcome != ClaimEvidence::kHolds && figure.outcome != ClaimEvidence::kContrary ? value : 0);
            categories << QString::number(categories.size() + 1);
            top = std::max(top, value);
        }
        auto *series = new QStackedBarSeries;
        series->append({holds, contrary, other});
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        x->setLabelsVisible(false);
        x->setGridLineVisible(false);
        auto *y = new QValueAxis;
        y->setRange(0, top > 0 ? top * 1.1 : 1);
        y->setLabelFormat(QStringLiteral("%.3g"));
        QFont small = y->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        y->setLabelsFont(small);
        y->setTickCount(3);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    DatasetChart::show(m_chart, chart);
    m_chart->setVisible(!figures.isEmpty());
}

void ClaimCard::mousePressEvent(QMouseEvent *event)
{
    // Accepting the press makes this card the grabber, so the release (the click) comes back here.
    event->accept();
}

void ClaimCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        emit clicked(m_verdict.id);
    QFrame::mouseReleaseEvent(event);
}

} // namespace showdown
