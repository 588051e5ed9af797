#include "pasteline.h"

#include "planlineshape.h"

#include <QRegularExpression>
#include <QSet>

namespace tusk::core {

using namespace Qt::Literals::StringLiterals;

namespace {
bool isFrameChar(QChar c)
{
    return c == u'|' || c == u'│' || c == u'║' || c == u'┃';
}
} // namespace

PasteLine::Line PasteLine::lineOf(const QString &raw)
{
    QString s;
    if (raw.contains(u'\t')) {
        s.reserve(raw.size());
        for (QChar c : raw) {
            if (c == u'\t')
                s += QString(8 - s.size() % 8, u' ');
            else
                s += c;
        }
    } else {
        s = raw;
    }
    qsizetype end = s.size();
    while (end > 0 && s.at(end - 1).isSpace())
        --end;
    s.truncate(end);
    if (!s.isEmpty() && isFrameChar(s.front()))
        s.remove(0, 1);
    if (!s.isEmpty() && isFrameChar(s.back()))
        s.chop(1);
    if (s.contains(u"QUERY PLAN"_s)) {
        static const QRegularExpression expanded(u"^\\s*QUERY PLAN\\s*[|│┃║] ?"_s);
        const QRegularExpressionMatch m = expanded.match(s);
        if (m.hasMatch())
            s.remove(0, m.capturedLength());
    }
    const int lead = PlanLineShape::indentOf(s);
    QString t = s.trimmed();
    int indent = lead;
    if (t.startsWith(u'"')) {
        if (t.size() >= 2 && t.endsWith(u'"')) {
            t = t.mid(1, t.size() - 2);
            ++indent;
        } else if (t.size() >= 2 && (t.at(1) == u'[' || t.at(1) == u'{')) {
            t.remove(0, 1);
            ++indent;
        }
        indent += PlanLineShape::indentOf(t);
        t = t.trimmed();
    }
    if (!t.isEmpty() && (t.back() == u'+' || t.back() == u'↵')
        && (t.size() == 1 || t.at(t.size() - 2) == u' '))
        t = t.chopped(1).trimmed();
    return {t, indent};
}

bool PasteLine::isPsqlPrompt(const QString &raw, QString *command)
{
    static const QRegularExpression re(u"^\\w[\\w.@:\\[\\]~/-]*[=\\-('\"*!^]{1,2}[#>](?:\\s+|$)"_s);
    const QRegularExpressionMatch m = re.match(raw);
    if (m.hasMatch() && command)
        *command = raw.mid(m.capturedLength()).trimmed();
    return m.hasMatch();
}

bool PasteLine::isShellPrompt(const QString &raw)
{
    static const QRegularExpression re(u"^(?:[\\w.@:~/\\[\\]-]*[$%]|#)(?:\\s+\\S.*|\\s*)$"_s);
    return re.match(raw).hasMatch();
}

bool PasteLine::isMessage(const QString &content)
{
    static const QRegularExpression re(
        u"^(Timing is (on|off)\\.|Time: [\\d.,]+ ms|Expanded display is|Pager usage is|"
        "Null display is|Output format is|Border style is|Line style is|Tuples only is|"
        "psql \\(|Type \"help\"|You are now connected|SSL connection|"
        "(NOTICE|WARNING|ERROR|INFO|DETAIL|HINT|LOG|CONTEXT|STATEMENT|LINE \\d+):)"_s);
    return re.match(content).hasMatch();
}

// "2024-12-20 10:00:01.123 UTC [4242] LOG:  duration: …": auto_explain's
// plans come from the server's log.
bool PasteLine::isLogLine(const QString &content)
{
    static const QRegularExpression re(u"^\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d"_s);
    return re.match(content).hasMatch();
}

bool PasteLine::isComment(const QString &content)
{
    return (content.startsWith(u"--"_s) && !content.startsWith(u"->"_s))
        || content.startsWith(u"/*"_s) || content.startsWith(u"//"_s) || content.startsWith(u"# "_s)
        || content.startsWith(u"*/"_s);
}

// "DROP TABLE", "INSERT 0 3": what psql prints after a statement.
bool PasteLine::isCommandTag(const QString &content)
{
    static const QRegularExpression re(u"^[A-Z]+( [A-Z]+)*( \\d+){0,2}$"_s);
    return re.match(content).hasMatch();
}

// Keywords count only in one case: "On my laptop" is a note, "on o.id =
// i.order_id" SQL.
PasteLine::Sql PasteLine::sqlKind(const QString &content)
{
    static const QSet<QString> query {u"explain"_s, u"select"_s, u"with"_s, u"table"_s, u"values"_s,
        u"execute"_s, u"from"_s, u"where"_s, u"join"_s, u"left"_s, u"right"_s, u"inner"_s,
        u"full"_s, u"cross"_s, u"on"_s, u"and"_s, u"or"_s, u"group"_s, u"order"_s, u"having"_s,
        u"limit"_s, u"offset"_s, u"union"_s, u"intersect"_s, u"except"_s, u"lateral"_s, u"window"_s,
        u"fetch"_s, u"returning"_s};
    static const QSet<QString> other {u"insert"_s, u"update"_s, u"delete"_s, u"merge"_s,
        u"create"_s, u"drop"_s, u"alter"_s, u"set"_s, u"reset"_s, u"begin"_s, u"commit"_s,
        u"rollback"_s, u"start"_s, u"end"_s, u"analyze"_s, u"analyse"_s, u"vacuum"_s, u"show"_s,
        u"load"_s, u"copy"_s, u"grant"_s, u"revoke"_s, u"truncate"_s, u"call"_s, u"do"_s,
        u"prepare"_s, u"discard"_s, u"lock"_s, u"comment"_s, u"refresh"_s, u"reindex"_s,
        u"cluster"_s, u"checkpoint"_s, u"savepoint"_s, u"release"_s, u"abort"_s, u"declare"_s,
        u"listen"_s, u"notify"_s, u"deallocate"_s};
    static const QRegularExpression firstWord(u"^[A-Za-z]+"_s);
    const QString word = firstWord.match(content).captured(0);
    if (word.isEmpty() || (word != word.toLower() && word != word.toUpper()))
        return Sql::None;
    const QString lower = word.toLower();
    if (query.contains(lower))
        return Sql::Query;
    if (other.contains(lower))
        return Sql::Statement;
    return Sql::None;
}

} // namespace tusk::core
