#include "sqlviewer.h"

#include "widgets/common/pgsqllexer.h"
#include "widgets/common/sqltheme.h"

#include <QFontDatabase>

namespace tusk::widgets {

SqlViewer::SqlViewer(QWidget *parent)
    : QsciScintilla(parent)
{
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *lexer = new PgSqlLexer(this);
    SqlTheme(palette()).apply(lexer, font);
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
