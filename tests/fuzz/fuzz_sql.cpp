// libFuzzer entry: any bytes are a SQL script. ScriptLexer::lex,
// StatementFinder (statements() for F5, statementAt() for Ctrl+Enter) and
// SourceText (offset ↔ line and column) must answer, never crash, overflow
// or hang, and keep what they promise; a broken promise aborts with a
// message:
//   masked: as long as the script, newlines where the script has them,
//     skipped ranges blanked, psql variables' first byte replaced, every
//     other byte as it was;
//   comments, skipped ranges, variables, pieces: inside the script, not
//     empty, in order, not overlapping (comments start with -- or /*,
//     variables with ':');
//   statements: inside a piece, in order, not overlapping, trimmed (no
//     blank at either end, no comment at the start); statementAt gives one
//     of them (or nothing when there is none);
//   SourceText: lines and columns in order; for valid UTF-8, offset(position(o))
//     is o at every character start.
// Build and run (seed corpus in tests/fuzz/corpus/fuzz_sql):
//   cmake --build build-fuzz --target fuzz_sql
//   LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp build-fuzz/tests/fuzz/fuzz_sql \
//       -max_total_time=600 -rss_limit_mb=4096 sql-corpus/ tests/fuzz/corpus/fuzz_sql/
//       tests/lint/cases/*/

#include "core/sql/scriptlexer.h"
#include "core/sql/sourcetext.h"
#include "core/sql/statementfinder.h"

#include <QStringDecoder>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace tusk::core;

namespace {
[[noreturn]] void fail(const char *what, qsizetype a = -1, qsizetype b = -1)
{
    std::fprintf(
        stderr, "fuzz_sql: broken promise: %s (%lld, %lld)\n", what, (long long)a, (long long)b);
    std::abort();
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// In the script, not empty, in order, not overlapping.
void checkRanges(const char *what, const QList<ByteRange> &ranges, qsizetype size)
{
    qsizetype previousEnd = 0;
    for (const ByteRange &r : ranges) {
        if (r.begin < previousEnd || r.end <= r.begin || r.end > size)
            fail(what, r.begin, r.end);
        previousEnd = r.end;
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray script(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype n = script.size();
    const LexedScript lexed = ScriptLexer::lex(script);

    QList<ByteRange> ranges;
    for (const ScriptComment &c : lexed.comments) {
        ranges << c.range;
        if (c.range.begin >= 0 && c.range.begin + 2 <= n
            && script.mid(c.range.begin, 2) != (c.isLineComment ? "--" : "/*"))
            fail("a comment does not start with -- or /*", c.range.begin, c.range.end);
    }
    checkRanges("comments", ranges, n);
    ranges.clear();
    QByteArray expected = script;
    for (const ScriptVariable &v : lexed.variables) {
        ranges << v.range;
        if (v.range.begin >= 0 && v.range.begin < n) {
            if (script.at(v.range.begin) != ':')
                fail("a variable does not start with ':'", v.range.begin, v.range.end);
            expected[v.range.begin] = v.kind == ScriptVariable::Kind::Text ? '_' : ' ';
        }
    }
    checkRanges("variables", ranges, n);
    ranges.clear();
    for (const ScriptSkip &s : lexed.skipped) {
        ranges << s.range;
        for (qsizetype i = std::max<qsizetype>(0, s.range.begin); i < std::min(n, s.range.end); ++i)
            expected[i] = script.at(i) == '\n' ? '\n' : ' ';
    }
    checkRanges("skipped", ranges, n);
    checkRanges("pieces", lexed.pieces, n);
    if (lexed.masked.size() != n)
        fail("masked is not as long as the script", lexed.masked.size(), n);
    if (lexed.masked != expected) {
        qsizetype i = 0;
        while (lexed.masked.at(i) == expected.at(i))
            ++i;
        fail("masked differs from the script outside skipped ranges and variables", i,
            uchar(lexed.masked.at(i)));
    }

    const QList<ByteRange> statements = StatementFinder::statements(script);
    checkRanges("statements", statements, n);
    qsizetype piece = 0;
    for (const ByteRange &s : statements) {
        while (piece < lexed.pieces.size() && lexed.pieces.at(piece).end < s.end)
            ++piece;
        if (piece == lexed.pieces.size() || s.begin < lexed.pieces.at(piece).begin)
            fail("a statement is in no piece", s.begin, s.end);
        if (isBlank(lexed.masked.at(s.begin)) || isBlank(lexed.masked.at(s.end - 1)))
            fail("a statement is not trimmed of blanks", s.begin, s.end);
        for (const ScriptComment &c : lexed.comments)
            if (c.range.begin == s.begin)
                fail("a statement starts with a comment", s.begin, s.end);
    }
    // Ctrl+Enter at the start, the end, and a few places derived from the input.
    QList<qsizetype> carets {0, n, n / 2, n / 3};
    for (const ByteRange &s : statements)
        if (carets.size() < 24)
            carets << s.begin << s.end << s.begin - 1 << s.end + 1;
    for (qsizetype caret : carets) {
        const ByteRange at = StatementFinder::statementAt(script, caret);
        if (statements.isEmpty() ? at.size() != 0 : !statements.contains(at))
            fail("statementAt gives no statement of statements()", caret, at.begin);
        if (at.size() && caret >= at.begin && caret <= at.end)
            continue;
        for (const ByteRange &s : statements)
            if (caret >= s.begin && caret <= s.end && caret >= 0 && caret <= n)
                fail("statementAt misses the statement the caret is in", caret, s.begin);
    }

    const SourceText source(script);
    QStringDecoder utf8(QStringDecoder::Utf8);
    [[maybe_unused]] const QString decoded = utf8.decode(script);
    const bool valid = !utf8.hasError();
    SourcePosition previous {1, 0};
    const qsizetype step = n > 512 ? n / 256 : 1;
    for (qsizetype o = 0; o <= n; o += (o + step <= n || o == n) ? step : n - o) {
        const SourcePosition p = source.position(o);
        if (p.line < 1 || p.line > source.lineCount() || p.column < 1)
            fail("position out of the text", o, p.line);
        if (p.line < previous.line || (p.line == previous.line && p.column < previous.column))
            fail("positions go backwards", o, p.line);
        previous = p;
        if (source.lineStart(p.line) > o)
            fail("the line starts after the offset", o, p.line);
        const bool charStart = o == n || (uchar(script.at(o)) & 0xC0) != 0x80;
        if (valid && charStart && source.offset(p) != o)
            fail("offset(position(o)) is not o", o, source.offset(p));
        if (o == n)
            break;
    }
    (void)source.offset({source.lineCount() + 5, 1000});
    (void)source.offset({-3, -7});
    return 0;
}
