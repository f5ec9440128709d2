#include "ResultSetReference.h"

#include "JsonImporter.h"
#include "ResultSetFile.h"
#include "ResultStore.h"

#include <QFile>
#include <QFileInfo>

namespace showdown {
namespace {

std::optional<ResultSetBundle> pick(const QList<ResultSetBundle> &bundles, const QString &file, const QString &selector, QString *error)
{
    if (selector.isEmpty()) {
        if (bundles.size() == 1)
            return bundles.first();
        QStringList choices;
        for (qsizetype i = 0; i < bundles.size(); ++i)
            choices.append(QStringLiteral("%1#%2").arg(file, bundles.at(i).info.uuid));
        *error = bundles.isEmpty() ? QStringLiteral("%1 holds no result set").arg(file)
                                   : QStringLiteral("%1 holds %2 result sets; name one: %3").arg(file).arg(bundles.size()).arg(choices.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    bool numeric = false;
    const qint64 number = selector.toLongLong(&numeric);
    for (qsizetype i = 0; i < bundles.size(); ++i) {
        const ResultSetInfo &info = bundles.at(i).info;
        // JSON exports carry no database ids: there a number is the set's position, from 1.
        if (info.uuid == selector || (numeric && (info.id != 0 ? info.id == number : i + 1 == number)))
            return bundles.at(i);
    }
    *error = QStringLiteral("%1 has no result set \"%2\"").arg(file, selector);
    return std::nullopt;
}

} // namespace

std::optional<QList<ResultSetBundle>> ResultSetReference::loadFile(const QString &path, QString *error)
{
    if (!QFileInfo(path).isFile()) {
        *error = QStringLiteral("%1: no such file").arg(path);
        return std::nullopt;
    }
    if (ResultSetFile::looksLikeDatabase(path))
        return ResultSetFile::load(path, error);
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.read(16).startsWith("result_set_uuid,")) {
        *error = QStringLiteral("%1 is a CSV export: it holds the raw timings but not the environment and runtimes, so it "
                                "cannot be imported; import the JSON export (`showdown export ID --json FILE`) instead")
                     .arg(path);
        return std::nullopt;
    }
    return JsonImporter::readFile(path, error);
}

namespace {

/// Splits a reference into a file and an optional #selector; both empty when it names no file.
std::pair<QString, QString> fileReference(const QString &reference)
{
    const qsizetype hash = reference.lastIndexOf(QLatin1Char('#'));
    if (QFileInfo(reference).isFile())
        return {reference, QString()};
    if (hash > 0 && QFileInfo(reference.left(hash)).isFile())
        return {reference.left(hash), reference.mid(hash + 1)};
    return {};
}

/// Opens the database and finds the set an ID or uuid names; 0 (with the reason) when there is none.
qint64 databaseSet(ResultStore &store, const QString &reference, const QString &databasePath, QString *error)
{
    if (!store.open(databasePath.isEmpty() ? ResultStore::defaultPath() : databasePath, ResultStore::OpenMode::Read, error))
        return 0;
    bool numeric = false;
    qint64 id = reference.toLongLong(&numeric);
    if (!numeric)
        id = store.resultSetIdForUuid(reference);
    if (id <= 0) {
        *error = QStringLiteral("\"%1\" is neither a result set ID or uuid in %2 nor a file; `showdown list` shows the sets")
                     .arg(reference, store.path());
        return 0;
    }
    return id;
}

} // namespace

std::optional<ResultSetBundle> ResultSetReference::load(const QString &reference, const QString &databasePath, QString *error)
{
    const auto [file, selector] = fileReference(reference);
    if (!file.isEmpty()) {
        const std::optional<QList<ResultSetBundle>> bundles = loadFile(file, error);
        if (!bundles)
            return std::nullopt;
        return pick(*bundles, file, selector, error);
    }
    ResultStore store;
    const qint64 id = databaseSet(store, reference, databasePath, error);
    if (id == 0)
        return std::nullopt;
    return ResultSetBundle::fromStore(store, id, error);
}

std::optional<AnalysedResultSet> ResultSetReference::loadAnalysed(const QString &reference, const QString &databasePath, QString *error)
{
    std::optional<ResultSetAnalysis> stored;
    std::optional<ResultSetBundle> bundle;
    if (!fileReference(reference).first.isEmpty()) {
        bundle = load(reference, databasePath, error);
    } else {
        ResultStore store;
        const qint64 id = databaseSet(store, reference, databasePath, error);
        if (id == 0)
            return std::nullopt;
        bundle = ResultSetBundle::fromStore(store, id, error);
        stored = store.storedAnalysis(id);
    }
    if (!bundle)
        return std::nullopt;
    ResultSetAnalysis analysis = stored ? std::move(*stored) : ResultSetAnalysis::compute(bundle->samples, bundle->runtimes);
    return AnalysedResultSet{std::move(*bundle), std::move(analysis)};
}

} // namespace showdown
