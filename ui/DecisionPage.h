#pragma once

#include "Page.h"

class QButtonGroup;
class QTableWidget;
class QTextBrowser;

namespace showdown {

/// The article's three questions (real-time? CPU- or I/O-bound? what does the team know?) as a short guide
/// whose answer cites this machine's verdicts and figures, says when they are too thin to lean on, and the
/// article's at-a-glance table with what the data says beside each row.
class DecisionPage : public Page {
    Q_OBJECT
public:
    explicit DecisionPage(PageContext &context, QWidget *parent = nullptr);
    /// Keeps ClaimsSession in step with the open result set (as the Overview does).
    void showSnapshot(const ResultSnapshot &snapshot) override;
    /// The answer on show, as plain text (tests and the report use it).
    [[nodiscard]] QString answer() const;

private:
    void updateAnswer();
    void fillGlance();
    void openEvidence(const QString &link);

    QButtonGroup *m_realtime = nullptr;
    QButtonGroup *m_workload = nullptr;
    QButtonGroup *m_team = nullptr;
    QTextBrowser *m_answer = nullptr;
    QTableWidget *m_glance = nullptr;
};

} // namespace showdown
