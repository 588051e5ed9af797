#include "backfilltarget.h"

#include "core/pg/connection.h"
#include "core/sql/sqlidentifier.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tusk::core {

namespace {

// Bind parameters: $1 the table as SQL spells it, $2 the key columns
// given, as a JSON array. Arrays come back as JSON text.
const char *const targetSql = R"(SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS qualified,
    c.relkind::text AS relkind, c.reltuples::float8 AS reltuples, c.relpages::bigint AS relpages,
    array_to_json(ARRAY(
        SELECT a.attname::text
        FROM pg_index AS i
        CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute AS a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary AND k.ord <= i.indnkeyatts
        ORDER BY k.ord))::text AS primary_key,
    array_to_json(ARRAY(
        SELECT g.name FROM jsonb_array_elements_text($2::jsonb) AS g(name)
        WHERE NOT EXISTS (SELECT FROM pg_attribute AS a
            WHERE a.attrelid = c.oid AND a.attname = g.name AND a.attnum > 0
              AND NOT a.attisdropped)))::text AS missing,
    array_to_json(ARRAY(
        SELECT a.attname::text FROM pg_attribute AS a
        WHERE a.attrelid = c.oid AND NOT a.attnotnull
          AND a.attname IN (SELECT jsonb_array_elements_text($2::jsonb))))::text AS nullable,
    EXISTS (
        SELECT FROM pg_index AS i
        WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid
          AND i.indpred IS NULL AND i.indexprs IS NULL
          AND ARRAY(SELECT a.attname::text
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum = k.attnum
                    WHERE k.ord <= i.indnkeyatts)
              <@ ARRAY(SELECT jsonb_array_elements_text($2::jsonb))) AS unique_key,
    to_regclass('tusk_rollout.backfill') IS NOT NULL AS progress_table
FROM pg_class AS c
JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE c.oid = to_regclass($1))";

QStringList jsonList(const QString &text)
{
    QStringList list;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        list.append(value.toString());
    return list;
}

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(SqlIdentifier::quote(name));
    return quoted.join(QStringLiteral(", "));
}

} // namespace

void BackfillTarget::read(
    Connection &connection, const BackfillSpec &spec, QObject *context, Reply reply)
{
    const QString keysJson = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(spec.keyColumns)).toJson(QJsonDocument::Compact));
    connection.execute(QString::fromUtf8(targetSql), {spec.qualifiedTable(), keysJson}, context,
        [spec, reply](const QList<Result> &results, const PgError &error) {
            if (!error.isNull())
                return reply({}, error);
            const Result r = results.value(0);
            if (r.rowCount() == 0)
                return reply({},
                    PgError::client(
                        QStringLiteral("table %1 does not exist").arg(spec.qualifiedTable()),
                        QStringLiteral("42P01")));
            BackfillTarget target;
            target.oid = r.value(0, QStringLiteral("oid")).toUInt();
            target.qualifiedName = r.text(0, r.columnIndex(QStringLiteral("qualified")));
            target.reltuples = r.value(0, QStringLiteral("reltuples")).toDouble();
            target.relpages = r.value(0, QStringLiteral("relpages")).toLongLong();
            target.primaryKey = jsonList(r.text(0, r.columnIndex(QStringLiteral("primary_key"))));
            target.progressTableExists = r.value(0, QStringLiteral("progress_table")).toBool();
            const QString relkind = r.text(0, r.columnIndex(QStringLiteral("relkind")));
            if (relkind == QLatin1String("p"))
                return reply({},
                    PgError::client(QStringLiteral("%1 is partitioned: backfill each partition "
                                                   "on its own")
                                        .arg(target.qualifiedName),
                        QStringLiteral("42809")));
            if (relkind != QLatin1String("r"))
                return reply({},
                    PgError::client(QStringLiteral("%1 is not a table").arg(target.qualifiedName),
                        QStringLiteral("42809")));
            if (spec.keyColumns.isEmpty()) {
                target.keyColumns = target.primaryKey;
                return reply(target, {});
            }
            const QStringList missing =
                jsonList(r.text(0, r.columnIndex(QStringLiteral("missing"))));
            if (!missing.isEmpty())
                return reply({},
                    PgError::client(QStringLiteral("%1 has no column %2")
                                        .arg(target.qualifiedName, quotedList(missing)),
                        QStringLiteral("42703")));
            const QStringList nullable =
                jsonList(r.text(0, r.columnIndex(QStringLiteral("nullable"))));
            // A NULL key is never greater than the last one (the walk would
            // skip its row); a key that is not unique splits rows with the
            // same value between two batches and skips some.
            if (!nullable.isEmpty() || !r.value(0, QStringLiteral("unique_key")).toBool())
                return reply({},
                    PgError::client(QStringLiteral("the key columns (%1) of %2 must be NOT NULL "
                                                   "and hold a unique index")
                                        .arg(quotedList(spec.keyColumns), target.qualifiedName),
                        QStringLiteral("42P10")));
            target.keyColumns = spec.keyColumns;
            reply(target, {});
        });
}

} // namespace tusk::core
