#pragma once

#include "Catalog.h"
#include "RuntimeInfo.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace showdown {

/// What this machine can run: the benchmark catalog and the interpreters found (with the ones the user
/// added in Settings). Detection starts child processes, so it runs on a pool thread.
class Inventory : public QObject {
    Q_OBJECT
public:
    explicit Inventory(QObject *parent = nullptr);

    /// Re-reads the manifest and probes every runtime in the background; refreshed() follows.
    void refresh();
    [[nodiscard]] bool ready() const { return m_ready; }
    [[nodiscard]] const std::optional<Catalog> &catalog() const { return m_catalog; }
    /// Why the catalog could not be read, empty when it was.
    [[nodiscard]] QString catalogError() const { return m_catalogError; }
    [[nodiscard]] const QList<RuntimeInfo> &runtimes() const { return m_runtimes; }
    /// The runtimes a run uses unless the user picks others: node and the preferred Python.
    [[nodiscard]] QList<RuntimeInfo> defaultSelection() const;
    /// Probes one interpreter the user chose, in the background; probed() follows.
    void probe(const QString &path);

signals:
    void refreshed();
    void probed(const showdown::RuntimeInfo &runtime);

private:
    struct Found;
    [[nodiscard]] static Found detect(const QStringList &extraPaths);

    bool m_ready = false;
    std::optional<Catalog> m_catalog;
    QString m_catalogError;
    QList<RuntimeInfo> m_runtimes;
};

} // namespace showdown
