#pragma once

#include "CommandProcess.h"
#include "RuntimeInfo.h"

#include <QObject>
#include <QString>

#include <optional>

namespace showdown {

class Inventory;

/// Installs a missing runtime from the window: `showdown runtimes install NAME` runs as a child process (the
/// CLI does the download and the checks, so the window never waits and cannot drift from the command line),
/// its progress lines are passed on, and the inventory is probed again once it succeeded.
class RuntimeInstallation : public QObject {
    Q_OBJECT
public:
    explicit RuntimeInstallation(Inventory *inventory, QObject *parent = nullptr);

    /// The rich-text link a page puts beside a missing runtime, empty when no package provides it.
    [[nodiscard]] static QString linkFor(const RuntimeInfo &runtime);
    /// Handles a link from linkFor(); false for any other link.
    bool openLink(const QString &link);
    [[nodiscard]] bool running() const { return m_process.running(); }

signals:
    /// A line of progress ("Downloading deno 2.9.6…") or the final "Installed …" line.
    void progressed(const QString &line);
    /// The child ended: `problem` is empty on success, otherwise what failed and what to do next.
    void finished(const QString &name, const QString &problem);

private:
    CommandProcess m_process;
    Inventory *m_inventory;
    QString m_name;
};

} // namespace showdown
