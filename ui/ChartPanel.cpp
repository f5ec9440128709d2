#include "ChartPanel.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QStackedLayout>
#include <QTimer>

namespace showdown {
namespace {

/// Between the slices of a live redraw: a timer rather than a posted event, because posted events are all
/// delivered in one go, while timers let other timers and input in between.
constexpr int kSliceGapMs = 1;

} // namespace

ChartPanel::ChartPanel(QWidget *parent) : QWidget(parent)
{
    m_view = new QChartView;
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(24);
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_view);
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::setChart(QChart *chart, const QString &whyEmpty)
{
    m_pending = nullptr;
    if (chart != m_built.get())
        m_built.reset();  // a chart shown now supersedes one built for a later slice
    m_builtReady = false;
    QChart *previous = m_chart;
    m_chart = chart;
    if (chart) {
        m_view->setChart(chart);  // the view owns the new chart and releases the old one
        m_stack->setCurrentWidget(m_view);
    } else {
        m_view->setChart(new QChart);
        m_message->setText(whyEmpty);
        m_stack->setCurrentWidget(m_message);
    }
    if (previous)
        previous->deleteLater();  // tearing a chart down is a slice of GUI-thread work of its own
}

void ChartPanel::setChartLater(std::function<QChart *()> build, const QString &whyEmpty)
{
    m_pending = std::move(build);
    m_pendingWhy = whyEmpty;
    // On screen, the chart is built in the next turn of the event loop, apart from the tables the page
    // just filled, so no single slice of GUI-thread work grows beyond a frame; a newer request replaces
    // a pending one.
    if (isVisible())
        QTimer::singleShot(kSliceGapMs, this, &ChartPanel::buildPendingInSlices);
}

void ChartPanel::buildPendingInSlices()
{
    if (!m_pending)
        return;  // already built (shown meanwhile), or replaced by a newer request that is queued too
    const std::function<QChart *()> build = std::move(m_pending);
    m_pending = nullptr;
    m_built.reset(build());
    m_builtWhy = m_pendingWhy;
    m_builtReady = true;
    // Putting the chart in the view lays out its scene: a slice of its own, after this one.
    QTimer::singleShot(kSliceGapMs, this, [this] {
        if (std::exchange(m_builtReady, false))
            setChart(m_built.release(), m_builtWhy);
    });
}

void ChartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    buildPending();
}

void ChartPanel::buildPending()
{
    if (!m_pending)
        return;
    const std::function<QChart *()> build = std::move(m_pending);
    m_pending = nullptr;
    setChart(build(), m_pendingWhy);
}

QString ChartPanel::explanation() const
{
    return m_chart ? QString() : m_message->text();
}

} // namespace showdown
