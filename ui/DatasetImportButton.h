#pragma once

#include <QPushButton>

#include <functional>

namespace showdown {

/// "Import newer dataset…": picks a CSV, has it validated and stored off the GUI thread, and reports the
/// outcome (a refused file names its bad lines and changes nothing).
class DatasetImportButton : public QPushButton {
    Q_OBJECT
public:
    explicit DatasetImportButton(std::function<void(const QString &)> reportError, QWidget *parent = nullptr);

private:
    std::function<void(const QString &)> m_reportError;
    bool m_waiting = false;
};

} // namespace showdown
