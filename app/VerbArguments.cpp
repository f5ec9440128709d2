#include "VerbArguments.h"

#include "ResultStore.h"

namespace showdown {

QCommandLineOption VerbArguments::databaseOption()
{
    return QCommandLineOption(QStringLiteral("db"), QStringLiteral("The database: a file, or a team store as postgresql://USER@HOST:PORT/DBNAME (default: %1).").arg(ResultStore::defaultPath()),
                              QStringLiteral("FILE"));
}

int VerbArguments::fail(QTextStream &err, const QString &verb, const QString &message, int code)
{
    err << "showdown " << verb << ": " << message << "\n";
    return code;
}

std::optional<int> VerbArguments::parse(QCommandLineParser &parser, const QString &verb, const QStringList &arguments,
                                        QTextStream &out, QTextStream &err)
{
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("showdown ") + verb} + arguments))
        return fail(err, verb, parser.errorText(), 2);
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the executable's path in the usage line; people type `showdown VERB`.
        QString help = parser.helpText();
        const qsizetype options = help.indexOf(QStringLiteral(" [options]"));
        if (help.startsWith(QStringLiteral("Usage: ")) && options > 0)
            help.replace(7, options - 7, QStringLiteral("showdown ") + verb);
        out << help;
        return 0;
    }
    return std::nullopt;
}

} // namespace showdown
