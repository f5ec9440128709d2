#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace showdown {

/// Before a stored definition runs again, every command it would run, with its working directory, exactly as
/// `showdown rerun ID` lists them; nothing runs unless the user presses Run. A set opened from someone else's file
/// never runs anything by itself.
class RerunDialog : public QDialog {
    Q_OBJECT
public:
    /// @param listing what `showdown rerun ID` printed: the commands and where they run.
    RerunDialog(qint64 resultSetId, const QString &listing, QWidget *parent = nullptr);

    /// The commands as shown (what `showdown rerun ID` printed).
    [[nodiscard]] QString listing() const;
    [[nodiscard]] QPushButton *runButton() const { return m_run; }

private:
    QPlainTextEdit *m_listing = nullptr;
    QPushButton *m_run = nullptr;
};

} // namespace showdown
