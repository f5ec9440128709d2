#pragma once

#include "Page.h"

namespace showdown {

/// A page whose comparison is not part of this build yet: it says so, and what it will show, instead of
/// showing anything made up. Replaced by the real page with one line in MainWindow's page list.
class PendingPage : public Page {
    Q_OBJECT
public:
    PendingPage(const QString &title, const QString &whatItWillShow, PageContext &context, QWidget *parent = nullptr);
    void showSnapshot(const ResultSnapshot &snapshot) override;

private:
    QString m_text;
};

} // namespace showdown
