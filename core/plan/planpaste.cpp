#include "planpaste.h"

#include "planlineshape.h"
#include "psqloutput.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;

enum class Kind { Text, Json, Yaml, Xml };

// Why a line was skipped, in the order the warning names them.
enum class Skip { Prompt, Shell, Query, Statement, Comment, Message, Log, Decoration, Note, Count };

bool isFrameChar(QChar c)
{
    return c == u'|' || c == u'│' || c == u'║' || c == u'┃';
}

// One pasted line as its plan content: tabs as spaces, without psql's
// frame, the expanded format's "QUERY PLAN |", a grid's quotes and psql's
// "+" newline mark. `indent` is where the content starts.
struct Line {
    QString content;
    int indent = 0;
};

Line lineOf(const QString &raw)
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

// Spaces up to and past `column`, then text: a line indented under the
// root, whatever else it is.
bool deeperThan(const QString &raw, int column)
{
    qsizetype i = 0;
    while (i < raw.size() && raw.at(i) == u' ')
        ++i;
    return i > column && i < raw.size();
}

bool isPsqlPrompt(const QString &raw, QString *command = nullptr)
{
    static const QRegularExpression re(u"^\\w[\\w.@:\\[\\]~/-]*[=\\-('\"*!^]{1,2}[#>](?:\\s+|$)"_s);
    const QRegularExpressionMatch m = re.match(raw);
    if (m.hasMatch() && command)
        *command = raw.mid(m.capturedLength()).trimmed();
    return m.hasMatch();
}

bool isShellPrompt(const QString &raw)
{
    static const QRegularExpression re(u"^(?:[\\w.@:~/\\[\\]-]*[$%]|#)(?:\\s+\\S.*|\\s*)$"_s);
    return re.match(raw).hasMatch();
}

bool isMessage(const QString &content)
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
bool isLogLine(const QString &content)
{
    static const QRegularExpression re(u"^\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d"_s);
    return re.match(content).hasMatch();
}

bool isComment(const QString &content)
{
    return (content.startsWith(u"--"_s) && !content.startsWith(u"->"_s))
        || content.startsWith(u"/*"_s) || content.startsWith(u"//"_s) || content.startsWith(u"# "_s)
        || content.startsWith(u"*/"_s);
}

// "DROP TABLE", "INSERT 0 3": what psql prints after a statement.
bool isCommandTag(const QString &content)
{
    static const QRegularExpression re(u"^[A-Z]+( [A-Z]+)*( \\d+){0,2}$"_s);
    return re.match(content).hasMatch();
}

// Query (what EXPLAIN was run on) or Statement by the first word; Count
// when the line is not SQL. Keywords count only in one case: "On my laptop"
// is a note, "on o.id = i.order_id" SQL.
Skip sqlKind(const QString &content)
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
        return Skip::Count;
    const QString lower = word.toLower();
    if (query.contains(lower))
        return Skip::Query;
    if (other.contains(lower))
        return Skip::Statement;
    return Skip::Count;
}

QString describe(Skip kind, int lines)
{
    const bool one = lines == 1;
    switch (kind) {
    case Skip::Prompt:
        return one ? u"a psql prompt"_s : u"psql prompts"_s;
    case Skip::Shell:
        return one ? u"a shell command"_s : u"shell commands"_s;
    case Skip::Query:
        return u"the query"_s;
    case Skip::Statement:
        return u"other statements"_s;
    case Skip::Comment:
        return one ? u"a comment"_s : u"comments"_s;
    case Skip::Message:
        return u"psql's messages"_s;
    case Skip::Log:
        return one ? u"a server log line"_s : u"server log lines"_s;
    case Skip::Decoration:
        return u"psql's header and borders"_s;
    case Skip::Note:
        return one ? u"a note"_s : u"notes"_s;
    case Skip::Count:
        break;
    }
    return {};
}

// The paste read line by line: skipped lines are tallied, plans cut out.
class Finder {
public:
    explicit Finder(const QString &text)
    {
        QString input = text;
        if (input.startsWith(QChar(0xfeff)))
            input.remove(0, 1);
        input.replace(u"\r\n"_s, u"\n"_s);
        input.replace(u'\r', u'\n');
        m_raw = input.split(u'\n');
        m_input = input;
        m_lines.resize(m_raw.size());
        m_done.resize(m_raw.size(), false);
        for (const QString &l : std::as_const(m_raw))
            m_width = std::max(m_width, int(l.size()));
    }

    QList<PlanPaste::Part> run();

private:
    const Line &line(int i)
    {
        if (!m_done.at(i)) {
            m_lines[i] = lineOf(m_raw.at(i));
            m_done[i] = true;
        }
        return m_lines.at(i);
    }
    bool isBlank(int i) { return line(i).content.isEmpty(); }
    bool isDecoration(int i)
    {
        return !isBlank(i)
            && (PsqlOutput::isDecoration(m_raw.at(i)) || PsqlOutput::isDecoration(line(i).content));
    }
    bool isFooter(int i) { return PsqlOutput::isFooter(m_raw.at(i)); }
    std::optional<Kind> startAt(int i);
    int endOfText(int start);
    int endOfJson(int start);
    int endOfYaml(int start);
    int endOfXml(int start);
    int withFooter(int last);
    void skip(int i);
    void count(Skip kind, int line);
    QStringList warnings(const QString &where);

    QString m_input; // the text as split into m_raw
    QStringList m_raw;
    QList<Line> m_lines;
    QList<bool> m_done;
    int m_width = 0;
    int m_skipCounts[int(Skip::Count)] = {};
    QList<Skip> m_skipOrder;
    QList<int> m_skippedDecoration; // line numbers, to take back above a plan
    Skip m_statement = Skip::Count; // the statement that goes on, if any
    bool m_inPrompt = false; // psql echoed it: blank lines do not end it
    int m_skippedLines = 0;
    int m_countedLine = -1;
};

std::optional<Kind> Finder::startAt(int i)
{
    const QString &c = line(i).content;
    if (c.isEmpty() || isDecoration(i) || isPsqlPrompt(m_raw.at(i)))
        return std::nullopt;
    if (c.front() == u'[' || c.front() == u'{') {
        // JSON only when a plan's key follows soon: "[ RECORD 1 ]" and
        // array literals are not plans.
        for (int j = i; j < std::min(i + 6, int(m_raw.size())); ++j)
            if (m_raw.at(j).contains(u"\"Plan\""_s) || m_raw.at(j).contains(u"\"Node Type\""_s))
                return Kind::Json;
        return std::nullopt;
    }
    if (c.startsWith(u"<explain"_s) || c.startsWith(u"<?xml"_s))
        return Kind::Xml;
    if (c == u"- Plan:"_s || c == u"Plan:"_s)
        return Kind::Yaml;
    if (c.startsWith(u"- Query Text:"_s) || c.startsWith(u"Query Text:"_s)) {
        // auto_explain's YAML starts with the query; its text format too,
        // followed by the tree instead of "Plan:".
        for (int j = i + 1; j < std::min(i + 200, int(m_raw.size())); ++j) {
            const QString &n = line(j).content;
            if (n == u"Plan:"_s)
                return Kind::Yaml;
            if (PlanLineShape::isNodeLine(n))
                return std::nullopt;
        }
        return std::nullopt;
    }
    if (isComment(c) || isMessage(c))
        return std::nullopt;
    if (PlanLineShape::isNodeLine(c))
        return Kind::Text;
    return std::nullopt;
}

int Finder::withFooter(int last)
{
    while (last + 1 < m_raw.size() && isDecoration(last + 1)) {
        ++last;
        if (isFooter(last))
            break;
    }
    return last;
}

// A plan whose end never came (a truncated paste): everything up to the
// next prompt, so the reader says where it broke.
int untilPrompt(const QStringList &raw, int start)
{
    int last = start;
    for (int j = start + 1; j < raw.size(); ++j) {
        if (isPsqlPrompt(raw.at(j)) || isShellPrompt(raw.at(j)))
            break;
        if (!raw.at(j).trimmed().isEmpty())
            last = j;
    }
    return last;
}

int Finder::endOfText(int start)
{
    const int c0 = line(start).indent;
    const int n = int(m_raw.size());
    int last = start;
    int balance = PlanLineShape::parenBalance(line(start).content);
    for (int j = start + 1; j < n; ++j) {
        if (balance <= 0 && deeperThan(m_raw.at(j), c0)) { // most of a big plan
            balance = PlanLineShape::parenBalance(m_raw.at(j));
            last = j;
            continue;
        }
        if (isBlank(j)) {
            // psql prints no blank line inside a plan, but editors and chat
            // tools add them: go on when what follows is still indented.
            int k = j + 1;
            while (k < n && isBlank(k))
                ++k;
            if (k < n && !isDecoration(k) && !isPsqlPrompt(m_raw.at(k))
                && (line(k).indent > c0 || PlanLineShape::isSummaryLine(line(k).content))) {
                j = k - 1;
                continue;
            }
            if (k < n && isFooter(k))
                return k;
            break;
        }
        if (isFooter(j))
            return j;
        if (isDecoration(j)) {
            last = j;
            continue;
        }
        const QString &raw = m_raw.at(j);
        if (isPsqlPrompt(raw) || isShellPrompt(raw))
            break;
        const Line &l = line(j);
        const bool afterFull =
            m_width >= 40 && m_raw.at(j - 1).size() >= m_width - 1 && !l.content.endsWith(u';');
        if (balance > 0) { // the line above was cut inside "(…)"
            balance += PlanLineShape::parenBalance(l.content);
        } else if (l.indent > c0 || PlanLineShape::isSummaryLine(l.content)) {
            balance = PlanLineShape::parenBalance(l.content);
        } else if (PlanLineShape::isNodeLine(l.content)) {
            break; // the next plan
        } else if (PlanLineShape::isFragment(l.content) || afterFull) {
            if (isComment(l.content) || isMessage(l.content) || isLogLine(l.content)
                || isCommandTag(l.content) || (!afterFull && sqlKind(l.content) != Skip::Count))
                break;
            balance += PlanLineShape::parenBalance(l.content);
        } else {
            break;
        }
        last = j;
    }
    return last;
}

int Finder::endOfJson(int start)
{
    const int n = int(m_raw.size());
    bool doubled = false; // a grid's copy: every quote of the JSON doubled
    for (int j = start; j < std::min(start + 6, n); ++j)
        doubled = doubled || m_raw.at(j).contains(u"\"\"Plan\"\""_s)
            || m_raw.at(j).contains(u"\"\"Node Type\"\""_s);
    int depth = 0;
    bool inString = false;
    for (int j = start; j < n; ++j) {
        const QString &s = m_raw.at(j);
        qsizetype k = 0;
        if (j == start) {
            while (k < s.size() && s.at(k) != u'[' && s.at(k) != u'{')
                ++k;
        }
        for (; k < s.size(); ++k) {
            const QChar c = s.at(k);
            const bool pair = k + 1 < s.size() && s.at(k + 1) == u'"';
            if (inString) {
                if (c == u'\\')
                    k += doubled && pair && k + 2 < s.size() && s.at(k + 2) == u'"' ? 2 : 1;
                else if (c == u'"' && (!doubled || pair)) {
                    inString = false;
                    k += doubled ? 1 : 0;
                }
                continue;
            }
            if (c == u'"') {
                if (!doubled || pair) {
                    inString = true;
                    k += doubled ? 1 : 0;
                }
            } else if (c == u'[' || c == u'{') {
                ++depth;
            } else if ((c == u']' || c == u'}') && --depth == 0) {
                return withFooter(j);
            }
        }
    }
    return untilPrompt(m_raw, start);
}

int Finder::endOfYaml(int start)
{
    static const QRegularExpression key(u"^(- )?[A-Z][\\w /()-]*:( |$)"_s);
    const int c0 = line(start).indent;
    const int n = int(m_raw.size());
    int last = start;
    for (int j = start + 1; j < n; ++j) {
        if (isBlank(j))
            continue;
        if (isFooter(j))
            return j;
        if (isDecoration(j)) {
            last = j;
            continue;
        }
        if (isPsqlPrompt(m_raw.at(j)) || isShellPrompt(m_raw.at(j)))
            break;
        const Line &l = line(j);
        if (l.indent <= c0 && !(l.indent == c0 && key.match(l.content).hasMatch()))
            break;
        last = j;
    }
    return last;
}

int Finder::endOfXml(int start)
{
    for (int j = start; j < m_raw.size(); ++j)
        if (m_raw.at(j).contains(u"</explain>"_s))
            return withFooter(j);
    return untilPrompt(m_raw, start);
}

void Finder::skip(int i)
{
    const QString &raw = m_raw.at(i);
    const QString &content = line(i).content;
    if (content.isEmpty()) {
        if (m_statement != Skip::Count && !m_inPrompt)
            m_statement = Skip::Count;
        return;
    }
    Skip kind = Skip::Note;
    QString command;
    if (isPsqlPrompt(raw, &command)) {
        count(Skip::Prompt, i);
        m_inPrompt = true;
        if (command.isEmpty() || command.startsWith(u'\\'))
            return;
        kind = sqlKind(command);
        if (kind == Skip::Count)
            kind = m_statement != Skip::Count ? m_statement : Skip::Query;
        count(kind, i);
        m_statement = command.endsWith(u';') ? Skip::Count : kind;
        return;
    }
    if (isShellPrompt(raw)) {
        kind = Skip::Shell;
        m_statement = Skip::Count;
    } else if (isDecoration(i)) {
        kind = Skip::Decoration;
        m_skippedDecoration.append(i);
    } else if (content.size() >= 2 && content.size() < 10
        && (u"QUERY PLAN"_s.startsWith(content) || u"QUERY PLAN"_s.endsWith(content))) {
        kind = Skip::Decoration; // the header, cut by a narrow terminal
    } else if (isComment(content)) {
        kind = Skip::Comment;
    } else if (content.startsWith(u"Query Text:"_s)) {
        kind = Skip::Query; // auto_explain's text format puts it above the plan
        m_statement = Skip::Count;
    } else if (isMessage(content)) {
        kind = Skip::Message;
        m_statement = Skip::Count;
    } else if (isLogLine(content)) {
        kind = Skip::Log;
        m_statement = Skip::Count;
    } else if (m_statement != Skip::Count) {
        kind = m_statement;
        if (content.endsWith(u';'))
            m_statement = Skip::Count;
    } else if (isCommandTag(content)) {
        kind = Skip::Statement;
    } else if (const Skip sql = sqlKind(content); sql != Skip::Count) {
        kind = sql;
        m_inPrompt = false;
        m_statement = content.endsWith(u';') ? Skip::Count : sql;
    }
    count(kind, i);
}

void Finder::count(Skip kind, int line)
{
    if (m_countedLine != line) {
        ++m_skippedLines;
        m_countedLine = line;
    }
    if (!m_skipOrder.contains(kind))
        m_skipOrder.append(kind);
    ++m_skipCounts[int(kind)];
}

QStringList Finder::warnings(const QString &where)
{
    QStringList names;
    for (Skip kind : std::as_const(m_skipOrder))
        if (m_skipCounts[int(kind)] > 0)
            names << describe(kind, m_skipCounts[int(kind)]);
    const int lines = m_skippedLines;
    m_skipOrder.clear();
    std::fill(std::begin(m_skipCounts), std::end(m_skipCounts), 0);
    m_skippedDecoration.clear();
    m_skippedLines = 0;
    if (lines <= 0 || names.isEmpty())
        return {};
    QString list = names.takeLast();
    if (!names.isEmpty())
        list = names.join(u", "_s) + u" and "_s + list;
    return {
        u"skipped %1 %2 %3: %4"_s.arg(lines).arg(lines == 1 ? u"line"_s : u"lines"_s, where, list)};
}

QList<PlanPaste::Part> Finder::run()
{
    QList<PlanPaste::Part> parts;
    const int n = int(m_raw.size());
    int i = 0;
    while (i < n) {
        const std::optional<Kind> kind = startAt(i);
        if (!kind) {
            skip(i);
            ++i;
            continue;
        }
        // psql's header and rules right above belong to the plan.
        int first = i;
        while (!m_skippedDecoration.isEmpty() && m_skippedDecoration.back() == first - 1) {
            m_skippedDecoration.removeLast();
            --m_skipCounts[int(Skip::Decoration)];
            --m_skippedLines;
            --first;
        }
        int last = i;
        switch (*kind) {
        case Kind::Text:
            last = endOfText(i);
            break;
        case Kind::Json:
            last = endOfJson(i);
            break;
        case Kind::Yaml:
            last = endOfYaml(i);
            break;
        case Kind::Xml:
            last = endOfXml(i);
            break;
        }
        PlanPaste::Part part;
        part.firstLine = first;
        part.lineCount = last - first + 1;
        bool rest = false; // anything but blank lines after the plan
        for (int j = last + 1; j < n && !rest; ++j)
            rest = !isBlank(j);
        // A plan that is the whole text (the usual case, and the big files)
        // is not copied line by line.
        part.text = first == 0 && !rest ? m_input : m_raw.mid(first, part.lineCount).join(u'\n');
        part.warnings = warnings(u"before the plan"_s);
        parts.append(part);
        m_statement = Skip::Count;
        m_inPrompt = false;
        i = last + 1;
    }
    if (!parts.isEmpty())
        parts.last().warnings += warnings(u"after the plan"_s);
    return parts;
}
} // namespace

QList<PlanPaste::Part> PlanPaste::find(const QString &text)
{
    return Finder(text).run();
}

} // namespace tusk::core
