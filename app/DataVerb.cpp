#include "DataVerb.h"

#include "DatasetCatalog.h"
#include "ResourceLocator.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace showdown {
namespace {

int listDatasets(bool json, QTextStream &out)
{
    const QString userDir = DatasetCatalog::userDir();
    const DatasetCatalog catalog = DatasetCatalog::load(ResourceLocator::dataDir(), userDir);
    if (json) {
        QJsonArray tables;
        for (const DatasetTable &table : catalog.tables())
            tables.append(QJsonObject{{QStringLiteral("name"), table.name()},
                                      {QStringLiteral("file"), table.origin()},
                                      {QStringLiteral("imported"), table.origin().startsWith(userDir)},
                                      {QStringLiteral("rows"), table.rows().size()}});
        out << QJsonDocument(QJsonObject{{QStringLiteral("datasets"), tables},
                                         {QStringLiteral("issues"), QJsonArray::fromStringList(catalog.issues())}})
                   .toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const DatasetTable &table : catalog.tables()) {
        out << table.name().leftJustified(20) << QString::number(table.rows().size()).rightJustified(5) << " rows  "
            << (table.origin().startsWith(userDir) ? "imported " : "shipped  ") << table.origin() << "\n";
    }
    for (const QString &issue : catalog.issues())
        out << "issue: " << issue << "\n";
    return 0;
}

} // namespace

int dataVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The sourced datasets behind the adoption and registry verdicts.\n\n"
        "  data list            the datasets in use (shipped or imported), their rows and any malformed rows\n"
        "  data import FILE     validate a newer adoption/ecosystem/article_claims CSV and use it from now on\n"
        "  data reset NAME      forget an imported NAME (e.g. ecosystem.csv) and use the shipped one again"));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Machine-readable output (list)."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list | import FILE | reset NAME"));
    if (!parser.parse(QStringList{QStringLiteral("showdown data")} + arguments)) {
        err << "showdown data: " << parser.errorText() << "\n";
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0, QStringLiteral("list"));
    if (action == QLatin1String("list") && positional.size() <= 1)
        return listDatasets(parser.isSet(jsonOption), out);
    if ((action == QLatin1String("import") || action == QLatin1String("reset")) && positional.size() != 2) {
        err << "showdown data: " << action << " needs exactly one " << (action == QLatin1String("import") ? "FILE" : "NAME") << "\n";
        return 2;
    }
    QString error;
    if (action == QLatin1String("import")) {
        QString stored;
        if (!DatasetCatalog::importFile(positional.at(1), DatasetCatalog::userDir(), &stored, &error)) {
            err << "showdown data import: " << error << "\n";
            return 1;
        }
        out << "Imported " << positional.at(1) << " as " << stored << "; it replaces the shipped file from now on.\n";
        return 0;
    }
    if (action == QLatin1String("reset")) {
        if (!DatasetCatalog::resetImport(positional.at(1), DatasetCatalog::userDir(), &error)) {
            err << "showdown data reset: " << error << "\n";
            return 1;
        }
        out << "Removed the imported " << positional.at(1) << "; the shipped one is used again.\n";
        return 0;
    }
    err << "showdown data: unknown action \"" << action << "\"; use list, import FILE or reset NAME\n";
    return 2;
}

} // namespace showdown
