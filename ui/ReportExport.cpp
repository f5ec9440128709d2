#include "ReportExport.h"

#include "CommandProcess.h"

#include <QFileInfo>
#include <QStringList>

namespace showdown {

QStringList ReportExport::arguments(Format format, const QString &databasePath, const QString &uuid, const QString &path)
{
    // The set by uuid in the window's database (or .showdown file), opened read-only: a set stored with its
    // analysis is drawn from it, as `showdown report UUID --db FILE` would.
    const QStringList set{uuid, QStringLiteral("--db"), QFileInfo(databasePath).absoluteFilePath()};
    switch (format) {
    case Format::Pdf:
        return QStringList{QStringLiteral("report")} + set + QStringList{QStringLiteral("--pdf"), path};
    case Format::Html:
        return QStringList{QStringLiteral("report")} + set + QStringList{QStringLiteral("--html"), path};
    case Format::Showdown:
        return QStringList{QStringLiteral("export")} + set + QStringList{QStringLiteral("--showdown"), path};
    case Format::Data:
        break;
    }
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    return QStringList{QStringLiteral("export")} + set + QStringList{csv ? QStringLiteral("--csv") : QStringLiteral("--json"), path};
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
