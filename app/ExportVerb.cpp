#include "ExportVerb.h"

#include "CsvExporter.h"
#include "JsonExporter.h"
#include "ResultSetFile.h"
#include "ResultSetReference.h"
#include "VerbArguments.h"

#include <QFile>
#include <QSaveFile>

namespace showdown {

int exportVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exports result sets: --json (the documented, versioned format of RESULT_JSON_SCHEMA.md; `showdown import` reads it "
        "back), --csv (one row per raw timing) or --showdown (a standalone database for another machine).\n"
        "REF is an ID or uuid in the database, or a file (FILE or FILE#ID)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Write JSON to FILE (- for stdout)."), QStringLiteral("FILE"));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Write CSV to FILE (- for stdout)."), QStringLiteral("FILE"));
    const QCommandLineOption showdown(QStringLiteral("showdown"), QStringLiteral("Save a .showdown file."), QStringLiteral("FILE"));
    const QCommandLineOption db = VerbArguments::databaseOption();
    parser.addOptions({json, csv, showdown, db});
    parser.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("Result sets to export (one or more)."));
    if (const std::optional<int> done = VerbArguments::parse(parser, QStringLiteral("export"), arguments, out, err))
        return *done;
    const int formats = int(parser.isSet(json)) + int(parser.isSet(csv)) + int(parser.isSet(showdown));
    if (formats != 1 || parser.positionalArguments().isEmpty()) {
        err << "showdown export: give one or more result sets and exactly one of --json FILE, --csv FILE, --showdown FILE\n";
        return 2;
    }

    QList<ResultSetBundle> bundles;
    QString error;
    for (const QString &reference : parser.positionalArguments()) {
        std::optional<ResultSetBundle> bundle = ResultSetReference::load(reference, parser.value(db), &error);
        if (!bundle) {
            err << "showdown export: " << error << "\n";
            return 1;
        }
        bundles.append(*bundle);
    }

    if (parser.isSet(showdown)) {
        if (!ResultSetFile::save(parser.value(showdown), bundles, &error)) {
            err << "showdown export: " << error << "\n";
            return 1;
        }
        err << "Saved " << bundles.size() << " result set(s) to " << parser.value(showdown) << "\n";
        return 0;
    }
    const QByteArray bytes = parser.isSet(json) ? JsonExporter::toJson(bundles) : CsvExporter::toCsv(bundles);
    const QString target = parser.value(parser.isSet(json) ? json : csv);
    if (target == QLatin1String("-")) {
        out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(bytes) != bytes.size()) {
            err << "showdown export: cannot write to standard output\n";
            return 1;
        }
        return 0;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err << "showdown export: cannot write " << target << " (" << file.errorString() << ")\n";
        return 1;
    }
    err << "Exported " << bundles.size() << " result set(s) to " << target << "\n";
    return 0;
}

} // namespace showdown
