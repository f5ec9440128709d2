#include "UserBenchmarkTableModel.h"

#include <QDir>
#include <QFileInfo>

namespace showdown {
namespace {

/// An argument as a shell would need it to read it back: quoted when it holds a space or a quote.
QString quoted(const QString &argument)
{
    if (!argument.isEmpty() && !argument.contains(QLatin1Char(' ')) && !argument.contains(QLatin1Char('"')) && !argument.contains(QLatin1Char('\'')))
        return argument;
    QString escaped = argument;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

QList<UserBenchmarkRow> UserBenchmarkRow::of(const QList<UserBenchmark> &benchmarks, const QList<StoredDefinitionFile> &files)
{
    QList<UserBenchmarkRow> rows;
    for (const UserBenchmark &benchmark : benchmarks) {
        UserBenchmarkRow row{benchmark, files.size() == 1 ? files.first() : StoredDefinitionFile{}};
        if (files.size() > 1) {
            for (const StoredDefinitionFile &file : files) {
                const QString folder = QFileInfo(file.path).absolutePath();
                if (benchmark.workingDirectory == folder || benchmark.workingDirectory.startsWith(folder + QLatin1Char('/')))
                    row.file = file;
            }
        }
        row.file.text.clear();  // the table shows where it came from; the text stays with the snapshot
        rows.append(row);
    }
    return rows;
}

QString UserBenchmarkRow::command(RuntimeFamily family) const
{
    QStringList arguments;
    for (const QString &argument : benchmark.commands.value(family))
        arguments.append(quoted(argument));
    return arguments.join(QLatin1Char(' '));
}

UserBenchmarkTableModel::UserBenchmarkTableModel(QObject *parent) : RowTableModel<UserBenchmarkRow>(parent)
{
    setColumns({
        {tr("Benchmark"), [](const UserBenchmarkRow &r) { return r.benchmark.name; }, {}, {}},
        {tr("Category"), [](const UserBenchmarkRow &r) { return r.benchmark.category.name(); }, {},
         tr("Which page also shows it: cpu, library and io under Performance; servers under Concurrency")},
        {tr("Form"), [](const UserBenchmarkRow &r) {
             return r.benchmark.isServer() ? tr("server") : r.benchmark.protocol ? tr("program (protocol)") : tr("program (whole process)");
         }, {}, {}},
        {tr("JavaScript command"), [](const UserBenchmarkRow &r) { return r.command(RuntimeFamily::JavaScript); }, {},
         tr("The argument vector, placeholders as written; never run through a shell")},
        {tr("Python command"), [](const UserBenchmarkRow &r) { return r.command(RuntimeFamily::Python); }, {}, {}},
        {tr("Working directory"), [](const UserBenchmarkRow &r) { return QDir::toNativeSeparators(r.benchmark.workingDirectory); }, {}, {}},
        {tr("Definition file"), [](const UserBenchmarkRow &r) { return QDir::toNativeSeparators(r.file.path); }, {},
         tr("The file as it was when the set was measured; its text is stored with the set")},
        {tr("SHA-256"), [](const UserBenchmarkRow &r) { return r.file.sha256.left(12); }, {},
         tr("The first 12 hex digits of the stored file's SHA-256: the same digits, the same definitions")},
        {tr("Description"), [](const UserBenchmarkRow &r) { return r.benchmark.description; }, {}, {}},
    });
}

} // namespace showdown
