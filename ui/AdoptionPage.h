#pragma once

#include "Page.h"

class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;

namespace showdown {

/// Survey series (Stack Overflow, Octoverse, JetBrains, TIOBE, PYPL) for JavaScript, Python, TypeScript,
/// Node.js and the web frameworks, one population per chart, with the article's figures beside the survey's
/// for the year it names and the discrepancy stated. Every point's tooltip and table row gives its source.
class AdoptionPage : public Page {
    Q_OBJECT
public:
    explicit AdoptionPage(PageContext &context, QWidget *parent = nullptr);
    /// The datasets do not depend on the open result set; the page follows ClaimsSession instead.
    void showSnapshot(const ResultSnapshot &snapshot) override;
    /// The discrepancy sentence on show (tests and the report use it).
    [[nodiscard]] QString discrepancy() const;

private:
    void refresh();
    void fillPopulations();
    void fillChecked();
    void redraw();
    void chooseImport();

    QComboBox *m_metric = nullptr;
    QComboBox *m_population = nullptr;
    QChartView *m_chart = nullptr;
    QLabel *m_discrepancy = nullptr;
    QLabel *m_issues = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_checked = nullptr;
};

} // namespace showdown
