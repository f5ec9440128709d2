#include "ImportVerb.h"

#include "ResultSetReference.h"
#include "ResultStore.h"
#include "VerbArguments.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace showdown {

int importFiles(const QStringList &files, const QString &databasePath, bool json, QTextStream &out, QTextStream &err)
{
    const QString target = databasePath.isEmpty() ? ResultStore::defaultPath() : databasePath;
    QList<ResultSetBundle> bundles;
    QString error;
    for (const QString &file : files) {
        if (QFileInfo(file).canonicalFilePath() == QFileInfo(target).canonicalFilePath()) {
            err << "showdown: " << file << " is the database itself; nothing to merge\n";
            return 2;
        }
        // Everything is read and checked before the database is opened for writing.
        std::optional<QList<ResultSetBundle>> read = ResultSetReference::loadFile(file, &error);
        if (!read) {
            err << "showdown: " << error << "\nNothing was imported; " << target << " is unchanged.\n";
            return 1;
        }
        bundles.append(*read);
    }
    ResultStore store;
    if (!store.open(target, &error)) {
        err << "showdown: " << error << "\n";
        return 1;
    }
    const std::optional<QList<ImportOutcome>> outcomes = store.importResultSets(bundles, &error);
    if (!outcomes) {
        err << "showdown: " << error << "\nNothing was imported; " << target << " is unchanged.\n";
        return 1;
    }
    int added = 0;
    QJsonArray list;
    for (const ImportOutcome &outcome : *outcomes) {
        added += outcome.added ? 1 : 0;
        list.append(QJsonObject{{QStringLiteral("uuid"), outcome.uuid},
                                {QStringLiteral("id"), outcome.id},
                                {QStringLiteral("added"), outcome.added}});
        if (!json)
            out << (outcome.added ? "added    " : "present  ") << "result set " << outcome.id << "  " << outcome.uuid
                << (outcome.name.isEmpty() ? QString() : QStringLiteral("  ") + outcome.name.left(60)) << "\n";
    }
    if (json)
        out << QJsonDocument(QJsonObject{{QStringLiteral("database"), store.path()}, {QStringLiteral("result_sets"), list}}).toJson();
    else
        out << added << " added, " << outcomes->size() - added << " already present, in " << store.path() << "\n";
    return 0;
}

int importCommand(const QString &verb, const QString &description, bool several, const QStringList &arguments, QTextStream &out,
                  QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    const QCommandLineOption db = VerbArguments::databaseOption();
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Machine-readable JSON on stdout."));
    parser.addOptions({db, json});
    parser.addPositionalArgument(QStringLiteral("FILE"), several ? QStringLiteral("Files to merge from (one or more).")
                                                                 : QStringLiteral("The file to import."));
    if (const std::optional<int> done = VerbArguments::parse(parser, verb, arguments, out, err))
        return *done;
    const qsizetype files = parser.positionalArguments().size();
    if (files == 0 || (!several && files != 1))
        return VerbArguments::fail(err, verb, several ? QStringLiteral("give at least one FILE")
                                                      : QStringLiteral("give exactly one FILE (use `showdown merge` for several)"), 2);
    return importFiles(parser.positionalArguments(), parser.value(db), parser.isSet(json), out, err);
}

int importVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return importCommand(QStringLiteral("import"),
                         QStringLiteral("Adds the result sets of FILE (a JSON export, a .showdown file or another Showdown database) "
                                        "to the database, in one transaction: a bad file changes nothing. Sets already present "
                                        "(same uuid) are skipped."),
                         false, arguments, out, err);
}

} // namespace showdown
