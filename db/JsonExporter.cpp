#include "JsonExporter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace showdown {
namespace {

QJsonArray integers(const QList<qint64> &values)
{
    QJsonArray array;
    for (qint64 value : values)
        array.append(value);
    return array;
}

} // namespace

QString JsonExporter::timestamp(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject JsonExporter::loadPoint(const LoadPoint &point)
{
    return QJsonObject{{QStringLiteral("kind"), point.kind},
                       {QStringLiteral("endpoint"), point.endpoint},
                       {QStringLiteral("connections"), point.connections},
                       {QStringLiteral("workers"), point.workers},
                       {QStringLiteral("rate"), point.rate},
                       {QStringLiteral("duration_s"), point.durationS},
                       {QStringLiteral("completed"), point.completed},
                       {QStringLiteral("sent"), point.sent},
                       {QStringLiteral("errors"), point.errors},
                       {QStringLiteral("latency"), point.latency},
                       {QStringLiteral("generator_cpu_ns"), point.generatorCpuNs},
                       {QStringLiteral("server_cpu_ns"), point.serverCpuNs},
                       {QStringLiteral("server_pss_kb"), point.serverPssKb},
                       {QStringLiteral("error"), point.error},
                       {QStringLiteral("slo_p99_ms"), point.sloP99Ms}};
}

QJsonObject JsonExporter::definition(const StoredDefinitionFile &definition)
{
    QJsonObject object{{QStringLiteral("path"), definition.path}, {QStringLiteral("sha256"), definition.sha256}};
    // Text whose UTF-8 decoding gives back the very bytes is written as text, so the file stays readable in the export.
    const QString text = QString::fromUtf8(definition.text);
    if (text.toUtf8() == definition.text)
        object.insert(QStringLiteral("text"), text);
    else
        object.insert(QStringLiteral("text_base64"), QString::fromLatin1(definition.text.toBase64()));
    return object;
}

QJsonObject JsonExporter::sample(const Sample &s)
{
    QJsonArray points;
    for (const LoadPoint &point : s.points)
        points.append(loadPoint(point));
    return QJsonObject{{QStringLiteral("benchmark"), s.benchmark},
                       {QStringLiteral("variant"), s.variant},
                       {QStringLiteral("workers"), s.workers},
                       {QStringLiteral("runtime"), s.runtime},
                       {QStringLiteral("run_index"), s.runIndex},
                       {QStringLiteral("size"), s.size},
                       {QStringLiteral("started"), timestamp(s.started)},
                       {QStringLiteral("warmup_ns"), integers(s.warmupNs)},
                       {QStringLiteral("iterations_ns"), integers(s.iterationsNs)},
                       {QStringLiteral("result"), s.result},
                       {QStringLiteral("status"), s.status},
                       {QStringLiteral("error"), s.error},
                       {QStringLiteral("exit_code"), s.exitCode},
                       {QStringLiteral("signal"), s.signal},
                       {QStringLiteral("wall_ns"), s.wallNs},
                       {QStringLiteral("user_ns"), s.userNs},
                       {QStringLiteral("sys_ns"), s.sysNs},
                       {QStringLiteral("peak_rss_kb"), s.peakRssKb},
                       {QStringLiteral("stderr_tail"), s.stderrTail},
                       {QStringLiteral("extra"), s.extra},
                       {QStringLiteral("load_points"), points}};
}

QJsonObject JsonExporter::document(const QList<ResultSetBundle> &bundles)
{
    QJsonArray sets;
    for (const ResultSetBundle &bundle : bundles) {
        const ResultSetInfo &info = bundle.info;
        QJsonArray runtimes;
        for (const RuntimeInfo &runtime : bundle.runtimes)
            runtimes.append(runtime.toJson());
        QJsonArray processes;
        for (const Sample &s : bundle.samples)
            processes.append(sample(s));
        QJsonObject set{{QStringLiteral("uuid"), info.uuid},
                                {QStringLiteral("created"), timestamp(info.created)},
                                {QStringLiteral("finished"), info.finished.isValid() ? QJsonValue(timestamp(info.finished)) : QJsonValue()},
                                {QStringLiteral("suite"), info.suite},
                                {QStringLiteral("status"), info.status},
                                {QStringLiteral("name"), info.name},
                                {QStringLiteral("notes"), info.notes},
                                {QStringLiteral("app_version"), info.appVersion},
                                {QStringLiteral("parameters"), info.parameters},
                                {QStringLiteral("environment"), info.environment},
                                {QStringLiteral("runtimes"), runtimes},
                                {QStringLiteral("processes"), processes}};
        // Only sets of the user's own benchmarks have definitions: exports of built-in runs stay as they were.
        if (!bundle.definitions.isEmpty()) {
            QJsonArray definitions;
            for (const StoredDefinitionFile &file : bundle.definitions)
                definitions.append(definition(file));
            set.insert(QStringLiteral("definitions"), definitions);
        }
        sets.append(set);
    }
    return QJsonObject{{QStringLiteral("format"), QString::fromLatin1(kFormat)},
                       {QStringLiteral("schema_version"), kSchemaVersion},
                       {QStringLiteral("result_sets"), sets}};
}

QByteArray JsonExporter::toJson(const QList<ResultSetBundle> &bundles)
{
    return QJsonDocument(document(bundles)).toJson(QJsonDocument::Indented);
}

} // namespace showdown
