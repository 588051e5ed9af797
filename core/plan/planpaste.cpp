#include "planpaste.h"

#include "pasteline.h"
#include "pastemarkup.h"
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

using PasteLine::isCommandTag;
using PasteLine::isComment;
using PasteLine::isLogLine;
using PasteLine::isMessage;
using PasteLine::isPsqlPrompt;
using PasteLine::isShellPrompt;

// Why a line was skipped, in the order the warning names them.
enum class Skip { Prompt, Shell, Query, Statement, Comment, Message, Log, Decoration, Note, Count };

using PasteLine::Line;
using PasteLine::lineOf;

// Spaces up to and past `column`, then text: a line indented under the
// root, whatever else it is.
bool deeperThan(const QString &raw, int column)
{
    qsizetype i = 0;
    while (i < raw.size() && raw.at(i) == u' ')
        ++i;
    return i > column && i < raw.size();
}

// Query (what EXPLAIN was run on) or Statement, by the first word.
Skip sqlKind(const QString &content)
{
    switch (PasteLine::sqlKind(content)) {
    case PasteLine::Sql::Query:
        return Skip::Query;
    case PasteLine::Sql::Statement:
        return Skip::Statement;
    case PasteLine::Sql::None:
        break;
    }
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
        m_original = input.split(u'\n');
        m_raw = PasteMarkup::linesAsRead(m_original, input);
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
    QStringList nodesWithoutArrow(int start, int last);
    void count(Skip kind, int line);
    QStringList warnings(const QString &where);

    QString m_input; // the text as split into m_original
    QStringList m_original;
    QStringList m_raw; // the lines as read: without what PasteMarkup finds around them
    QList<int> m_planLike; // skipped lines that look like plan nodes
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
        } else if (l.indent > c0 || PlanLineShape::isSummaryLine(l.content)
            || PlanLineShape::isChildLine(l.content)) {
            // A child at the root's column or left of it is still the
            // root's: a "->" never starts a plan of its own.
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
    static const QRegularExpression planLike(u"->\\s+[A-Z]|\\(cost=\\d"_s);
    if (kind != Skip::Prompt && kind != Skip::Query && kind != Skip::Statement
        && (m_planLike.isEmpty() || m_planLike.back() != line)
        && planLike.match(m_raw.at(line)).hasMatch())
        m_planLike.append(line);
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
    QStringList out;
    if (!m_planLike.isEmpty()) {
        // Never open fewer nodes without saying so.
        QStringList numbers;
        for (int l : std::as_const(m_planLike).first(std::min(int(m_planLike.size()), 3)))
            numbers << QString::number(l + 1);
        if (m_planLike.size() > 3)
            numbers << u"…"_s;
        const bool one = m_planLike.size() == 1;
        out << u"skipped %1 %2 that fit%3 no plan but look%3 like %4: line %5"_s.arg(
            one ? u"1 line"_s : u"%1 lines"_s.arg(m_planLike.size()), where,
            one ? u"s"_s : QString(), one ? u"a plan node"_s : u"plan nodes"_s,
            numbers.join(u", "_s));
        m_planLike.clear();
    }
    m_skipOrder.clear();
    std::fill(std::begin(m_skipCounts), std::end(m_skipCounts), 0);
    m_skippedDecoration.clear();
    m_skippedLines = 0;
    if (lines <= 0 || names.isEmpty())
        return out;
    QString list = names.takeLast();
    if (!names.isEmpty())
        list = names.join(u", "_s) + u" and "_s + list;
    out.prepend(
        u"skipped %1 %2 %3: %4"_s.arg(lines).arg(lines == 1 ? u"line"_s : u"lines"_s, where, list));
    return out;
}

// Lines inside a text plan that read as nodes but lack their "->": the
// reader keeps them as details, so the plan would show fewer nodes.
QStringList Finder::nodesWithoutArrow(int start, int last)
{
    const int c0 = line(start).indent;
    QStringList numbers;
    int found = 0;
    for (int j = start + 1; j <= last; ++j) {
        // Most lines of a big plan go here, without a copy.
        const qsizetype cost = m_raw.at(j).indexOf(u"(cost="_s);
        const QStringView before = QStringView(m_raw.at(j)).left(std::max(cost, qsizetype(0)));
        if (cost < 0 || before.trimmed().startsWith(u"->"_s))
            continue;
        const Line &l = line(j);
        if (l.indent > c0 && !l.content.startsWith(u"->"_s) && !PlanLineShape::isFragment(l.content)
            && PlanLineShape::isNodeLine(l.content) && ++found <= 3)
            numbers << QString::number(j + 1);
    }
    if (found == 0)
        return {};
    if (found > 3)
        numbers << u"…"_s;
    if (found == 1)
        return {u"line %1 reads as a plan node without its \"->\": kept as a detail of the node "
                "above"_s.arg(numbers.front())};
    return {u"%1 lines read as plan nodes without their \"->\": kept as details of the nodes "
            "above: line %2"_s.arg(found)
                .arg(numbers.join(u", "_s))};
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
        part.text =
            first == 0 && !rest ? m_input : m_original.mid(first, part.lineCount).join(u'\n');
        // A plan that starts at a child lost its root to the lines skipped
        // above it, most likely cut by a terminal beyond recognition.
        const bool orphan =
            *kind == Kind::Text && m_skippedLines > 0 && line(i).content.startsWith(u"->"_s);
        part.warnings = warnings(u"before the plan"_s);
        if (orphan)
            part.warnings << u"the plan starts at a \"->\" line (%1): its root may be in the "
                             "lines skipped above it"_s.arg(i + 1);
        if (PasteMarkup::isHtmlEscaped(part.text))
            part.warnings << u"undid HTML escaping (\"-&gt;\" read as \"->\")"_s;
        if (*kind == Kind::Text)
            part.warnings += nodesWithoutArrow(i, last);
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
