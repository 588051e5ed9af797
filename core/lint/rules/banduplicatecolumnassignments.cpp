#include "banduplicatecolumnassignments.h"

#include "statementfix.h"

#include <pg_query/pg_query.pb-c.h>

#include <QHash>

namespace tusk::core {

namespace {

// PostgreSQL keeps the first NAMEDATALEN - 1 = 63 bytes of a name, cut at a
// character boundary: two long names that share those bytes are one.
QByteArray truncatedName(QByteArray name)
{
    if (name.size() <= 63)
        return name;
    qsizetype cut = 63;
    while (cut > 0 && (static_cast<unsigned char>(name.at(cut)) & 0xC0) == 0x80)
        --cut;
    name.truncate(cut);
    return name;
}

struct Duplicate {
    QString what; // "UPDATE", "CREATE TABLE"
    QString verb; // "sets", "defines"
    QString column;
    int location;
};

// One list of column names, as the parser folded them (unquoted lower
// case, quoted as written). `a.x` and `a[1]` assign part of a: two parts
// are fine, a part next to the whole is not.
class ColumnList {
public:
    ColumnList(QString what, QString verb)
        : m_what(std::move(what))
        , m_verb(std::move(verb))
    {
    }

    void add(const char *name, int location, bool partial = false)
    {
        if (!name || !*name)
            return;
        m_entries << Entry {truncatedName(QByteArray(name)), location, partial};
    }

    // Every occurrence after the first of a name that clashes.
    void duplicates(QList<Duplicate> &out) const
    {
        QHash<QByteArray, int> whole;
        QHash<QByteArray, int> parts;
        for (const Entry &e : m_entries)
            ++(e.partial ? parts : whole)[e.name];
        QHash<QByteArray, int> seen;
        for (const Entry &e : m_entries) {
            const int count = ++seen[e.name];
            const bool clash =
                whole.value(e.name) > 1 || (whole.value(e.name) > 0 && parts.value(e.name) > 0);
            if (clash && count > 1)
                out << Duplicate {m_what, m_verb, QString::fromUtf8(e.name), e.location};
        }
    }

private:
    struct Entry {
        QByteArray name;
        int location;
        bool partial;
    };
    QString m_what;
    QString m_verb;
    QList<Entry> m_entries;
};

void addTargets(ColumnList &list, PgQuery__Node *const *targets, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        if (targets[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET)
            continue;
        const PgQuery__ResTarget *t = targets[i]->res_target;
        list.add(t->name, t->location, t->n_indirection > 0);
    }
}

// The name PostgreSQL gives an output column without an alias
// (FigureColname, the common cases): a column's own name, a function's,
// the type of a cast of a constant, ?column? for a constant; empty (not
// compared) for the shapes not followed here (COALESCE, CASE, ARRAY …),
// so a guess never becomes an error.
QByteArray outputName(const PgQuery__Node *value)
{
    if (!value)
        return {};
    switch (value->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
        const PgQuery__ColumnRef *ref = value->column_ref;
        const PgQuery__Node *last = ref->n_fields ? ref->fields[ref->n_fields - 1] : nullptr;
        if (last && last->node_case == PG_QUERY__NODE__NODE_STRING)
            return last->string->sval;
        return {}; // t.* expands: not one name
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL: {
        const PgQuery__FuncCall *call = value->func_call;
        const PgQuery__Node *last =
            call->n_funcname ? call->funcname[call->n_funcname - 1] : nullptr;
        if (last && last->node_case == PG_QUERY__NODE__NODE_STRING)
            return last->string->sval;
        return {};
    }
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
        const QByteArray inner = outputName(value->type_cast->arg);
        if (inner != "?column?")
            return inner; // a column's name, or unknown
        const PgQuery__TypeName *type = value->type_cast->type_name;
        const PgQuery__Node *last =
            type && type->n_names ? type->names[type->n_names - 1] : nullptr;
        if (last && last->node_case == PG_QUERY__NODE__NODE_STRING)
            return last->string->sval;
        return "?column?";
    }
    case PG_QUERY__NODE__NODE_A_CONST:
        return "?column?";
    case PG_QUERY__NODE__NODE_A_INDIRECTION: // a[1] is named a
        return outputName(value->a_indirection->arg);
    default:
        return {};
    }
}

void addOutputNames(ColumnList &list, const PgQuery__SelectStmt *select)
{
    if (!select || select->op != PG_QUERY__SET_OPERATION__SETOP_NONE)
        return; // a UNION's names are its first branch's; rare in migrations
    for (size_t i = 0; i < select->n_target_list; ++i) {
        if (select->target_list[i]->node_case != PG_QUERY__NODE__NODE_RES_TARGET)
            continue;
        const PgQuery__ResTarget *t = select->target_list[i]->res_target;
        const QByteArray name = t->name && *t->name ? QByteArray(t->name) : outputName(t->val);
        list.add(name.constData(), t->location);
    }
}

void addNames(ColumnList &list, PgQuery__Node *const *names, size_t n, int location)
{
    for (size_t i = 0; i < n; ++i) {
        if (names[i]->node_case == PG_QUERY__NODE__NODE_STRING)
            list.add(names[i]->string->sval, location);
    }
}

const PgQuery__SelectStmt *selectOf(const PgQuery__Node *node)
{
    return node && node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT ? node->select_stmt
                                                                       : nullptr;
}

class Checker {
public:
    explicit Checker(QList<Duplicate> &out)
        : m_out(out)
    {
    }

    void check(const PgQuery__Node *node)
    {
        if (!node)
            return;
        switch (node->node_case) {
        case PG_QUERY__NODE__NODE_UPDATE_STMT: {
            const PgQuery__UpdateStmt *update = node->update_stmt;
            with(update->with_clause);
            ColumnList set(QStringLiteral("UPDATE"), QStringLiteral("sets"));
            addTargets(set, update->target_list, update->n_target_list);
            set.duplicates(m_out);
            break;
        }
        case PG_QUERY__NODE__NODE_INSERT_STMT: {
            const PgQuery__InsertStmt *insert = node->insert_stmt;
            with(insert->with_clause);
            ColumnList columns(QStringLiteral("INSERT"), QStringLiteral("lists"));
            addTargets(columns, insert->cols, insert->n_cols);
            columns.duplicates(m_out);
            if (insert->on_conflict_clause) {
                ColumnList set(QStringLiteral("ON CONFLICT DO UPDATE"), QStringLiteral("sets"));
                addTargets(set, insert->on_conflict_clause->target_list,
                    insert->on_conflict_clause->n_target_list);
                set.duplicates(m_out);
            }
            check(insert->select_stmt);
            break;
        }
        case PG_QUERY__NODE__NODE_MERGE_STMT: {
            const PgQuery__MergeStmt *merge = node->merge_stmt;
            with(merge->with_clause);
            for (size_t i = 0; i < merge->n_merge_when_clauses; ++i) {
                const PgQuery__Node *w = merge->merge_when_clauses[i];
                if (w->node_case != PG_QUERY__NODE__NODE_MERGE_WHEN_CLAUSE)
                    continue;
                const PgQuery__MergeWhenClause *clause = w->merge_when_clause;
                const bool update = clause->command_type == PG_QUERY__CMD_TYPE__CMD_UPDATE;
                ColumnList list(
                    update ? QStringLiteral("MERGE … UPDATE") : QStringLiteral("MERGE … INSERT"),
                    update ? QStringLiteral("sets") : QStringLiteral("lists"));
                addTargets(list, clause->target_list, clause->n_target_list);
                list.duplicates(m_out);
            }
            break;
        }
        case PG_QUERY__NODE__NODE_SELECT_STMT: {
            const PgQuery__SelectStmt *select = node->select_stmt;
            with(select->with_clause);
            if (select->into_clause) {
                ColumnList columns(QStringLiteral("SELECT INTO"), QStringLiteral("names"));
                addOutputNames(columns, select);
                columns.duplicates(m_out);
            }
            break;
        }
        case PG_QUERY__NODE__NODE_CREATE_STMT:
            createTable(node->create_stmt, QStringLiteral("CREATE TABLE"));
            break;
        case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT:
            createTable(
                node->create_foreign_table_stmt->base_stmt, QStringLiteral("CREATE FOREIGN TABLE"));
            break;
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
            const PgQuery__CreateTableAsStmt *as = node->create_table_as_stmt;
            const bool view = as->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
            ColumnList columns(view ? QStringLiteral("CREATE MATERIALIZED VIEW")
                                    : QStringLiteral("CREATE TABLE AS"),
                QStringLiteral("names"));
            if (as->into && as->into->n_col_names > 0)
                addNames(columns, as->into->col_names, as->into->n_col_names,
                    as->into->rel ? as->into->rel->location : -1);
            else
                addOutputNames(columns, selectOf(as->query));
            columns.duplicates(m_out);
            break;
        }
        case PG_QUERY__NODE__NODE_VIEW_STMT: {
            const PgQuery__ViewStmt *view = node->view_stmt;
            ColumnList columns(QStringLiteral("CREATE VIEW"), QStringLiteral("names"));
            if (view->n_aliases > 0)
                addNames(columns, view->aliases, view->n_aliases,
                    view->view ? view->view->location : -1);
            else
                addOutputNames(columns, selectOf(view->query));
            columns.duplicates(m_out);
            break;
        }
        default:
            break;
        }
    }

private:
    void with(const PgQuery__WithClause *clause)
    {
        if (!clause)
            return;
        for (size_t i = 0; i < clause->n_ctes; ++i) {
            if (clause->ctes[i]->node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)
                check(clause->ctes[i]->common_table_expr->ctequery);
        }
    }

    void createTable(const PgQuery__CreateStmt *create, const QString &what)
    {
        if (!create)
            return;
        ColumnList columns(what, QStringLiteral("defines"));
        for (size_t i = 0; i < create->n_table_elts; ++i) {
            const PgQuery__Node *element = create->table_elts[i];
            if (element->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF)
                columns.add(element->column_def->colname, element->column_def->location);
        }
        columns.duplicates(m_out);
    }

    QList<Duplicate> &m_out;
};

} // namespace

const RuleInfo &BanDuplicateColumnAssignments::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-duplicate-column-assignments"),
        Severity::Error,
        QStringLiteral("The same column twice in a SET list, a column list or a table definition"),
        QStringLiteral("UPDATE … SET a = 1, a = 2, INSERT INTO t (a, a), ON CONFLICT DO UPDATE "
                       "and MERGE with a column set twice, CREATE TABLE with two columns of one "
                       "name, and a view, CREATE TABLE AS or SELECT INTO whose output names "
                       "repeat (two unnamed constants are both ?column?) all parse, and all "
                       "fail when they run: PostgreSQL raises 42701. In a migration that means "
                       "a deploy stopped half applied. Names compare as PostgreSQL compares "
                       "them: unquoted ones folded to lower case, quoted ones as written, cut "
                       "at 63 bytes."),
        QStringLiteral("Keep one assignment per column (the one you meant), or give each "
                       "output column its own alias."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanDuplicateColumnAssignments::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_UPDATE_STMT, PG_QUERY__NODE__NODE_INSERT_STMT,
        PG_QUERY__NODE__NODE_MERGE_STMT, PG_QUERY__NODE__NODE_SELECT_STMT,
        PG_QUERY__NODE__NODE_CREATE_STMT, PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT,
        PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT, PG_QUERY__NODE__NODE_VIEW_STMT};
}

void BanDuplicateColumnAssignments::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    QList<Duplicate> found;
    Checker(found).check(statement.node);
    for (const Duplicate &d : found) {
        out << finding(input, statement,
            QStringLiteral("%1 %2 column %3 more than once: PostgreSQL rejects the statement "
                           "(42701) when it runs, and the migration stops there")
                .arg(d.what, d.verb, StatementFix::ident(d.column)),
            d.location >= 0 ? wordAt(input, statement, d.location) : ByteRange {});
    }
}

} // namespace tusk::core
