#include "tablerenamerecipe.h"

#include "core/sql/sqlidentifier.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

std::optional<QList<RolloutStep>> TableRenameRecipe::steps(const PgQuery__Node *node)
{
    if (!node || node->node_case != PG_QUERY__NODE__NODE_RENAME_STMT
        || node->rename_stmt->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE
        || !node->rename_stmt->relation)
        return std::nullopt;
    const PgQuery__RenameStmt *rename = node->rename_stmt;
    const QString schema = QString::fromUtf8(rename->relation->schemaname);
    auto named = [&schema](const char *name) {
        return schema.isEmpty() ? SqlIdentifier::quote(QString::fromUtf8(name))
                                : SqlIdentifier::qualified(schema, QString::fromUtf8(name));
    };
    const QString oldName = named(rename->relation->relname);
    const QString newName = named(rename->newname);
    const QString newBare = SqlIdentifier::quote(QString::fromUtf8(rename->newname));
    const QString oldBare = SqlIdentifier::quote(QString::fromUtf8(rename->relation->relname));
    QList<RolloutStep> out;
    RolloutStep expand;
    expand.up = QStringLiteral("BEGIN;\nALTER TABLE %1 RENAME TO %2;\nCREATE VIEW %1 AS SELECT * "
                               "FROM %3;\nCOMMIT;")
                    .arg(oldName, newBare, newName);
    expand.rollback = QStringLiteral("BEGIN;\nDROP VIEW %1;\nALTER TABLE %2 RENAME TO %3;\nCOMMIT;")
                          .arg(oldName, newName, oldBare);
    expand.lock =
        QStringLiteral("ACCESS EXCLUSIVE on %1, catalog only: brief (reads and writes wait for "
                       "the rename to commit)")
            .arg(oldName);
    ChangeVerifier::Check view;
    view.what = QStringLiteral("%1 still answers, as a view on %2").arg(oldName, newName);
    view.sql =
        QStringLiteral("SELECT c.relkind = 'v', CASE c.relkind WHEN 'v' THEN 'a view' "
                       "ELSE 'kind ' || c.relkind::text END FROM pg_catalog.pg_class c WHERE "
                       "c.oid = to_regclass($1::text)");
    view.params = {oldName};
    view.absentText = QStringLiteral("not found");
    expand.gate << view;
    out << expand;
    out << RolloutStep::migrateReads(
        QStringLiteral("deploy the application using %1; the view %2 serves the old version "
                       "meanwhile")
            .arg(newName, oldName));
    RolloutStep contract;
    contract.phase = RolloutStep::Phase::Contract;
    contract.up = QStringLiteral("DROP VIEW %1;").arg(oldName);
    contract.rollback = QStringLiteral("CREATE VIEW %1 AS SELECT * FROM %2;").arg(oldName, newName);
    contract.lock = QStringLiteral("ACCESS EXCLUSIVE on the view %1: brief").arg(oldName);
    out << contract;
    return out;
}

} // namespace tusk::core
