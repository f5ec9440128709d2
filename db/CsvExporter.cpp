#include "CsvExporter.h"

#include "JsonExporter.h"

namespace showdown {

QStringList CsvExporter::columns()
{
    return {QStringLiteral("result_set_uuid"), QStringLiteral("result_set_name"), QStringLiteral("benchmark"),
            QStringLiteral("variant"),         QStringLiteral("workers"),         QStringLiteral("runtime"),
            QStringLiteral("runtime_version"), QStringLiteral("run_index"),       QStringLiteral("size"),
            QStringLiteral("process_started"), QStringLiteral("process_status"),  QStringLiteral("phase"),
            QStringLiteral("iteration"),       QStringLiteral("ns"),              QStringLiteral("wall_ns"),
            QStringLiteral("user_ns"),         QStringLiteral("sys_ns"),          QStringLiteral("peak_rss_kb"),
            QStringLiteral("result"),          QStringLiteral("error")};
}

QString CsvExporter::field(const QString &text)
{
    QString value = text;
    // A cell starting with = + - @ (or a tab/CR that some spreadsheets skip) can run as a formula; plain
    // numbers such as a checksum of -0.169 stay numbers.
    static const QString kTriggers = QStringLiteral("=+-@\t\r");
    bool isNumber = false;
    value.toDouble(&isNumber);
    if (!value.isEmpty() && kTriggers.contains(value.front()) && !isNumber)
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r')))
        value = QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return value;
}

QByteArray CsvExporter::toCsv(const QList<ResultSetBundle> &bundles)
{
    QString out = columns().join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const ResultSetBundle &bundle : bundles) {
        QHash<QString, QString> versions;
        for (const RuntimeInfo &runtime : bundle.runtimes)
            versions.insert(runtime.name, runtime.version);
        for (const Sample &s : bundle.samples) {
            auto row = [&](const QString &phase, qsizetype iteration, const QString &ns) {
                const QStringList cells = {field(bundle.info.uuid),
                                           field(bundle.info.name),
                                           field(s.benchmark),
                                           field(s.variant),
                                           QString::number(s.workers),
                                           field(s.runtime),
                                           field(versions.value(s.runtime)),
                                           QString::number(s.runIndex),
                                           QString::number(s.size),
                                           JsonExporter::timestamp(s.started),
                                           field(s.status),
                                           phase,
                                           iteration < 0 ? QString() : QString::number(iteration),
                                           ns,
                                           QString::number(s.wallNs),
                                           QString::number(s.userNs),
                                           QString::number(s.sysNs),
                                           QString::number(s.peakRssKb),
                                           field(s.result),
                                           field(s.error)};
                out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
            };
            for (qsizetype i = 0; i < s.warmupNs.size(); ++i)
                row(QStringLiteral("warmup"), i, QString::number(s.warmupNs.at(i)));
            for (qsizetype i = 0; i < s.iterationsNs.size(); ++i)
                row(QStringLiteral("measured"), i, QString::number(s.iterationsNs.at(i)));
            if (s.warmupNs.isEmpty() && s.iterationsNs.isEmpty())
                row(s.points.isEmpty() ? QStringLiteral("none") : QStringLiteral("load-points"), -1, QString());
        }
    }
    return out.toUtf8();
}

} // namespace showdown
