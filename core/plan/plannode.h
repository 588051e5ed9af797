#pragma once

#include "planbuffers.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace tusk::core {

// One parallel worker's share of a node (VERBOSE, or sorts of any plan).
struct PlanWorker {
    int number = -1;
    bool hasActual = false;
    double actualStartupMs = 0;
    double actualTotalMs = 0;
    double actualRows = 0;
    double actualLoops = 0;
    PlanBuffers buffers;
    QByteArray packedFields; // everything EXPLAIN said about the worker, as CBOR
    QJsonObject fields() const; // unpacks packedFields
};

// One plan node: what EXPLAIN printed (typed where Tusk computes with it, and
// all of it in `packedFields` under JSON key names), plus what PlanMetrics
// derives.
// Times are milliseconds; rows and "Rows Removed" are per loop, as EXPLAIN
// prints them.
struct PlanNode {
    // Shape, in pre-order: id is the index in Plan::nodes().
    int id = 0;
    int parent = -1;
    int depth = 0;
    QList<int> children;

    QString nodeType; // "Hash Join", "Aggregate", "ModifyTable", as in JSON
    QString parentRelationship; // Outer, Inner, Member, Subquery, InitPlan, SubPlan
    QString subplanName; // "InitPlan 1 (returns $0)", "SubPlan 2", "CTE recent"
    QString relation, schema, alias, index, cteName, functionName;
    QString joinType, strategy, partialMode, operation, scanDirection, command;
    bool parallelAware = false;
    bool asyncCapable = false;

    double startupCost = 0, totalCost = 0, planRows = 0, planWidth = 0;
    bool hasCosts = false;

    bool hasActual = false; // ANALYZE ran
    bool hasTiming = false; // and TIMING was on
    bool neverExecuted = false;
    double actualStartupMs = 0, actualTotalMs = 0, actualRows = 0, actualLoops = 0;

    double rowsRemovedByFilter = 0, rowsRemovedByIndexRecheck = 0, rowsRemovedByJoinFilter = 0;
    double heapFetches = 0, exactHeapBlocks = 0, lossyHeapBlocks = 0;
    int workersPlanned = -1, workersLaunched = -1;

    QString sortMethod, sortSpaceType; // "external merge", "Disk"
    double sortSpaceKb = 0;
    double hashBatches = 0, originalHashBatches = 0, hashAggBatches = 0;
    double peakMemoryKb = 0, diskUsageKb = 0;

    bool hasBuffers = false;
    PlanBuffers buffers; // as printed: including children
    QList<PlanWorker> workers;

    QString filter; // "Filter"
    QString namedObject; // "Tuplestore Name" or "Table Function Name"
    QString customProvider; // "Custom Plan Provider"
    // For nodes without a target, what they work by: "by o.placed_at" (sort,
    // group), "on (i.order_id = o.id)" (join), "where …" (result filter).
    QString keyText;

    // Every key EXPLAIN gave, children and workers excluded, packed as
    // CBOR: a QJsonObject per node took 29 MB of a 10,000-node plan, and
    // only the details pane and search need all of it. CBOR writes numbers
    // without formatting them: packing costs a fifth of compact JSON's time.
    QByteArray packedFields;
    QJsonObject fields() const; // unpacks packedFields

    // Derived by PlanMetrics.
    int processes = 1; // parallel processes sharing the node (workers + leader)
    double inclusiveMs = 0; // wall-clock time of the node and its subtree
    double exclusiveMs = 0; // of the node alone
    double exclusivePercent = 0; // of the execution time
    PlanBuffers exclusiveBuffers;
    double misestimate = 1; // >= 1: how far actual rows are from the estimate
    int misestimateDirection = 0; // +1 more rows than planned, -1 fewer, 0 none
    double totalRows = 0; // actual rows over all loops

    // "Hash Left Join", "Parallel Seq Scan", "Finalize HashAggregate", as the
    // text format names the node.
    QString label() const;
    // "on shop.orders o", "using orders_pkey on orders o", or empty.
    QString target() const;
    // keyText from a node's fields: the first of its sort, group, join or
    // filter keys, with "by", "on", "where" or "if" before it.
    static QString keyTextOf(const QJsonObject &fields);
    // label() and target() together: "Seq Scan on orders o".
    QString title() const;
    bool isSubplanRoot() const { return !subplanName.isEmpty(); }
    bool isInitPlan() const { return parentRelationship == QLatin1String("InitPlan"); }
    bool isCte() const { return subplanName.startsWith(QLatin1String("CTE ")); }
    bool spills() const;
};

} // namespace tusk::core
