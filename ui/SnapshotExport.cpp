#include "SnapshotExport.h"

#include "ResultJson.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace showdown {
namespace {

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QByteArray SnapshotExport::toJson(const ResultSnapshot &snapshot)
{
    QJsonArray rows, comparisons, runtimes;
    for (const SummaryRow &row : snapshot.rows)
        rows.append(ResultJson::row(row));
    for (const Comparison &comparison : snapshot.comparisons)
        comparisons.append(ResultJson::comparison(comparison));
    for (const RuntimeInfo &runtime : snapshot.runtimes)
        runtimes.append(runtime.toJson());
    QJsonObject set = ResultJson::resultSet(snapshot.info);
    set.insert(QStringLiteral("runtimes"), runtimes);
    return QJsonDocument(QJsonObject{{QStringLiteral("result_set"), set},
                                     {QStringLiteral("rows"), rows},
                                     {QStringLiteral("comparisons"), comparisons}})
        .toJson(QJsonDocument::Indented);
}

QByteArray SnapshotExport::toCsv(const ResultSnapshot &snapshot)
{
    QStringList lines{QStringLiteral("benchmark,variant,runtime,n,median_ns,mean_ns,sd_ns,mad_ns,min_ns,max_ns,p5_ns,p95_ns,cv,"
                                     "peak_rss_kb,cpu_ns,processes,invalid_processes,error,warnings")};
    for (const SummaryRow &row : snapshot.rows) {
        const Summary &s = row.stats;
        QStringList cells{csvField(row.benchmark), csvField(row.variant), csvField(row.runtime), QString::number(s.n)};
        for (double value : {s.median, s.mean, s.sd, s.mad, s.min, s.max, s.p5, s.p95})
            cells.append(QString::number(value, 'f', 0));
        cells << QString::number(s.cv, 'g', 6) << QString::number(row.peakRssKb) << QString::number(row.cpuNs, 'f', 0)
              << QString::number(row.processes) << QString::number(row.invalidProcesses) << csvField(row.error)
              << csvField(row.warnings.join(QStringLiteral("; ")));
        lines.append(cells.join(QLatin1Char(',')));
    }
    return lines.join(QLatin1Char('\n')).toUtf8() + '\n';
}

bool SnapshotExport::write(const ResultSnapshot &snapshot, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv")) {
        *error = QStringLiteral("%1: choose a file name ending in .json or .csv").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1 (%2)").arg(path, file.errorString());
        return false;
    }
    file.write(suffix == QLatin1String("json") ? toJson(snapshot) : toCsv(snapshot));
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1 (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace showdown
