#pragma once

#include "scriptlexer.h"

namespace tusk::core {

// Which statement of a script the editor runs for Ctrl+Enter: the one the
// caret is in, or, between statements, the one just before it (where the
// caret sits after typing `;`). Pieces come from ScriptLexer's split at
// top-level semicolons, so quotes, dollar quotes and comments hide their
// semicolons. Ranges are trimmed of blanks and comments at both ends; an
// empty range when the script holds no statement.
class StatementFinder {
public:
    static ByteRange statementAt(const QByteArray &script, qsizetype caret);
    // Every statement of the script, trimmed, in order (F5 runs them all).
    static QList<ByteRange> statements(const QByteArray &script);

private:
    static ByteRange trimmed(const LexedScript &lexed, ByteRange piece);
};

} // namespace tusk::core
