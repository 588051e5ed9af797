#include "parsedscript.h"

#include "jsontreereader.h"

#include <pg_query.h>

#include <cstring>
#include <pg_query/pg_query.pb-c.h>

#include "parallelblocks.h"

#include <algorithm>

namespace tusk::core {

namespace {

// The lexer's split may cut a statement whose body holds semicolons (BEGIN
// ATOMIC, CREATE RULE with several actions): this many pieces are joined
// again at most to find the whole statement.
constexpr int maxJoinedPieces = 64;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Past whitespace and comments: where the statement's first token is.
qsizetype skipBlankAndComments(const QByteArray &text, qsizetype at, qsizetype end)
{
    const char *d = text.constData();
    while (at < end) {
        if (isSpace(d[at])) {
            ++at;
        } else if (d[at] == '-' && at + 1 < end && d[at + 1] == '-') {
            while (at < end && d[at] != '\n')
                ++at;
        } else if (d[at] == '/' && at + 1 < end && d[at + 1] == '*') {
            int depth = 0;
            while (at < end) {
                if (d[at] == '/' && at + 1 < end && d[at + 1] == '*') {
                    ++depth;
                    at += 2;
                } else if (d[at] == '*' && at + 1 < end && d[at + 1] == '/') {
                    at += 2;
                    if (--depth == 0)
                        break;
                } else {
                    ++at;
                }
            }
        } else {
            break;
        }
    }
    return at;
}

qsizetype trimEnd(const QByteArray &text, qsizetype begin, qsizetype end)
{
    while (end > begin && isSpace(text.at(end - 1)))
        --end;
    return end;
}

// A 1-based character position inside `piece` as a byte offset.
qsizetype byteOffsetOfCharacter(const QByteArray &piece, int character)
{
    qsizetype at = 0;
    for (int c = 1; c < character && at < piece.size(); ++c) {
        ++at;
        while (at < piece.size() && (static_cast<unsigned char>(piece.at(at)) & 0xC0) == 0x80)
            ++at;
    }
    return at;
}

struct ParseOutcome {
    PgQuery__ParseResult *result = nullptr;
    QString error;
    qsizetype errorOffset = -1; // within the piece
    bool atEndOfInput = false; // the piece ended before the statement did
};

// The reference path: libpg_query packs its tree into protobuf bytes and
// the arena unpacks them.
ParseOutcome parsePieceByProtobuf(const QByteArray &piece, TreeArena &arena)
{
    ParseOutcome outcome;
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(piece.constData());
    if (parsed.error) {
        outcome.error = QString::fromUtf8(parsed.error->message);
        if (parsed.error->cursorpos > 0)
            outcome.errorOffset = byteOffsetOfCharacter(piece, parsed.error->cursorpos);
        outcome.atEndOfInput = outcome.errorOffset >= piece.size()
            || outcome.error.endsWith(QLatin1String("at end of input"));
    } else {
        outcome.result = pg_query__parse_result__unpack(arena.allocator(), parsed.parse_tree.len,
            reinterpret_cast<const uint8_t *>(parsed.parse_tree.data));
        if (!outcome.result)
            outcome.error = QStringLiteral("the parse tree could not be read");
    }
    pg_query_free_protobuf_parse_result(parsed);
    return outcome;
}

// The fast path: the same tree from libpg_query's JSON output, less than
// half its protobuf output's cost (JsonTreeReader).
ParseOutcome parsePiece(const QByteArray &piece, TreeArena &arena)
{
    PgQueryParseResult parsed = pg_query_parse(piece.constData());
    if (parsed.error || !parsed.parse_tree
        || JsonTreeReader::mayHoldNegativeInteger(parsed.parse_tree, piece)) {
        pg_query_free_parse_result(parsed);
        return parsePieceByProtobuf(piece, arena);
    }
    ParseOutcome outcome;
    outcome.result = JsonTreeReader::read(
        parsed.parse_tree, qsizetype(std::strlen(parsed.parse_tree)), arena, &outcome.error);
    pg_query_free_parse_result(parsed);
    if (!outcome.result)
        return parsePieceByProtobuf(piece, arena);
    return outcome;
}

} // namespace

ParsedScript::ParsedScript(QByteArray script, int threads)
    : m_source(std::move(script))
    , m_lexed(ScriptLexer::lex(m_source.bytes()))
{
    split();
    parseAll(threads);
    mergeCutStatements();
}

ParsedScript::~ParsedScript() = default;

QString ParsedScript::grammarVersion()
{
    return QStringLiteral(PG_VERSION);
}

// A statement ends at its last token: a comment after it (in the last
// statement of a file without ';') is not part of it.
qsizetype ParsedScript::trimTrailingComments(
    const QByteArray &masked, qsizetype begin, qsizetype end) const
{
    const QList<ScriptComment> &comments = m_lexed.comments;
    for (;;) {
        const auto it = std::lower_bound(comments.begin(), comments.end(), end,
            [](const ScriptComment &c, qsizetype at) { return c.range.end < at; });
        if (it == comments.end() || it->range.end != end || it->range.begin < begin)
            return end;
        end = trimEnd(masked, begin, it->range.begin);
    }
}

// The lexer's semicolons, not libpg_query's parser split: that split is a
// whole extra parse of the script (a fifth of the time on a big
// migration), and it fails outright on the first statement the grammar
// does not know. The few statements whose bodies hold semicolons are
// joined again afterwards (mergeCutStatements).
void ParsedScript::split()
{
    const QByteArray &masked = m_lexed.masked;
    m_statements.reserve(m_lexed.pieces.size());
    for (const ByteRange &piece : std::as_const(m_lexed.pieces)) {
        const qsizetype begin = skipBlankAndComments(masked, piece.begin, piece.end);
        const qsizetype end =
            trimTrailingComments(masked, begin, trimEnd(masked, begin, piece.end));
        if (end <= begin)
            continue; // only comments or blanked meta-commands
        ParsedStatement statement;
        statement.index = int(m_statements.size());
        statement.range = {begin, end};
        m_statements << statement;
    }
}

void ParsedScript::parseStatement(ParsedStatement &s, TreeArena &arena) const
{
    const QByteArray &masked = m_lexed.masked;
    const ParseOutcome outcome = parsePiece(masked.mid(s.range.begin, s.range.size()), arena);
    if (outcome.result && outcome.result->n_stmts > 0) {
        s.node = outcome.result->stmts[0]->stmt;
    } else {
        s.syntaxError =
            outcome.error.isEmpty() ? QStringLiteral("nothing to parse") : outcome.error;
        if (outcome.errorOffset >= 0)
            s.errorOffset = s.range.begin + outcome.errorOffset;
        s.cutShort = outcome.atEndOfInput;
    }
    s.start = m_source.position(s.range.begin);
    s.end = m_source.position(s.range.end);
}

void ParsedScript::parseAll(int threads)
{
    // Contiguous blocks, one per thread; each writes only its own slots and
    // allocates from its own arena.
    const int blocks = ParallelBlocks::blockCount(
        m_statements.size(), ParallelBlocks::statementThreshold, threads);
    for (int b = 0; b < blocks; ++b)
        m_arenas.push_back(std::make_unique<TreeArena>());
    ParsedStatement *statements = m_statements.data();
    ParallelBlocks::run(
        m_statements.size(), blocks, [this, statements](qsizetype from, qsizetype to, int b) {
            for (qsizetype i = from; i < to; ++i)
                parseStatement(statements[i], *m_arenas[size_t(b)]);
        });
}

// A statement that ends too early ("syntax error at end of input") may be
// one whose body holds semicolons (BEGIN ATOMIC … END, CREATE RULE … DO
// (…; …)) cut by the lexer: the following pieces are joined to it until
// the whole parses as one statement. A statement wrong in its middle is a
// real syntax error and is left as it is.
void ParsedScript::mergeCutStatements()
{
    const auto cut = std::find_if(m_statements.cbegin(), m_statements.cend(),
        [](const ParsedStatement &s) { return s.cutShort; });
    if (cut == m_statements.cend())
        return;
    const QByteArray &masked = m_lexed.masked;
    m_arenas.push_back(std::make_unique<TreeArena>());
    TreeArena &arena = *m_arenas.back();
    QList<ParsedStatement> merged;
    merged.reserve(m_statements.size());
    for (qsizetype i = 0; i < m_statements.size(); ++i) {
        ParsedStatement statement = m_statements.at(i);
        for (qsizetype j = i + 1;
             statement.cutShort && j < m_statements.size() && j <= i + maxJoinedPieces; ++j) {
            const ByteRange joined {statement.range.begin, m_statements.at(j).range.end};
            const ParseOutcome outcome = parsePiece(masked.mid(joined.begin, joined.size()), arena);
            if (outcome.result && outcome.result->n_stmts == 1) {
                statement.range = joined;
                statement.end = m_source.position(joined.end);
                statement.node = outcome.result->stmts[0]->stmt;
                statement.syntaxError.clear();
                statement.errorOffset = -1;
                statement.cutShort = false;
                i = j;
            } else if (!outcome.atEndOfInput) {
                break;
            }
        }
        statement.index = int(merged.size());
        merged << statement;
    }
    m_statements = std::move(merged);
}

} // namespace tusk::core
