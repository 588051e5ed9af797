#pragma once

#include <QList>
#include <QString>

namespace tusk::core {

// A backfill's SET clause read as its `col = expr` assignments: cut at the
// commas outside parentheses, strings, quoted names, dollar quotes and
// comments, each piece a column name then `=`. What the default predicate
// and the key check need; the server reads the clause itself. Pure.
class BackfillSetClause {
public:
    struct Assignment {
        QString written; // the column as the user wrote it
        QString column; // as the catalog spells it
        QString expression;
    };
    // Empty when the clause is empty or a piece is not an assignment.
    static QList<Assignment> parse(const QString &set);
    // A name as the catalog spells it: "Quoted" kept (with "" undone),
    // plain folded to lower case, as PostgreSQL's scanner does.
    static QString catalogName(const QString &written);
};

} // namespace tusk::core
