#pragma once

#include "catalogsnapshot.h"

namespace tusk::core {

class Result;

// Turns the rows of one catalog query (resources/sql/catalog/<kind>.sql)
// into snapshot records. Columns are found by name, so a query may add
// columns without breaking the reader.
class CatalogResultReader {
public:
    // The query files, in the order the loader runs them.
    static const QStringList &kinds();
    // Adds the rows of `kind`; false (and nothing added) for an unknown kind.
    static bool read(const QString &kind, const Result &result, CatalogSnapshot::Builder &builder);

    // The query files read after a quick snapshot, for its definitions:
    // column_defaults, index_definitions, sequence_values.
    static const QStringList &definitionKinds();
    // Adds the rows of one of those; false for another kind.
    static bool readDefinitions(
        const QString &kind, const Result &result, CatalogDefinitions &definitions);
};

} // namespace tusk::core
