#include "scriptlexer.h"

#include <algorithm>

namespace tusk::core {

namespace {

bool isIdentifierStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
        || static_cast<unsigned char>(c) >= 0x80;
}

bool isIdentifierChar(char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The words of a statement, upper-cased, comments and quotes ignored only
// as far as needed to recognise COPY … FROM STDIN.
QByteArray normalisedWords(const char *begin, const char *end)
{
    QByteArray words;
    bool space = true;
    for (const char *p = begin; p < end; ++p) {
        if (isSpace(*p)) {
            if (!space)
                words += ' ';
            space = true;
        } else {
            words += char(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
            space = false;
        }
    }
    return words.trimmed();
}

bool isCopyFromStdin(const QByteArray &words)
{
    return (words.startsWith("COPY ") || words.startsWith("\\COPY "))
        && (words.contains(" FROM STDIN") || words.contains(" FROM PSTDIN"));
}

class Lexer {
public:
    explicit Lexer(const QByteArray &script)
        : m_data(script.constData())
        , m_size(script.size())
    {
        m_out.masked = script;
    }

    LexedScript run()
    {
        while (m_at < m_size)
            step();
        endPiece(m_size);
        return std::move(m_out);
    }

private:
    char at(qsizetype i) const { return i < m_size ? m_data[i] : '\0'; }

    qsizetype lineEnd(qsizetype from) const
    {
        while (from < m_size && m_data[from] != '\n')
            ++from;
        return from;
    }

    void endPiece(qsizetype end)
    {
        if (end > m_pieceStart)
            m_out.pieces << ByteRange {m_pieceStart, end};
    }

    void skip(qsizetype begin, qsizetype end, ScriptSkip::Kind kind)
    {
        if (end <= begin)
            return;
        m_out.skipped << ScriptSkip {{begin, end}, kind};
        char *masked = m_out.masked.data();
        for (qsizetype i = begin; i < end; ++i) {
            if (masked[i] != '\n')
                masked[i] = ' ';
        }
    }

    // The data lines after a COPY … FROM STDIN that ends on this line.
    void skipCopyData(qsizetype lineOfCommandEnd)
    {
        const qsizetype dataStart = lineOfCommandEnd < m_size ? lineOfCommandEnd + 1 : m_size;
        qsizetype line = dataStart;
        while (line < m_size) {
            const qsizetype end = lineEnd(line);
            QByteArray text(m_data + line, end - line);
            if (text.endsWith('\r'))
                text.chop(1);
            if (text == "\\.") {
                skip(dataStart, end, ScriptSkip::Kind::CopyData);
                m_at = end;
                m_pieceStart = end;
                return;
            }
            line = end + 1;
        }
        skip(dataStart, m_size, ScriptSkip::Kind::CopyData);
        m_at = m_size;
        m_pieceStart = m_size;
    }

    bool firstWordIsCopy() const
    {
        if (m_firstToken < 0)
            return false;
        const QByteArray word = QByteArray::fromRawData(
            m_data + m_firstToken, std::min<qsizetype>(5, m_size - m_firstToken))
                                    .toUpper();
        return word.startsWith("COPY") && (word.size() == 4 || !isIdentifierChar(word.at(4)));
    }

    void step()
    {
        const char c = m_data[m_at];
        const bool commentStart =
            (c == '-' && at(m_at + 1) == '-') || (c == '/' && at(m_at + 1) == '*');
        if (m_firstToken < 0 && !commentStart && !isSpace(c) && c != ';')
            m_firstToken = m_at;
        if (c == '-' && at(m_at + 1) == '-') {
            const qsizetype end = lineEnd(m_at);
            m_out.comments << ScriptComment {{m_at, end}, true};
            m_at = end;
        } else if (c == '/' && at(m_at + 1) == '*') {
            blockComment();
        } else if (c == '\'') {
            const bool escapes = m_at > 0 && (m_data[m_at - 1] == 'E' || m_data[m_at - 1] == 'e')
                && (m_at < 2 || !isIdentifierChar(m_data[m_at - 2]));
            quoted('\'', escapes);
        } else if (c == '"') {
            quoted('"', false);
        } else if (c == '$' && (m_at == 0 || !isIdentifierChar(m_data[m_at - 1]))) {
            dollarQuoted();
        } else if (c == '\\') {
            metaCommand();
        } else if (c == ':') {
            variable();
        } else if (c == ';') {
            const bool copy = firstWordIsCopy()
                && isCopyFromStdin(normalisedWords(m_data + m_firstToken, m_data + m_at));
            endPiece(m_at);
            ++m_at;
            m_pieceStart = m_at;
            m_firstToken = -1;
            if (copy)
                skipCopyData(lineEnd(m_at));
        } else {
            ++m_at;
        }
    }

    void blockComment()
    {
        const qsizetype begin = m_at;
        int depth = 0;
        while (m_at < m_size) {
            if (m_data[m_at] == '/' && at(m_at + 1) == '*') {
                ++depth;
                m_at += 2;
            } else if (m_data[m_at] == '*' && at(m_at + 1) == '/') {
                m_at += 2;
                if (--depth == 0)
                    break;
            } else {
                ++m_at;
            }
        }
        m_out.comments << ScriptComment {{begin, m_at}, false};
    }

    void quoted(char quote, bool backslashEscapes)
    {
        ++m_at;
        while (m_at < m_size) {
            const char c = m_data[m_at];
            if (backslashEscapes && c == '\\') {
                m_at += 2;
            } else if (c == quote) {
                if (at(m_at + 1) != quote) {
                    ++m_at;
                    return;
                }
                m_at += 2; // a doubled quote stands for one
            } else {
                ++m_at;
            }
        }
    }

    void dollarQuoted()
    {
        // $tag$ or $$; `$1` is a parameter, not a quote.
        qsizetype end = m_at + 1;
        if (end < m_size && isIdentifierStart(m_data[end])) {
            while (end < m_size && isIdentifierChar(m_data[end]) && m_data[end] != '$')
                ++end;
        }
        if (end >= m_size || m_data[end] != '$') {
            ++m_at;
            return;
        }
        const QByteArray tag(m_data + m_at, end - m_at + 1);
        const qsizetype close = QByteArray::fromRawData(m_data, m_size).indexOf(tag, end + 1);
        m_at = close < 0 ? m_size : close + tag.size();
    }

    // psql's \g family (and \watch, \crosstabview) sends the query buffer
    // like a semicolon does: `SELECT … AS id \gset` ends its statement.
    static bool sendsQueryBuffer(const QByteArray &words)
    {
        // Any command of the line: `\bind 42 \g` sends at its \g.
        static const char *const senders[] = {
            "\\g", "\\gx", "\\gset", "\\gexec", "\\gdesc", "\\watch", "\\crosstabview"};
        for (const QByteArray &word : words.split(' ')) {
            const QByteArray command = word.toLower();
            for (const char *sender : senders) {
                if (command == sender)
                    return true;
            }
        }
        return false;
    }

    // psql substitutes :name, :'name' and :"name" before the server sees
    // the text. The parser gets a placeholder of the same length and kind:
    // an identifier _name (valid where a value or a name goes), a string
    // literal 'name', a quoted identifier "name"; so every byte offset
    // still matches the original text. `::` is a cast, `:=` a named
    // argument, and a colon right after a word or digit an array slice.
    void variable()
    {
        const char next = at(m_at + 1);
        if (next == ':') {
            m_at += 2;
            return;
        }
        const bool afterWord = m_at > 0 && isIdentifierChar(m_data[m_at - 1]);
        if (afterWord || (!isIdentifierStart(next) && next != '\'' && next != '"')) {
            ++m_at;
            return;
        }
        qsizetype nameBegin = m_at + (next == '\'' || next == '"' ? 2 : 1);
        qsizetype nameEnd = nameBegin;
        while (nameEnd < m_size && isIdentifierChar(m_data[nameEnd]) && m_data[nameEnd] != '$')
            ++nameEnd;
        if (nameEnd == nameBegin) {
            ++m_at;
            return;
        }
        qsizetype end = nameEnd;
        if (next == '\'' || next == '"') {
            if (at(nameEnd) != next) { // not :'name' after all
                ++m_at;
                return;
            }
            ++end;
        }
        m_out.variables << ScriptVariable {{m_at, end},
            next == '\''      ? ScriptVariable::Kind::Literal
                : next == '"' ? ScriptVariable::Kind::Identifier
                              : ScriptVariable::Kind::Text};
        m_out.masked[m_at] = next == '\'' || next == '"' ? ' ' : '_';
        m_at = end;
    }

    void metaCommand()
    {
        const qsizetype end = lineEnd(m_at);
        const QByteArray words = normalisedWords(m_data + m_at, m_data + end);
        if (sendsQueryBuffer(words)) {
            endPiece(m_at);
            m_pieceStart = end;
        }
        skip(m_at, end, ScriptSkip::Kind::MetaCommand);
        m_at = end;
        m_firstToken = -1;
        if (isCopyFromStdin(words))
            skipCopyData(end);
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_at = 0;
    qsizetype m_pieceStart = 0;
    qsizetype m_firstToken = -1; // the current statement's first word, outside comments
    LexedScript m_out;
};

} // namespace

LexedScript ScriptLexer::lex(const QByteArray &script)
{
    return Lexer(script).run();
}

} // namespace tusk::core
