#include "schemafacts.h"

namespace tusk::core {

const ColumnFacts *TableFacts::column(const QString &name) const
{
    for (const ColumnFacts &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

void SchemaFacts::addTable(TableFacts table)
{
    const QString key = table.schema + QLatin1Char('.') + table.name;
    m_tables.insert(key, std::move(table));
}

const TableFacts *SchemaFacts::table(const QString &relation) const
{
    if (relation.contains(QLatin1Char('.'))) {
        const auto it = m_tables.constFind(relation);
        return it == m_tables.constEnd() ? nullptr : &*it;
    }
    for (const QString &schema : searchPath) {
        const auto it = m_tables.constFind(schema + QLatin1Char('.') + relation);
        if (it != m_tables.constEnd())
            return &*it;
    }
    return nullptr;
}

char SchemaFacts::volatility(const QString &function) const
{
    return m_volatility.value(function.toLower(), 0);
}

void SchemaFacts::setVolatility(const QString &function, char volatility)
{
    // Overloads differ; the most volatile one decides, to stay on the safe side.
    char &current = m_volatility[function.toLower()];
    static const QByteArray order("isv");
    if (order.indexOf(volatility) > order.indexOf(current))
        current = volatility;
}

void SchemaFacts::takeSizesFrom(const SchemaFacts &target)
{
    for (auto it = m_tables.begin(); it != m_tables.end(); ++it) {
        const TableFacts *there = target.table(it.key());
        it->rowEstimate = there ? there->rowEstimate : -1;
        it->totalBytes = there ? there->totalBytes : -1;
    }
    sizesFromTarget = true;
}

} // namespace tusk::core
