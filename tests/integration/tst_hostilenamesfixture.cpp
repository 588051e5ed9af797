#include "tst_hostilenamesfixture.h"

#include "testsupport.h"

#include "core/sql/parsedscript.h"

using namespace Qt::StringLiterals;

namespace tusk::test::hostile {

QString schema()
{
    return u"Sch\"ema; --x"_s;
}

QString orders()
{
    return u"Ord\"ers;DROP TABLE victim;--"_s;
}

QString mixedCase()
{
    return u"MixedCase"_s;
}

QString unicodeSchema()
{
    return u"ünï"_s;
}

QString long63()
{
    return u"Long"_s + QString(59, u'x');
}

QString longUmlauts()
{
    return QString(31, u'Ä');
}

QString percent()
{
    return u"Pct%1 \"x\""_s;
}

QString ordersSql()
{
    return u"\"Sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\""_s;
}

QString long63Sql()
{
    return u"\"ünï\".\""_s + long63() + u'"';
}

QString baseSql()
{
    // The same columns on every hostile table and on the look-alikes, so
    // SQL that lands on the wrong one runs there instead of failing.
    const QString columns =
        uR"(("Id" bigint PRIMARY KEY, "a""b" int, "--c" text, "col;x" int, "ÄÖÜ" text))"_s;
    const QString rows =
        u" SELECT g, g, 'c' || g, g, 'ä' || g FROM generate_series(1, 40) AS g;\n"_s;
    return uR"(
CREATE TABLE victim (id int PRIMARY KEY, v text);
INSERT INTO victim VALUES (1, 'a'), (2, 'b'), (3, 'c');
CREATE SCHEMA "Sch""ema; --x";
CREATE SCHEMA "sch""ema; --x";
CREATE SCHEMA "ünï";
)"_s + u"CREATE TABLE \"Sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\" "_s
        + columns + u";\n"_s
        + u"INSERT INTO \"Sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\""_s + rows
        + u"CREATE TABLE \"sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\" "_s + columns
        + u";\n"_s + u"INSERT INTO \"sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\""_s + rows
        + u"CREATE TABLE public.\"MixedCase\" "_s + columns + u";\n"_s
        + u"INSERT INTO public.\"MixedCase\""_s
        + rows
        // One type differs, so a column read from the look-alike shows.
        + u"CREATE TABLE public.mixedcase "_s
        + QString(columns).replace(u"\"a\"\"b\" int"_s, u"\"a\"\"b\" numeric"_s) + u";\n"_s
        + u"INSERT INTO public.mixedcase"_s
        + rows
        // 70 bytes: the server keeps 63 (long63()); 40 × Ä (80 bytes): it
        // keeps 31 at a character boundary.
        + u"CREATE TABLE \"ünï\".\"Long"_s + QString(66, u'x')
        + u"\" (\"Id\" bigint PRIMARY KEY, \""_s + QString(40, u'Ä') + u"\" int, note text);\n"_s
        + u"INSERT INTO "_s + long63Sql()
        + u" SELECT g, g, 'n' || g FROM generate_series(1, 40) AS g;\n"_s
        + uR"(CREATE TABLE public."Pct%1 ""x""" ("Id" bigint PRIMARY KEY, v int);
INSERT INTO public."Pct%1 ""x""" SELECT g, g FROM generate_series(1, 40) AS g;
ANALYZE;
)"_s;
}

bool run(core::Connection &connection, const QString &sql, QString *error)
{
    const QByteArray bytes = sql.toUtf8();
    const core::ParsedScript script(bytes, 1);
    for (const core::ParsedStatement &s : script.statements()) {
        const QString text = QString::fromUtf8(bytes.mid(s.range.begin, s.range.size()));
        const Reply reply = runAndWait(connection, text);
        if (!reply.error.isNull()) {
            *error = u"%1\n  in: %2"_s.arg(reply.error.toString(), text);
            return false;
        }
    }
    return true;
}

QString scalar(core::Connection &connection, const QString &sql, const QVariantList &params)
{
    const Reply reply = runAndWait(connection, sql, params);
    if (!reply.error.isNull())
        return u"<error: "_s + reply.error.toString() + u'>';
    if (reply.results.isEmpty() || reply.results.last().rowCount() == 0)
        return u"<no row>"_s;
    return reply.results.last().text(0, 0);
}

QString shape(core::Connection &connection, const QString &relationSql)
{
    return scalar(connection,
        uR"(SELECT coalesce((SELECT string_agg(attname || ':' || format_type(atttypid, atttypmod)
                || CASE WHEN attnotnull THEN '!' ELSE '' END, ',' ORDER BY attnum)
           FROM pg_attribute WHERE attrelid = c.oid AND attnum > 0 AND NOT attisdropped), '')
    || ' indexes ' || (SELECT count(*) FROM pg_index WHERE indrelid = c.oid)
    || ' constraints ' || (SELECT count(*) FROM pg_constraint WHERE conrelid = c.oid)
    || ' triggers ' || (SELECT count(*) FROM pg_trigger WHERE tgrelid = c.oid)
FROM (SELECT to_regclass($1) AS oid) AS c WHERE c.oid IS NOT NULL)"_s,
        {relationSql});
}

QMap<QString, QString> sentinels(core::Connection &connection)
{
    QMap<QString, QString> out;
    const QStringList relations {u"public.victim"_s, u"public.mixedcase"_s,
        u"\"sch\"\"ema; --x\".\"Ord\"\"ers;DROP TABLE victim;--\""_s};
    for (const QString &relation : relations) {
        const QString columns = shape(connection, relation);
        if (columns == u"<no row>"_s) {
            out.insert(relation, u"absent"_s);
            continue;
        }
        out.insert(relation,
            columns + u" rows "_s
                + scalar(connection,
                    u"SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, ',' ORDER BY "
                    "t::text), '')) FROM %1 AS t"_s.arg(relation)));
    }
    return out;
}

QString sentinelChanges(const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    QStringList changed;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (after.value(it.key()) != it.value())
            changed << u"%1 changed: %2 → %3"_s.arg(it.key(), it.value(), after.value(it.key()));
    }
    return changed.join(u'\n');
}

} // namespace tusk::test::hostile
