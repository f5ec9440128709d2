#pragma once

#include "RunController.h"
#include "UserCheckReport.h"

#include <QDialog>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace showdown {

class CommandOutput;
class UserCheckTableModel;

/// "Add benchmarks…": a definition file of the user's own benchmarks, opened (a file, or a folder holding
/// showdown.json) or written through a form, is checked by `showdown benchmarks check --json` in a child process,
/// and its result shown (per benchmark passed or failed, the file's problems with FILE:LINE: FIELD) before anything
/// is measured. Run is offered only once the check passed; it produces a RunRequest, it never starts a run itself.
class AddBenchmarksDialog : public QDialog {
    Q_OBJECT
public:
    /// @param base the run to make of a file that passes (runtimes, timeout); the check runs on the same runtimes.
    /// @param reportError the window's one way of showing an error.
    AddBenchmarksDialog(const RunRequest &base, std::function<void(const QString &)> reportError, QWidget *parent = nullptr);

    /// The run of the checked file; only meaningful once the check passed.
    [[nodiscard]] RunRequest request() const;
    /// Checks `path` (a file, or a folder holding showdown.json) in a child; checkEnded() follows.
    void checkFile(const QString &path);
    /// The last check's answer, nothing while none has come (or the check could not run).
    [[nodiscard]] const std::optional<UserCheckReport> &report() const { return m_report; }
    [[nodiscard]] UserCheckTableModel *model() const { return m_model; }
    [[nodiscard]] QPushButton *runButton() const { return m_runButton; }
    [[nodiscard]] QString statusText() const;

signals:
    /// A check ended: with its answer (report() is set) or not (the error went to the window's error path).
    void checkEnded();

private:
    void chooseFile();
    void chooseFolder();
    void writeFile();
    void onChecked(int exitCode, const QByteArray &output, const QString &problem);
    void showReport(const UserCheckReport &report);
    void showError(const QString &message);

    RunRequest m_base;
    std::function<void(const QString &)> m_reportError;
    CommandOutput *m_check = nullptr;
    UserCheckTableModel *m_model = nullptr;
    std::optional<UserCheckReport> m_report;
    QString m_path;
    QLineEdit *m_pathEdit = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_recheck = nullptr;
    QPushButton *m_runButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace showdown
