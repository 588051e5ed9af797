#include "backfillspec.h"

#include "backfillsetclause.h"

#include "core/sql/sqlidentifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <utility>

namespace tusk::core {

namespace {

constexpr int maxNameLength = 48; // "backfill_" + name stays under 63 bytes

// Fills <<name>> markers in one pass, so SQL the user wrote (which may
// hold anything, "%1" included) is never read as a marker.
QString render(const QString &text, const QList<std::pair<QString, QString>> &values)
{
    QString out;
    out.reserve(text.size() * 2);
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype open = text.indexOf(QStringLiteral("<<"), i);
        const qsizetype close = open < 0 ? -1 : text.indexOf(QStringLiteral(">>"), open + 2);
        if (close < 0) {
            out += QStringView(text).mid(i);
            break;
        }
        out += QStringView(text).mid(i, open - i);
        const QString key = text.mid(open + 2, close - open - 2);
        const auto it = std::find_if(
            values.begin(), values.end(), [&key](const auto &v) { return v.first == key; });
        out += it != values.end() ? it->second : text.mid(open, close + 2 - open);
        i = close + 2;
    }
    return out;
}

// $tag$…$tag$ around `text`, with a tag the text does not contain.
QString dollarQuoted(const QString &text, const QString &base)
{
    QString tag = QStringLiteral("$%1$").arg(base);
    for (int n = 1; text.contains(tag); ++n)
        tag = QStringLiteral("$%1%2$").arg(base).arg(n);
    return tag + text + tag;
}

QString keyColumnsJson(const QStringList &columns)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(columns)).toJson(QJsonDocument::Compact));
}

} // namespace

bool BackfillSpec::tableParts(QString *schema, QString *relation) const
{
    static const QRegularExpression shape(
        QStringLiteral("^\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)"
                       "(?:\\s*\\.\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?\\s*$"));
    const QRegularExpressionMatch m = shape.match(table);
    if (!m.hasMatch())
        return false;
    const bool qualified = m.hasCaptured(2);
    *schema = qualified ? BackfillSetClause::catalogName(m.captured(1)) : QString();
    *relation = BackfillSetClause::catalogName(m.captured(qualified ? 2 : 1));
    return true;
}

QString BackfillSpec::qualifiedTable() const
{
    QString schema, relation;
    if (!tableParts(&schema, &relation))
        return table;
    return schema.isEmpty() ? SqlIdentifier::quote(relation)
                            : SqlIdentifier::qualified(schema, relation);
}

QStringList BackfillSpec::setColumns() const
{
    QStringList columns;
    for (const BackfillSetClause::Assignment &a : BackfillSetClause::parse(set))
        columns.append(a.column);
    return columns;
}

QString BackfillSpec::defaultPredicate() const
{
    const QList<BackfillSetClause::Assignment> list = BackfillSetClause::parse(set);
    if (list.isEmpty())
        return {};
    if (list.size() == 1)
        return QStringLiteral("%1 IS DISTINCT FROM (%2)").arg(list[0].written, list[0].expression);
    QStringList columns, values;
    for (const BackfillSetClause::Assignment &a : list) {
        columns.append(a.written);
        values.append(QLatin1Char('(') + a.expression + QLatin1Char(')'));
    }
    return QStringLiteral("(%1) IS DISTINCT FROM (%2)")
        .arg(columns.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
}

QString BackfillSpec::effectivePredicate() const
{
    return predicate.trimmed().isEmpty() ? defaultPredicate() : predicate.trimmed();
}

QString BackfillSpec::defaultName(const QString &table, const QString &set)
{
    BackfillSpec spec;
    spec.table = table;
    spec.set = set;
    QString schema, relation;
    if (!spec.tableParts(&schema, &relation))
        relation = table;
    const QStringList columns = spec.setColumns();
    QString name = relation + (columns.isEmpty() ? QString() : QLatin1Char('_') + columns.first());
    name = name.toLower();
    for (QChar &c : name) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')))
            c = u'_';
    }
    name.replace(QRegularExpression(QStringLiteral("_+")), QStringLiteral("_"));
    if (name.isEmpty() || name.front().isDigit())
        name.prepend(QStringLiteral("b_"));
    return name.left(maxNameLength);
}

QStringList BackfillSpec::validate() const
{
    QStringList problems;
    static const QRegularExpression nameShape(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (name.isEmpty())
        problems << QStringLiteral("the backfill has no name");
    else if (!nameShape.match(name).hasMatch() || name.size() > maxNameLength)
        problems << QStringLiteral("the backfill name \"%1\" must be lower-case letters, digits "
                                   "and _, not starting with a digit, at most %2 characters")
                        .arg(name)
                        .arg(maxNameLength);
    QString schema, relation;
    if (table.trimmed().isEmpty())
        problems << QStringLiteral("the table is missing");
    else if (!tableParts(&schema, &relation))
        problems << QStringLiteral("the table \"%1\" is not a name or schema.name").arg(table);
    const QStringList assigned = setColumns();
    if (set.trimmed().isEmpty())
        problems << QStringLiteral("the set clause is missing");
    else if (assigned.isEmpty())
        problems << QStringLiteral("the set clause \"%1\" is not column = expression "
                                   "(several separated by commas)")
                        .arg(set.trimmed());
    for (const QString &key : keyColumns) {
        if (key.isEmpty())
            problems << QStringLiteral("a key column has no name");
        else if (assigned.contains(key))
            problems << QStringLiteral("the set clause assigns the key column %1: a backfill "
                                       "walks the table by its key and cannot change it")
                            .arg(SqlIdentifier::quote(key));
    }
    if (batchSize < 1)
        problems << QStringLiteral("the batch size must be at least 1 row (is %1)").arg(batchSize);
    if (pauseMs < 0)
        problems << QStringLiteral("the pause between batches cannot be negative (is %1 ms)")
                        .arg(pauseMs);
    if (lockTimeoutMs < 1)
        problems << QStringLiteral("the lock timeout must be at least 1 ms (is %1): without one "
                                   "a batch waiting for a lock queues every writer behind it")
                        .arg(lockTimeoutMs);
    if (maxRetries < 0)
        problems
            << QStringLiteral("the number of retries cannot be negative (is %1)").arg(maxRetries);
    if (!(maxReplicaLagSeconds > 0))
        problems << QStringLiteral("the replica lag limit must be more than 0 s (is %1)")
                        .arg(maxReplicaLagSeconds);
    return problems;
}

qint64 BackfillSpec::pagesPerBatch(int batchSize, double reltuples, qint64 relpages)
{
    const double perPage = reltuples > 0 && relpages > 0 ? reltuples / double(relpages) : 50.0;
    return std::max<qint64>(1, qint64(std::ceil(double(batchSize) / perPage)));
}

QString BackfillSpec::progressTableSql()
{
    return QStringLiteral(
        "CREATE SCHEMA IF NOT EXISTS tusk_rollout;\n"
        "CREATE TABLE IF NOT EXISTS tusk_rollout.backfill (\n"
        "    name        text PRIMARY KEY,\n"
        "    table_name  text NOT NULL,\n"
        "    set_clause  text NOT NULL,\n"
        "    predicate   text NOT NULL,\n"
        "    key_columns text[] NOT NULL,          -- empty: walked by ctid\n"
        "    last_key    jsonb,                    -- the last key done, or {\"page\": next page}\n"
        "    end_page    bigint,                   -- ctid: the table's pages at the start\n"
        "    rows_done   bigint NOT NULL DEFAULT 0, -- rows updated\n"
        "    rows_seen   bigint NOT NULL DEFAULT 0, -- rows the batches went through\n"
        "    batches     integer NOT NULL DEFAULT 0,\n"
        "    started     timestamptz NOT NULL DEFAULT now(),\n"
        "    updated     timestamptz NOT NULL DEFAULT now(),\n"
        "    finished    boolean NOT NULL DEFAULT false\n"
        ");\n");
}

QString BackfillSpec::dropSql()
{
    return QStringLiteral("DROP SCHEMA IF EXISTS tusk_rollout CASCADE;\n");
}

QString BackfillSpec::readProgressSql()
{
    return QStringLiteral(
        "SELECT table_name, set_clause, predicate, array_to_json(key_columns)::text AS "
        "key_columns,\n"
        "    last_key::text AS last_key, end_page, rows_done, rows_seen, batches, finished\n"
        "FROM tusk_rollout.backfill WHERE name = $1");
}

QString BackfillSpec::insertProgressSql()
{
    return QStringLiteral(
        "INSERT INTO tusk_rollout.backfill\n"
        "    (name, table_name, set_clause, predicate, key_columns, last_key, end_page)\n"
        "SELECT $1, format('%I.%I', n.nspname, c.relname), $3, $4, k.columns,\n"
        "    CASE WHEN cardinality(k.columns) = 0 THEN '{\"page\": 0}'::jsonb END,\n"
        "    CASE WHEN cardinality(k.columns) = 0\n"
        "        THEN pg_relation_size(c.oid) / current_setting('block_size')::bigint END\n"
        "FROM pg_class AS c\n"
        "JOIN pg_namespace AS n ON n.oid = c.relnamespace\n"
        "CROSS JOIN (SELECT ARRAY(SELECT jsonb_array_elements_text($5::jsonb)) AS columns) AS k\n"
        "WHERE c.oid = $2::regclass\n"
        "ON CONFLICT (name) DO NOTHING");
}

QString BackfillSpec::batchSql() const
{
    const QString prev = QStringLiteral("WITH tusk_prev AS (\n"
                                        "    SELECT last_key FROM tusk_rollout.backfill\n"
                                        "    WHERE name = $1 AND NOT finished\n"
                                        "    FOR UPDATE\n"
                                        ")");
    const QString result = QStringLiteral(
        "SELECT (SELECT count(*) FROM tusk_upd) AS updated,\n"
        "    (SELECT count(*) FROM <<seenFrom>>) AS seen,\n"
        "    p.finished IS NOT NULL AS progressed, p.finished, p.rows_done, p.rows_seen,\n"
        "    p.batches, p.last_key::text AS last_key\n"
        "FROM (SELECT) AS one LEFT JOIN tusk_prog AS p ON true");
    QList<std::pair<QString, QString>> values = {
        {QStringLiteral("table"), qualifiedTable()},
        {QStringLiteral("set"), set.trimmed()},
        {QStringLiteral("predicate"), effectivePredicate()},
    };
    // The UPDATE finds its rows by a range the planner reads as an index
    // (or TID) range scan, never through the versions a lock saw: a row a
    // writer changed meanwhile is found as this statement's snapshot has
    // it, waited for, and updated in its newest version (READ COMMITTED's
    // recheck), with the predicate checked again on that version.
    if (keyColumns.isEmpty()) {
        // ctid: a TID range scan over the next pages. Past the end page
        // recorded at the start it goes on (rows moved or added there)
        // until a range holds no row at all.
        values.append({QStringLiteral("seenFrom"), QStringLiteral("tusk_upd")});
        const QString body = QStringLiteral(
            ", tusk_range AS (\n"
            "    SELECT format('(%s,0)', (last_key->>'page')::bigint)::tid AS lo,\n"
            "        format('(%s,0)', (last_key->>'page')::bigint + $2)::tid AS hi\n"
            "    FROM tusk_prev\n"
            "), tusk_upd AS (\n"
            "    UPDATE <<table>> SET <<set>>\n"
            "    WHERE ctid >= (SELECT lo FROM tusk_range) AND ctid < (SELECT hi FROM tusk_range)\n"
            "      AND (<<predicate>>)\n"
            "    RETURNING 1\n"
            "), tusk_prog AS (\n"
            "    UPDATE tusk_rollout.backfill AS p SET\n"
            "        last_key = jsonb_build_object('page', (p.last_key->>'page')::bigint + $2),\n"
            "        rows_done = p.rows_done + (SELECT count(*) FROM tusk_upd),\n"
            "        rows_seen = p.rows_seen + (SELECT count(*) FROM tusk_upd),\n"
            "        batches = p.batches + 1,\n"
            "        finished = (p.last_key->>'page')::bigint >= p.end_page\n"
            "            AND NOT EXISTS (SELECT FROM <<table>>\n"
            "                WHERE ctid >= (SELECT lo FROM tusk_range)\n"
            "                  AND ctid < (SELECT hi FROM tusk_range)),\n"
            "        updated = clock_timestamp()\n"
            "    WHERE p.name = $1 AND EXISTS (SELECT FROM tusk_prev)\n"
            "    RETURNING p.finished, p.rows_done, p.rows_seen, p.batches, p.last_key\n"
            ")\n");
        return prev + render(body, values) + render(result, values);
    }

    // Keys: the next $2 keys after the last one (the first batch, with no
    // last key yet, and the next ones are two branches of which a one-time
    // filter runs exactly one, so each keeps its ordered index scan); then
    // the rows from the batch's lowest to its highest key, which in this
    // snapshot are exactly the batch. `(a, b) > (…)` is PostgreSQL's
    // row-value comparison: the keyset walk for composite keys.
    QStringList keys, keysAs, aliases, aliasesDesc, lastValues, low, high, pairs;
    for (qsizetype i = 0; i < keyColumns.size(); ++i) {
        const QString column = SqlIdentifier::quote(keyColumns.at(i));
        const QString alias = QStringLiteral("tusk_key_%1").arg(i + 1);
        keys << column;
        keysAs << column + QStringLiteral(" AS ") + alias;
        aliases << alias;
        aliasesDesc << alias + QStringLiteral(" DESC");
        // The stored key read back in the column's own type: no type
        // names to keep, and jsonb spells dates and numbers one way.
        lastValues << QStringLiteral("(SELECT (jsonb_populate_record(NULL::%1, last_key)).%2 "
                                     "FROM tusk_prev)")
                          .arg(qualifiedTable(), column);
        low << QStringLiteral("(SELECT %1 FROM tusk_low)").arg(alias);
        high << QStringLiteral("(SELECT %1 FROM tusk_high)").arg(alias);
        pairs << SqlIdentifier::literal(keyColumns.at(i)) << alias;
    }
    const auto compare = [&keys](const QString &op, const QStringList &values) -> QString {
        if (keys.size() == 1)
            return keys.first() + op + values.first();
        return QStringLiteral("(%1)%2(%3)")
            .arg(keys.join(QStringLiteral(", ")), op, values.join(QStringLiteral(",\n        ")));
    };
    values.append({QStringLiteral("seenFrom"), QStringLiteral("tusk_batch")});
    values.append({QStringLiteral("keys"), keys.join(QStringLiteral(", "))});
    values.append({QStringLiteral("keysAs"), keysAs.join(QStringLiteral(", "))});
    values.append({QStringLiteral("aliases"), aliases.join(QStringLiteral(", "))});
    values.append({QStringLiteral("aliasesDesc"), aliasesDesc.join(QStringLiteral(", "))});
    values.append({QStringLiteral("after"), compare(QStringLiteral(" > "), lastValues)});
    values.append({QStringLiteral("from"), compare(QStringLiteral(" >= "), low)});
    values.append({QStringLiteral("to"), compare(QStringLiteral(" <= "), high)});
    values.append({QStringLiteral("pairs"), pairs.join(QStringLiteral(", "))});
    const QString body = QStringLiteral(
        ", tusk_first AS (\n"
        "    SELECT <<keysAs>> FROM <<table>>\n"
        "    WHERE EXISTS (SELECT FROM tusk_prev WHERE last_key IS NULL)\n"
        "    ORDER BY <<keys>> LIMIT $2\n"
        "), tusk_next AS (\n"
        "    SELECT <<keysAs>> FROM <<table>>\n"
        "    WHERE <<after>>\n"
        "    ORDER BY <<keys>> LIMIT $2\n"
        "), tusk_batch AS (\n"
        "    SELECT * FROM tusk_first UNION ALL SELECT * FROM tusk_next\n"
        "), tusk_low AS (\n"
        "    SELECT * FROM tusk_batch ORDER BY <<aliases>> LIMIT 1\n"
        "), tusk_high AS (\n"
        "    SELECT * FROM tusk_batch ORDER BY <<aliasesDesc>> LIMIT 1\n"
        "), tusk_upd AS (\n"
        "    UPDATE <<table>> SET <<set>>\n"
        "    WHERE <<from>>\n"
        "      AND <<to>>\n"
        "      AND (<<predicate>>)\n"
        "    RETURNING 1\n"
        "), tusk_prog AS (\n"
        "    UPDATE tusk_rollout.backfill AS p SET\n"
        "        last_key = COALESCE((SELECT jsonb_build_object(<<pairs>>) FROM tusk_high),\n"
        "            p.last_key),\n"
        "        rows_done = p.rows_done + (SELECT count(*) FROM tusk_upd),\n"
        "        rows_seen = p.rows_seen + (SELECT count(*) FROM tusk_batch),\n"
        "        batches = p.batches + (EXISTS (SELECT FROM tusk_batch))::integer,\n"
        "        finished = NOT EXISTS (SELECT FROM tusk_batch),\n"
        "        updated = clock_timestamp()\n"
        "    WHERE p.name = $1 AND EXISTS (SELECT FROM tusk_prev)\n"
        "    RETURNING p.finished, p.rows_done, p.rows_seen, p.batches, p.last_key\n"
        ")\n");
    return prev + render(body, values) + render(result, values);
}

QString BackfillSpec::procedureName() const
{
    return QStringLiteral("tusk_rollout.backfill_") + name;
}

QString BackfillSpec::procedureSql() const
{
    const QString nameLiteral = SqlIdentifier::literal(name);
    const QString tableLiteral = SqlIdentifier::literal(qualifiedTable());
    const QString setLiteral = SqlIdentifier::literal(set.trimmed());
    const QString predicateLiteral = SqlIdentifier::literal(effectivePredicate());
    QStringList keyLiterals;
    for (const QString &key : keyColumns)
        keyLiterals << SqlIdentifier::literal(key);
    const QString step = keyColumns.isEmpty()
        ? QStringLiteral(
            "    SELECT GREATEST(1, ceil(batch_size / CASE WHEN c.reltuples > 0 AND c.relpages > "
            "0\n"
            "        THEN c.reltuples / c.relpages ELSE 50 END))::bigint\n"
            "    INTO step FROM pg_class AS c WHERE c.oid = <<tableLiteral>>::regclass;\n")
        : QStringLiteral("    step := batch_size;\n");
    const QString body = QStringLiteral(
        "\n"
        "-- Written by Tusk (docs/backfill.md): UPDATE <<table>> SET <<set>>\n"
        "-- in batches, a COMMIT after each, progress in tusk_rollout.backfill\n"
        "-- under the name <<nameLiteral>>, shared with `tusk rollout backfill`:\n"
        "-- either resumes what the other left. CALL it outside a transaction block.\n"
        "DECLARE\n"
        "    step bigint;\n"
        "    retries integer := 0;\n"
        "    lag double precision;\n"
        "    result record;\n"
        "    stored tusk_rollout.backfill;\n"
        "BEGIN\n"
        "    EXECUTE <<insert>>\n"
        "        USING <<nameLiteral>>, <<tableLiteral>>, <<setLiteral>>, <<predicateLiteral>>,\n"
        "            <<keysJson>>;\n"
        "    SELECT * INTO stored FROM tusk_rollout.backfill WHERE name = <<nameLiteral>>;\n"
        "    IF (stored.table_name, stored.set_clause, stored.predicate, stored.key_columns)\n"
        "        IS DISTINCT FROM ((SELECT format('%I.%I', n.nspname, c.relname)\n"
        "            FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace\n"
        "            WHERE c.oid = <<tableLiteral>>::regclass),\n"
        "        <<setLiteral>>, <<predicateLiteral>>, ARRAY[<<keyLiterals>>]::text[]) THEN\n"
        "        RAISE EXCEPTION 'backfill % was started with another table, set, predicate or "
        "key',\n"
        "            <<nameLiteral>>\n"
        "            USING ERRCODE = 'object_not_in_prerequisite_state',\n"
        "                HINT = 'Run it under a new name.';\n"
        "    END IF;\n"
        "<<step>>"
        "    COMMIT;\n"
        "    LOOP\n"
        "        SELECT COALESCE(max(EXTRACT(epoch FROM replay_lag)), 0) INTO lag\n"
        "        FROM pg_stat_replication;\n"
        "        IF lag > max_replica_lag_seconds THEN\n"
        "            RAISE NOTICE 'backfill %: waiting, replica lag % s is over % s',\n"
        "                <<nameLiteral>>, round(lag::numeric, 1), max_replica_lag_seconds;\n"
        "            COMMIT;\n"
        "            PERFORM pg_sleep(1);\n"
        "            CONTINUE;\n"
        "        END IF;\n"
        "        BEGIN\n"
        "            -- This transaction only: the caller's session keeps its own.\n"
        "            PERFORM set_config('lock_timeout', lock_timeout_ms || 'ms', true);\n"
        "            EXECUTE <<batch>>\n"
        "                INTO result USING <<nameLiteral>>, step;\n"
        "            retries := 0;\n"
        "        EXCEPTION WHEN lock_not_available OR deadlock_detected OR serialization_failure "
        "THEN\n"
        "            retries := retries + 1;\n"
        "            IF retries > max_retries THEN\n"
        "                RAISE;\n"
        "            END IF;\n"
        "            RAISE NOTICE 'backfill %: % (%), retry % of %',\n"
        "                <<nameLiteral>>, SQLERRM, SQLSTATE, retries, max_retries;\n"
        "            PERFORM pg_sleep(least(0.1 * 2 ^ retries, 10));\n"
        "            CONTINUE;\n"
        "        END;\n"
        "        COMMIT;\n"
        "        EXIT WHEN result.finished IS NOT FALSE;\n"
        "        IF pause_ms > 0 THEN\n"
        "            PERFORM pg_sleep(pause_ms / 1000.0);\n"
        "        END IF;\n"
        "    END LOOP;\n"
        "    SELECT * INTO stored FROM tusk_rollout.backfill WHERE name = <<nameLiteral>>;\n"
        "    RAISE NOTICE 'backfill %: done, % rows updated in % batches',\n"
        "        <<nameLiteral>>, stored.rows_done, stored.batches;\n"
        "END\n");
    const QList<std::pair<QString, QString>> values = {
        {QStringLiteral("table"), qualifiedTable()},
        {QStringLiteral("set"), set.trimmed().simplified()},
        {QStringLiteral("nameLiteral"), nameLiteral},
        {QStringLiteral("tableLiteral"), tableLiteral},
        {QStringLiteral("setLiteral"), setLiteral},
        {QStringLiteral("predicateLiteral"), predicateLiteral},
        {QStringLiteral("keysJson"), SqlIdentifier::literal(keyColumnsJson(keyColumns))},
        {QStringLiteral("keyLiterals"), keyLiterals.join(QStringLiteral(", "))},
        {QStringLiteral("insert"), dollarQuoted(insertProgressSql(), QStringLiteral("insert"))},
        {QStringLiteral("batch"), dollarQuoted(batchSql(), QStringLiteral("batch"))},
        {QStringLiteral("step"), render(step, {{QStringLiteral("tableLiteral"), tableLiteral}})},
    };
    const QString filled = render(body, values);
    return QStringLiteral("CREATE OR REPLACE PROCEDURE %1(\n"
                          "    batch_size integer DEFAULT %2,\n"
                          "    pause_ms integer DEFAULT %3,\n"
                          "    lock_timeout_ms integer DEFAULT %4,\n"
                          "    max_retries integer DEFAULT %5,\n"
                          "    max_replica_lag_seconds double precision DEFAULT %6)\n"
                          "LANGUAGE plpgsql\n"
                          "AS ")
               .arg(procedureName())
               .arg(batchSize)
               .arg(pauseMs)
               .arg(lockTimeoutMs)
               .arg(maxRetries)
               .arg(maxReplicaLagSeconds)
        + dollarQuoted(filled, QStringLiteral("tusk_backfill")) + QStringLiteral(";\n");
}

QString BackfillSpec::callSql() const
{
    return QStringLiteral("CALL %1(batch_size => %2, pause_ms => %3);\n")
        .arg(procedureName())
        .arg(batchSize)
        .arg(pauseMs);
}

} // namespace tusk::core
