#include "objectchangerule.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
using O = PgQuery__ObjectType;

QString objectName(const PgQuery__Node *node)
{
    // A cast is named by its two types: (text AS money_amount).
    if (node && node->node_case == PG_QUERY__NODE__NODE_LIST && node->list->n_items == 2
        && node->list->items[0]->node_case == PG_QUERY__NODE__NODE_TYPE_NAME)
        return QStringLiteral("(%1 AS %2)")
            .arg(NodeText::dotted(node->list->items[0]), NodeText::dotted(node->list->items[1]));
    if (node && node->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS)
        return NodeText::strings(node->object_with_args->objname, node->object_with_args->n_objname)
            .join(QLatin1Char('.'));
    return NodeText::dotted(node);
}

// The words of an ObjectType for a message: OBJECT_MATVIEW → "materialized view".
QString kindName(int type)
{
    switch (type) {
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        return QStringLiteral("materialized view");
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        return QStringLiteral("foreign table");
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS:
        return QStringLiteral("operator class");
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY:
        return QStringLiteral("operator family");
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
    case O::PG_QUERY__OBJECT_TYPE__OBJECT_DOMCONSTRAINT:
        return QStringLiteral("constraint");
    default:
        break;
    }
    const ProtobufCEnumValue *value =
        protobuf_c_enum_descriptor_get_value(&pg_query__object_type__descriptor, type);
    if (!value)
        return QStringLiteral("object");
    return QString::fromLatin1(value->name).mid(7).toLower(); // "OBJECT_FUNCTION" → "function"
}

RuleInfo ruleInfo(
    const char *id, const QString &summary, const QString &explanation, const QString &alternative)
{
    return RuleInfo {QString::fromLatin1(id), Severity::Warning, summary, explanation, alternative,
        {QStringLiteral("squawk")}, false};
}

const QString kContract = QStringLiteral(
    "Contract in two releases: deploy code that no longer uses it, make sure nothing does "
    "(pg_stat_statements, pg_depend, the application's code), then remove it in a later "
    "migration.");
} // namespace

std::vector<std::unique_ptr<Rule>> ObjectChangeRule::createAll()
{
    const QString dropWhy = QStringLiteral(
        "DROP %1 takes an ACCESS EXCLUSIVE lock on it only briefly, but every query, view, "
        "default or function body of running code that still uses it fails from the commit on "
        "(CASCADE also drops what depends on it). IF EXISTS makes the statement re-runnable, "
        "not safe.");
    auto drop = [&](const char *id, const QString &noun, QList<int> types) {
        return Spec {
            ruleInfo(id,
                QStringLiteral("DROP %1 breaks running code that uses it").arg(noun.toUpper()),
                dropWhy.arg(noun.toUpper()), kContract),
            Change::Drop, std::move(types), {}, noun};
    };
    std::vector<Spec> specs {
        drop("ban-drop-function", QStringLiteral("function"),
            {O::PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION, O::PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE,
                O::PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE,
                O::PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE}),
        drop("ban-drop-type", QStringLiteral("type"),
            {O::PG_QUERY__OBJECT_TYPE__OBJECT_TYPE, O::PG_QUERY__OBJECT_TYPE__OBJECT_CAST,
                O::PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR, O::PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS,
                O::PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY}),
        drop("ban-drop-view", QStringLiteral("view"),
            {O::PG_QUERY__OBJECT_TYPE__OBJECT_VIEW, O::PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW}),
        drop(
            "ban-drop-schema", QStringLiteral("schema"), {O::PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA}),
        drop("ban-drop-sequence", QStringLiteral("sequence"),
            {O::PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE}),
        drop(
            "ban-drop-domain", QStringLiteral("domain"), {O::PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN}),
        drop("ban-drop-extension", QStringLiteral("extension"),
            {O::PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION}),
        Spec {ruleInfo("renaming-object",
                  QStringLiteral("RENAME of a view, function, type, sequence, index, constraint … "
                                 "breaks running code that uses the old name"),
                  QStringLiteral("RENAME is a quick catalog change under a short lock, but "
                                 "every client, view definition kept in code or function body "
                                 "that spells the old name fails from the commit on. Tables, "
                                 "columns, schemas and enum values have rules of their own "
                                 "(renaming-table, renaming-column, renaming-schema, "
                                 "renaming-enum-value)."),
                  QStringLiteral("Expand and contract: create the object under the new name (or "
                                 "a view / wrapper function with it), move clients over, then "
                                 "drop the old name in a later migration.")),
            Change::Rename, {},
            {O::PG_QUERY__OBJECT_TYPE__OBJECT_TABLE, O::PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN,
                O::PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA,
                O::PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE},
            QString()},
        Spec {ruleInfo("ban-set-schema",
                  QStringLiteral("SET SCHEMA moves an object away from the name clients use"),
                  QStringLiteral("ALTER … SET SCHEMA is a quick catalog change, but every "
                                 "schema-qualified reference to the object, and every "
                                 "search_path that found it, stops resolving at the commit."),
                  QStringLiteral("Create the object in the new schema (or a view / wrapper "
                                 "there), move clients, then drop the old one later.")),
            Change::SetSchema, {}, {}, QString()},
    };
    std::vector<std::unique_ptr<Rule>> rules;
    for (Spec &spec : specs)
        rules.push_back(std::make_unique<ObjectChangeRule>(std::move(spec)));
    return rules;
}

QList<int> ObjectChangeRule::nodeKinds() const
{
    switch (m_spec.change) {
    case Change::Drop:
        return {PG_QUERY__NODE__NODE_DROP_STMT};
    case Change::Rename:
        return {PG_QUERY__NODE__NODE_RENAME_STMT};
    case Change::SetSchema:
        return {PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT};
    }
    return {};
}

bool ObjectChangeRule::covers(int objectType) const
{
    if (m_spec.excludedTypes.contains(objectType))
        return false;
    return m_spec.objectTypes.isEmpty() || m_spec.objectTypes.contains(objectType);
}

void ObjectChangeRule::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__Node *node = statement.node;
    switch (m_spec.change) {
    case Change::Drop: {
        const PgQuery__DropStmt *drop = node->drop_stmt;
        if (!covers(drop->remove_type))
            return;
        for (size_t i = 0; i < drop->n_objects; ++i) {
            const QString name = objectName(drop->objects[i]);
            out << finding(input, statement,
                QStringLiteral("dropping %1 %2 breaks running code that still uses it")
                    .arg(kindName(drop->remove_type), name));
        }
        return;
    }
    case Change::Rename: {
        const PgQuery__RenameStmt *rename = node->rename_stmt;
        // ALTER TABLE … RENAME CONSTRAINT comes as OBJECT_TABCONSTRAINT; an
        // enum value's rename is an AlterEnumStmt (renaming-enum-value).
        if (!covers(rename->rename_type))
            return;
        QString name =
            rename->relation ? NodeText::relation(rename->relation) : objectName(rename->object);
        if (rename->subname && *rename->subname)
            name = QString::fromUtf8(rename->subname)
                + (name.isEmpty() ? QString() : QStringLiteral(" on ") + name);
        out << finding(input, statement,
            QStringLiteral("renaming %1 %2 to %3 breaks running code that uses the old name")
                .arg(kindName(rename->rename_type), name, QString::fromUtf8(rename->newname)));
        return;
    }
    case Change::SetSchema: {
        const PgQuery__AlterObjectSchemaStmt *move = node->alter_object_schema_stmt;
        const QString name =
            move->relation ? NodeText::relation(move->relation) : objectName(move->object);
        out << finding(input, statement,
            QStringLiteral("moving %1 %2 to schema %3 breaks every reference to its old "
                           "qualified name")
                .arg(kindName(move->object_type), name, QString::fromUtf8(move->newschema)));
        return;
    }
    }
}

} // namespace tusk::core
