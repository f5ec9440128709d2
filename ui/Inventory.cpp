#include "Inventory.h"

#include "AppSettings.h"
#include "ProcessRunner.h"
#include "ResourceLocator.h"
#include "RuntimeDetector.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace showdown {
namespace {

QString nodeModulesDir()
{
    return ResourceLocator::benchmarksDir() + QStringLiteral("/node/node_modules");
}

} // namespace

struct Inventory::Found {
    std::optional<Catalog> catalog;
    QString catalogError;
    QList<RuntimeInfo> runtimes;
};

Inventory::Inventory(QObject *parent) : QObject(parent) {}

Inventory::Found Inventory::detect(const QStringList &extraPaths)
{
    Found found;
    found.catalog = Catalog::load(ResourceLocator::benchmarksDir() + QStringLiteral("/manifest.json"), &found.catalogError);
    ProcessRunner runner(ResourceLocator::execHelper());
    RuntimeDetector detector(runner, nodeModulesDir());
    found.runtimes = detector.detectAll();
    for (const QString &path : extraPaths) {
        if (std::none_of(found.runtimes.begin(), found.runtimes.end(), [&](const RuntimeInfo &r) { return r.path == path; }))
            found.runtimes.append(detector.probe(path));
    }
    return found;
}

void Inventory::refresh()
{
    auto *watcher = new QFutureWatcher<Found>(this);
    connect(watcher, &QFutureWatcher<Found>::finished, this, [this, watcher] {
        watcher->deleteLater();
        Found found = watcher->result();
        m_catalog = std::move(found.catalog);
        m_catalogError = found.catalogError;
        m_runtimes = found.runtimes;
        m_ready = true;
        emit refreshed();
    });
    watcher->setFuture(QtConcurrent::run(&Inventory::detect, AppSettings::extraInterpreters()));
}

QList<RuntimeInfo> Inventory::defaultSelection() const
{
    return RuntimeDetector::defaultSelection(m_runtimes);
}

void Inventory::probe(const QString &path)
{
    auto *watcher = new QFutureWatcher<RuntimeInfo>(this);
    connect(watcher, &QFutureWatcher<RuntimeInfo>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const RuntimeInfo runtime = watcher->result();
        if (runtime.available && std::none_of(m_runtimes.begin(), m_runtimes.end(), [&](const RuntimeInfo &r) { return r.path == runtime.path; }))
            m_runtimes.append(runtime);
        emit probed(runtime);
    });
    watcher->setFuture(QtConcurrent::run([path] {
        ProcessRunner runner(ResourceLocator::execHelper());
        RuntimeDetector detector(runner, nodeModulesDir());
        return detector.probe(path);
    }));
}

} // namespace showdown
