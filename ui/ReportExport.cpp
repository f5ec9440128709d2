#include "ReportExport.h"

#include "CsvExporter.h"
#include "JsonExporter.h"
#include "ReportWriter.h"
#include "ResultSetFile.h"

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

/// Writes bytes on a worker thread, all or nothing (QSaveFile), and reports a specific error.
void writeInBackground(const std::function<QByteArray()> &produce, const QString &path, QObject *context,
                       const std::function<void(const QString &)> &done)
{
    inBackground(
        [produce, path] {
            const QByteArray bytes = produce();
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
            return QString();
        },
        context, done);
}

} // namespace

void ReportExport::writeData(const ResultSetBundle &set, const QString &path, QObject *context,
                             const std::function<void(const QString &)> &done)
{
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    writeInBackground([set, csv] { return csv ? CsvExporter::toCsv({set}) : JsonExporter::toJson({set}); }, path, context, done);
}

void ReportExport::writePdf(const ResultSetBundle &set, const QString &path, QObject *context, const std::function<void(const QString &)> &done)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!ReportWriter::writeResultSet(set, &buffer, &error))
        return done(error);
    const QByteArray bytes = buffer.data();
    writeInBackground([bytes] { return bytes; }, path, context, done);
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
