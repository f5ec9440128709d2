#include "ResultSetBundle.h"

#include "ResultStore.h"

#include <QUuid>

namespace showdown {
namespace {

const QStringList kSetStatuses = {QStringLiteral("running"), QStringLiteral("complete"), QStringLiteral("interrupted"),
                                  QStringLiteral("failed")};
constexpr qsizetype kMaxStatusLength = 64;

} // namespace

std::optional<ResultSetBundle> ResultSetBundle::fromStore(const ResultStore &store, qint64 id, QString *error)
{
    QString problem;
    std::optional<ResultSetInfo> info = store.resultSet(id, &problem);
    if (!info) {
        *error = problem;
        return std::nullopt;
    }
    ResultSetBundle bundle;
    bundle.info = *info;
    bundle.runtimes = store.runtimes(id, &problem);
    if (problem.isEmpty())
        bundle.samples = store.samples(id, &problem);
    if (problem.isEmpty())
        bundle.definitions = store.definitionFiles(id, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return bundle;
}

bool ResultSetBundle::validate(QString *error) const
{
    const QString label = info.uuid.isEmpty() ? QStringLiteral("a result set") : QStringLiteral("result set %1").arg(info.uuid);
    if (QUuid::fromString(info.uuid).isNull() || info.uuid != QUuid::fromString(info.uuid).toString(QUuid::WithoutBraces)) {
        *error = QStringLiteral("%1: \"uuid\" must be a lower-case UUID such as 123e4567-e89b-12d3-a456-426614174000")
                     .arg(label.left(120));
        return false;
    }
    if (!info.created.isValid()) {
        *error = QStringLiteral("%1: \"created\" must be an ISO 8601 date and time").arg(label);
        return false;
    }
    if (!kSetStatuses.contains(info.status)) {
        *error = QStringLiteral("%1: status \"%2\" is not one of %3").arg(label, info.status.left(40), kSetStatuses.join(QStringLiteral(", ")));
        return false;
    }
    if (info.suite.isEmpty()) {
        *error = QStringLiteral("%1: \"suite\" is empty").arg(label);
        return false;
    }
    QStringList names;
    for (const RuntimeInfo &runtime : runtimes) {
        if (runtime.name.isEmpty() || names.contains(runtime.name)) {
            *error = QStringLiteral("%1: runtime names must be present and unique (\"%2\")").arg(label, runtime.name.left(40));
            return false;
        }
        names.append(runtime.name);
    }
    for (qsizetype i = 0; i < definitions.size(); ++i) {
        const StoredDefinitionFile &definition = definitions.at(i);
        if (definition.path.isEmpty()) {
            *error = QStringLiteral("%1, definition file %2: \"path\" is empty").arg(label).arg(i + 1);
            return false;
        }
        if (!definition.intact()) {
            *error = QStringLiteral("%1: the definition file %2 does not match its SHA-256 (stored %3, its text hashes to %4); "
                                    "the file was changed after the set was recorded, so it is refused: import an unaltered export")
                         .arg(label, definition.path.left(200), definition.sha256.left(64), StoredDefinitionFile::sha256Of(definition.text));
            return false;
        }
    }
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const Sample &sample = samples.at(i);
        const QString where = QStringLiteral("%1, process %2").arg(label).arg(i + 1);
        if (sample.benchmark.isEmpty() || sample.runtime.isEmpty()) {
            *error = QStringLiteral("%1: \"benchmark\" and \"runtime\" must not be empty").arg(where);
            return false;
        }
        if (sample.status.isEmpty() || sample.status.size() > kMaxStatusLength) {
            *error = QStringLiteral("%1: \"status\" must be a short word such as ok or exit").arg(where);
            return false;
        }
        if (!sample.started.isValid()) {
            *error = QStringLiteral("%1: \"started\" must be an ISO 8601 date and time").arg(where);
            return false;
        }
        if (sample.workers < 0 || sample.runIndex < 0 || sample.size < 0) {
            *error = QStringLiteral("%1: \"workers\", \"run_index\" and \"size\" must not be negative").arg(where);
            return false;
        }
        for (const QList<qint64> *values : {&sample.warmupNs, &sample.iterationsNs}) {
            if (std::any_of(values->begin(), values->end(), [](qint64 ns) { return ns < 0; })) {
                *error = QStringLiteral("%1: a timing is negative").arg(where);
                return false;
            }
        }
        for (const LoadPoint &point : sample.points) {
            if (point.connections < 0 || point.completed < 0 || point.sent < 0 || point.durationS < 0 || point.rate < 0) {
                *error = QStringLiteral("%1: a load point has a negative count, rate or duration").arg(where);
                return false;
            }
        }
    }
    return true;
}

} // namespace showdown
