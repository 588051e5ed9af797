#pragma once

#include <QColor>

class QFont;
class QPalette;
class QsciLexerSQL;

namespace tusk::widgets {

// The colours of SQL text, light or dark after the palette's base colour:
// one look for the editor and every read-only SQL view (DDL, fixes).
class SqlTheme {
public:
    explicit SqlTheme(const QPalette &palette);

    bool isDark() const { return m_dark; }
    // Paints `lexer` in this theme with `font` for every style.
    void apply(QsciLexerSQL *lexer, const QFont &font) const;

    QColor keyword() const;
    QColor safetyWord() const; // CONCURRENTLY, VALID, NOWAIT …: the words a safe migration needs
    QColor comment() const;
    QColor literal() const;
    QColor number() const;
    // Lint marks by severity.
    QColor error() const;
    QColor warning() const;
    QColor info() const;
    QColor currentLine() const;

private:
    bool m_dark = false;
    QColor m_base;
    QColor m_text;
};

} // namespace tusk::widgets
