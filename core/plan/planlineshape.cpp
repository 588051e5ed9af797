#include "planlineshape.h"

#include "textnodelabel.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;

// A label of capitalised words, as a node EXPLAIN knows not (a fork's, a
// newer server's) is still written: "Columnar Scan on t".
bool looksLikeNodeName(const QString &label)
{
    static const QRegularExpression re(u"^[A-Z][A-Za-z]*( [A-Z(][\\w()]*)*( on \\S.*)?$"_s);
    return re.match(label).hasMatch();
}
} // namespace

bool PlanLineShape::isNodeLine(const QString &content)
{
    QString s = content.trimmed();
    if (s.startsWith(u"->"_s))
        s = s.mid(2).trimmed();
    if (s.isEmpty() || !s.front().isUpper())
        return false;
    // A terminal may cut the annotation's first word too: "Sort  (cos",
    // "Sort  (".
    static const QRegularExpression annotation(
        u"\\s\\((cost=|actual |never executed)|  \\((c(o(st?)?)?|a(c(t(u(al?)?)?)?)?|n(e(v(er?)?)?)?)?$"_s);
    const QRegularExpressionMatch m = annotation.match(s);
    QJsonObject fields;
    if (m.hasMatch()) {
        const QString label = s.left(m.capturedStart()).trimmed();
        return !label.isEmpty()
            && (TextNodeLabel::read(label, &fields) || looksLikeNodeName(label));
    }
    return TextNodeLabel::read(s, &fields);
}

namespace {
struct Parens {
    int balance = 0; // opened minus closed
    int lowest = 0; // the lowest the balance went: below 0, a close before its open
};

Parens parens(const QString &content)
{
    // Parentheses inside a quoted literal ('a)b') do not count.
    Parens p;
    bool quoted = false;
    for (QChar ch : content) {
        if (ch == u'\'')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (ch == u'(')
            ++p.balance;
        else if (ch == u')')
            p.lowest = std::min(p.lowest, --p.balance);
    }
    return p;
}
} // namespace

bool PlanLineShape::isChildLine(const QString &content)
{
    static const QRegularExpression label(u"^((InitPlan|SubPlan) \\d+|CTE \\S+)( |$)"_s);
    return content.startsWith(u"->"_s) || label.match(content).hasMatch();
}

bool PlanLineShape::isSummaryLine(const QString &content)
{
    static const QRegularExpression re(
        u"^(Planning [Tt]ime|Execution [Tt]ime|Total runtime|Planning|JIT|Query "
        u"Identifier|Settings|"
        "Serialization|Buffers|I/O Timings|WAL|Memory|Functions|Options|Timing|Trigger [^:]+|"
        "Worker \\d+):( |$)"_s);
    return re.match(content.trimmed()).hasMatch();
}

bool PlanLineShape::isFragment(const QString &content)
{
    const QString s = content.trimmed();
    if (s.isEmpty())
        return false;
    const QChar c = s.front();
    if (c.isDigit() || c.isLower() || c == u'.' || c == u'…' || c == u'=' || c == u')' || c == u','
        || c == u']')
        return true;
    if (s.startsWith(u"(cost="_s) || s.startsWith(u"(actual "_s)
        || s.startsWith(u"(never executed)"_s))
        return true;
    // "Cond: (a" cut before its ")" leaves "b))" or "zone) AND (x": a close
    // before any open.
    return parens(s).lowest < 0;
}

bool PlanLineShape::startsLine(const QString &content)
{
    static const QRegularExpression detail(
        u"^(->|[A-Z][\\w/-]*( [A-Za-z][\\w/-]*)*: |(InitPlan|SubPlan) \\d|CTE \\S)"_s);
    const QString s = content.trimmed();
    return detail.match(s).hasMatch() || isSummaryLine(s) || isNodeLine(s);
}

int PlanLineShape::parenBalance(const QString &content)
{
    return parens(content).balance;
}

int PlanLineShape::indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

} // namespace tusk::core
