#pragma once

#include <QString>

struct PgQuery__RangeVar;

namespace tusk::core {

// Names out of parse-tree nodes, for messages and lock descriptions.
class NodeText {
public:
    // "schema.table" or "table", as written (unquoted).
    static QString relation(const PgQuery__RangeVar *range);
};

} // namespace tusk::core
