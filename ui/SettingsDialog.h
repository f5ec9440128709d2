#pragma once

#include "RuntimeInfo.h"

#include <QDialog>

class QComboBox;
class QLabel;
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
    /// Lists the runtimes detected on this machine (family, kind, version, path), so the extra interpreters
    /// below can be told apart from what is already found.
    void setKnownRuntimes(const QList<RuntimeInfo> &runtimes);
    [[nodiscard]] QString knownRuntimesText() const;

private:
    QLineEdit *m_database = nullptr;
    QComboBox *m_suite = nullptr;
    QSpinBox *m_timeout = nullptr;
    QListWidget *m_interpreters = nullptr;
    QLabel *m_known = nullptr;
};

} // namespace showdown
