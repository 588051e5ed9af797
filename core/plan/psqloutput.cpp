#include "psqloutput.h"

#include <QRegularExpression>

#include <algorithm>

namespace tusk::core {

namespace {
bool isFrameChar(QChar c)
{
    return c == u'|' || c == u'│' || c == u'║' || c == u'┃';
}

// A border or the rule under the header: nothing but box-drawing characters,
// '+', '-' and '=' (and spaces), with a run of at least three dashes.
bool isRule(const QString &line)
{
    int dashes = 0;
    for (QChar c : line) {
        if (c == u'-' || c == u'='
            || (c.unicode() >= 0x2500 && c.unicode() <= 0x257f && !isFrameChar(c)))
            ++dashes;
        else if (c != u'+' && c != u' ' && !isFrameChar(c))
            return false;
    }
    return dashes >= 3;
}

bool isRecordHeader(const QString &line)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*[-+─┌├└]*\\[ RECORD \\d+ \\][-+─┐┤┘]*\\s*$"));
    return re.match(line).hasMatch();
}

bool isFooter(const QString &line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*\\(\\d+ rows?\\)\\s*$"));
    return re.match(line).hasMatch();
}

bool isHeader(const QString &line)
{
    QString s = line;
    for (QChar &c : s)
        if (isFrameChar(c))
            c = u' ';
    return s.trimmed() == QLatin1String("QUERY PLAN");
}

bool isWrapMark(QChar c)
{
    return c == u'.' || c == u'…' || c == u';';
}

bool isNewlineMark(QChar c)
{
    return c == u'+' || c == u'↵' || c == u':';
}

struct RawLine {
    QString text;
    int line;
    int column; // input column of text[0]
};
} // namespace

PsqlOutput PsqlOutput::unwrap(const QString &pasted)
{
    PsqlOutput out;
    QString input = pasted;
    if (input.startsWith(QChar(0xfeff)))
        input.remove(0, 1);
    input.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    input.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList all = input.split(QLatin1Char('\n'));
    out.m_inputLines = int(all.size());

    bool aligned = false;
    bool expanded = false;
    QList<RawLine> data;
    for (int i = 0; i < all.size(); ++i) {
        const QString &line = all.at(i);
        if (line.trimmed().isEmpty())
            continue;
        if (isRecordHeader(line)) {
            expanded = aligned = true;
            continue;
        }
        if (isRule(line)) {
            aligned = true;
            continue;
        }
        if (isFooter(line) || isHeader(line))
            continue;
        data.append({line, i, 0});
    }

    // Border 2: every line is framed by the same vertical bar.
    const bool framed =
        !data.isEmpty() && std::all_of(data.begin(), data.end(), [](const RawLine &l) {
            return l.text.size() >= 2 && isFrameChar(l.text.front()) && isFrameChar(l.text.back());
        });
    if (framed) {
        aligned = true;
        for (RawLine &l : data) {
            l.text = l.text.mid(1, l.text.size() - 2);
            l.column = 1;
        }
    }

    // Expanded records: "QUERY PLAN | text".
    static const QRegularExpression expandedPrefix(QStringLiteral("^\\s*QUERY PLAN\\s*[|│┃║] ?"));
    if (expanded || (!data.isEmpty() && std::all_of(data.begin(), data.end(), [](const RawLine &l) {
            return expandedPrefix.match(l.text).hasMatch();
        }))) {
        for (RawLine &l : data) {
            const QRegularExpressionMatch m = expandedPrefix.match(l.text);
            if (m.hasMatch()) {
                l.text.remove(0, m.capturedLength());
                l.column += int(m.capturedLength());
            }
        }
        aligned = false; // no margins to read after the separator
    }

    // Aligned output with a border keeps one margin column on each side,
    // where psql puts its newline and wrap marks.
    const bool leftMargin = aligned && !data.isEmpty()
        && data.front().text.startsWith(QLatin1Char(' '))
        && std::all_of(data.begin(), data.end(), [](const RawLine &l) {
               return l.text.front() == u' ' || isWrapMark(l.text.front())
                   || isNewlineMark(l.text.front());
           });
    qsizetype width = 0;
    for (const RawLine &l : data)
        width = std::max(width, l.text.size());

    for (int i = 0; i < data.size(); ++i) {
        RawLine l = data.at(i);
        const bool continues = leftMargin && isWrapMark(l.text.front()) && !out.m_lines.isEmpty();
        if (leftMargin) {
            l.text.remove(0, 1);
            l.column += 1;
        }
        // A line wrapped by the wrapped format fills the column exactly:
        // its trailing spaces are content (the wrap fell after a space).
        const bool nextContinues =
            i + 1 < data.size() && leftMargin && isWrapMark(data.at(i + 1).text.front());
        if (aligned && l.text.size() + (leftMargin ? 1 : 0) == width && !l.text.isEmpty()) {
            const QChar last = l.text.back();
            if (last == u' ' || (isNewlineMark(last) && last != u':')
                || (isWrapMark(last) && nextContinues))
                l.text.chop(1);
        }
        while (!nextContinues && !l.text.isEmpty() && l.text.back().isSpace())
            l.text.chop(1);
        if (continues) {
            out.m_pieces.back().append({int(out.m_lines.back().size()), l.line, l.column});
            out.m_lines.back() += l.text;
        } else {
            out.m_lines.append(l.text);
            out.m_pieces.append({{0, l.line, l.column}});
        }
    }

    // A copy from a grid tool may put each line in double quotes.
    const bool quoted = !out.m_lines.isEmpty()
        && std::all_of(out.m_lines.begin(), out.m_lines.end(),
            [](const QString &s) {
                const QString t = s.trimmed();
                return t.size() >= 2 && t.front() == u'"' && t.back() == u'"';
            })
        && !out.m_lines.front().trimmed().startsWith(QLatin1String("\"Plan\""));
    if (quoted) {
        for (int i = 0; i < out.m_lines.size(); ++i) {
            QString &s = out.m_lines[i];
            const qsizetype open = s.indexOf(QLatin1Char('"'));
            s = s.mid(open + 1, s.lastIndexOf(QLatin1Char('"')) - open - 1)
                    .replace(QLatin1String("\"\""), QLatin1String("\""));
            out.m_pieces[i].front().column += int(open) + 1;
        }
    }

    // Indentation common to all lines carries no meaning.
    qsizetype indent = -1;
    for (const QString &s : std::as_const(out.m_lines)) {
        if (s.isEmpty())
            continue;
        qsizetype n = 0;
        while (n < s.size() && s.at(n) == u' ')
            ++n;
        indent = indent < 0 ? n : std::min(indent, n);
    }
    if (indent > 0) {
        for (int i = 0; i < out.m_lines.size(); ++i) {
            out.m_lines[i].remove(0, indent);
            QList<Piece> &pieces = out.m_pieces[i];
            pieces.front().column += int(indent);
            for (int p = 1; p < pieces.size(); ++p)
                pieces[p].from -= int(indent);
        }
    }
    return out;
}

const PsqlOutput::Piece &PsqlOutput::pieceAt(int line, int column) const
{
    const QList<Piece> &pieces = m_pieces.at(line);
    int index = 0;
    for (int p = 1; p < pieces.size(); ++p)
        if (pieces.at(p).from <= column)
            index = p;
    return pieces.at(index);
}

int PsqlOutput::originalLine(int line, int column) const
{
    if (m_pieces.isEmpty())
        return m_inputLines > 0 ? 1 : 0;
    if (line >= m_pieces.size())
        return m_pieces.back().back().line + 1;
    return pieceAt(line, column).line + 1;
}

int PsqlOutput::originalColumn(int line, int column) const
{
    if (m_pieces.isEmpty())
        return 0;
    if (line >= m_pieces.size()) {
        const Piece &last = m_pieces.back().back();
        return last.column + int(m_lines.back().size()) - last.from + 1;
    }
    const Piece &piece = pieceAt(line, column);
    return piece.column + (column - piece.from) + 1;
}

std::pair<int, int> PsqlOutput::originalPosition(qsizetype offset) const
{
    int line = 0;
    qsizetype start = 0;
    while (line < m_lines.size() && start + m_lines.at(line).size() < offset) {
        start += m_lines.at(line).size() + 1;
        ++line;
    }
    const int column = int(offset - start);
    return {originalLine(line, column), originalColumn(line, column)};
}

} // namespace tusk::core
