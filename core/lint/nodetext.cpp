#include "nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

QString NodeText::relation(const PgQuery__RangeVar *range)
{
    if (!range)
        return {};
    const QString name = QString::fromUtf8(range->relname);
    if (range->schemaname && *range->schemaname)
        return QString::fromUtf8(range->schemaname) + QLatin1Char('.') + name;
    return name;
}

} // namespace tusk::core
