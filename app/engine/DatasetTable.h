#pragma once

#include "DatasetSchema.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace showdown {

/// One accepted data row of a dataset CSV, keyed by column, with the line it started on for citations.
struct DatasetRow {
    int line = 0;
    QHash<QString, QString> fields;

    [[nodiscard]] QString field(const QString &column) const { return fields.value(column); }
    /// The column as a number; empty or unparsable gives nullopt (rows were validated on load).
    [[nodiscard]] std::optional<double> number(const QString &column) const;
};

/// A sourced dataset read from CSV. Loading is lenient: a malformed row is reported with file and line
/// and skipped, so one bad row never hides the rest nor crashes the app.
class DatasetTable {
public:
    /// Reads `path` against `schema`. A missing file, an unreadable file or a wrong header leaves the
    /// table empty with one issue saying so.
    [[nodiscard]] static DatasetTable load(const QString &path, const DatasetSchema &schema);
    /// Parses CSV text (RFC 4180 quoting); `origin` names the file in the issues.
    [[nodiscard]] static DatasetTable parse(const QByteArray &text, const QString &origin, const DatasetSchema &schema);
    /// Reads only the header, to learn which dataset a file claims to be; empty when unreadable.
    [[nodiscard]] static QStringList header(const QByteArray &text);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString origin() const { return m_origin; }
    [[nodiscard]] const QList<DatasetRow> &rows() const { return m_rows; }
    /// "file:line: what is wrong", one per rejected row or file problem.
    [[nodiscard]] const QStringList &issues() const { return m_issues; }
    /// Rows whose fields equal every value in `where` (exact, case-sensitive).
    [[nodiscard]] QList<DatasetRow> select(const QHash<QString, QString> &where) const;

private:
    [[nodiscard]] QString rowProblem(const QStringList &values, const DatasetSchema &schema) const;

    QString m_name;
    QString m_origin;
    QList<DatasetRow> m_rows;
    QStringList m_issues;
};

} // namespace showdown
