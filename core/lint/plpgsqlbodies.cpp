#include "plpgsqlbodies.h"

#include "nodetext.h"

#include "core/sql/parsedscript.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tusk::core {

namespace {
struct Body {
    QByteArray text;
    QString language = QStringLiteral("plpgsql");
    QString where;
    bool isDo = false;
};

QString stringArg(const PgQuery__Node *arg)
{
    if (!arg)
        return {};
    if (arg->node_case == PG_QUERY__NODE__NODE_STRING)
        return QString::fromUtf8(arg->string->sval);
    if (arg->node_case == PG_QUERY__NODE__NODE_LIST && arg->list->n_items > 0)
        return stringArg(arg->list->items[0]);
    return {};
}

bool bodyOf(const PgQuery__Node *node, Body &body)
{
    PgQuery__Node *const *options = nullptr;
    size_t count = 0;
    if (node->node_case == PG_QUERY__NODE__NODE_DO_STMT) {
        options = node->do_stmt->args;
        count = node->do_stmt->n_args;
        body.isDo = true;
        body.where = QStringLiteral("the DO block");
    } else if (node->node_case == PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) {
        const PgQuery__CreateFunctionStmt *f = node->create_function_stmt;
        if (f->sql_body)
            return false; // BEGIN ATOMIC: plain SQL, already parsed as such
        options = f->options;
        count = f->n_options;
        body.where = QStringLiteral("%1 %2()").arg(
            f->is_procedure ? QStringLiteral("procedure") : QStringLiteral("function"),
            NodeText::strings(f->funcname, f->n_funcname).join(QLatin1Char('.')));
    } else {
        return false;
    }
    for (size_t i = 0; i < count; ++i) {
        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        const PgQuery__DefElem *option = options[i]->def_elem;
        if (qstrcmp(option->defname, "as") == 0)
            body.text = stringArg(option->arg).toUtf8();
        else if (qstrcmp(option->defname, "language") == 0)
            body.language = stringArg(option->arg).toLower();
    }
    return body.language == QLatin1String("plpgsql") && !body.text.isEmpty();
}

// Every SQL statement of the PL/pgSQL tree: static SQL, and EXECUTE of a
// plain string literal.
void collect(const QJsonValue &value, QList<QByteArray> &out, int depth)
{
    if (depth > 200)
        return;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collect(v, out, depth + 1);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("PLpgSQL_stmt_execsql")) {
            out << it->toObject()[QLatin1String("sqlstmt")]
                       .toObject()[QLatin1String("PLpgSQL_expr")]
                       .toObject()[QLatin1String("query")]
                       .toString()
                       .toUtf8();
        } else if (it.key() == QLatin1String("PLpgSQL_stmt_dynexecute")) {
            const QString q = it->toObject()[QLatin1String("query")]
                                  .toObject()[QLatin1String("PLpgSQL_expr")]
                                  .toObject()[QLatin1String("query")]
                                  .toString()
                                  .trimmed();
            if (q.size() >= 2 && q.startsWith(QLatin1Char('\'')) && q.endsWith(QLatin1Char('\''))
                && !q.mid(1, q.size() - 2).contains(QLatin1Char('\'')))
                out << q.mid(1, q.size() - 2).toUtf8();
        }
        collect(*it, out, depth + 1);
    }
}
} // namespace

QList<EmbeddedSql> PlpgsqlBodies::extract(
    const ParsedScript &script, const ParsedStatement &statement)
{
    QList<EmbeddedSql> out;
    Body body;
    if (!statement.node || !bodyOf(statement.node, body))
        return out;
    QByteArray source;
    if (body.isDo) {
        source = "CREATE FUNCTION tusk_do_block() RETURNS void LANGUAGE plpgsql AS $tusk_do_block$"
            + body.text + "$tusk_do_block$";
    } else {
        source = script.source().bytes().mid(statement.range.begin, statement.range.size());
    }
    PgQueryPlpgsqlParseResult parsed = pg_query_parse_plpgsql(source.constData());
    QList<QByteArray> queries;
    if (!parsed.error && parsed.plpgsql_funcs)
        collect(QJsonDocument::fromJson(parsed.plpgsql_funcs).array(), queries, 0);
    pg_query_free_plpgsql_parse_result(parsed);

    // The body as it stands in the script (verbatim inside $…$ quotes).
    const QByteArray statementText =
        script.source().bytes().mid(statement.range.begin, statement.range.size());
    const qsizetype bodyAt = statementText.indexOf(body.text);
    qsizetype cursor = 0;
    for (const QByteArray &query : queries) {
        if (query.trimmed().isEmpty())
            continue;
        EmbeddedSql embedded {query, -1, body.where};
        if (bodyAt >= 0) {
            const qsizetype at = body.text.indexOf(query, cursor);
            if (at >= 0) {
                embedded.offset = statement.range.begin + bodyAt + at;
                cursor = at + query.size();
            }
        }
        out << embedded;
    }
    return out;
}

} // namespace tusk::core
