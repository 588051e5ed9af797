#include "pgsqllexer.h"

#include "core/sql/sqlkeywords.h"

#include <QSet>

namespace tusk::widgets {

namespace {
QByteArray withoutSafetyWords(const QStringList &words)
{
    const QSet<QByteArray> safety = [] {
        const QList<QByteArray> list = PgSqlLexer::safetyWords().split(' ');
        return QSet<QByteArray>(list.cbegin(), list.cend());
    }();
    QByteArray text;
    for (const QString &word : words) {
        const QByteArray w = word.toLower().toUtf8();
        if (w.isEmpty() || safety.contains(w))
            continue;
        if (!text.isEmpty())
            text += ' ';
        text += w;
    }
    return text;
}
} // namespace

PgSqlLexer::PgSqlLexer(QObject *parent)
    : QsciLexerSQL(parent)
{
    setKeywords({});
    setFoldComments(true);
    setFoldCompact(false);
    setBackslashEscapes(false); // standard_conforming_strings: '\' is a plain character
}

const QByteArray &PgSqlLexer::safetyWords()
{
    static const QByteArray words = "concurrently valid validate nowait lock_timeout "
                                    "statement_timeout idle_in_transaction_session_timeout";
    return words;
}

void PgSqlLexer::setKeywords(const QStringList &words)
{
    if (!words.isEmpty()) {
        m_keywords = withoutSafetyWords(words);
        return;
    }
    QStringList grammar;
    for (const core::SqlKeywords::Keyword &k : core::SqlKeywords::all())
        grammar << k.word;
    m_keywords = withoutSafetyWords(grammar);
}

const char *PgSqlLexer::keywords(int set) const
{
    switch (set) {
    case 1:
        return m_keywords.constData();
    case 5:
        return safetyWords().constData();
    default:
        return nullptr; // no SQL*Plus or Oracle object words
    }
}

} // namespace tusk::widgets
