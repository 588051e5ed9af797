#pragma once

#include <QString>
#include <QStringList>

struct PgQuery__Node;
struct PgQuery__ObjectWithArgs;
struct PgQuery__RangeVar;
struct PgQuery__TypeName;

namespace tusk::core {

// Names out of parse-tree nodes spelled back as SQL, for the inverses
// StatementReverse writes: quoted where the server needs it, with the
// schema only when the statement wrote one, so the down script finds
// objects the way the migration did.
class NodeSql {
public:
    struct Name {
        QString schema; // as written; empty when unqualified
        QString name;
        QString sql; // "shop.orders", "\"Order\""
        bool isValid() const { return !name.isEmpty(); }
    };
    static Name relation(const PgQuery__RangeVar *range);
    // A List of String nodes, a String node or a TypeName.
    static Name dotted(const PgQuery__Node *node);
    static Name strings(PgQuery__Node *const *nodes, size_t count);

    // [schema.]table.name, as COMMENT ON COLUMN and DROP TRIGGER write a
    // table's member: the table and the last part; empty unless `node` is
    // a List of two names or more.
    struct Member {
        Name table;
        QString name;
    };
    static Member member(const PgQuery__Node *node);

    // An argument type as a signature spells it: "int4", "shop.mood[]"
    // (type modifiers do not matter there); empty for a %TYPE reference.
    static QString argumentType(const PgQuery__TypeName *type);

    struct Function {
        Name name;
        QStringList argumentTypes; // input arguments only
        bool argumentsKnown = false; // false: written without (…) or not spellable
        QString sql; // "shop.f(int4, text)", or the bare name
        QString key; // "f(int4,text)": one name per overload for PriorCatalog
    };
    // From DROP, ALTER … RENAME and COMMENT ON FUNCTION.
    static Function function(const PgQuery__ObjectWithArgs *function);
    // From CREATE FUNCTION: the name and the FunctionParameter nodes.
    static Function function(PgQuery__Node *const *name, size_t nameParts,
        PgQuery__Node *const *parameters, size_t parameterCount);
};

} // namespace tusk::core
