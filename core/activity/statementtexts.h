#pragma once

#include "serverstats.h"

#include <QHash>
#include <QString>

namespace tusk::core {

class Result;

// The texts, users and databases of pg_stat_statements' entries, read once
// per entry: the collector reads every entry's counters every 10 s without
// texts (pg_stat_statements(false)), and only the entries it has not seen
// yet with theirs, in a second request. Kept for the entries the server
// still has.
class StatementTexts {
public:
    // The SQL for the texts `stats` lacks, with its one parameter (an array
    // of query ids) in *queryIds; empty when every entry is known.
    QString missingSql(const ServerStats &stats, const QString &schema, QString *queryIds,
        int queryChars = 300) const;
    // Takes the rows of missingSql() (query id, user id, database id, user,
    // database, text).
    void learn(const Result &rows);
    // Fills in what is known, and forgets what the server no longer has.
    void fill(ServerStats &stats);
    int size() const { return int(m_known.size()); }

private:
    struct Text {
        QString user;
        QString database;
        QString query;
    };
    static QString keyOf(qint64 queryId, quint32 userId, quint32 databaseId);

    QHash<QString, Text> m_known;
};

} // namespace tusk::core
