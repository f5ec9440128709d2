#include "ChartPanel.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QStackedLayout>

namespace showdown {

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

void ChartPanel::setChart(QChart *chart, const QString &whyEmpty)
{
    m_pending = nullptr;
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
    delete previous;
}

void ChartPanel::setChartLater(std::function<QChart *()> build, const QString &whyEmpty)
{
    m_pending = std::move(build);
    m_pendingWhy = whyEmpty;
    if (isVisible())
        buildPending();
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
