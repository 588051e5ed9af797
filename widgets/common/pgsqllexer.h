#pragma once

#include <Qsci/qscilexersql.h>

#include <QByteArray>

namespace tusk::widgets {

// QScintilla's SQL lexer with PostgreSQL's words: the grammar's keyword
// list (core SqlKeywords, or the server's pg_get_keywords() once known) as
// keywords, and the words a safe migration needs (CONCURRENTLY, NOT VALID,
// VALIDATE, NOWAIT, lock_timeout …) in a style of their own, so their
// presence, or absence, shows at a glance. Oracle's SQL*Plus words and
// '#' comments are off.
class PgSqlLexer : public QsciLexerSQL {
    Q_OBJECT
public:
    explicit PgSqlLexer(QObject *parent = nullptr);

    const char *keywords(int set) const override;
    // Replaces the keyword list (lower case words); empty: the grammar's.
    void setKeywords(const QStringList &words);
    static const QByteArray &safetyWords();

private:
    QByteArray m_keywords;
};

} // namespace tusk::widgets
