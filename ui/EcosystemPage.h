#pragma once

#include "EcosystemProbe.h"
#include "Page.h"

#include <QFutureWatcher>

class QChartView;
class QLabel;
class QTableWidget;

namespace showdown {

/// Registries over time (npm, PyPI) against the article's 1.3M / 400K, the frameworks it names with what
/// this machine has installed, a probe of the local toolchain, and the source-size proxy for conciseness.
class EcosystemPage : public Page {
    Q_OBJECT
public:
    explicit EcosystemPage(PageContext &context, QWidget *parent = nullptr);
    /// The datasets and the probe do not depend on the open result set.
    void showSnapshot(const ResultSnapshot &snapshot) override;

private:
    void refresh();
    void drawRegistries();
    void fillFrameworks();
    void fillProbe();
    void fillSourceSizes();

    QChartView *m_chart = nullptr;
    QLabel *m_verdict = nullptr;
    QTableWidget *m_frameworks = nullptr;
    QTableWidget *m_machine = nullptr;
    QTableWidget *m_sizes = nullptr;
    QFutureWatcher<EcosystemProbe::Result> m_probe;
    bool m_probed = false;
};

} // namespace showdown
