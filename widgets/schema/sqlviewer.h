#pragma once

#include <Qsci/qsciscintilla.h>

namespace tusk::widgets {

// Read-only SQL with PostgreSQL-ish highlighting (QScintilla's SQL lexer),
// in the application's fixed-width font, following the palette: for DDL
// and fixes shown by the browser. GUI thread.
class SqlViewer : public QsciScintilla {
    Q_OBJECT
public:
    explicit SqlViewer(QWidget *parent = nullptr);
    void setSql(const QString &sql);
};

} // namespace tusk::widgets
