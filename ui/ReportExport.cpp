#include "ReportExport.h"

#include "CommandProcess.h"

#include <QFileInfo>
#include <QStringList>

namespace showdown {

QStringList ReportExport::arguments(Format format, const QString &databasePath, const QString &uuid, const QString &path)
{
    // FILE#uuid opens the database read-only and picks the set by uuid, whichever file it lives in.
    const QString reference = QStringLiteral("%1#%2").arg(QFileInfo(databasePath).absoluteFilePath(), uuid);
    switch (format) {
    case Format::Pdf:
        return {QStringLiteral("report"), reference, QStringLiteral("--pdf"), path};
    case Format::Showdown:
        return {QStringLiteral("export"), reference, QStringLiteral("--showdown"), path};
    case Format::Data:
        break;
    }
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    return {QStringLiteral("export"), reference, csv ? QStringLiteral("--csv") : QStringLiteral("--json"), path};
}

void ReportExport::write(Format format, const QString &databasePath, const QString &uuid, const QString &path, QObject *context,
                         const std::function<void(const QString &)> &done)
{
    auto *child = new CommandProcess(context);
    QObject::connect(child, &CommandProcess::ended, context, [child, done](int, const QString &problem) {
        child->deleteLater();
        done(problem);
    });
    QString error;
    if (!child->start(arguments(format, databasePath, uuid, path), &error)) {
        child->deleteLater();
        done(error);
    }
}

} // namespace showdown
