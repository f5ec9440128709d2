#include "DatasetTable.h"

#include <QFile>
#include <QRegularExpression>

#include <cmath>

namespace showdown {
namespace {

struct Record {
    int line = 0;
    QStringList values;
};

/// Splits CSV text into records, honouring quotes (which may hold commas, doubled quotes and newlines).
/// An unterminated quote stops the parse and is reported through `problem`.
QList<Record> splitRecords(const QByteArray &bytes, QString *problem, int *problemLine)
{
    const QString text = QString::fromUtf8(bytes);
    QList<Record> records;
    Record current;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    current.line = 1;
    const auto endRecord = [&] {
        current.values << field;
        const bool blank = current.values.size() == 1 && current.values.first().isEmpty() && !fieldWasQuoted;
        if (!blank)
            records << current;
        current = Record{line, {}};
        field.clear();
        fieldWasQuoted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            current.values << field;
            field.clear();
            fieldWasQuoted = false;
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRecord();
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (quoted) {
        *problem = QStringLiteral("a quoted field is never closed; the rest of the file is ignored");
        *problemLine = current.line;
        return records;
    }
    if (!field.isEmpty() || !current.values.isEmpty() || fieldWasQuoted)
        endRecord();
    return records;
}

} // namespace

std::optional<double> DatasetRow::number(const QString &column) const
{
    bool ok = false;
    const double value = fields.value(column).trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QStringList DatasetTable::header(const QByteArray &text)
{
    QString problem;
    int line = 0;
    const QList<Record> records = splitRecords(text.left(text.indexOf('\n') + 1), &problem, &line);
    return records.isEmpty() ? QStringList() : records.first().values;
}

DatasetTable DatasetTable::load(const QString &path, const DatasetSchema &schema)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        DatasetTable table;
        table.m_name = schema.name;
        table.m_origin = path;
        table.m_issues << QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString());
        return table;
    }
    return parse(file.readAll(), path, schema);
}

DatasetTable DatasetTable::parse(const QByteArray &text, const QString &origin, const DatasetSchema &schema)
{
    DatasetTable table;
    table.m_name = schema.name;
    table.m_origin = origin;
    QString problem;
    int problemLine = 0;
    QList<Record> records = splitRecords(text, &problem, &problemLine);
    if (records.isEmpty()) {
        table.m_issues << QStringLiteral("%1: empty file, expected the header %2").arg(origin, schema.columns.join(QLatin1Char(',')));
        return table;
    }
    const Record head = records.takeFirst();
    if (head.values != schema.columns) {
        table.m_issues << QStringLiteral("%1:%2: header is \"%3\", expected \"%4\"")
                              .arg(origin)
                              .arg(head.line)
                              .arg(head.values.join(QLatin1Char(',')), schema.columns.join(QLatin1Char(',')));
        return table;
    }
    for (const Record &record : records) {
        const QString why = table.rowProblem(record.values, schema);
        if (!why.isEmpty()) {
            table.m_issues << QStringLiteral("%1:%2: %3; row skipped").arg(origin).arg(record.line).arg(why);
            continue;
        }
        DatasetRow row;
        row.line = record.line;
        for (qsizetype i = 0; i < schema.columns.size(); ++i)
            row.fields.insert(schema.columns.at(i), record.values.at(i));
        table.m_rows << row;
    }
    if (!problem.isEmpty())
        table.m_issues << QStringLiteral("%1:%2: %3").arg(origin).arg(problemLine).arg(problem);
    return table;
}

QString DatasetTable::rowProblem(const QStringList &values, const DatasetSchema &schema) const
{
    if (values.size() != schema.columns.size())
        return QStringLiteral("%1 fields, expected %2").arg(values.size()).arg(schema.columns.size());
    static const QRegularExpression datePattern(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString &column = schema.columns.at(i);
        const QString value = values.at(i).trimmed();
        if (value.isEmpty()) {
            if (schema.required.contains(column))
                return QStringLiteral("%1 is empty").arg(column);
            continue;
        }
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (schema.numeric.contains(column) && (!ok || !std::isfinite(number)))
            return QStringLiteral("%1 \"%2\" is not a number").arg(column, value);
        if (schema.dates.contains(column) && !datePattern.match(value).hasMatch())
            return QStringLiteral("%1 \"%2\" is not YYYY, YYYY-MM or YYYY-MM-DD").arg(column, value);
    }
    return {};
}

QList<DatasetRow> DatasetTable::select(const QHash<QString, QString> &where) const
{
    QList<DatasetRow> matching;
    for (const DatasetRow &row : m_rows) {
        bool all = true;
        for (auto it = where.begin(); it != where.end() && all; ++it)
            all = row.field(it.key()) == it.value();
        if (all)
            matching << row;
    }
    return matching;
}

} // namespace showdown
