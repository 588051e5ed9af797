#pragma once

#include "catalogobjects.h"

namespace tusk::core {

// The costly text of a catalog snapshot, read after a quick one in the
// same transaction (CatalogSnapshotLoader::Options::definitionsAfterwards):
// deparsed column defaults and index definitions, sequences' last values.
// CatalogSnapshot::withDefinitions() puts them into a copy of the quick
// snapshot that shares everything else with it.
struct CatalogDefinitions {
    struct ColumnDefault {
        Oid relationOid = 0;
        int position = 0; // attnum
        QString value;
    };
    struct IndexDefinition {
        Oid oid = 0;
        QString definition;
    };
    struct SequenceValue {
        Oid oid = 0;
        qint64 lastValue = 0;
    };
    QList<ColumnDefault> columnDefaults;
    QList<IndexDefinition> indexDefinitions;
    QList<SequenceValue> sequenceValues; // used sequences only
    QList<CatalogProblem> problems;
};

} // namespace tusk::core
