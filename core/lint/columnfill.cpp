#include "columnfill.h"

#include "columntype.h"
#include "nodetext.h"
#include "schemafacts.h"

#include <pg_query/pg_query.pb-c.h>

#include <QSet>

namespace tusk::core {

char ColumnFill::builtinVolatility(const QString &function)
{
    static const QSet<QString> isVolatile {QStringLiteral("random"),
        QStringLiteral("random_normal"), QStringLiteral("gen_random_uuid"),
        QStringLiteral("gen_random_bytes"), QStringLiteral("uuid_generate_v1"),
        QStringLiteral("uuid_generate_v1mc"), QStringLiteral("uuid_generate_v4"),
        QStringLiteral("uuidv4"), QStringLiteral("uuidv7"), QStringLiteral("clock_timestamp"),
        QStringLiteral("timeofday"), QStringLiteral("nextval"), QStringLiteral("setval"),
        QStringLiteral("txid_current"), QStringLiteral("pg_current_xact_id"),
        QStringLiteral("(subquery)")};
    static const QSet<QString> isStable {QStringLiteral("now"),
        QStringLiteral("statement_timestamp"), QStringLiteral("transaction_timestamp"),
        QStringLiteral("current_setting"), QStringLiteral("to_char"),
        QStringLiteral("to_timestamp"), QStringLiteral("date_trunc"), QStringLiteral("age"),
        QStringLiteral("timezone"), QStringLiteral("current_database"),
        QStringLiteral("current_schema"), QStringLiteral("jsonb_build_object"),
        QStringLiteral("json_build_object"), QStringLiteral("jsonb_build_array"),
        QStringLiteral("json_build_array")};
    static const QSet<QString> isImmutable {QStringLiteral("lower"), QStringLiteral("upper"),
        QStringLiteral("btrim"), QStringLiteral("trim"), QStringLiteral("length"),
        QStringLiteral("md5"), QStringLiteral("concat"), QStringLiteral("abs"),
        QStringLiteral("make_interval"), QStringLiteral("make_date"), QStringLiteral("array_fill"),
        QStringLiteral("to_jsonb"), QStringLiteral("to_json"), QStringLiteral("jsonb_typeof"),
        QStringLiteral("int4"), QStringLiteral("int8"), QStringLiteral("numeric"),
        QStringLiteral("text"), QStringLiteral("bool")};
    if (isVolatile.contains(function))
        return 'v';
    if (isStable.contains(function))
        return 's';
    if (isImmutable.contains(function))
        return 'i';
    return 0;
}

ColumnFill ColumnFill::of(
    const PgQuery__ColumnDef *column, int serverVersion, const SchemaFacts *catalog)
{
    ColumnFill fill;
    const QString type = ColumnType::fromTypeName(column->type_name).name;
    if (type.startsWith(QLatin1String("serial"))) {
        fill.hasDefault = true;
        fill.cost = Cost::Rewrite;
        fill.reason = QStringLiteral("a serial column is filled from nextval(), which is "
                                     "volatile: every row is written");
        return fill;
    }
    const PgQuery__Node *expression = column->raw_default;
    for (size_t i = 0; i < column->n_constraints; ++i) {
        const PgQuery__Constraint *con = column->constraints[i]->constraint;
        switch (con->contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
            fill.hasDefault = true;
            fill.cost = Cost::Rewrite;
            fill.reason = QStringLiteral("an identity column is filled from its sequence, row "
                                         "by row: every row is written");
            return fill;
        case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
            fill.hasDefault = true;
            fill.cost = Cost::Rewrite;
            fill.reason = QStringLiteral("a stored generated column is computed for every row: "
                                         "the table is rewritten");
            return fill;
        case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
            expression = con->raw_expr;
            break;
        default:
            break;
        }
    }
    if (!expression)
        return fill;
    const bool isNull =
        expression->node_case == PG_QUERY__NODE__NODE_A_CONST && expression->a_const->isnull;
    if (isNull)
        return fill;
    fill.hasDefault = true;
    if (serverVersion > 0 && serverVersion < 110000) {
        fill.cost = Cost::Rewrite;
        fill.reason = QStringLiteral("before PostgreSQL 11 any default is written into every "
                                     "row");
        return fill;
    }
    for (const QString &function : NodeText::calledFunctions(expression)) {
        char volatility = catalog ? catalog->volatility(function) : 0;
        if (!volatility)
            volatility = builtinVolatility(function);
        if (volatility == 'v') {
            fill.cost = Cost::Rewrite;
            fill.reason = QStringLiteral("%1() is volatile: its value is computed and written "
                                         "for every row")
                              .arg(function);
            return fill;
        }
        if (!volatility) {
            fill.cost = Cost::Rewrite;
            fill.reason = QStringLiteral("%1() is not known to be stable or immutable (lint "
                                         "with --profile to read its volatility): if it is "
                                         "volatile, every row is written")
                              .arg(function);
            return fill;
        }
    }
    return fill;
}

} // namespace tusk::core
