#include "UserBenchmarkReport.h"

#include "BenchmarkDefinitionFile.h"
#include "ReportDocument.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace showdown {
namespace {

/// A body or expected output longer than this is shown as its start, its size and its SHA-256: the whole text is
/// in the stored definition file (`showdown export --json`), and a page of JSON would bury the declaration.
constexpr qsizetype kLongestExcerpt = 240;

QString tr(const char *text)
{
    return QCoreApplication::translate("UserBenchmarkReport", text);
}

/// Declared bytes as a reader can check them: as quoted text when they are plain text (a JSON body reads as JSON), as
/// a JSON string literal when they hold a newline or another control character ("17984\n": the newline matters).
QString literal(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes.left(kLongestExcerpt));
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    QString shown = QStringLiteral("“%1”").arg(text);  // quoted: where "ok" ends shows
    if (text.contains(control)) {
        shown = QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact));
        shown = shown.mid(1, shown.size() - 2);  // the array's brackets
    }
    if (bytes.size() > kLongestExcerpt)
        shown += tr(" … (%1 bytes in all)").arg(bytes.size());
    return shown;
}

QString expected(const ExpectedBytes &bytes, const QString &agreeing)
{
    if (bytes.exact)
        return tr("exactly %1").arg(literal(*bytes.exact));
    if (!bytes.sha256.isEmpty())
        return tr("bytes with SHA-256 %1").arg(QString::fromLatin1(bytes.sha256));
    return agreeing;
}

QString form(const UserBenchmark &benchmark)
{
    if (benchmark.isServer())
        return tr("server: started once per process, loaded with the requests below");
    if (benchmark.protocol)
        return tr("program speaking Showdown's protocol (PROTOCOL.md): %1 measured iterations after %2 warm-up, timed inside the program")
            .arg(benchmark.iterations)
            .arg(benchmark.warmup);
    return tr("program timed as a whole process (start-up included), as hyperfine times a command");
}

QString familyTitle(RuntimeFamily family)
{
    return family == RuntimeFamily::JavaScript ? tr("JavaScript") : tr("Python");
}

/// One line each, as the request goes out: request line, headers, body; then what must come back.
QString request(const UserRequest &r)
{
    QStringList lines{QStringLiteral("%1 %2").arg(QString::fromLatin1(r.method), r.path)};
    for (const auto &[name, value] : r.headers)
        lines.append(QStringLiteral("%1: %2").arg(QString::fromLatin1(name), QString::fromUtf8(value)));
    if (!r.body.isEmpty())
        lines.append(tr("Body: %1").arg(literal(r.body)));
    lines.append(r.expectedBody.declared() ? tr("Expects status %1 and a body of %2").arg(r.expectedStatus).arg(expected(r.expectedBody, QString()))
                                           : tr("Expects status %1 and the same body from every runtime").arg(r.expectedStatus));
    return lines.join(QLatin1Char('\n'));
}

/// The `load` block as declared; what it leaves out is the built-in HTTP servers' setting for the suite, said so,
/// since the file alone does not hold those numbers.
QString load(const UserLoad &l)
{
    const QString suites = tr("the suite's");
    QStringList connections;
    for (const int n : l.connections)
        connections.append(QString::number(n));
    QStringList lines{
        tr("Connections: %1").arg(connections.isEmpty() ? suites : connections.join(QStringLiteral(", "))),
        tr("Measured: %1 per point").arg(l.durationS ? tr("%1 s").arg(*l.durationS) : suites),
        tr("Warm-up: %1 per point").arg(l.warmupS ? tr("%1 s").arg(*l.warmupS) : suites),
        l.sloP99Ms ? tr("Capacity search at p99 ≤ %1 ms").arg(*l.sloP99Ms) : tr("No capacity search (no slo_p99_ms declared)"),
        tr("Server processes per runtime: %1").arg(l.runs ? QString::number(*l.runs) : suites),
    };
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QList<UserBenchmarkReport::File> UserBenchmarkReport::read(const QList<StoredDefinitionFile> &definitions)
{
    QList<File> files;
    for (const StoredDefinitionFile &stored : definitions) {
        const BenchmarkDefinitionFile parsed = BenchmarkDefinitionFile::fromStored(stored);
        File file{stored, parsed.benchmarks(), {}};
        for (const DefinitionProblem &problem : parsed.problems())
            file.problems.append(problem.text());
        files.append(file);
    }
    return files;
}

QSet<QString> UserBenchmarkReport::names(const QList<File> &files)
{
    QSet<QString> names;
    for (const File &file : files) {
        for (const UserBenchmark &benchmark : file.benchmarks)
            names.insert(benchmark.name);
    }
    return names;
}

QStringList UserBenchmarkReport::unmeasured(const QList<File> &files, const ResultSetAnalysis &analysis)
{
    QStringList result;
    for (const File &file : files) {
        for (const UserBenchmark &benchmark : file.benchmarks) {
            const auto named = [&](const auto &row) { return row.benchmark == benchmark.name; };
            if (std::none_of(analysis.rows.begin(), analysis.rows.end(), named)
                && std::none_of(analysis.loadRows.begin(), analysis.loadRows.end(), named)
                && std::none_of(analysis.capacityRows.begin(), analysis.capacityRows.end(), named))
                result.append(benchmark.name);
        }
    }
    return result;
}

QString UserBenchmarkReport::commandLine(const QStringList &arguments)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=,+@%{}-]+$"));
    QStringList quoted;
    for (const QString &argument : arguments) {
        if (plain.match(argument).hasMatch())
            quoted.append(argument);
        else
            quoted.append(QLatin1Char('\'') + QString(argument).replace(QLatin1String("'"), QLatin1String("'\\''")) + QLatin1Char('\''));
    }
    return quoted.join(QLatin1Char(' '));
}

QString UserBenchmarkReport::fileHeading(const StoredDefinitionFile &file)
{
    return tr("%1 (sha256 %2)").arg(QFileInfo(file.path).fileName(), file.sha256.left(kShortSha));
}

QList<QStringList> UserBenchmarkReport::declaration(const UserBenchmark &b)
{
    QList<QStringList> rows{{tr("Benchmark"), b.name}, {tr("Category"), b.category.name()}, {tr("Form"), form(b)}};
    if (!b.description.isEmpty())
        rows.append({tr("Description"), b.description});
    for (auto it = b.commands.begin(); it != b.commands.end(); ++it)
        rows.append({tr("%1 command").arg(familyTitle(it.key())), commandLine(it.value())});
    QStringList kinds;
    for (const RuntimeKind &kind : b.runtimes)
        kinds.append(kind.name());
    rows.append({tr("Runtimes"), kinds.isEmpty() ? tr("every runtime of the families above in the run") : kinds.join(QStringLiteral(", "))});
    if (b.size)
        rows.append({tr("Size"), b.protocol ? tr("%1: replaces {size}, and is passed as --size").arg(*b.size)
                                            : tr("%1: replaces {size}").arg(*b.size)});
    if (!b.isServer())
        rows.append({b.protocol ? tr("Expected result") : tr("Expected output"),
                     expected(b.expectedOutput, tr("the same from every runtime (no expected output declared)"))});
    if (!b.environment.isEmpty()) {
        QStringList variables;
        for (auto it = b.environment.begin(); it != b.environment.end(); ++it)
            variables.append(QStringLiteral("%1=%2").arg(it.key(), it.value()));
        rows.append({tr("Environment"), variables.join(QLatin1Char('\n'))});
    }
    rows.append({tr("Working directory"), b.workingDirectory});
    if (b.isServer()) {
        rows.append({tr("Ready when"), b.ready.kind == ReadyRule::Kind::Url
                                           ? tr("GET %1 answers (any status), within %2 s").arg(b.ready.path).arg(b.timeoutSeconds)
                                           : tr("a stdout line matches %1, within %2 s").arg(b.ready.pattern.pattern()).arg(b.timeoutSeconds)});
        for (const UserRequest &r : b.requests)
            rows.append({tr("Request “%1”").arg(r.name.isEmpty() ? r.path : r.name), request(r)});
        rows.append({tr("Load"), load(b.load)});
    } else {
        rows.append({tr("Timeout"), tr("%1 s per process").arg(b.timeoutSeconds)});
        // A server's processes per runtime default to the suite's repeats: its load table's n says how many ran.
        rows.append({tr("Runs"), tr("%1 processes per runtime").arg(b.runs)});
    }
    return rows;
}

void UserBenchmarkReport::writeDefinitions(ReportDocument &layout, const QList<File> &files)
{
    for (const File &file : files) {
        layout.heading(tr("Definition file %1").arg(fileHeading(file.stored)), 2);
        QStringList names;
        for (const UserBenchmark &benchmark : file.benchmarks)
            names.append(benchmark.name);
        layout.table({tr("Item"), tr("Value")},
                     {{tr("Path"), file.stored.path},
                      {tr("SHA-256"), file.stored.sha256},
                      {tr("Benchmarks"), names.isEmpty() ? tr("none could be read") : names.join(QStringLiteral(", "))}},
                     {0.2, 0.8});
        if (!file.problems.isEmpty()) {
            // Stored by a build that read it, refused by this one: say why, and show what was stored rather than nothing.
            layout.paragraph(tr("This build cannot read the stored file: %1. Its text as stored:").arg(file.problems.join(QStringLiteral("; "))));
            layout.paragraph(QString::fromUtf8(file.stored.text));
            continue;
        }
        for (const UserBenchmark &benchmark : file.benchmarks)
            layout.table({tr("Item"), tr("Declared")}, declaration(benchmark), {0.2, 0.8});
    }
}

} // namespace showdown
