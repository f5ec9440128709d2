#pragma once

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

namespace showdown {

/// Writing a definition file (USER_BENCHMARKS.md) through a small form: one benchmark, a program or a server, with
/// its JavaScript and Python argument vectors. The form only writes the file; whether it is right is for
/// `benchmarks check` to say (one piece of code judges a definition, whichever way it was written).
class BenchmarkFormDialog : public QDialog {
    Q_OBJECT
public:
    explicit BenchmarkFormDialog(QWidget *parent = nullptr);

    /// The definition file as filled in so far (`{"showdown_benchmarks": 1, "benchmarks": [...]}`).
    [[nodiscard]] QJsonObject definition() const;
    /// The fields, for tests and for a caller that fills in a start.
    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QComboBox *formBox() const { return m_form; }
    [[nodiscard]] QLineEdit *javascriptEdit() const { return m_javascript; }
    [[nodiscard]] QLineEdit *pythonEdit() const { return m_python; }
    [[nodiscard]] QLineEdit *expectedOutputEdit() const { return m_expectedOutput; }
    /// Writes definition() to `path` off the GUI thread; saved() or saveFailed() follows.
    void saveTo(const QString &path);

signals:
    void saved(const QString &path);
    void saveFailed(const QString &message);

private:
    void chooseFile();
    void showError(const QString &message);
    [[nodiscard]] QJsonObject benchmark() const;

    QLineEdit *m_name = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_form = nullptr;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_javascript = nullptr;
    QLineEdit *m_python = nullptr;
    QStackedWidget *m_formFields = nullptr;
    // Programs.
    QSpinBox *m_size = nullptr;
    QLineEdit *m_expectedOutput = nullptr;
    QCheckBox *m_newline = nullptr;
    // Servers.
    QComboBox *m_readyKind = nullptr;
    QLineEdit *m_ready = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_path = nullptr;
    QSpinBox *m_status = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLineEdit *m_expectedBody = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace showdown
