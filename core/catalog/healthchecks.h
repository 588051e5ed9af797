#pragma once

#include "healthchecker.h"

// The checks behind HealthChecker, one family per file; private to
// core/catalog.
namespace tusk::core::health {

struct Context {
    const CatalogSnapshot &snapshot;
    const HealthChecker::Options &options;
    QList<HealthFinding> &findings;
    // The statistics collector knows nothing of any table that has data
    // (reset, or lost in a crash recovery): scan counts and dead tuples
    // say nothing then.
    bool statisticsMissing = false;

    QString name(const DbRelation &relation) const { return snapshot.qualifiedName(relation); }
    QString indexName(const DbIndex &index) const;
    // True when a PRIMARY KEY, UNIQUE or EXCLUDE constraint is this index.
    bool backsConstraint(const DbIndex &index) const;
};

// indexhealth.cpp
void missingForeignKeyIndexes(Context &context);
void unusedIndexes(Context &context);
void duplicateIndexes(Context &context);
void invalidIndexes(Context &context);
// tablehealth.cpp
void notValidConstraints(Context &context);
void missingPrimaryKeys(Context &context);
void vacuumAndAnalyze(Context &context);
void largestObjects(Context &context);
// Whether the statistics are empty although tables hold data.
bool statisticsMissing(const CatalogSnapshot &snapshot);
// sequencehealth.cpp
void sequencesNearTheirLimit(Context &context);

// A finding with its identity filled in; the caller adds the words.
HealthFinding newFinding(const QString &check, Severity severity, CatalogObjectRef object,
    Oid relationOid, const QString &objectName);

// "CREATE INDEX x ON t" → "CREATE INDEX CONCURRENTLY x ON t".
QString concurrently(const QString &indexDefinition);
QString number(qint64 value);

} // namespace tusk::core::health
