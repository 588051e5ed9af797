#pragma once

#include "catalogsnapshot.h"
#include "healthfinding.h"

namespace tusk::core {

// The schema health checks over a snapshot, with no further round trip:
// foreign keys without a supporting index, unused, duplicate and invalid
// indexes, NOT VALID constraints, tables without a primary key, tables
// never analyzed or vacuumed or full of dead tuples, sequences (and the
// integer columns they feed) past a share of their range, and the largest
// tables and indexes. What the postgres skill's table_sizes, index_health,
// missing_fk_indexes and vacuum_analyze_status scripts report, as one tool.
class HealthChecker {
public:
    struct Options {
        double rangeShare = 0.75; // sequences past this share of their range
        int largest = 5; // how many largest tables and indexes to list
        qint64 deadTuplesMinimum = 1000;
    };

    struct Check {
        QString name;
        QString summary;
    };
    static const QList<Check> &checks();

    static QList<HealthFinding> run(const CatalogSnapshot &snapshot, const Options &options);
    static QList<HealthFinding> run(const CatalogSnapshot &snapshot)
    {
        return run(snapshot, Options());
    }

    // An index name PostgreSQL would accept (at most 63 bytes), for fixes.
    static QString indexName(const QString &table, const QStringList &columns);
    // The size as people read it: "16 kB", "1.2 GB".
    static QString bytes(qint64 bytes);
};

} // namespace tusk::core
