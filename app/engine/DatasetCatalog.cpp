#include "DatasetCatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace showdown {

QString DatasetCatalog::userDir()
{
    const QString fromEnvironment = qEnvironmentVariable("SHOWDOWN_USER_DATA");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Showdown/data");
}

DatasetCatalog DatasetCatalog::load(const QString &shippedDir, const QString &userDir)
{
    DatasetCatalog catalog;
    for (const DatasetSchema &schema : DatasetSchema::shipped()) {
        const QString imported = QDir(userDir).filePath(schema.name);
        if (!userDir.isEmpty() && QFileInfo::exists(imported)) {
            DatasetTable table = DatasetTable::load(imported, schema);
            if (!table.rows().isEmpty()) {
                catalog.m_tables << table;
                continue;
            }
            catalog.m_fallbacks << QStringLiteral("%1: imported file has no usable rows, the shipped one is used (%2)")
                                       .arg(imported, table.issues().join(QStringLiteral("; ")));
        }
        catalog.m_tables << DatasetTable::load(QDir(shippedDir).filePath(schema.name), schema);
    }
    return catalog;
}

const DatasetTable *DatasetCatalog::table(const QString &name) const
{
    for (const DatasetTable &table : m_tables) {
        if (table.name() == name)
            return &table;
    }
    return nullptr;
}

QStringList DatasetCatalog::issues() const
{
    QStringList all = m_fallbacks;
    for (const DatasetTable &table : m_tables)
        all << table.issues();
    return all;
}

bool DatasetCatalog::importFile(const QString &path, const QString &userDir, QString *storedPath, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray text = file.readAll();
    const QStringList header = DatasetTable::header(text);
    const DatasetSchema *schema = DatasetSchema::forHeader(header);
    if (!schema) {
        QStringList known;
        for (const DatasetSchema &candidate : DatasetSchema::shipped())
            known << QStringLiteral("%1 (%2)").arg(candidate.name, candidate.columns.join(QLatin1Char(',')));
        *error = QStringLiteral("%1: header \"%2\" matches no shipped dataset; expected one of: %3")
                     .arg(path, header.join(QLatin1Char(',')), known.join(QStringLiteral("; ")));
        return false;
    }
    const DatasetTable table = DatasetTable::parse(text, path, *schema);
    // An import replaces a sourced dataset, so it must be wholly valid: skipping rows here would silently
    // drop figures the user meant to add.
    if (!table.issues().isEmpty()) {
        *error = QStringLiteral("refused, nothing changed:\n  %1").arg(table.issues().join(QStringLiteral("\n  ")));
        return false;
    }
    if (table.rows().isEmpty()) {
        *error = QStringLiteral("%1: has a header but no rows; refused, nothing changed").arg(path);
        return false;
    }
    if (!QDir().mkpath(userDir)) {
        *error = QStringLiteral("cannot create %1").arg(userDir);
        return false;
    }
    const QString target = QDir(userDir).filePath(schema->name);
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(target, out.errorString());
        return false;
    }
    *storedPath = target;
    return true;
}

bool DatasetCatalog::resetImport(const QString &name, const QString &userDir, QString *error)
{
    const QString target = QDir(userDir).filePath(name);
    bool shipped = false;
    for (const DatasetSchema &schema : DatasetSchema::shipped())
        shipped = shipped || schema.name == name;
    if (!shipped) {
        *error = QStringLiteral("\"%1\" is not a shipped dataset").arg(name);
        return false;
    }
    if (!QFileInfo::exists(target)) {
        *error = QStringLiteral("no imported %1 in %2").arg(name, userDir);
        return false;
    }
    if (!QFile::remove(target)) {
        *error = QStringLiteral("cannot remove %1").arg(target);
        return false;
    }
    return true;
}

} // namespace showdown
