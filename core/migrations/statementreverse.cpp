#include "statementreverse.h"

#include "statementreversepieces.h"

#include "core/catalog/ddlwriter.h"
#include "core/sql/parsedscript.h"
#include "core/sql/sqlidentifier.h"

#include <functional>

namespace tusk::core {

using namespace reversal;

Ident reversal::named(const PriorCatalog &prior, Kind kind, const NodeSql::Name &name)
{
    return prior.ident(kind, prior.schemaOf(kind, name.schema, name.name), name.name);
}

QString reversal::relationKeyword(PgQuery__ObjectType type)
{
    switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        return QStringLiteral("INDEX");
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        return QStringLiteral("VIEW");
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        return QStringLiteral("MATERIALIZED VIEW");
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        return QStringLiteral("SEQUENCE");
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
        return QStringLiteral("FOREIGN TABLE");
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        return QStringLiteral("TYPE");
    default:
        return QStringLiteral("TABLE");
    }
}

Piece reversal::voiding(const QString &key)
{
    Piece p;
    p.voids = key;
    return p;
}

Piece reversal::notInSnapshot(
    const PriorCatalog &prior, const QString &missing, const QString &needed)
{
    return prior.isKnown()
        ? Piece::none(QStringLiteral("%1 is not in the catalog snapshot").arg(missing))
        : Piece::needsCatalog(needed);
}

void reversal::ownedSequenceSql(
    const CatalogSnapshot &s, const DbSequence &sequence, QStringList &before, QStringList &after)
{
    const DbRelation *r = s.relation(sequence.oid);
    if (!r)
        return;
    for (const QString &line : DdlWriter::relation(s, *r, {}, s).split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1String(" OWNED BY ")))
            after << line;
        else if (!line.isEmpty())
            before << line;
    }
    if (sequence.hasLastValue)
        after << setvalSql(s, *r, sequence.lastValue);
}

QString reversal::setvalSql(const CatalogSnapshot &s, const DbRelation &relation, qint64 value)
{
    return QStringLiteral("SELECT pg_catalog.setval(%1, %2);")
        .arg(SqlIdentifier::literal(s.qualifiedName(relation)))
        .arg(value);
}

namespace {
// The statement on one line, for the comment above an unsafe inverse.
QString oneLine(const QString &statement)
{
    QString line = statement.simplified();
    if (line.size() > 200)
        line = line.left(199) + QChar(0x2026);
    return line;
}

bool hasOption(PgQuery__Node *const *options, size_t count, const char *name)
{
    for (size_t i = 0; i < count; ++i) {
        if (options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM
            && qstrcmp(options[i]->def_elem->defname, name) == 0)
            return true;
    }
    return false;
}

// CREATE of a top-level object: its inverse drops it, unless IF NOT EXISTS
// met one that was there before (then the statement did nothing).
QList<Piece> created(PriorCatalog &prior, Kind kind, const QString &schema, const QString &name,
    int statement, bool ifNotExists, const std::function<bool(const Ident &)> &existed,
    const QString &dropSql)
{
    const Ident was = prior.ident(kind, schema, name);
    if (ifNotExists) {
        if (was.isScript())
            return {
                Piece::nothing(QStringLiteral("an earlier statement of the script creates it"))};
        if (!was.isGone()) {
            if (!prior.isKnown())
                return {Piece::needsCatalog(
                    QStringLiteral("whether %1 existed (IF NOT EXISTS)").arg(name))};
            if (existed(was))
                return {Piece::nothing(
                    QStringLiteral("%1 existed already, so the statement changed nothing")
                        .arg(name))};
        }
    }
    prior.created(kind, schema, name, statement);
    return {Piece::undo(dropSql, prior.ident(kind, schema, name).key())};
}

QList<Piece> createRelation(PriorCatalog &prior, const PgQuery__RangeVar *range, int statement,
    bool ifNotExists, const QString &noun)
{
    const NodeSql::Name name = NodeSql::relation(range);
    if (range->relpersistence && *range->relpersistence == 't')
        return {Piece::nothing(QStringLiteral("a temporary %1 ends with its session").arg(noun))};
    const QString schema = prior.schemaOf(Kind::Relation, name.schema, name.name);
    return created(
        prior, Kind::Relation, schema, name.name, statement, ifNotExists,
        [&prior](const Ident &i) { return prior.relation(i) || prior.index(i); },
        QStringLiteral("DROP %1 %2;").arg(noun.toUpper(), name.sql));
}

QList<Piece> createIndex(PriorCatalog &prior, const PgQuery__IndexStmt *index, int statement)
{
    if (!index->idxname || !*index->idxname)
        return {Piece::none(
            QStringLiteral("the server picks the index's name; name it to get an inverse"))};
    const NodeSql::Name table = NodeSql::relation(index->relation);
    const QString schema = prior.schemaOf(Kind::Relation, table.schema, table.name);
    const QString name = QString::fromUtf8(index->idxname);
    QStringList columns;
    for (size_t i = 0; i < index->n_index_params; ++i) {
        const PgQuery__Node *p = index->index_params[i];
        if (p->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM && p->index_elem->name)
            columns << QString::fromUtf8(p->index_elem->name);
    }
    const Ident on = prior.ident(Kind::Relation, schema, table.name);
    if (on.isScript() && !index->if_not_exists) {
        prior.created(Kind::Relation, schema, name, statement);
        prior.setIndexColumns(prior.ident(Kind::Relation, schema, name), columns);
        return {Piece::nothing(
            QStringLiteral("%1 is created by the script; dropping it drops the index")
                .arg(table.name))};
    }
    QList<Piece> out = created(
        prior, Kind::Relation, schema, name, statement, index->if_not_exists,
        [&prior](const Ident &i) { return prior.relation(i) || prior.index(i); },
        QStringLiteral("DROP INDEX %1%2;")
            .arg(index->concurrent ? QStringLiteral("CONCURRENTLY ") : QString(),
                SqlIdentifier::qualified(table.schema, name)));
    prior.setIndexColumns(prior.ident(Kind::Relation, schema, name), columns);
    if (!out.first().object.isEmpty())
        out.first().object = PriorCatalog::within(on.key(), out.first().object);
    return out;
}

QList<Piece> createView(PriorCatalog &prior, const PgQuery__ViewStmt *view, int statement)
{
    if (!view->replace)
        return createRelation(prior, view->view, statement, false, QStringLiteral("view"));
    const NodeSql::Name name = NodeSql::relation(view->view);
    const Ident was = named(prior, Kind::Relation, name);
    if (was.isScript())
        return {Piece::nothing(QStringLiteral("an earlier statement of the script creates it"))};
    if (!was.isGone()) {
        if (!prior.isKnown())
            return {Piece::needsCatalog(
                QStringLiteral("whether view %1 existed (OR REPLACE)").arg(name.name))};
        if (prior.relation(was))
            return {Piece::none(
                QStringLiteral("it replaces view %1, and the catalog snapshot holds no view "
                               "definitions to restore")
                    .arg(name.name))};
    }
    return createRelation(prior, view->view, statement, false, QStringLiteral("view"));
}

QList<Piece> createFunction(
    PriorCatalog &prior, const PgQuery__CreateFunctionStmt *create, int statement)
{
    const NodeSql::Function f = NodeSql::function(
        create->funcname, create->n_funcname, create->parameters, create->n_parameters);
    const QString noun =
        create->is_procedure ? QStringLiteral("PROCEDURE") : QStringLiteral("FUNCTION");
    if (!f.argumentsKnown)
        return {Piece::none(QStringLiteral("an argument type (%TYPE) cannot be spelled for DROP"))};
    const QString schema = prior.schemaOf(Kind::Function, f.name.schema, f.name.name);
    if (create->replace) {
        const Ident was = prior.ident(Kind::Function, schema, f.key);
        if (was.isScript())
            return {
                Piece::nothing(QStringLiteral("an earlier statement of the script creates it"))};
        if (!prior.isKnown())
            return {Piece::needsCatalog(
                QStringLiteral("whether %1 existed (OR REPLACE)").arg(f.name.name))};
        if (!was.isGone() && !prior.functions(was, int(f.argumentTypes.size())).isEmpty())
            return {Piece::none(
                QStringLiteral("it replaces %1, and the catalog snapshot holds no function "
                               "bodies to restore")
                    .arg(f.name.name))};
    }
    prior.created(Kind::Function, schema, f.key, statement);
    return {Piece::undo(QStringLiteral("DROP %1 %2;").arg(noun, f.sql),
        prior.ident(Kind::Function, schema, f.key).key())};
}

QList<Piece> createType(PriorCatalog &prior, const NodeSql::Name &name, int statement,
    const QString &noun = QStringLiteral("TYPE"))
{
    const QString schema = prior.schemaOf(Kind::Type, name.schema, name.name);
    return created(
        prior, Kind::Type, schema, name.name, statement, false, [](const Ident &) { return false; },
        QStringLiteral("DROP %1 %2;").arg(noun, name.sql));
}

QList<Piece> createSchema(
    PriorCatalog &prior, const PgQuery__CreateSchemaStmt *create, int statement)
{
    QString name = QString::fromUtf8(create->schemaname);
    if (name.isEmpty() && create->authrole && create->authrole->rolename)
        name = QString::fromUtf8(create->authrole->rolename); // named after its owner
    QList<Piece> out = created(
        prior, Kind::Schema, QString(), name, statement, create->if_not_exists,
        [&prior](const Ident &i) { return prior.schema(i) != nullptr; },
        QStringLiteral("DROP SCHEMA %1%2;")
            .arg(q(name), create->n_schema_elts ? QStringLiteral(" CASCADE") : QString()));
    if (create->n_schema_elts && !out.first().sql.isEmpty())
        out.first().reason = QStringLiteral("CASCADE drops what the statement created in it");
    return out;
}

QList<Piece> createExtension(
    PriorCatalog &prior, const PgQuery__CreateExtensionStmt *create, int statement)
{
    const QString name = QString::fromUtf8(create->extname);
    QList<Piece> out = created(
        prior, Kind::Extension, QString(), name, statement, create->if_not_exists,
        [&prior](const Ident &i) { return prior.extension(i) != nullptr; },
        QStringLiteral("DROP EXTENSION %1;").arg(q(name)));
    if (hasOption(create->options, create->n_options, "cascade") && !out.first().sql.isEmpty()) {
        out.first().safe = false;
        out.first().reason =
            QStringLiteral("CASCADE may also have installed extensions it needs, and those stay");
    }
    return out;
}

// CREATE TRIGGER and CREATE POLICY: objects named within their table.
QList<Piece> createOnTable(PriorCatalog &prior, Kind kind, const QString &name,
    const PgQuery__RangeVar *range, int statement, const QString &noun)
{
    const NodeSql::Name table = NodeSql::relation(range);
    const Ident on = named(prior, Kind::Relation, table);
    if (on.isScript())
        return {Piece::nothing(QStringLiteral("%1 is created by the script").arg(table.name))};
    prior.created(kind, on.key(), name, statement);
    return {Piece::undo(QStringLiteral("DROP %1 %2 ON %3;").arg(noun, q(name), table.sql),
        prior.ident(kind, on.key(), name).key())};
}

QList<Piece> replaceTrigger(
    PriorCatalog &prior, const PgQuery__CreateTrigStmt *create, int statement)
{
    const QString name = QString::fromUtf8(create->trigname);
    const Ident on = named(prior, Kind::Relation, NodeSql::relation(create->relation));
    const Ident was = prior.ident(Kind::Trigger, on.key(), name);
    if (!create->replace || on.isScript() || was.isScript() || was.isGone())
        return createOnTable(
            prior, Kind::Trigger, name, create->relation, statement, QStringLiteral("TRIGGER"));
    if (!prior.isKnown())
        return {Piece::needsCatalog(QStringLiteral("whether trigger %1 existed").arg(name))};
    const DbTrigger *old = prior.trigger(was);
    if (!old)
        return createOnTable(
            prior, Kind::Trigger, name, create->relation, statement, QStringLiteral("TRIGGER"));
    const DbRelation *r = prior.relation(on);
    QString definition = old->definition;
    if (definition.isNull() || !r || prior.changedBefore(was, QStringLiteral("definition")))
        return {
            Piece::none(QStringLiteral("the old definition of trigger %1 is not known").arg(name))};
    const QString head = QStringLiteral("CREATE TRIGGER ");
    if (definition.startsWith(head))
        definition.replace(0, head.size(), QStringLiteral("CREATE OR REPLACE TRIGGER "));
    definition.replace(QStringLiteral(" ON %1 ").arg(prior.snapshot().qualifiedName(*r)),
        QStringLiteral(" ON %1 ").arg(prior.currentName(*r)));
    return {Piece::undo(definition + QLatin1Char(';'), was.key())};
}

QList<Piece> alterEnum(PriorCatalog &prior, const PgQuery__AlterEnumStmt *alter)
{
    const NodeSql::Name type = NodeSql::strings(alter->type_name, alter->n_type_name);
    const Ident was = named(prior, Kind::Type, type);
    if (alter->old_val && *alter->old_val)
        return {Piece::undo(
            QStringLiteral("ALTER TYPE %1 RENAME VALUE %2 TO %3;")
                .arg(type.sql, SqlIdentifier::literal(QString::fromUtf8(alter->new_val)),
                    SqlIdentifier::literal(QString::fromUtf8(alter->old_val))),
            was.key())};
    if (was.isScript())
        return {Piece::nothing(QStringLiteral("%1 is created by the script").arg(type.name))};
    if (alter->skip_if_new_val_exists) {
        const DbType *t = prior.type(was);
        if (t && t->labels.contains(QString::fromUtf8(alter->new_val)))
            return {Piece::nothing(QStringLiteral("the value existed already"))};
    }
    return {Piece::none(QStringLiteral("PostgreSQL cannot remove a value from an enum type"))};
}

QString nodeName(const PgQuery__Node *node)
{
    const ProtobufCFieldDescriptor *field =
        protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
    return field ? QString::fromLatin1(field->name).replace(QLatin1Char('_'), QLatin1Char(' '))
                 : QStringLiteral("this statement");
}
} // namespace

Piece Piece::undo(const QString &sql, const QString &object)
{
    Piece p;
    p.sql = sql;
    p.object = object;
    return p;
}

Piece Piece::nothing(const QString &reason)
{
    Piece p;
    p.reason = reason;
    return p;
}

Piece Piece::none(const QString &reason, const QString &object)
{
    Piece p;
    p.safe = false;
    p.reason = reason;
    p.object = object;
    return p;
}

Piece Piece::partial(const QString &sql, const QString &reason, const QString &object)
{
    Piece p = undo(sql, object);
    p.safe = false;
    p.reason = reason;
    return p;
}

Piece Piece::needsCatalog(const QString &what)
{
    return none(QStringLiteral("needs the catalog from before the script to know %1").arg(what));
}

StatementReverse::StatementReverse(const CatalogSnapshot &snapshot)
    : m_snapshot(snapshot)
{
}

QList<StatementReverse::Inverse> StatementReverse::reverse(const QString &sql) const
{
    const ParsedScript script(sql.toUtf8(), 1);
    PriorCatalog prior(m_snapshot);
    QList<Pieces> pieces;
    QStringList statements;
    for (const ParsedStatement &s : script.statements()) {
        const int index = int(statements.size());
        statements << QString::fromUtf8(script.source().bytes().mid(s.range.begin, s.range.size()));
        Pieces mine = s.node
            ? reverseNode(s.node, prior, index)
            : Pieces {Piece::none(QStringLiteral("it does not parse: %1").arg(s.syntaxError))};
        // An object dropped again: its drop's inverse brings back the state
        // before the script, so what earlier inverses did to it goes.
        for (const Piece &p : std::as_const(mine)) {
            for (Pieces &earlier : pieces) {
                earlier.removeIf(
                    [&p](const Piece &e) { return PriorCatalog::concerns(e.object, p.voids); });
            }
        }
        pieces << mine;
    }
    QList<Inverse> out;
    for (int i = 0; i < pieces.size(); ++i) {
        Inverse inverse;
        inverse.statement = statements.at(i);
        inverse.safe = true;
        QStringList sqls;
        QStringList reasons;
        for (const Piece &p : std::as_const(pieces.at(i))) {
            if (!p.sql.isEmpty())
                sqls << p.sql.trimmed();
            inverse.safe = inverse.safe && p.safe;
            if (!p.reason.isEmpty() && !reasons.contains(p.reason))
                reasons << p.reason;
        }
        inverse.sql = sqls.join(QLatin1Char('\n'));
        inverse.reason = reasons.join(QStringLiteral("; "));
        if (inverse.sql.isEmpty() && !inverse.safe)
            inverse.sql =
                QStringLiteral("-- no safe inverse: ") + SqlIdentifier::commentText(inverse.reason);
        out << inverse;
    }
    return out;
}

QString StatementReverse::downScript(const QString &sql) const
{
    return downScript(reverse(sql));
}

QString StatementReverse::downScript(const QList<Inverse> &inverses)
{
    QStringList blocks;
    for (qsizetype i = inverses.size() - 1; i >= 0; --i) {
        const Inverse &inverse = inverses.at(i);
        if (inverse.sql.isEmpty())
            continue;
        if (inverse.safe) {
            blocks << inverse.sql;
        } else if (inverse.isPartial()) {
            // The reason names objects, and a name may hold a line break:
            // it must not end the comment.
            blocks << QStringLiteral("-- partial inverse: %1\n-- %2\n%3")
                          .arg(SqlIdentifier::commentText(inverse.reason),
                              oneLine(inverse.statement), inverse.sql);
        } else {
            blocks << inverse.sql + QStringLiteral("\n-- ") + oneLine(inverse.statement);
        }
    }
    return blocks.isEmpty() ? QString() : blocks.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

StatementReverse::Pieces StatementReverse::reverseNode(
    const PgQuery__Node *node, PriorCatalog &prior, int statement) const
{
    switch (node->node_case) {
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
    case PG_QUERY__NODE__NODE_LOCK_STMT:
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
    case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
        return {Piece::nothing()};
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        return alterTable(node, prior, statement);
    case PG_QUERY__NODE__NODE_SELECT_STMT:
        if (const PgQuery__IntoClause *into = node->select_stmt->into_clause)
            return createRelation(prior, into->rel, statement, false, QStringLiteral("table"));
        return {Piece::nothing()};
    case PG_QUERY__NODE__NODE_CREATE_STMT:
        return createRelation(prior, node->create_stmt->relation, statement,
            node->create_stmt->if_not_exists, QStringLiteral("table"));
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
        const PgQuery__CreateTableAsStmt *create = node->create_table_as_stmt;
        const bool view = create->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
        return createRelation(prior, create->into->rel, statement, create->if_not_exists,
            view ? QStringLiteral("materialized view") : QStringLiteral("table"));
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT:
        return createIndex(prior, node->index_stmt, statement);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
        return createView(prior, node->view_stmt, statement);
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
        return createFunction(prior, node->create_function_stmt, statement);
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
        return createRelation(prior, node->create_seq_stmt->sequence, statement,
            node->create_seq_stmt->if_not_exists, QStringLiteral("sequence"));
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
        return createType(prior,
            NodeSql::strings(
                node->create_enum_stmt->type_name, node->create_enum_stmt->n_type_name),
            statement);
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
        return createType(prior,
            NodeSql::strings(
                node->create_range_stmt->type_name, node->create_range_stmt->n_type_name),
            statement);
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
        return createType(prior, NodeSql::relation(node->composite_type_stmt->typevar), statement);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
        return createType(prior,
            NodeSql::strings(
                node->create_domain_stmt->domainname, node->create_domain_stmt->n_domainname),
            statement, QStringLiteral("DOMAIN"));
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
        return createSchema(prior, node->create_schema_stmt, statement);
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
        return createExtension(prior, node->create_extension_stmt, statement);
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
        return replaceTrigger(prior, node->create_trig_stmt, statement);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
        return createOnTable(prior, Kind::Policy,
            QString::fromUtf8(node->create_policy_stmt->policy_name),
            node->create_policy_stmt->table, statement, QStringLiteral("POLICY"));
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
        return alterEnum(prior, node->alter_enum_stmt);
    case PG_QUERY__NODE__NODE_DROP_STMT:
        return drop(node, prior);
    case PG_QUERY__NODE__NODE_RENAME_STMT:
        return rename(node, prior);
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
        return comment(node, prior);
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
    case PG_QUERY__NODE__NODE_COPY_STMT:
        return {Piece::none(QStringLiteral("a data change: the rows before it are not kept"))};
    case PG_QUERY__NODE__NODE_DO_STMT:
        return {Piece::none(QStringLiteral("a DO block: what it changes cannot be read from it"))};
    case PG_QUERY__NODE__NODE_GRANT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
        return {Piece::none(
            QStringLiteral("the privileges before it are not in the catalog snapshot"))};
    default:
        return {Piece::none(QStringLiteral("Tusk has no inverse for a %1").arg(nodeName(node)))};
    }
}

} // namespace tusk::core
