#include "changingcolumntype.h"

#include "altercommands.h"

#include "core/lint/columntype.h"
#include "core/lint/nodetext.h"
#include "core/lint/schemafacts.h"
#include "core/lint/scriptfacts.h"
#include "core/lint/typechange.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
ColumnType oldType(const LintInput &input, const QString &table, const QString &column, int at)
{
    ColumnType type = input.facts.columnType(table, column, at);
    if (!type.isKnown() && input.catalog) {
        if (const TableFacts *t = input.catalog->table(table)) {
            if (const ColumnFacts *c = t->column(column))
                type = ColumnType::fromCatalog(c->type);
        }
    }
    return type;
}

enum class Indexed { No, Yes, Unknown };

// Whether an index has the column as a key: from the catalog, or from the
// script when it created the table; unknown otherwise.
Indexed indexedColumn(
    const LintInput &input, const QString &table, const QString &column, int statement)
{
    auto covers = [&](const QList<QStringList> &indexes) {
        for (const QStringList &keys : indexes) {
            if (keys.contains(column))
                return true;
        }
        return false;
    };
    if (covers(input.facts.indexKeys(table, statement)))
        return Indexed::Yes;
    if (input.catalog) {
        if (const TableFacts *t = input.catalog->table(table))
            return covers(t->indexKeys) ? Indexed::Yes : Indexed::No;
    }
    return input.facts.createdBefore(table, statement - 1) ? Indexed::No : Indexed::Unknown;
}

// USING that only names the column (or casts it to the new type) converts
// like a plain ALTER … TYPE; anything else computes every value anew.
bool usingRecomputes(const PgQuery__Node *expression, const QString &column)
{
    if (!expression)
        return false;
    if (expression->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
        expression = expression->type_cast->arg;
    if (!expression || expression->node_case != PG_QUERY__NODE__NODE_COLUMN_REF)
        return true;
    const QStringList fields =
        NodeText::strings(expression->column_ref->fields, expression->column_ref->n_fields);
    return fields.size() != 1 || fields.first() != column;
}
} // namespace

const RuleInfo &ChangingColumnType::info() const
{
    static const RuleInfo info {
        QStringLiteral("changing-column-type"),
        Severity::Warning,
        QStringLiteral("ALTER COLUMN … TYPE that rewrites the table"),
        QStringLiteral("ALTER COLUMN … TYPE takes ACCESS EXCLUSIVE on the table. Unless the new "
                       "type is binary compatible with the old one, PostgreSQL rewrites every "
                       "row and rebuilds every index while holding it: no reads, no writes, "
                       "for minutes to hours on a large table. Code that reads the column may "
                       "also break on the new type."),
        QStringLiteral("Only binary-compatible changes are catalog-only: varchar(n) to a larger n "
                       "or to text, text to varchar, numeric(p,s) to a larger p at the same "
                       "scale, cidr to inet, timestamp/time/interval precision raised, and on "
                       "PostgreSQL 12+ timestamp to timestamptz with the session's TimeZone UTC "
                       "(its indexes are rebuilt, as for citext to text). Otherwise: add a "
                       "column of the new type, keep it in sync with a trigger, backfill in "
                       "batches, switch reads, then drop the old column (expand/contract)."),
        {QStringLiteral("squawk"), QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
    };
    return info;
}

QList<int> ChangingColumnType::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT};
}

void ChangingColumnType::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterTableStmt *alter = statement.node->alter_table_stmt;
    const QString table = NodeText::relation(alter->relation);
    const AlterCommands commands(alter);
    for (const PgQuery__AlterTableCmd *cmd :
        commands.ofType(PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)) {
        if (!cmd->def || cmd->def->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF)
            continue;
        const PgQuery__ColumnDef *definition = cmd->def->column_def;
        const QString column = QString::fromUtf8(cmd->name);
        const ColumnType to = ColumnType::fromTypeName(definition->type_name);
        const ColumnType from = oldType(input, table, column, statement.index);
        const TypeChange change = TypeChange::between(from, to,
            TypeChange::contextOf(input.options.serverVersion,
                input.facts.timeZone(statement.index),
                input.catalog ? input.catalog->timeZone : QString()));
        const QString head = QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3")
                                 .arg(table, column, to.toString());
        QString message;
        Severity severity = info().severity;
        if (usingRecomputes(definition->raw_default, column)) {
            message = QStringLiteral("%1 rewrites %2: its USING expression computes every value "
                                     "anew under ACCESS EXCLUSIVE")
                          .arg(head, table);
        } else if (change.cost == TypeChange::Cost::Rewrite) {
            message = QStringLiteral("%1: %2, under ACCESS EXCLUSIVE").arg(head, change.reason);
        } else if (change.cost == TypeChange::Cost::Unknown) {
            const QString safe = TypeChange::safeSources(to);
            message = safe.isEmpty()
                ? QStringLiteral("%1 rewrites %2 unless the column already is %3; the old type "
                                 "is not known here (lint with --profile to read it)")
                      .arg(head, table, to.toString())
                : QStringLiteral("%1 rewrites %2 unless the column now is %3 (then it is "
                                 "catalog-only); the old type is not known here (lint with "
                                 "--profile to read it)")
                      .arg(head, table, safe);
        } else if (change.cost == TypeChange::Cost::CatalogOnly) {
            const Indexed indexed = indexedColumn(input, table, column, statement.index);
            severity = Severity::Info;
            message = QStringLiteral("%1: %2; only a brief ACCESS EXCLUSIVE lock")
                          .arg(head, change.reason);
            if (change.rebuildsIndexes && indexed == Indexed::Yes) {
                severity = info().severity;
                message = QStringLiteral("%1: %2, but the index on %3 is rebuilt (another "
                                         "operator class) under ACCESS EXCLUSIVE")
                              .arg(head, change.reason, column);
            } else if (change.rebuildsIndexes && indexed == Indexed::Unknown) {
                message += QStringLiteral("; an index on %1 would be rebuilt under that lock "
                                          "(another operator class)")
                               .arg(column);
            }
        } else {
            continue; // already the type
        }
        Finding f =
            finding(input, statement, message, wordAt(input, statement, definition->location));
        f.severity = severity;
        f.relation = table;
        out << std::move(f);
    }
}

} // namespace tusk::core
