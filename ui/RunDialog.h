#pragma once

#include "RunController.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace showdown {

class Inventory;

/// Choosing a run: the suite, the runtimes (detected ones with versions, plus any interpreter by path)
/// and the benchmarks. Produces a RunRequest; it never starts anything itself.
class RunDialog : public QDialog {
    Q_OBJECT
public:
    RunDialog(Inventory &inventory, QWidget *parent = nullptr);

    /// The run as chosen so far.
    [[nodiscard]] RunRequest request() const;
    void setSuite(const QString &suite);
    /// Checks exactly these benchmarks (all of them when `names` is empty).
    void setBenchmarks(const QStringList &names);

private:
    void fillRuntimes();
    void addRuntime(const RuntimeInfo &runtime, bool checked);
    void addInterpreter();
    void validate();

    Inventory &m_inventory;
    QComboBox *m_suite = nullptr;
    QLabel *m_suiteDescription = nullptr;
    QListWidget *m_runtimes = nullptr;
    QListWidget *m_benchmarks = nullptr;
    QSpinBox *m_runs = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLabel *m_problem = nullptr;
    QList<RuntimeInfo> m_runtimeList;
};

} // namespace showdown
