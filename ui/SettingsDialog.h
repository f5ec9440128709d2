#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace showdown {

/// Preferences kept in QSettings: database location, default suite, timeout, extra interpreters.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const QStringList &suites, QWidget *parent = nullptr);

    /// Writes the choices to AppSettings; the caller reopens the database when its path changed.
    void save() const;
    [[nodiscard]] QString databasePath() const;

private:
    QLineEdit *m_database = nullptr;
    QComboBox *m_suite = nullptr;
    QSpinBox *m_timeout = nullptr;
    QListWidget *m_interpreters = nullptr;
};

} // namespace showdown
