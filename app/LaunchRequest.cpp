#include "LaunchRequest.h"

#include "DatabaseReference.h"

#include "Cli.h"
#include "MainWindow.h"
#include "ResultSession.h"
#include "ResultSetFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <memory>

namespace showdown {
namespace {

/// Names that are surely meant as files even before they exist, so a mistyped path says "no such file"
/// rather than "unknown verb".
bool namedLikeAFile(const QString &word)
{
    for (const char *suffix : {".showdown", ".sqlite", ".db"}) {
        if (word.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString absolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

LaunchRequest LaunchRequest::parse(const QStringList &arguments)
{
    LaunchRequest request;
    const QStringList words = arguments.mid(1);
    if (words.isEmpty()) {
        request.m_kind = Kind::Window;
        return request;
    }
    if (Cli::verbs().contains(words.first()))
        return request;  // a verb keeps every word it is given, including a path after it
    // `showdown FILE`: one word that is not an option, naming a file that exists or looks like a result file.
    // Any other word stays with the CLI, which answers "unknown verb" with the list of verbs.
    if (words.size() == 1 && !words.first().startsWith(QLatin1Char('-'))) {
        if (QFileInfo::exists(words.first()) || namedLikeAFile(words.first())) {
            request.m_kind = Kind::OpenFile;
            request.m_path = absolute(words.first());
        }
        return request;
    }
    // `showdown --db FILE [--new]` (or --db=FILE) and nothing else; with anything more it is the CLI's
    // (`showdown --db FILE list` is a verb with its option first).
    QStringList rest = words;
    const bool createNew = rest.removeAll(QStringLiteral("--new")) == 1;
    QString database;
    if (rest.size() == 2 && rest.first() == QLatin1String("--db"))
        database = rest.at(1);
    else if (rest.size() == 1 && rest.first().startsWith(QLatin1String("--db=")))
        database = rest.first().mid(5);
    if (!database.isEmpty()) {
        request.m_kind = Kind::OpenDatabase;
        // A team store's URL is kept as typed: it names a server, not a path to resolve.
        request.m_path = DatabaseReference::isServerUrl(database) ? database : absolute(database);
        request.m_createNew = createNew;
    }
    return request;
}

QString LaunchRequest::problem() const
{
    if (m_kind != Kind::OpenFile && m_kind != Kind::OpenDatabase)
        return {};
    if (m_kind == Kind::OpenDatabase && DatabaseReference::isServerUrl(m_path)) {
        QString error;  // a malformed URL, or one with a password, is refused before any window; the server is asked later
        return DatabaseReference::parse(m_path, &error) ? QString() : error;
    }
    const QFileInfo info(m_path);
    if (!info.exists()) {
        if (m_kind == Kind::OpenFile)
            return QStringLiteral("%1: no such file. Check the path; a saved result set is a .showdown file "
                                  "(File ▸ Save as .showdown file in the window, or `showdown export REF --showdown FILE`).")
                .arg(m_path);
        if (!m_createNew)
            return QStringLiteral("%1: no such database. To start a new one there, run `showdown --db %1 --new`; "
                                  "to look at a saved result file, `showdown FILE`.")
                .arg(m_path);
        if (!info.absoluteDir().exists())
            return QStringLiteral("%1: its folder %2 does not exist; create it first, or choose another place for the new database.")
                .arg(m_path, QDir::toNativeSeparators(info.absolutePath()));
        return {};  // a new database: the window shows it empty, and the first run creates it
    }
    if (info.isDir())
        return QStringLiteral("%1 is a folder; give the path of a .showdown file or a Showdown database in it.").arg(m_path);
    if (!info.isReadable())
        return QStringLiteral("%1 cannot be read (permission denied); check its permissions, or copy it somewhere you can read.").arg(m_path);
    // An empty file is an empty database (ResultStore reads it so), but nobody saved results into one.
    const bool empty = info.size() == 0;
    if (empty ? m_kind == Kind::OpenFile : !ResultSetFile::looksLikeDatabase(m_path))
        return QStringLiteral("%1 is not a Showdown result file (it is %2). Open a .showdown file or a Showdown database; "
                              "a JSON export goes into your database with `showdown import FILE`.")
            .arg(m_path, empty ? QStringLiteral("empty") : QStringLiteral("not an SQLite database"));
    return {};
}

QString LaunchRequest::noDisplayMessage() const
{
    return QStringLiteral("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set), so %1 is not opened. "
                          "Without one, `showdown list --db %1` lists its result sets, `showdown show ID --db %1` prints one, "
                          "and `showdown report %1 --pdf report.pdf` writes its report (FILE#ID for one of several).")
        .arg(m_path);
}

void LaunchRequest::openIn(MainWindow &window) const
{
    if (m_kind != Kind::OpenFile && m_kind != Kind::OpenDatabase)
        return;
    ResultSession *session = window.session();
    const QString path = m_path;
    const bool quitWhenOpen = qEnvironmentVariable(kTestQuitWhenOpenVariable) == QLatin1String("1");
    auto opened = std::make_shared<bool>(false);
    // Until the file is open, what goes wrong is said on stderr too (the terminal `showdown FILE` was typed
    // in), beside the window's banner; under the test hook it also ends the process with 2. Errors of the
    // usual database, opened beside it, count too: a test wants certainty.
    QObject::connect(session, &ResultSession::errorOccurred, session, [opened, quitWhenOpen](const QString &message) {
        if (*opened)
            return;
        std::fprintf(stderr, "showdown: %s\n", qPrintable(message));
        std::fflush(stderr);
        if (quitWhenOpen)
            QCoreApplication::exit(2);
    });
    QObject::connect(session, &ResultSession::databaseOpened, session, [path, opened](const QString &openedPath) {
        if (openedPath == path)
            *opened = true;
    });
    if (m_kind == Kind::OpenFile)
        window.openFile(m_path);
    if (!quitWhenOpen)
        return;
    // The test hook: once this file's sets are listed and the newest one is shown, say so and quit.
    const QString what = ResultSetFile::isSavedFile(path) ? QStringLiteral("read-only") : QStringLiteral("database");
    auto done = [path, what] {
        std::printf("opened %s (%s)\n", qPrintable(path), qPrintable(what));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    };
    QObject::connect(session, &ResultSession::databaseOpened, session, [session, path, done](const QString &openedPath) {
        if (openedPath == path && session->resultSets().isEmpty())
            done();
    });
    QObject::connect(session, &ResultSession::snapshotChanged, session, [session, path, opened, done] {
        if (*opened && session->databasePath() == path && !session->snapshot().isEmpty())
            done();
    });
}

} // namespace showdown
