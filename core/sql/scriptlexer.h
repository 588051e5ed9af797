#pragma once

#include <QByteArray>
#include <QList>

namespace tusk::core {

// A byte range [begin, end) of a script.
struct ByteRange {
    qsizetype begin = 0;
    qsizetype end = 0;

    qsizetype size() const { return end - begin; }
    bool contains(qsizetype offset) const { return offset >= begin && offset < end; }
    bool operator==(const ByteRange &other) const = default;
};

// A comment, `-- …` to the end of the line or `/* … */` (nested).
struct ScriptComment {
    ByteRange range;
    bool isLineComment = false;
};

// Text that is not SQL for the server: psql's meta-commands (a backslash
// outside quotes, to the end of its line) and the data lines of COPY … FROM
// STDIN / \copy … from stdin, up to and including `\.`.
struct ScriptSkip {
    enum class Kind { MetaCommand, CopyData };
    ByteRange range;
    Kind kind = Kind::MetaCommand;
};

// A psql variable the parser sees as a placeholder of the same length:
// :name as the identifier _name, :'name' as the literal 'name', :"name" as
// the quoted identifier "name".
struct ScriptVariable {
    enum class Kind { Text, Literal, Identifier };
    ByteRange range; // the whole reference, colon included
    Kind kind = Kind::Text;
};

struct LexedScript {
    // The script with every skipped range blanked (newlines kept), so the
    // parser sees only SQL and every byte offset still matches the original.
    QByteArray masked;
    QList<ScriptComment> comments;
    QList<ScriptSkip> skipped;
    QList<ScriptVariable> variables;
    // Pieces between top-level semicolons (the ';' not included), skipped
    // text excluded: the split used when the parser cannot split the whole
    // script. Unlike libpg_query's scanner split it drops no piece, so a
    // statement with a typo still gets its syntax error.
    QList<ByteRange> pieces;
};

// One pass over a script with PostgreSQL's quoting rules: '…' (with ''),
// E'…' (with backslash escapes), $tag$…$tag$, "…", -- and nested /* */.
// It finds what the parser must not see and the comments the parser drops
// (suppressions live there), and stands in for psql variables. Linear in the size; never fails: an
// unclosed quote or comment simply runs to the end.
class ScriptLexer {
public:
    static LexedScript lex(const QByteArray &script);
};

} // namespace tusk::core
