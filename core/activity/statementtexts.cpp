#include "statementtexts.h"

#include "core/pg/result.h"

#include <QSet>

namespace tusk::core {

QString StatementTexts::keyOf(qint64 queryId, quint32 userId, quint32 databaseId)
{
    return QStringLiteral("%1/%2/%3").arg(userId).arg(databaseId).arg(queryId);
}

QString StatementTexts::missingSql(
    const ServerStats &stats, const QString &schema, QString *queryIds, int queryChars) const
{
    QSet<qint64> missing;
    for (const StatementStat &s : stats.statements) {
        if (!m_known.contains(keyOf(s.queryId, s.userId, s.databaseId)))
            missing.insert(s.queryId);
    }
    if (missing.isEmpty() || schema.isEmpty())
        return {};
    QStringList ids;
    for (qint64 id : missing)
        ids << QString::number(id);
    *queryIds = QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}');
    return QStringLiteral("SELECT s.queryid, s.userid, s.dbid, r.rolname, d.datname, "
                          "left(s.query, %1) FROM %2.pg_stat_statements s "
                          "LEFT JOIN pg_roles r ON r.oid = s.userid "
                          "LEFT JOIN pg_database d ON d.oid = s.dbid "
                          "WHERE s.queryid = ANY($1::bigint[])")
        .arg(queryChars)
        .arg(schema);
}

void StatementTexts::learn(const Result &rows)
{
    for (int row = 0; row < rows.rowCount(); ++row) {
        const QString key = keyOf(
            rows.text(row, 0).toLongLong(), rows.text(row, 1).toUInt(), rows.text(row, 2).toUInt());
        m_known.insert(key, Text {rows.text(row, 3), rows.text(row, 4), rows.text(row, 5)});
    }
}

void StatementTexts::fill(ServerStats &stats)
{
    QHash<QString, Text> kept;
    for (StatementStat &s : stats.statements) {
        const QString key = keyOf(s.queryId, s.userId, s.databaseId);
        const auto it = m_known.constFind(key);
        if (it == m_known.constEnd())
            continue; // new since its text was asked for: next time
        s.user = it->user;
        s.database = it->database;
        s.query = it->query;
        kept.insert(key, *it);
    }
    m_known = kept; // entries the server evicted (pg_stat_statements.max) go
}

} // namespace tusk::core
