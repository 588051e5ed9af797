#include "parsedscript.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <QThread>

#include <algorithm>
#include <thread>

namespace tusk::core {

namespace {

// Below this many statements the threads cost more than they save (the
// editor lints small files on every pause in typing).
constexpr int parallelThreshold = 512;
// A scanner split may cut a statement whose body holds semicolons (BEGIN
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
};

ParseOutcome parsePiece(const QByteArray &piece, TreeArena &arena)
{
    ParseOutcome outcome;
    PgQueryProtobufParseResult parsed = pg_query_parse_protobuf(piece.constData());
    if (parsed.error) {
        outcome.error = QString::fromUtf8(parsed.error->message);
        if (parsed.error->cursorpos > 0)
            outcome.errorOffset = byteOffsetOfCharacter(piece, parsed.error->cursorpos);
    } else {
        outcome.result = pg_query__parse_result__unpack(arena.allocator(), parsed.parse_tree.len,
            reinterpret_cast<const uint8_t *>(parsed.parse_tree.data));
        if (!outcome.result)
            outcome.error = QStringLiteral("the parse tree could not be read");
    }
    pg_query_free_protobuf_parse_result(parsed);
    return outcome;
}

} // namespace

ParsedScript::ParsedScript(QByteArray script)
    : m_source(std::move(script))
    , m_lexed(ScriptLexer::lex(m_source.bytes()))
{
    split();
    parseAll();
    if (m_scannerSplit)
        mergeSplitStatements();
    for (ParsedStatement &s : m_statements) {
        s.start = m_source.position(s.range.begin);
        s.end = m_source.position(s.range.end);
    }
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

void ParsedScript::split()
{
    const QByteArray &masked = m_lexed.masked;
    QList<ByteRange> pieces;
    PgQuerySplitResult split = pg_query_split_with_parser(masked.constData());
    if (split.error) {
        pieces = m_lexed.pieces;
        m_scannerSplit = true;
    } else {
        pieces.reserve(split.n_stmts);
        for (int i = 0; i < split.n_stmts; ++i) {
            const qsizetype location = split.stmts[i]->stmt_location;
            const qsizetype length = split.stmts[i]->stmt_len;
            pieces << ByteRange {location, length > 0 ? location + length : masked.size()};
        }
    }
    pg_query_free_split_result(split);
    m_statements.reserve(pieces.size());
    for (const ByteRange &piece : std::as_const(pieces)) {
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

void ParsedScript::parseAll()
{
    const qsizetype count = m_statements.size();
    const QByteArray &masked = m_lexed.masked;
    auto parseRange = [this, &masked](qsizetype from, qsizetype to, TreeArena *arena) {
        for (qsizetype i = from; i < to; ++i) {
            ParsedStatement &s = m_statements[i];
            const ParseOutcome outcome =
                parsePiece(masked.mid(s.range.begin, s.range.size()), *arena);
            if (outcome.result && outcome.result->n_stmts > 0) {
                s.node = outcome.result->stmts[0]->stmt;
            } else {
                s.syntaxError =
                    outcome.error.isEmpty() ? QStringLiteral("nothing to parse") : outcome.error;
                if (outcome.errorOffset >= 0)
                    s.errorOffset = s.range.begin + outcome.errorOffset;
            }
        }
    };
    const int threads = std::min(QThread::idealThreadCount(), 8);
    if (count < parallelThreshold || threads < 2) {
        m_arenas.push_back(std::make_unique<TreeArena>());
        parseRange(0, count, m_arenas.back().get());
        return;
    }
    // Contiguous blocks, one per thread; each writes only its own slots and
    // allocates from its own arena.
    for (int t = 0; t < threads; ++t)
        m_arenas.push_back(std::make_unique<TreeArena>());
    std::vector<std::thread> workers;
    const qsizetype block = (count + threads - 1) / threads;
    for (int t = 1; t < threads; ++t) {
        const qsizetype from = std::min(count, t * block);
        const qsizetype to = std::min(count, from + block);
        workers.emplace_back(parseRange, from, to, m_arenas[t].get());
    }
    parseRange(0, std::min(count, block), m_arenas[0].get());
    for (std::thread &worker : workers)
        worker.join();
}

void ParsedScript::mergeSplitStatements()
{
    const QByteArray &masked = m_lexed.masked;
    m_arenas.push_back(std::make_unique<TreeArena>());
    TreeArena &arena = *m_arenas.back();
    QList<ParsedStatement> merged;
    merged.reserve(m_statements.size());
    for (qsizetype i = 0; i < m_statements.size(); ++i) {
        ParsedStatement statement = m_statements.at(i);
        if (!statement.isValid()) {
            // Join the following pieces until the whole parses as one.
            for (qsizetype j = i + 1; j < m_statements.size() && j <= i + maxJoinedPieces; ++j) {
                const ByteRange joined {statement.range.begin, m_statements.at(j).range.end};
                const ParseOutcome outcome =
                    parsePiece(masked.mid(joined.begin, joined.size()), arena);
                if (outcome.result && outcome.result->n_stmts == 1) {
                    statement.range = joined;
                    statement.node = outcome.result->stmts[0]->stmt;
                    statement.syntaxError.clear();
                    statement.errorOffset = -1;
                    i = j;
                    break;
                }
            }
        }
        statement.index = int(merged.size());
        merged << statement;
    }
    m_statements = std::move(merged);
}

} // namespace tusk::core
