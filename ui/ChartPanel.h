#pragma once

#include <QWidget>

#include <functional>
#include <memory>

class QChart;
class QChartView;
class QLabel;
class QStackedLayout;

namespace showdown {

/// A chart on a page, or in its place a sentence saying why there is none (never an empty plot).
class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);
    ~ChartPanel() override;

    /// Shows `chart` (taking ownership and deleting the previous one), or `whyEmpty` when it is null.
    void setChart(QChart *chart, const QString &whyEmpty);
    /// Like setChart, but builds the chart only when the panel is on screen (when it is next shown, or, when
    /// it is on screen already, in the next turns of the event loop: building and laying out each get a slice
    /// of their own, so a live update never holds the GUI thread for a frame): hidden tabs and pages cost
    /// nothing while a run streams samples in.
    void setChartLater(std::function<QChart *()> build, const QString &whyEmpty);

    /// The chart on show, nullptr while the explanation is.
    [[nodiscard]] QChart *chart() const { return m_chart; }
    [[nodiscard]] QString explanation() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildPending();
    void buildPendingInSlices();

    std::function<QChart *()> m_pending;
    QString m_pendingWhy;
    std::unique_ptr<QChart> m_built;  ///< built in one slice, shown in the next
    QString m_builtWhy;
    bool m_builtReady = false;
    QStackedLayout *m_stack = nullptr;
    QChartView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QChart *m_chart = nullptr;
};

} // namespace showdown
