#include "psqloutput.h"

#include "pastemarkup.h"
#include "planlineshape.h"

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

bool isHeader(const QString &line)
{
    QString s = line;
    for (QChar &c : s)
        if (isFrameChar(c))
            c = u' ';
    s = s.trimmed();
    if (s.size() >= 2 && s.front() == u'"' && s.back() == u'"') // a grid's copy
        s = s.mid(1, s.size() - 2);
    return s == QLatin1String("QUERY PLAN");
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

// Tabs in the indentation to the next multiple of 8, as a terminal shows
// them (the tree is read by its columns); tabs inside a line to one space.
// `*shiftAt` is where the text after an expanded indentation starts, with
// `*originalAt` its place in the line as given; -1 when nothing moved.
QString expandTabs(const QString &text, int *shiftAt, int *originalAt)
{
    *shiftAt = -1;
    if (!text.contains(u'\t'))
        return text;
    QString lead;
    qsizetype m = 0;
    while (m < text.size() && (text.at(m) == u' ' || text.at(m) == u'\t')) {
        if (text.at(m) == u'\t')
            lead += QString(8 - lead.size() % 8, u' ');
        else
            lead += u' ';
        ++m;
    }
    if (lead.size() != m) {
        *shiftAt = int(lead.size());
        *originalAt = int(m);
    }
    return lead + text.mid(m).replace(u'\t', u' ');
}

// A structured format (JSON, XML, YAML) by its first line.
bool isStructured(const QString &firstLine)
{
    const QString t = firstLine.trimmed();
    return t.startsWith(u'[') || t.startsWith(u'{') || t.startsWith(u'<')
        || t.startsWith(QLatin1String("- ")) || t.startsWith(QLatin1String("Plan:"))
        || t.startsWith(QLatin1String("Query Text:"));
}

// Two pieces of a line a terminal broke: a space goes between them where
// the break most likely swallowed one ("rows=1" + "width=8)").
bool needsSpace(QChar before, QChar after)
{
    return ((before.isDigit() || before == u')') && (after.isLetter() || after == u'('))
        || (before.isLetter() && after == u'(');
}
} // namespace

bool PsqlOutput::isDecoration(const QString &line)
{
    return isRule(line) || isRecordHeader(line) || isFooter(line) || isHeader(line);
}

bool PsqlOutput::isFooter(const QString &line)
{
    static const QRegularExpression re(QStringLiteral("^\\s*\\(\\d+ rows?\\)\\s*$"));
    return re.match(line).hasMatch();
}

void PsqlOutput::erase(int line, qsizetype at, qsizetype count)
{
    if (count <= 0)
        return;
    m_lines[line].remove(at, count);
    QList<Piece> &pieces = m_pieces[line];
    int p = 0;
    for (int q = 1; q < pieces.size(); ++q)
        if (pieces.at(q).from <= at)
            p = q;
    const Piece piece = pieces.at(p);
    for (int q = p + 1; q < pieces.size(); ++q)
        pieces[q].from -= int(count);
    const int after = piece.column + int(at + count - piece.from);
    if (at == piece.from)
        pieces[p].column = after;
    else
        pieces.insert(p + 1, {int(at), piece.line, after});
}

// "-&gt;" to "->": the entity's first character becomes the character,
// the rest goes.
void PsqlOutput::unescapeHtml()
{
    for (int i = 0; i < m_lines.size(); ++i) {
        for (qsizetype k = m_lines.at(i).indexOf(u'&'); k >= 0;
             k = m_lines.at(i).indexOf(u'&', k + 1)) {
            QChar c;
            const int n = PasteMarkup::entityAt(m_lines.at(i), k, &c);
            if (n == 0)
                continue;
            erase(i, k + 1, n - 1);
            m_lines[i][k] = c;
        }
    }
}

// A grid's copy of one multi-line cell: a quote before the first line,
// one after the last, and every quote inside doubled.
void PsqlOutput::unquoteCell()
{
    erase(0, m_lines.front().indexOf(QLatin1Char('"')), 1);
    const int lastLine = int(m_lines.size()) - 1;
    erase(lastLine, m_lines.at(lastLine).lastIndexOf(QLatin1Char('"')), 1);
    for (int i = 0; i < m_lines.size(); ++i) {
        for (qsizetype k = m_lines.at(i).indexOf(QLatin1String("\"\"")); k >= 0;
             k = m_lines.at(i).indexOf(QLatin1String("\"\""), k + 1))
            erase(i, k, 1);
    }
}

// A terminal breaks a long line at its width; the rest goes on the next
// line at the margin. A line that cannot start anything EXPLAIN prints (a
// fragment, or any line while the one above has an open parenthesis, or a
// line at the margin after a line as wide as the widest) is the end of the
// line above.
// JSON strings hold no line breaks: a line that ends inside one was broken
// by a terminal, and goes on at the start of the next.
void PsqlOutput::joinBrokenStrings(const QStringList &input)
{
    int width = 0;
    for (const QString &l : input)
        width = std::max(width, int(l.size()));
    QStringList lines;
    QList<QList<Piece>> pieces;
    bool open = false; // the line so far ends inside a string
    for (int i = 0; i < m_lines.size(); ++i) {
        const QString &cur = m_lines.at(i);
        if (open) {
            QString &prev = lines.back();
            if (width >= 40 && input.at(pieces.back().back().line).size() == width - 1)
                prev += QLatin1Char(' '); // the copy dropped it at the end
            for (Piece piece : m_pieces.at(i)) {
                piece.from += int(prev.size());
                pieces.back().append(piece);
            }
            prev += cur;
            ++m_joined;
        } else {
            lines.append(cur);
            pieces.append(m_pieces.at(i));
        }
        for (qsizetype k = 0; k < cur.size(); ++k) {
            if (cur.at(k) == u'\\' && open)
                ++k;
            else if (cur.at(k) == u'"')
                open = !open;
        }
    }
    m_lines = std::move(lines);
    m_pieces = std::move(pieces);
}

void PsqlOutput::joinBrokenLines(const QStringList &input)
{
    int width = 0;
    for (const QString &l : input)
        width = std::max(width, int(l.size()));
    QStringList lines;
    QList<QList<Piece>> pieces;
    lines.reserve(m_lines.size());
    pieces.reserve(m_pieces.size());
    int balance = 0;
    for (int i = 0; i < m_lines.size(); ++i) {
        const QString &cur = m_lines.at(i);
        bool join = false;
        if (!lines.isEmpty()) {
            const QString &above = input.at(pieces.back().back().line);
            const bool afterFull = width >= 40 && above.size() >= width - 1 && !above.endsWith(u' ')
                && !isFrameChar(above.back());
            const bool atMargin = !cur.isEmpty() && cur.front() != u' ';
            // The cheap signs first: most lines of a big plan show none. Only
            // a plan's line is continued, never prose.
            join = (balance > 0 || PlanLineShape::isFragment(cur) || (afterFull && atMargin))
                && !PlanLineShape::startsLine(cur) && PlanLineShape::startsLine(lines.back());
            // A line one short of the width lost a space at its end in the
            // copy.
            if (join) {
                QString &prev = lines.back();
                const bool space = !prev.isEmpty() && !cur.isEmpty() && cur.front() != u' '
                    && (needsSpace(prev.back(), cur.front())
                        || (width >= 40 && above.size() == width - 1));
                if (space)
                    prev += QLatin1Char(' ');
                for (Piece piece : m_pieces.at(i)) {
                    piece.from += int(prev.size());
                    pieces.back().append(piece);
                }
                prev += cur;
                balance += PlanLineShape::parenBalance(cur);
                ++m_joined;
                continue;
            }
        }
        balance = PlanLineShape::parenBalance(cur);
        lines.append(cur);
        pieces.append(m_pieces.at(i));
    }
    m_lines = std::move(lines);
    m_pieces = std::move(pieces);
}

PsqlOutput PsqlOutput::unwrap(const QString &pasted)
{
    PsqlOutput out;
    QString input = pasted;
    if (input.startsWith(QChar(0xfeff)))
        input.remove(0, 1);
    input.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    input.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList all = input.split(QLatin1Char('\n'));
    out.m_inputLines = int(all.size());
    // What a tool put around every line ("-- ", quotes, a grid's "|") goes
    // first: psql's own decoration is inside it.
    const QList<PasteMarkup::Trim> trims = PasteMarkup::lineTrims(all);
    for (int i = 0; i < trims.size(); ++i) {
        const PasteMarkup::Trim &t = trims.at(i);
        all[i] = all.at(i).mid(t.start, all.at(i).size() - t.start - t.end);
    }

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
        if (PsqlOutput::isFooter(line) || isHeader(line))
            continue;
        data.append({line, i, trims.isEmpty() ? 0 : trims.at(i).start});
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
    // A structured plan whose author re-indented it keeps psql's "+" marks
    // in no one column: at the end of a line they are never JSON or YAML.
    const bool looseMarks = aligned && !data.isEmpty() && isStructured(data.front().text);
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
        if (looseMarks && l.text.endsWith(u'+')) {
            l.text.chop(1);
            while (!l.text.isEmpty() && l.text.back().isSpace())
                l.text.chop(1);
        }
        int shiftAt = -1;
        int originalAt = 0;
        l.text = expandTabs(l.text, &shiftAt, &originalAt);
        if (continues) {
            out.m_pieces.back().append({int(out.m_lines.back().size()), l.line, l.column});
            out.m_lines.back() += l.text;
        } else {
            out.m_lines.append(l.text);
            out.m_pieces.append({{0, l.line, l.column}});
            if (shiftAt >= 0)
                out.m_pieces.back().append({shiftAt, l.line, l.column + originalAt});
        }
    }

    if (PasteMarkup::isHtmlEscaped(input))
        out.unescapeHtml();

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
            const qsizetype close = out.m_lines.at(i).lastIndexOf(QLatin1Char('"'));
            out.erase(i, close, out.m_lines.at(i).size() - close);
            out.erase(i, 0, out.m_lines.at(i).indexOf(QLatin1Char('"')) + 1);
            for (qsizetype k = out.m_lines.at(i).indexOf(QLatin1String("\"\"")); k >= 0;
                 k = out.m_lines.at(i).indexOf(QLatin1String("\"\""), k + 1))
                out.erase(i, k, 1);
        }
    } else if (PasteMarkup::isCsvQuoted(out.m_lines)) {
        // Only the lines with a quote in them were quoted.
        for (int i = 0; i < out.m_lines.size(); ++i) {
            if (!out.m_lines.at(i).startsWith(u'"'))
                continue;
            out.erase(i, out.m_lines.at(i).size() - 1, 1);
            out.erase(i, 0, 1);
            for (qsizetype k = out.m_lines.at(i).indexOf(QLatin1String("\"\"")); k >= 0;
                 k = out.m_lines.at(i).indexOf(QLatin1String("\"\""), k + 1))
                out.erase(i, k, 1);
        }
    } else if (out.m_lines.size() > 1 && out.m_lines.front().trimmed().startsWith(u'"')
        && out.m_lines.back().trimmed().endsWith(u'"')) {
        out.unquoteCell();
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
        for (int i = 0; i < out.m_lines.size(); ++i)
            out.erase(i, 0, std::min(indent, out.m_lines.at(i).size()));
    }
    if (!out.m_lines.isEmpty() && !isStructured(out.m_lines.front()))
        out.joinBrokenLines(all);
    else if (!out.m_lines.isEmpty() && out.m_lines.front().trimmed().startsWith(u'['))
        out.joinBrokenStrings(all);
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
