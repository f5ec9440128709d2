#include "ReportExport.h"

#include "CsvExporter.h"
#include "JsonExporter.h"
#include "ReportWriter.h"
#include "ResultSetFile.h"
#include "ResultStore.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace showdown {
namespace {

void inBackground(const std::function<QString()> &work, QObject *context, const std::function<void(const QString &)> &done)
{
    auto *watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(work));
}

/// Produces bytes and writes them on a worker thread, all or nothing (QSaveFile), and reports a specific
/// error; `produce` sets its error to stop before anything is written.
void writeInBackground(const std::function<QByteArray(QString *)> &produce, const QString &path, QObject *context,
                       const std::function<void(const QString &)> &done)
{
    inBackground(
        [produce, path] {
            QString error;
            const QByteArray bytes = produce(&error);
            if (!error.isEmpty())
                return error;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
            return QString();
        },
        context, done);
}

/// Reads a whole set from a database; call it on the worker thread that uses the result.
std::optional<ResultSetBundle> readWhole(const QString &databasePath, qint64 id, QString *error)
{
    ResultStore store;
    if (!ResultSetFile::openForViewing(store, databasePath, error))
        return std::nullopt;
    return ResultSetBundle::fromStore(store, id, error);
}

QByteArray dataBytes(const ResultSetBundle &set, bool csv)
{
    return csv ? CsvExporter::toCsv({set}) : JsonExporter::toJson({set});
}

} // namespace

void ReportExport::writeData(const ResultSetBundle &set, const QString &path, QObject *context,
                             const std::function<void(const QString &)> &done)
{
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    writeInBackground([set, csv](QString *) { return dataBytes(set, csv); }, path, context, done);
}

void ReportExport::writeData(const QString &databasePath, qint64 id, const QString &path, QObject *context,
                             const std::function<void(const QString &)> &done)
{
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    writeInBackground(
        [databasePath, id, csv](QString *error) {
            const std::optional<ResultSetBundle> set = readWhole(databasePath, id, error);
            return set ? dataBytes(*set, csv) : QByteArray();
        },
        path, context, done);
}

void ReportExport::saveShowdown(const QString &databasePath, qint64 id, const QString &path, QObject *context,
                                const std::function<void(const QString &)> &done)
{
    inBackground(
        [databasePath, id, path] {
            QString error;
            const std::optional<ResultSetBundle> set = readWhole(databasePath, id, &error);
            return set && ResultSetFile::save(path, {*set}, &error) ? QString() : error;
        },
        context, done);
}

void ReportExport::writePdf(const ResultSetInfo &info, const QList<RuntimeInfo> &runtimes, const ResultSetAnalysis &analysis,
                            const QString &path, QObject *context, const std::function<void(const QString &)> &done)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!ReportWriter::writeResultSet(info, runtimes, analysis, &buffer, &error))
        return done(error);
    const QByteArray bytes = buffer.data();
    writeInBackground([bytes](QString *) { return bytes; }, path, context, done);
}

void ReportExport::writePdf(const ResultSetBundle &set, const QString &path, QObject *context, const std::function<void(const QString &)> &done)
{
    writePdf(set.info, set.runtimes, ResultSetAnalysis::compute(set.samples, set.runtimes), path, context, done);
}

void ReportExport::saveShowdown(const ResultSetBundle &set, const QString &path, QObject *context,
                                const std::function<void(const QString &)> &done)
{
    // SQLite connections belong to the thread that made them: the worker opens its own.
    inBackground(
        [set, path] {
            QString error;
            return ResultSetFile::save(path, {set}, &error) ? QString() : error;
        },
        context, done);
}

} // namespace showdown
