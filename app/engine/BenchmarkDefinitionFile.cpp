#include "BenchmarkDefinitionFile.h"

#include "JsonLineMap.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <limits>

namespace showdown {
namespace {

const QStringList kTopKeys = {QStringLiteral("showdown_benchmarks"), QStringLiteral("benchmarks")};
const QStringList kCommonKeys = {QStringLiteral("name"),      QStringLiteral("category"),  QStringLiteral("description"),
                                 QStringLiteral("form"),      QStringLiteral("commands"),  QStringLiteral("env"),
                                 QStringLiteral("runtimes"),  QStringLiteral("directory"), QStringLiteral("timeout_s"),
                                 QStringLiteral("runs")};
const QStringList kProgramKeys = {QStringLiteral("protocol"), QStringLiteral("size"), QStringLiteral("iterations"),
                                  QStringLiteral("warmup"), QStringLiteral("expected_output"), QStringLiteral("expected_output_sha256")};
const QStringList kServerKeys = {QStringLiteral("ready"), QStringLiteral("requests")};
const QStringList kRequestKeys = {QStringLiteral("name"),   QStringLiteral("method"), QStringLiteral("path"),
                                  QStringLiteral("headers"), QStringLiteral("body"),  QStringLiteral("status"),
                                  QStringLiteral("expected_body"), QStringLiteral("expected_body_sha256")};
const QStringList kMethods = {QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"), QStringLiteral("PUT"),
                              QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("OPTIONS")};

/// Collects the problems of one file, each placed at its line.
class Reader {
public:
    Reader(const QString &file, const JsonLineMap &lines, QList<DefinitionProblem> &problems, bool checkFolders)
        : m_file(file), m_lines(lines), m_problems(problems), m_checkFolders(checkFolders)
    {
    }

    /// Whether a `directory` must exist now: yes for a file about to be checked or run, not for one stored with a set.
    [[nodiscard]] bool checkFolders() const { return m_checkFolders; }

    void problem(const QString &field, const QString &message, int line = 0)
    {
        m_problems.append(DefinitionProblem{m_file, line > 0 ? line : m_lines.line(field), field, message});
    }

    /// Refuses keys outside `allowed`, naming the accepted ones (a typo must not be ignored silently).
    void onlyKeys(const QJsonObject &object, const QString &path, const QStringList &allowed, const QString &where)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                problem(JsonLineMap::member(path, it.key()), QStringLiteral("unknown key \"%1\" %2; the keys are: %3")
                                                                 .arg(it.key(), where, allowed.join(QStringLiteral(", "))));
        }
    }

    std::optional<QString> string(const QJsonObject &object, const QString &path, const QString &key, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                problem(JsonLineMap::member(path, key), QStringLiteral("missing; required"));
            return std::nullopt;
        }
        if (!value.isString()) {
            problem(JsonLineMap::member(path, key), QStringLiteral("must be a string"));
            return std::nullopt;
        }
        return value.toString();
    }

    std::optional<qint64> integer(const QJsonObject &object, const QString &path, const QString &key, qint64 low, qint64 high)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return std::nullopt;
        const double number = value.toDouble();
        if (!value.isDouble() || number != double(qint64(number)) || number < double(low) || number > double(high)) {
            problem(JsonLineMap::member(path, key), QStringLiteral("must be a whole number from %1 to %2").arg(low).arg(high));
            return std::nullopt;
        }
        return qint64(number);
    }

    std::optional<QMap<QString, QString>> stringMap(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return QMap<QString, QString>{};
        const QString field = JsonLineMap::member(path, key);
        if (!value.isObject()) {
            problem(field, QStringLiteral("must be an object of strings"));
            return std::nullopt;
        }
        QMap<QString, QString> result;
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!it.value().isString()) {
                problem(JsonLineMap::member(field, it.key()), QStringLiteral("must be a string"));
                return std::nullopt;
            }
            result.insert(it.key(), it.value().toString());
        }
        return result;
    }

    /// expected_X (exact text) and expected_X_sha256 (64 hex digits): at most one of them.
    ExpectedBytes expected(const QJsonObject &object, const QString &path, const QString &key)
    {
        ExpectedBytes result;
        const QString shaKey = key + QStringLiteral("_sha256");
        if (const auto text = string(object, path, key, false))
            result.exact = text->toUtf8();
        if (const auto sha = string(object, path, shaKey, false)) {
            static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
            if (!hex.match(*sha).hasMatch())
                problem(JsonLineMap::member(path, shaKey), QStringLiteral("must be a SHA-256 digest: 64 hexadecimal digits"));
            else
                result.sha256 = sha->toLower().toLatin1();
        }
        if (result.exact && !result.sha256.isEmpty())
            problem(JsonLineMap::member(path, shaKey), QStringLiteral("give %1 or %2, not both").arg(key, shaKey));
        return result;
    }

private:
    QString m_file;
    const JsonLineMap &m_lines;
    QList<DefinitionProblem> &m_problems;
    bool m_checkFolders = true;
};

/// Checks the placeholders of one argument vector: `{runtime}` first and only there, `{size}` only where the
/// program has a size, `{port}` only (and necessarily) for a server.
void checkPlaceholders(Reader &reader, const QString &field, const QStringList &command, const UserBenchmark &benchmark,
                       bool sizeDeclared)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    if (command.isEmpty() || command.first() != QLatin1String("{runtime}")) {
        reader.problem(JsonLineMap::element(field, 0),
                       QStringLiteral("the command must start with \"{runtime}\" (the interpreter Showdown runs it with, e.g. "
                                      "[\"{runtime}\", \"main.py\"]), not %1")
                           .arg(command.isEmpty() ? QStringLiteral("nothing") : QLatin1Char('"') + command.first() + QLatin1Char('"')));
        return;
    }
    bool usesPort = false;
    for (qsizetype i = 1; i < command.size(); ++i) {
        for (auto it = placeholder.globalMatch(command.at(i)); it.hasNext();) {
            const QString name = it.next().captured(1);
            const QString where = JsonLineMap::element(field, i);
            if (name == QLatin1String("runtime"))
                reader.problem(where, QStringLiteral("{runtime} may only be the first element"));
            else if (name == QLatin1String("size") && benchmark.isServer())
                reader.problem(where, QStringLiteral("{size} is for programs; a server has no size"));
            else if (name == QLatin1String("size") && !sizeDeclared)
                reader.problem(where, QStringLiteral("{size} is used but the benchmark declares no \"size\""));
            else if (name == QLatin1String("port") && !benchmark.isServer())
                reader.problem(where, QStringLiteral("{port} is for servers; a program listens on no port"));
            else if (name == QLatin1String("port"))
                usesPort = true;
            else if (name != QLatin1String("size"))
                reader.problem(where, QStringLiteral("unknown placeholder {%1}; the placeholders are {runtime}, {size} and {port}").arg(name));
        }
    }
    if (benchmark.isServer() && !usesPort)
        reader.problem(field, QStringLiteral("a server's command must pass {port} (the port on 127.0.0.1 Showdown chose for it)"));
}

std::optional<UserRequest> parseRequest(Reader &reader, const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        reader.problem(path, QStringLiteral("must be an object with at least a \"path\""));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    reader.onlyKeys(object, path, kRequestKeys, QStringLiteral("in a request"));
    UserRequest request;
    if (const auto method = reader.string(object, path, QStringLiteral("method"), false)) {
        if (!kMethods.contains(*method))
            reader.problem(JsonLineMap::member(path, QStringLiteral("method")),
                           QStringLiteral("unknown method \"%1\"; one of: %2").arg(*method, kMethods.join(QStringLiteral(", "))));
        request.method = method->toLatin1();
    }
    if (const auto target = reader.string(object, path, QStringLiteral("path"), true)) {
        if (!target->startsWith(QLatin1Char('/')) || target->contains(QLatin1Char(' ')))
            reader.problem(JsonLineMap::member(path, QStringLiteral("path")),
                           QStringLiteral("must start with \"/\" and contain no space (the host is always 127.0.0.1:{port})"));
        request.path = *target;
    }
    request.name = reader.string(object, path, QStringLiteral("name"), false).value_or(QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path);
    if (const auto headers = reader.stringMap(object, path, QStringLiteral("headers"))) {
        for (auto it = headers->begin(); it != headers->end(); ++it)
            request.headers.append({it.key().toLatin1(), it.value().toUtf8()});
    }
    request.body = reader.string(object, path, QStringLiteral("body"), false).value_or(QString()).toUtf8();
    request.expectedStatus = int(reader.integer(object, path, QStringLiteral("status"), 100, 599).value_or(200));
    request.expectedBody = reader.expected(object, path, QStringLiteral("expected_body"));
    return request;
}

void parseReady(Reader &reader, const QJsonObject &object, const QString &path, UserBenchmark &benchmark)
{
    const QString field = JsonLineMap::member(path, QStringLiteral("ready"));
    const QJsonValue value = object.value(QLatin1String("ready"));
    const QJsonObject ready = value.toObject();
    if (!value.isObject() || ready.size() != 1 || !(ready.contains(QLatin1String("stdout")) || ready.contains(QLatin1String("url")))) {
        reader.problem(field, value.isUndefined() ? QStringLiteral("missing; a server needs {\"stdout\": \"REGEX\"} or {\"url\": \"/PATH\"}")
                                                  : QStringLiteral("must be {\"stdout\": \"REGEX\"} (a line the server prints when it "
                                                                   "listens) or {\"url\": \"/PATH\"} (a path that answers once it listens)"));
        return;
    }
    if (const auto pattern = reader.string(ready, field, QStringLiteral("stdout"), false)) {
        benchmark.ready.kind = ReadyRule::Kind::StdoutLine;
        benchmark.ready.pattern = QRegularExpression(*pattern);
        if (!benchmark.ready.pattern.isValid() || pattern->isEmpty())
            reader.problem(JsonLineMap::member(field, QStringLiteral("stdout")),
                           QStringLiteral("not a usable regular expression: %1")
                               .arg(pattern->isEmpty() ? QStringLiteral("it is empty") : benchmark.ready.pattern.errorString()));
    }
    if (const auto url = reader.string(ready, field, QStringLiteral("url"), false)) {
        benchmark.ready.kind = ReadyRule::Kind::Url;
        benchmark.ready.path = *url;
        if (!url->startsWith(QLatin1Char('/')))
            reader.problem(JsonLineMap::member(field, QStringLiteral("url")),
                           QStringLiteral("must be a path starting with \"/\" (the host is always 127.0.0.1:{port})"));
    }
}

std::optional<UserBenchmark> parseBenchmark(Reader &reader, const QJsonValue &value, const QString &path, const QString &folder,
                                            int line)
{
    if (!value.isObject()) {
        reader.problem(path, QStringLiteral("must be an object"));
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    UserBenchmark benchmark;
    benchmark.line = line;
    if (const auto name = reader.string(object, path, QStringLiteral("name"), true)) {
        static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_.-]{0,63}$"));
        if (!valid.match(*name).hasMatch())
            reader.problem(JsonLineMap::member(path, QStringLiteral("name")),
                           QStringLiteral("\"%1\" is not a usable name: lower-case letters, digits, '-', '_' and '.', at most 64").arg(*name));
        benchmark.name = *name;
    }
    if (const auto category = reader.string(object, path, QStringLiteral("category"), true)) {
        if (const auto parsed = BenchmarkCategory::parse(*category))
            benchmark.category = *parsed;
        else
            reader.problem(JsonLineMap::member(path, QStringLiteral("category")),
                           QStringLiteral("unknown category \"%1\"; one of: %2").arg(*category, BenchmarkCategory::names().join(QStringLiteral(", "))));
    }
    benchmark.description = reader.string(object, path, QStringLiteral("description"), false).value_or(QString());
    const std::optional<QString> form = reader.string(object, path, QStringLiteral("form"), true);
    if (!form)
        return std::nullopt;
    if (*form == QLatin1String("server")) {
        benchmark.form = UserBenchmark::Form::Server;
    } else if (*form != QLatin1String("program")) {
        reader.problem(JsonLineMap::member(path, QStringLiteral("form")), QStringLiteral("unknown form \"%1\"; \"program\" or \"server\"").arg(*form));
        return std::nullopt;
    }
    reader.onlyKeys(object, path, kCommonKeys + (benchmark.isServer() ? kServerKeys : kProgramKeys),
                    benchmark.isServer() ? QStringLiteral("for a server") : QStringLiteral("for a program"));

    benchmark.timeoutSeconds = int(reader.integer(object, path, QStringLiteral("timeout_s"), 1, 3600).value_or(60));
    benchmark.runs = int(reader.integer(object, path, QStringLiteral("runs"), 1, 10000).value_or(10));
    if (const auto environment = reader.stringMap(object, path, QStringLiteral("env")))
        benchmark.environment = *environment;
    benchmark.workingDirectory = folder;
    if (const auto directory = reader.string(object, path, QStringLiteral("directory"), false)) {
        benchmark.workingDirectory = QDir::cleanPath(QDir(folder).absoluteFilePath(*directory));
        if (reader.checkFolders() && !QFileInfo(benchmark.workingDirectory).isDir())
            reader.problem(JsonLineMap::member(path, QStringLiteral("directory")),
                           QStringLiteral("no folder %1 (a directory is relative to the definition file's folder)").arg(benchmark.workingDirectory));
    }
    bool sizeDeclared = false;
    if (!benchmark.isServer()) {
        const QJsonValue protocol = object.value(QLatin1String("protocol"));
        if (!protocol.isUndefined() && !protocol.isBool())
            reader.problem(JsonLineMap::member(path, QStringLiteral("protocol")), QStringLiteral("must be true or false"));
        benchmark.protocol = protocol.toBool(false);
        benchmark.size = reader.integer(object, path, QStringLiteral("size"), 0, std::numeric_limits<qint32>::max());
        sizeDeclared = object.contains(QLatin1String("size"));
        if (benchmark.protocol && !sizeDeclared)
            reader.problem(JsonLineMap::member(path, QStringLiteral("size")),
                           QStringLiteral("missing; a protocol program is started with --size N (PROTOCOL.md section 1)"));
        for (const QString &key : {QStringLiteral("iterations"), QStringLiteral("warmup")}) {
            if (!benchmark.protocol && object.contains(key))
                reader.problem(JsonLineMap::member(path, key),
                               QStringLiteral("only for \"protocol\": true programs; a whole process is timed as one sample"));
        }
        benchmark.iterations = int(reader.integer(object, path, QStringLiteral("iterations"), 1, 1000000).value_or(10));
        benchmark.warmup = int(reader.integer(object, path, QStringLiteral("warmup"), 0, 1000000).value_or(2));
        benchmark.expectedOutput = reader.expected(object, path, QStringLiteral("expected_output"));
    } else {
        parseReady(reader, object, path, benchmark);
        const QString field = JsonLineMap::member(path, QStringLiteral("requests"));
        const QJsonValue requests = object.value(QLatin1String("requests"));
        if (!requests.isArray() || requests.toArray().isEmpty())
            reader.problem(field, QStringLiteral("%1; a server needs at least one request to check and load")
                                      .arg(requests.isUndefined() ? QStringLiteral("missing") : QStringLiteral("must be a non-empty array")));
        const QJsonArray list = requests.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto request = parseRequest(reader, list.at(i), JsonLineMap::element(field, i)))
                benchmark.requests.append(*request);
        }
    }

    const QString commandsField = JsonLineMap::member(path, QStringLiteral("commands"));
    const QJsonValue commands = object.value(QLatin1String("commands"));
    if (!commands.isObject() || commands.toObject().isEmpty()) {
        reader.problem(commandsField, QStringLiteral("%1; {\"javascript\": [\"{runtime}\", \"main.js\"], \"python\": [\"{runtime}\", \"main.py\"]}")
                                          .arg(commands.isUndefined() ? QStringLiteral("missing") : QStringLiteral("must be an object with a command per family")));
    }
    const QJsonObject commandMap = commands.toObject();
    for (auto it = commandMap.begin(); it != commandMap.end(); ++it) {
        const QString field = JsonLineMap::member(commandsField, it.key());
        const std::optional<RuntimeFamily> family = RuntimeKind::parseFamily(it.key());
        if (!family) {
            reader.problem(field, QStringLiteral("unknown runtime family \"%1\"; \"javascript\" (node, bun, deno) or \"python\" (cpython, pypy)").arg(it.key()));
            continue;
        }
        QStringList command;
        const QJsonArray array = it.value().toArray();
        bool strings = it.value().isArray();
        for (const QJsonValue &argument : array) {
            strings = strings && argument.isString();
            command.append(argument.toString());
        }
        if (!strings) {
            reader.problem(field, QStringLiteral("must be an array of strings: the argument vector, run without a shell"));
            continue;
        }
        checkPlaceholders(reader, field, command, benchmark, sizeDeclared);
        benchmark.commands.insert(*family, command);
    }
    const QJsonValue runtimes = object.value(QLatin1String("runtimes"));
    const QString runtimesField = JsonLineMap::member(path, QStringLiteral("runtimes"));
    if (!runtimes.isUndefined() && !runtimes.isArray())
        reader.problem(runtimesField, QStringLiteral("must be an array of runtime kinds (%1)").arg(RuntimeKind::names().join(QStringLiteral(", "))));
    const QJsonArray kinds = runtimes.toArray();
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const std::optional<RuntimeKind> kind = RuntimeKind::parse(kinds.at(i).toString());
        if (!kind)
            reader.problem(JsonLineMap::element(runtimesField, i),
                           QStringLiteral("unknown runtime kind %1; one of: %2")
                               .arg(QString::fromUtf8(QJsonDocument(QJsonArray{kinds.at(i)}).toJson(QJsonDocument::Compact).mid(1).chopped(1)),
                                    RuntimeKind::names().join(QStringLiteral(", "))));
        else if (commandMap.contains(RuntimeKind::familyName(kind->family())))
            benchmark.runtimes.append(*kind);
        else
            reader.problem(JsonLineMap::element(runtimesField, i),
                           QStringLiteral("%1 runs %2 programs but \"commands\" has no \"%2\" entry")
                               .arg(kind->name(), RuntimeKind::familyName(kind->family())));
    }
    return benchmark;
}

} // namespace

QString DefinitionProblem::text() const
{
    return field.isEmpty() ? QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message)
                           : QStringLiteral("%1:%2: %3: %4").arg(file).arg(line).arg(field, message);
}

BenchmarkDefinitionFile BenchmarkDefinitionFile::load(const QString &path)
{
    QString file = path;
    if (QFileInfo(path).isDir())
        file = QDir(path).filePath(QString::fromLatin1(kDefaultName));
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        BenchmarkDefinitionFile result;
        result.m_path = file;
        result.m_problems.append(DefinitionProblem{file, 1, QString(),
                                                   QStringLiteral("cannot read it (%1); give a definition file or a folder holding %2")
                                                       .arg(input.errorString(), QString::fromLatin1(kDefaultName))});
        return result;
    }
    return parse(input.readAll(), file);
}

BenchmarkDefinitionFile BenchmarkDefinitionFile::parse(const QByteArray &text, const QString &path)
{
    return parse(text, path, true);
}

BenchmarkDefinitionFile BenchmarkDefinitionFile::fromStored(const StoredDefinitionFile &stored)
{
    return parse(stored.text, stored.path, false);
}

QList<UserBenchmark> BenchmarkDefinitionFile::benchmarksOf(const QList<StoredDefinitionFile> &stored)
{
    QList<UserBenchmark> benchmarks;
    for (const StoredDefinitionFile &file : stored)
        benchmarks += fromStored(file).benchmarks();
    return benchmarks;
}

StoredDefinitionFile BenchmarkDefinitionFile::stored() const
{
    return StoredDefinitionFile{QFileInfo(m_path).absoluteFilePath(), StoredDefinitionFile::sha256Of(m_text), m_text};
}

BenchmarkDefinitionFile BenchmarkDefinitionFile::parse(const QByteArray &text, const QString &path, bool checkFolders)
{
    BenchmarkDefinitionFile result;
    result.m_path = path;
    result.m_text = text;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        result.m_problems.append(DefinitionProblem{
            path, parseError.error != QJsonParseError::NoError ? JsonLineMap::lineOfOffset(text, parseError.offset) : 1, QString(),
            parseError.error != QJsonParseError::NoError ? QStringLiteral("not valid JSON: %1").arg(parseError.errorString())
                                                         : QStringLiteral("must be a JSON object {\"showdown_benchmarks\": 1, \"benchmarks\": [...]}")});
        return result;
    }
    const JsonLineMap lines(text);
    Reader reader(path, lines, result.m_problems, checkFolders);
    for (const JsonLineMap::Duplicate &duplicate : lines.duplicateKeys())
        reader.problem(duplicate.path, QStringLiteral("given twice in the same object; JSON would silently keep only the last"), duplicate.line);
    const QJsonObject top = document.object();
    reader.onlyKeys(top, QString(), kTopKeys, QStringLiteral("at the top level"));
    const QJsonValue version = top.value(QLatin1String("showdown_benchmarks"));
    if (version.isUndefined())
        reader.problem(QStringLiteral("showdown_benchmarks"), QStringLiteral("missing; a definition file starts with \"showdown_benchmarks\": %1").arg(kVersion));
    else if (version.toDouble() != kVersion)
        reader.problem(QStringLiteral("showdown_benchmarks"),
                       QStringLiteral("version %1 is not one this Showdown reads (it reads %2); a newer Showdown may")
                           .arg(QString::fromUtf8(QJsonDocument(QJsonArray{version}).toJson(QJsonDocument::Compact).mid(1).chopped(1)))
                           .arg(kVersion));
    const QJsonValue benchmarks = top.value(QLatin1String("benchmarks"));
    if (!benchmarks.isArray() || benchmarks.toArray().isEmpty())
        reader.problem(QStringLiteral("benchmarks"), QStringLiteral("%1; the file must list at least one benchmark")
                                                         .arg(benchmarks.isUndefined() ? QStringLiteral("missing") : QStringLiteral("must be a non-empty array")));
    const QString folder = QFileInfo(path).absolutePath();
    const QJsonArray list = benchmarks.toArray();
    QSet<QString> names;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString entry = JsonLineMap::element(QStringLiteral("benchmarks"), i);
        std::optional<UserBenchmark> benchmark = parseBenchmark(reader, list.at(i), entry, folder, lines.line(entry));
        if (!benchmark)
            continue;
        if (!benchmark->name.isEmpty() && names.contains(benchmark->name))
            reader.problem(JsonLineMap::member(entry, QStringLiteral("name")),
                           QStringLiteral("\"%1\" names an earlier benchmark too; names must be unique").arg(benchmark->name));
        names.insert(benchmark->name);
        result.m_benchmarks.append(*benchmark);
    }
    if (!result.m_problems.isEmpty())
        result.m_benchmarks.clear();
    return result;
}

} // namespace showdown
