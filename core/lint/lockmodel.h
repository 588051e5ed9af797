#pragma once

#include "relationlock.h"

#include <QList>

struct PgQuery__Node;

namespace tusk::core {

class SchemaFacts;
class ScriptFacts;

// The table-level locks a statement takes, by PostgreSQL 15's rules
// (ALTER TABLE takes the strongest mode of its subcommands), with whether it
// rewrites or scans while holding them. What a rewrite is depends on what is
// known: an ALTER COLUMN TYPE is catalog-only when the old type (from the
// catalog or the script) makes it binary compatible.
class LockModel {
public:
    struct Context {
        int statement = 0;
        int serverVersion = 150000;
        const ScriptFacts *facts = nullptr;
        const SchemaFacts *catalog = nullptr;
    };

    static QList<RelationLock> locksOf(const PgQuery__Node *node, const Context &context);
    // The strongest lock of a list (the one the finding names); null when empty.
    static const RelationLock *strongest(const QList<RelationLock> &locks);
};

} // namespace tusk::core
