#include "Page.h"

#include "ResultSession.h"
#include "ResultSetTableModel.h"

#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace showdown {
namespace {

QTabWidget *tabs(const QList<QPair<QString, QWidget *>> &pages)
{
    auto *widget = new QTabWidget;
    widget->setDocumentMode(true);
    for (const auto &[name, page] : pages)
        widget->addTab(page, name);
    return widget;
}

} // namespace

Page::Page(const QString &title, const QString &subtitle, PageContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_title(title)
{
    auto *heading = new QLabel(title);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    m_subtitle = new QLabel(subtitle);
    m_subtitle->setWordWrap(true);
    m_explanation = new QLabel;
    m_explanation->setWordWrap(true);
    m_explanation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setOpenExternalLinks(false);
    m_explanation->setMargin(12);
    m_stack = new QStackedWidget;
    m_stack->addWidget(m_explanation);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_stack, 1);
    // Hidden pages only note that they are stale: while a run streams samples in, only what is on screen redraws.
    connect(context.session, &ResultSession::snapshotChanged, this, [this] {
        m_stale = true;
        if (isVisible()) {
            m_stale = false;
            showSnapshot(m_context.session->snapshot());
        }
    });
}

void Page::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        showSnapshot(m_context.session->snapshot());
    }
}

ChartStyle Page::chartStyle() const
{
    ChartStyle style = ChartStyle::forWidget(this);
    style.live = m_context.session->snapshot().info.status == QLatin1String("running");
    style.animated = !style.live;
    style.runtimes = m_context.session->snapshot().runtimes;
    return style;
}

QString Page::explanation() const
{
    return m_stack->currentWidget() == m_explanation ? m_explanation->text() : QString();
}

void Page::setContent(QWidget *content)
{
    m_content = content;
    m_stack->addWidget(content);
}

void Page::explain(const QString &text)
{
    m_explanation->setText(text);
    m_stack->setCurrentWidget(m_explanation);
}

void Page::showContent()
{
    if (m_content)
        m_stack->setCurrentWidget(m_content);
}

void Page::setSubtitle(const QString &text)
{
    m_subtitle->setText(text);
}

QSplitter *Page::chartsOverTables(const QList<QPair<QString, QWidget *>> &charts, const QList<QPair<QString, QWidget *>> &tables)
{
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(tabs(charts));
    splitter->addWidget(tabs(tables));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({650, 350});  // proportions: the chart gets the larger share whatever the window size
    splitter->setChildrenCollapsible(false);
    return splitter;
}

QString Page::describeSet(const ResultSnapshot &snapshot)
{
    if (snapshot.isEmpty())
        return tr("No result set open.");
    const ResultSetInfo &info = snapshot.info;
    return tr("%1 · %2 suite · %3 · %4 processes · %5")
        .arg(ResultSetTableModel::title(info), info.suite, info.status)
        .arg(snapshot.samples.size())
        .arg(ResultSetTableModel::machine(info));
}

} // namespace showdown
