#pragma once

#include "core/support/severity.h"

#include "core/sql/scriptlexer.h"
#include "core/sql/sourcetext.h"

#include <QList>
#include <QString>

namespace tusk::core {

// A mechanical rewrite: replace `range` of the script with `replacement`.
// Edits of one fix never overlap; several fixes are applied back to front.
struct TextEdit {
    ByteRange range;
    QByteArray replacement;

    bool operator==(const TextEdit &other) const = default;
};

// One problem found in a script: where, how bad, what lock it takes and
// what that blocks, and the safe way to do the same.
struct Finding {
    QString rule; // "require-concurrent-index-creation"
    Severity severity = Severity::Warning;
    int statement = -1; // index in the script; -1 for the file as a whole
    ByteRange range;
    SourcePosition start;
    SourcePosition end;
    QString message; // one line
    QString relation; // the table the finding is about, as written; may be empty
    QString lock; // "SHARE on orders: blocks writes …"; filled from the lock model when empty
    QString note; // extra context: "inside the DO block at line 3", "orders: 12 GB, ~1 min"
    QString alternative; // the online way, in words and SQL
    QList<TextEdit> fix; // empty when the rewrite is not mechanical
};

} // namespace tusk::core
