#include "RunEvent.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <utility>

namespace showdown {
namespace {

constexpr std::array<std::pair<RunEvent::Kind, const char *>, 5> kKinds = {{
    {RunEvent::Kind::Skipped, "skipped"},
    {RunEvent::Kind::Waiting, "waiting"},
    {RunEvent::Kind::Started, "started"},
    {RunEvent::Kind::Progressed, "progressed"},
    {RunEvent::Kind::Finished, "finished"},
}};

QString kindName(RunEvent::Kind kind)
{
    for (const auto &[value, name] : kKinds) {
        if (value == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

} // namespace

RunEvent RunEvent::skipped(const QStringList &reasons)
{
    RunEvent event;
    event.kind = Kind::Skipped;
    event.reasons = reasons;
    return event;
}

RunEvent RunEvent::waiting(const RunLockHolder &holder, const QString &message)
{
    RunEvent event;
    event.kind = Kind::Waiting;
    event.holder = holder;
    event.message = message;
    return event;
}

RunEvent RunEvent::started(qint64 resultSetId, int total, double expectedSeconds, const QString &next)
{
    RunEvent event;
    event.kind = Kind::Started;
    event.resultSetId = resultSetId;
    event.total = total;
    event.expectedSeconds = expectedSeconds;
    event.next = next;
    return event;
}

RunEvent RunEvent::progressed(int done, int total, const QString &next, bool valid, bool benchmarkEnded, const QString &error)
{
    RunEvent event;
    event.kind = Kind::Progressed;
    event.done = done;
    event.total = total;
    event.next = next;
    event.valid = valid;
    event.benchmarkEnded = benchmarkEnded;
    event.error = error;
    return event;
}

RunEvent RunEvent::finished(qint64 resultSetId, const QString &status, const QString &error)
{
    RunEvent event;
    event.kind = Kind::Finished;
    event.resultSetId = resultSetId;
    event.status = status;
    event.error = error;
    return event;
}

QByteArray RunEvent::toLine() const
{
    QJsonObject object{{QStringLiteral("event"), kindName(kind)}};
    switch (kind) {
    case Kind::Skipped:
        object.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(reasons));
        break;
    case Kind::Waiting:
        object.insert(QStringLiteral("message"), message);
        object.insert(QStringLiteral("holder"), holder.toJson());
        break;
    case Kind::Started:
        object.insert(QStringLiteral("result_set"), resultSetId);
        object.insert(QStringLiteral("total"), total);
        object.insert(QStringLiteral("expected_s"), expectedSeconds);
        object.insert(QStringLiteral("next"), next);
        break;
    case Kind::Progressed:
        object.insert(QStringLiteral("done"), done);
        object.insert(QStringLiteral("total"), total);
        object.insert(QStringLiteral("next"), next);
        object.insert(QStringLiteral("valid"), valid);
        object.insert(QStringLiteral("benchmark_ended"), benchmarkEnded);
        object.insert(QStringLiteral("error"), error);
        break;
    case Kind::Finished:
        object.insert(QStringLiteral("result_set"), resultSetId);
        object.insert(QStringLiteral("status"), status);
        object.insert(QStringLiteral("error"), error);
        break;
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<RunEvent> RunEvent::fromLine(const QByteArray &line, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("the run sent a line that is not a JSON object (%1): %2")
                     .arg(parseError.errorString(), QString::fromUtf8(line.left(200)));
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    const QString name = object.value(QStringLiteral("event")).toString();
    RunEvent event;
    bool known = false;
    for (const auto &[value, kindText] : kKinds) {
        if (name == QLatin1String(kindText)) {
            event.kind = value;
            known = true;
        }
    }
    if (!known) {
        *error = QStringLiteral("the run sent an unknown event \"%1\"").arg(name);
        return std::nullopt;
    }
    event.resultSetId = object.value(QStringLiteral("result_set")).toInteger();
    event.done = object.value(QStringLiteral("done")).toInt();
    event.total = object.value(QStringLiteral("total")).toInt();
    event.expectedSeconds = object.value(QStringLiteral("expected_s")).toDouble();
    event.next = object.value(QStringLiteral("next")).toString();
    event.valid = object.value(QStringLiteral("valid")).toBool(true);
    event.benchmarkEnded = object.value(QStringLiteral("benchmark_ended")).toBool();
    event.error = object.value(QStringLiteral("error")).toString();
    event.status = object.value(QStringLiteral("status")).toString();
    event.message = object.value(QStringLiteral("message")).toString();
    if (event.kind == Kind::Waiting) {
        const std::optional<RunLockHolder> holder =
            RunLockHolder::parse(QJsonDocument(object.value(QStringLiteral("holder")).toObject()).toJson(QJsonDocument::Compact));
        event.holder = holder.value_or(RunLockHolder{});  // a holder may not have written its name yet
    }
    for (const QJsonValue &reason : object.value(QStringLiteral("reasons")).toArray())
        event.reasons.append(reason.toString());
    if (event.kind == Kind::Finished && event.status.isEmpty()) {
        *error = QStringLiteral("the run's finished event has no status");
        return std::nullopt;
    }
    return event;
}

} // namespace showdown
