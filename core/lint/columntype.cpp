#include "columntype.h"

#include <pg_query/pg_query.pb-c.h>

#include <QHash>
#include <QRegularExpression>

namespace tusk::core {

QString ColumnType::toString() const
{
    QString out = name;
    if (!modifiers.isEmpty()) {
        QStringList mods;
        for (int m : modifiers)
            mods << QString::number(m);
        out += QLatin1Char('(') + mods.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (isArray)
        out += QLatin1String("[]");
    return out;
}

QString ColumnType::canonicalName(const QString &name)
{
    static const QHash<QString, QString> aliases {
        {QStringLiteral("integer"), QStringLiteral("int4")},
        {QStringLiteral("int"), QStringLiteral("int4")},
        {QStringLiteral("bigint"), QStringLiteral("int8")},
        {QStringLiteral("smallint"), QStringLiteral("int2")},
        {QStringLiteral("serial"), QStringLiteral("serial4")},
        {QStringLiteral("bigserial"), QStringLiteral("serial8")},
        {QStringLiteral("smallserial"), QStringLiteral("serial2")},
        {QStringLiteral("character varying"), QStringLiteral("varchar")},
        {QStringLiteral("character"), QStringLiteral("bpchar")},
        {QStringLiteral("decimal"), QStringLiteral("numeric")},
        {QStringLiteral("real"), QStringLiteral("float4")},
        {QStringLiteral("double precision"), QStringLiteral("float8")},
        {QStringLiteral("boolean"), QStringLiteral("bool")},
        {QStringLiteral("timestamp without time zone"), QStringLiteral("timestamp")},
        {QStringLiteral("timestamp with time zone"), QStringLiteral("timestamptz")},
        {QStringLiteral("time without time zone"), QStringLiteral("time")},
        {QStringLiteral("time with time zone"), QStringLiteral("timetz")},
        {QStringLiteral("bit varying"), QStringLiteral("varbit")},
    };
    const QString lower = name.toLower();
    return aliases.value(lower, lower);
}

ColumnType ColumnType::fromTypeName(const PgQuery__TypeName *type)
{
    ColumnType out;
    if (!type || type->n_names == 0)
        return out;
    const PgQuery__Node *last = type->names[type->n_names - 1];
    if (last->node_case != PG_QUERY__NODE__NODE_STRING)
        return out;
    out.name = canonicalName(QString::fromUtf8(last->string->sval));
    for (size_t i = 0; i < type->n_typmods; ++i) {
        const PgQuery__Node *mod = type->typmods[i];
        if (mod->node_case == PG_QUERY__NODE__NODE_A_CONST
            && mod->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
            out.modifiers << mod->a_const->ival->ival;
    }
    // interval(p) is {full range, p} to the parser and {p} to format_type().
    if (out.name == QLatin1String("interval") && out.modifiers.size() == 2
        && out.modifiers.first() == 0x7FFF)
        out.modifiers.removeFirst();
    out.isArray = type->n_array_bounds > 0;
    return out;
}

ColumnType ColumnType::fromCatalog(const QString &formatted)
{
    static const QRegularExpression shape(
        QStringLiteral("^(.*?)(?:\\(([0-9, ]+)\\))?( with(?:out)? time zone)?(\\[\\])?$"));
    ColumnType out;
    const QRegularExpressionMatch m = shape.match(formatted.trimmed());
    if (!m.hasMatch())
        return out;
    QString base = m.captured(1).trimmed();
    QString name = base + m.captured(3);
    if (base == QLatin1String("timestamp") || base == QLatin1String("time"))
        name =
            base + (m.captured(3).isEmpty() ? QStringLiteral(" without time zone") : m.captured(3));
    out.name = canonicalName(name);
    const QStringList mods = m.captured(2).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &mod : mods)
        out.modifiers << mod.trimmed().toInt();
    out.isArray = !m.captured(4).isEmpty();
    return out;
}

QString ColumnType::spelled() const
{
    static const QHash<QString, QString> spelling {
        {QStringLiteral("int2"), QStringLiteral("smallint")},
        {QStringLiteral("int4"), QStringLiteral("integer")},
        {QStringLiteral("int8"), QStringLiteral("bigint")},
        {QStringLiteral("float4"), QStringLiteral("real")},
        {QStringLiteral("float8"), QStringLiteral("double precision")},
        {QStringLiteral("bool"), QStringLiteral("boolean")},
        {QStringLiteral("bpchar"), QStringLiteral("char")},
    };
    ColumnType t = *this;
    t.name = spelling.value(t.name, t.name);
    return t.toString();
}

} // namespace tusk::core
