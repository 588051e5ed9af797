#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// The plan text inside whatever psql (or a paste from another tool) wrapped
// around it: the "QUERY PLAN" header and its rule, "(N rows)", the borders of
// every \pset border and linestyle, the "+"/"↵" newline marks, the "."/"…"
// wrap marks of the wrapped format, expanded (\x) records, double quotes
// from a spreadsheet-style copy (every line, one cell, or CSV's quoted lines
// only), and what PasteMarkup finds around every line ("-- ", quotes,
// DBeaver's "|") or inside it (HTML entities). What is left are the plan's
// own lines, each knowing where it came from so that errors point into the
// original text.
class PsqlOutput {
public:
    static PsqlOutput unwrap(const QString &pasted);

    // psql's own lines around a result: a rule or border, the "QUERY PLAN"
    // header, an expanded record's header, the "(N rows)" footer.
    static bool isDecoration(const QString &line);
    static bool isFooter(const QString &line);

    const QStringList &lines() const { return m_lines; }
    // Lines of a text plan, or inside a JSON string, that a terminal had
    // broken and unwrap() joined.
    int joinedLines() const { return m_joined; }
    QString text() const { return m_lines.join(QLatin1Char('\n')); }

    // 1-based line and column in the original text of the character at
    // (0-based) `column` of (0-based) `line` of lines().
    int originalLine(int line, int column) const;
    int originalColumn(int line, int column) const;
    // The same for a character offset into text().
    std::pair<int, int> originalPosition(qsizetype offset) const;

private:
    struct Piece { // a stretch of one logical line copied from the input
        int from = 0; // column in the logical line where the piece starts
        int line = 0; // 0-based input line
        int column = 0; // 0-based input column of the piece's first character
    };
    const Piece &pieceAt(int line, int column) const;
    // Removes `count` characters of a logical line, keeping the positions
    // of the rest.
    void erase(int line, qsizetype at, qsizetype count);
    void unquoteCell();
    void unescapeHtml();
    void joinBrokenLines(const QStringList &input);
    void joinBrokenStrings(const QStringList &input);

    QStringList m_lines;
    QList<QList<Piece>> m_pieces; // per logical line, in order
    int m_inputLines = 0;
    int m_joined = 0;
};

} // namespace tusk::core
