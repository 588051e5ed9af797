#pragma once

#include "scriptlexer.h"
#include "sourcetext.h"

#include <QString>

struct PgQuery__Node;

namespace tusk::core {

// One statement of a script as PostgreSQL's parser read it.
struct ParsedStatement {
    int index = 0; // 0-based, in script order
    ByteRange range; // first token to last, without the closing ';'
    SourcePosition start; // of range.begin
    SourcePosition end; // of range.end (exclusive, like the range)
    // The statement's tree (the RawStmt's `stmt`), owned by the
    // ParsedScript; null when the statement does not parse.
    const PgQuery__Node *node = nullptr;
    QString syntaxError; // the parser's message when node is null
    qsizetype errorOffset = -1; // absolute byte offset the error points at, if known
    bool cutShort = false; // the error is at its end: it may continue past a ';'

    bool isValid() const { return node != nullptr; }
};

} // namespace tusk::core
