#include "ReportExport.h"

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

} // namespace

void ReportExport::writePdf(const ResultSetBundle &set, const QString &path, QObject *context, const std::function<void(const QString &)> &done)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!ReportWriter::writeResultSet(set, &buffer, &error))
        return done(error);
    const QByteArray bytes = buffer.data();
    inBackground(
        [bytes, path] {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
            return QString();
        },
        context, done);
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
