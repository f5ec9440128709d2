#include "RuntimeInstallation.h"

#include "Inventory.h"
#include "RuntimePackage.h"

namespace showdown {
namespace {

const QString kScheme = QStringLiteral("install:");

} // namespace

RuntimeInstallation::RuntimeInstallation(Inventory *inventory, QObject *parent) : QObject(parent), m_inventory(inventory)
{
    connect(&m_process, &CommandProcess::lineRead, this, [this](const QByteArray &line) { emit progressed(QString::fromUtf8(line)); });
    connect(&m_process, &CommandProcess::ended, this, [this](int, const QString &problem) {
        if (problem.isEmpty())
            m_inventory->refresh();
        emit finished(m_name, problem);
    });
}

QString RuntimeInstallation::linkFor(const RuntimeInfo &runtime)
{
    const std::optional<QString> name = RuntimePackage::installNameFor(runtime.name);
    if (runtime.available || !name)
        return {};
    return tr("<a href=\"%1%2\">Install %2</a>").arg(kScheme, name->toHtmlEscaped());
}

bool RuntimeInstallation::openLink(const QString &link)
{
    if (!link.startsWith(kScheme))
        return false;
    m_name = link.mid(kScheme.size());
    QString error;
    // --yes: the click is the consent; it only matters for a Debian package when the window runs as root.
    if (!m_process.start({QStringLiteral("runtimes"), QStringLiteral("install"), m_name, QStringLiteral("--yes")}, &error))
        emit finished(m_name, error);
    else
        emit progressed(tr("Installing %1…").arg(m_name));
    return true;
}

} // namespace showdown
