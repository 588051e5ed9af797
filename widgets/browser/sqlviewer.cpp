#include "sqlviewer.h"

#include <Qsci/qscilexersql.h>

#include <QFontDatabase>
#include <QPalette>

namespace tusk::widgets {

SqlViewer::SqlViewer(QWidget *parent)
    : QsciScintilla(parent)
{
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *lexer = new QsciLexerSQL(this);
    lexer->setDefaultFont(font);
    lexer->setFont(font);
    const QPalette p = palette();
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    lexer->setDefaultPaper(p.color(QPalette::Base));
    lexer->setPaper(p.color(QPalette::Base));
    lexer->setDefaultColor(p.color(QPalette::Text));
    for (int style = 0; style <= QsciLexerSQL::QuotedOperator; ++style)
        lexer->setPaper(p.color(QPalette::Base), style);
    lexer->setColor(p.color(QPalette::Text), QsciLexerSQL::Default);
    lexer->setColor(p.color(QPalette::Text), QsciLexerSQL::Identifier);
    lexer->setColor(
        dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa0), QsciLexerSQL::Keyword);
    const QColor comment = dark ? QColor(0x8c, 0x94, 0x9e) : QColor(0x6a, 0x73, 0x7d);
    lexer->setColor(comment, QsciLexerSQL::Comment);
    lexer->setColor(comment, QsciLexerSQL::CommentLine);
    const QColor literal = dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x2e, 0x7d, 0x32);
    lexer->setColor(literal, QsciLexerSQL::SingleQuotedString);
    lexer->setColor(
        dark ? QColor(0xff, 0xcc, 0x80) : QColor(0xa0, 0x52, 0x00), QsciLexerSQL::Number);
    lexer->setColor(p.color(QPalette::Text), QsciLexerSQL::DoubleQuotedString);
    setLexer(lexer);
    setReadOnly(true);
    setMarginWidth(0, 0);
    setMarginWidth(1, 0);
    setWrapMode(WrapWord);
    setCaretLineVisible(false);
    setFrameShape(QFrame::NoFrame);
}

void SqlViewer::setSql(const QString &sql)
{
    setReadOnly(false);
    setText(sql);
    setReadOnly(true);
}

} // namespace tusk::widgets
