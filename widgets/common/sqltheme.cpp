#include "sqltheme.h"

#include "severitystyle.h"

#include <Qsci/qscilexersql.h>

#include <QFont>
#include <QPalette>

namespace tusk::widgets {

SqlTheme::SqlTheme(const QPalette &palette)
    : m_dark(palette.color(QPalette::Base).lightness() < 128)
    , m_base(palette.color(QPalette::Base))
    , m_text(palette.color(QPalette::Text))
{
}

QColor SqlTheme::keyword() const
{
    return m_dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa0);
}
QColor SqlTheme::safetyWord() const
{
    return m_dark ? QColor(0x80, 0xde, 0xea) : QColor(0x00, 0x6d, 0x77);
}
QColor SqlTheme::comment() const
{
    return m_dark ? QColor(0x8c, 0x94, 0x9e) : QColor(0x6a, 0x73, 0x7d);
}
QColor SqlTheme::literal() const
{
    return m_dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x2e, 0x7d, 0x32);
}
QColor SqlTheme::number() const
{
    return m_dark ? QColor(0xff, 0xcc, 0x80) : QColor(0xa0, 0x52, 0x00);
}
QColor SqlTheme::error() const
{
    return SeverityStyle::colour(core::Severity::Error, m_dark);
}
QColor SqlTheme::warning() const
{
    return SeverityStyle::colour(core::Severity::Warning, m_dark);
}
QColor SqlTheme::info() const
{
    return SeverityStyle::colour(core::Severity::Info, m_dark);
}
QColor SqlTheme::currentLine() const
{
    return m_dark ? m_base.lighter(125) : m_base.darker(104);
}

void SqlTheme::apply(QsciLexerSQL *lexer, const QFont &font) const
{
    lexer->setDefaultFont(font);
    lexer->setFont(font);
    lexer->setDefaultPaper(m_base);
    lexer->setPaper(m_base);
    lexer->setDefaultColor(m_text);
    for (int style = 0; style <= QsciLexerSQL::QuotedOperator; ++style) {
        lexer->setPaper(m_base, style);
        lexer->setColor(m_text, style);
    }
    lexer->setColor(keyword(), QsciLexerSQL::Keyword);
    lexer->setColor(safetyWord(), QsciLexerSQL::KeywordSet5);
    QFont bold = font;
    bold.setBold(true);
    lexer->setFont(bold, QsciLexerSQL::KeywordSet5);
    lexer->setColor(comment(), QsciLexerSQL::Comment);
    lexer->setColor(comment(), QsciLexerSQL::CommentLine);
    lexer->setColor(comment(), QsciLexerSQL::CommentDoc);
    lexer->setColor(comment(), QsciLexerSQL::CommentLineHash);
    lexer->setColor(literal(), QsciLexerSQL::SingleQuotedString);
    lexer->setColor(number(), QsciLexerSQL::Number);
}

} // namespace tusk::widgets
