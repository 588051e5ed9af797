#include "whatifcandidate.h"

#include "plan.h"
#include "planinsight.h"

#include "core/sql/sqlidentifier.h"

namespace tusk::core {

using namespace Qt::Literals::StringLiterals;

std::optional<WhatIfCandidate> WhatIfCandidate::fromInsight(
    const Plan &plan, const PlanInsight &insight)
{
    if (insight.kind != PlanInsight::Kind::FilterRemovesRows || insight.node < 0
        || insight.node >= plan.nodes.size())
        return std::nullopt;
    const PlanNode &node = plan.nodes.at(insight.node);
    if (node.relation.isEmpty())
        return std::nullopt;
    WhatIfCandidate candidate;
    candidate.schema = node.schema;
    candidate.table = node.relation;
    candidate.columns = PlanInsights::filterColumns(node.filter).mid(0, maxColumns);
    if (candidate.columns.isEmpty())
        return std::nullopt;
    return candidate;
}

QString WhatIfCandidate::target() const
{
    QStringList quoted;
    for (const QString &column : columns)
        quoted << SqlIdentifier::quote(column);
    const QString name =
        schema.isEmpty() ? SqlIdentifier::quote(table) : SqlIdentifier::qualified(schema, table);
    return name + u" ("_s + quoted.join(u", "_s) + u')';
}

QString WhatIfCandidate::hypotheticalSql() const
{
    return u"CREATE INDEX ON "_s + target();
}

QString WhatIfCandidate::concurrentlySql() const
{
    return u"CREATE INDEX CONCURRENTLY ON "_s + target() + u';';
}

} // namespace tusk::core
