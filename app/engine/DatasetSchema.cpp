#include "DatasetSchema.h"

namespace showdown {

QList<DatasetSchema> DatasetSchema::shipped()
{
    const auto list = [](const char *text) { return QString::fromLatin1(text).split(QLatin1Char(',')); };
    // Every figure must carry its source: source_url is required wherever the dataset has one.
    static const QList<DatasetSchema> schemas = {
        {QStringLiteral("adoption.csv"),
         list("metric,subject,year,value,unit,population,source_title,source_url,notes"),
         list("metric,subject,year,value,population,source_url"), list("year,value"), {}},
        {QStringLiteral("ecosystem.csv"), list("metric,subject,date,value,unit,source_title,source_url,notes"),
         list("metric,subject,date,value,source_url"), list("value"), list("date")},
        {QStringLiteral("article_claims.csv"),
         list("claim_id,claim_text,value,unit,verified_against,verified_value,verdict,notes"),
         list("claim_id,claim_text,verified_against,verdict"), list("value"), {}},
    };
    return schemas;
}

const DatasetSchema *DatasetSchema::forHeader(const QStringList &header)
{
    static const QList<DatasetSchema> schemas = shipped();
    for (const DatasetSchema &schema : schemas) {
        if (schema.columns == header)
            return &schema;
    }
    return nullptr;
}

} // namespace showdown
