#include "MergeVerb.h"

#include "ImportVerb.h"

namespace showdown {

int mergeVerb(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return importCommand(QStringLiteral("merge"),
                         QStringLiteral("Merges every result set of the FILEs (databases, .showdown files or JSON exports) into the "
                                        "database, all in one transaction. Sets are identified by uuid, so merging the same file "
                                        "twice adds nothing the second time; the sources are only read."),
                         true, arguments, out, err);
}

} // namespace showdown
