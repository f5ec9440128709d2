#include "PushVerb.h"

#include "DatabaseReference.h"
#include "ResultSetReference.h"
#include "ResultStore.h"
#include "VerbArguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace showdown {
namespace {

const QString kVerb = QStringLiteral("push");

QtMessageHandler g_previousHandler = nullptr;

/// Drops the echo Qt's PostgreSQL driver prints when it releases the statements of a transaction the server has
/// already aborted ("Unable to free statement: ... current transaction is aborted"): the push then says in its own
/// words what failed and what is safe. Everything else goes on to the handler there was.
void dropStatementReleaseEcho(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("Unable to free statement")))
        return;
    g_previousHandler(type, context, message);
}

/// Installs dropStatementReleaseEcho for as long as it lives.
class StatementReleaseEchoFilter {
public:
    StatementReleaseEchoFilter() { g_previousHandler = qInstallMessageHandler(&dropStatementReleaseEcho); }
    ~StatementReleaseEchoFilter() { qInstallMessageHandler(g_previousHandler); }
    StatementReleaseEchoFilter(const StatementReleaseEchoFilter &) = delete;
    StatementReleaseEchoFilter &operator=(const StatementReleaseEchoFilter &) = delete;
};

/// The references `--all` stands for: every finished set of the local database, by uuid.
std::optional<QStringList> finishedSets(const QString &database, QString *error)
{
    ResultStore local;
    if (!local.open(database, ResultStore::OpenMode::Read, error))
        return std::nullopt;
    const QList<ResultSetInfo> sets = local.resultSets(error);
    if (!error->isEmpty())
        return std::nullopt;
    QStringList uuids;
    for (const ResultSetInfo &set : sets) {
        if (set.status != QLatin1String("running"))
            uuids.append(set.uuid);
    }
    return uuids;
}

} // namespace

int pushVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Sends finished result sets (IDs or uuids in the local database, or .showdown/JSON files) to a team store, "
        "one transaction per set; sets already there (same uuid) are skipped, so a failed push can simply be run again. "
        "The password comes from ~/.pgpass or PGPASSWORD, never from the command line."));
    const QCommandLineOption db = VerbArguments::databaseOption();
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The team store: postgresql://USER@HOST:PORT/DBNAME?sslmode=verify-full "
                                                                     "(or another Showdown database file)."),
                                QStringLiteral("URL"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every finished result set of the local database."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Machine-readable JSON on stdout."));
    parser.addOptions({db, to, all, json});
    parser.addPositionalArgument(QStringLiteral("REF"), QStringLiteral("Result sets to send: IDs, uuids or files."), QStringLiteral("[REF...]"));
    if (const std::optional<int> done = VerbArguments::parse(parser, kVerb, arguments, out, err))
        return *done;
    if (!parser.isSet(to))
        return VerbArguments::fail(err, kVerb, QStringLiteral("give the team store with --to URL"), 2);
    QString error;
    const std::optional<DatabaseReference> target = DatabaseReference::parse(parser.value(to), &error);
    if (!target)
        return VerbArguments::fail(err, kVerb, error, 2);
    const QString localDb = parser.value(db).isEmpty() ? ResultStore::defaultPath() : parser.value(db);
    if (!target->isServer() && target->path == localDb)
        return VerbArguments::fail(err, kVerb, QStringLiteral("--to names the local database itself; nothing to push"), 2);
    QStringList references = parser.positionalArguments();
    if (parser.isSet(all) && !references.isEmpty())
        return VerbArguments::fail(err, kVerb, QStringLiteral("give either REFs or --all, not both"), 2);
    if (!parser.isSet(all) && references.isEmpty())
        return VerbArguments::fail(err, kVerb, QStringLiteral("give the result sets to push (IDs, uuids or files), or --all"), 2);

    // Opened (created or upgraded, as the role may) before anything is read, so `push --all` from a machine with
    // nothing yet sets a new team store up.
    ResultStore team;
    if (!team.open(parser.value(to), ResultStore::OpenMode::Write, &error))
        return VerbArguments::fail(err, kVerb, error + QStringLiteral("\nNothing was pushed."));
    if (parser.isSet(all)) {
        const std::optional<QStringList> finished = finishedSets(localDb, &error);
        if (!finished)
            return VerbArguments::fail(err, kVerb, error);
        references = *finished;
        if (references.isEmpty()) {
            err << "No finished result sets in " << localDb << "; nothing to push (" << team.path() << " is ready).\n";
            return 0;
        }
    }
    const StatementReleaseEchoFilter quiet;
    QJsonArray pushed;
    int added = 0;
    for (const QString &reference : references) {
        // One set at a time, each read afresh: a long push never holds every set in memory.
        const std::optional<ResultSetBundle> bundle = ResultSetReference::load(reference, localDb, &error);
        if (bundle && bundle->info.status == QLatin1String("running"))
            error = QStringLiteral("result set %1 is still running; push it once it has finished").arg(reference);
        const std::optional<QList<ImportOutcome>> outcome =
            bundle && error.isEmpty() ? team.importResultSets({*bundle}, &error) : std::nullopt;
        if (!outcome) {
            err << "showdown push: cannot push " << reference << " to " << team.path() << ": " << error << "\n"
                << "The team store holds none of that set and the local copy is intact; " << pushed.size()
                << " set(s) before it were pushed. Run the same push again: sets already there are skipped.\n";
            if (parser.isSet(json))
                out << QJsonDocument(QJsonObject{{QStringLiteral("database"), team.path()}, {QStringLiteral("result_sets"), pushed},
                                                 {QStringLiteral("error"), error}})
                           .toJson();
            return 1;
        }
        const ImportOutcome &result = outcome->first();
        added += result.added ? 1 : 0;
        pushed.append(QJsonObject{{QStringLiteral("reference"), reference},
                                  {QStringLiteral("uuid"), result.uuid},
                                  {QStringLiteral("id"), result.id},
                                  {QStringLiteral("added"), result.added}});
        if (!parser.isSet(json))
            out << (result.added ? "pushed   " : "present  ") << result.uuid << "  as " << result.id << " in the team store"
                << (result.name.isEmpty() ? QString() : QStringLiteral("  ") + result.name.left(60)) << "\n";
    }
    if (parser.isSet(json))
        out << QJsonDocument(QJsonObject{{QStringLiteral("database"), team.path()}, {QStringLiteral("result_sets"), pushed}}).toJson();
    else
        out << added << " pushed, " << pushed.size() - added << " already present, in " << team.path() << "\n";
    return 0;
}

} // namespace showdown
