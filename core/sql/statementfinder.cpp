#include "statementfinder.h"

#include <algorithm>

namespace tusk::core {

namespace {
bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
} // namespace

ByteRange StatementFinder::trimmed(const LexedScript &lexed, ByteRange piece)
{
    // Blanks and whole comments at either end are not the statement.
    // Comments come in script order and never overlap, so both their
    // starts and their ends are sorted: a binary search finds one.
    const QList<ScriptComment> &comments = lexed.comments;
    auto commentAt = [&comments](qsizetype at, bool fromStart) -> const ScriptComment * {
        const auto it = std::lower_bound(comments.cbegin(), comments.cend(), at,
            [fromStart](const ScriptComment &c, qsizetype offset) {
                return (fromStart ? c.range.begin : c.range.end) < offset;
            });
        if (it == comments.cend() || (fromStart ? it->range.begin : it->range.end) != at)
            return nullptr;
        return &*it;
    };
    bool moved = true;
    while (moved && piece.begin < piece.end) {
        moved = false;
        while (piece.begin < piece.end && isBlank(lexed.masked.at(piece.begin))) {
            ++piece.begin;
            moved = true;
        }
        if (const ScriptComment *c = commentAt(piece.begin, true)) {
            piece.begin = std::min(c->range.end, piece.end);
            moved = true;
        }
    }
    moved = true;
    while (moved && piece.end > piece.begin) {
        moved = false;
        while (piece.end > piece.begin && isBlank(lexed.masked.at(piece.end - 1))) {
            --piece.end;
            moved = true;
        }
        // A line comment's range may end before its newline.
        if (const ScriptComment *c = commentAt(piece.end, false)) {
            piece.end = std::max(c->range.begin, piece.begin);
            moved = true;
        }
    }
    return piece;
}

QList<ByteRange> StatementFinder::statements(const QByteArray &script)
{
    const LexedScript lexed = ScriptLexer::lex(script);
    QList<ByteRange> list;
    for (const ByteRange &piece : lexed.pieces) {
        const ByteRange statement = trimmed(lexed, piece);
        if (statement.size() > 0)
            list << statement;
    }
    return list;
}

ByteRange StatementFinder::statementAt(const QByteArray &script, qsizetype caret)
{
    const QList<ByteRange> all = statements(script);
    ByteRange before;
    for (const ByteRange &s : all) {
        if (caret >= s.begin && caret <= s.end)
            return s;
        if (s.end <= caret)
            before = s;
        else if (before.size() == 0)
            return s; // before the first statement: that one
        else
            break;
    }
    // Between statements: the one just before (the caret sits there after
    // typing `;`, or on the blank line under it).
    return before;
}

} // namespace tusk::core
