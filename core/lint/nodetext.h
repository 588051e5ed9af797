#pragma once

#include <QString>
#include <QStringList>

struct PgQuery__Node;
struct PgQuery__RangeVar;

namespace tusk::core {

// Names out of parse-tree nodes, for messages and lock descriptions.
class NodeText {
public:
    // "schema.table" or "table", as written (unquoted).
    static QString relation(const PgQuery__RangeVar *range);
    // The strings of a list of String nodes ("public", "orders").
    static QStringList strings(PgQuery__Node *const *nodes, size_t count);
    // A List node of String nodes joined with '.', or a String node.
    static QString dotted(const PgQuery__Node *node);
    // The function a default or generated expression calls at its top (or
    // anywhere inside), lower case, without schema: "now", "gen_random_uuid".
    static QStringList calledFunctions(const PgQuery__Node *expression);
};

} // namespace tusk::core
