#include "pastemarkup.h"

#include "planlineshape.h"

#include <QRegularExpression>

#include <algorithm>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;

bool isFrameChar(QChar c)
{
    return c == u'|' || c == u'│' || c == u'║' || c == u'┃';
}

// Where a line's text ends, without trailing spaces.
qsizetype contentEnd(const QString &line)
{
    qsizetype end = line.size();
    while (end > 0 && line.at(end - 1).isSpace())
        --end;
    return end;
}

qsizetype contentStart(const QString &line)
{
    qsizetype start = 0;
    while (start < line.size() && line.at(start).isSpace())
        ++start;
    return start;
}

// A rule under a header ("-----+", "───┼"): no text in it.
bool isRule(const QString &line)
{
    int dashes = 0;
    for (QChar c : line) {
        if (c == u'-' || c == u'=' || (c.unicode() >= 0x2500 && c.unicode() <= 0x257f))
            ++dashes;
        else if (c != u'+' && !c.isSpace() && !isFrameChar(c))
            return false;
    }
    return dashes >= 3;
}

// `trim` for every non-blank line when `wears` holds for all of them; the
// lines `skip` names are left whole.
template<typename Wears, typename Trim, typename Skip>
QList<PasteMarkup::Trim> trimAll(const QStringList &lines, Wears wears, Trim trim, Skip skip)
{
    bool any = false;
    for (const QString &l : lines) {
        const qsizetype start = contentStart(l);
        if (start == l.size() || skip(l))
            continue;
        if (!wears(l, start, contentEnd(l)))
            return {};
        any = true;
    }
    if (!any)
        return {};
    QList<PasteMarkup::Trim> out;
    out.reserve(lines.size());
    for (const QString &l : lines) {
        const qsizetype start = contentStart(l);
        out.append(
            start == l.size() || skip(l) ? PasteMarkup::Trim {} : trim(l, start, contentEnd(l)));
    }
    return out;
}
// "-- Limit  (cost=…": true, and `*prefix` is where the text starts.
bool isCommentedPlanLine(const QString &line, int *prefix)
{
    const qsizetype start = contentStart(line);
    if (!QStringView(line).mid(start).startsWith(u"--"))
        return false;
    *prefix = int(start) + 2;
    return true;
}

// A node with its costs, or a "->" line: a commented line that is a plan's.
bool holdsPlanLine(const QString &uncommented)
{
    QString s = uncommented.trimmed();
    if (s.startsWith(u'"') || s.startsWith(u'\'')) // a grid's copy, commented out
        s = s.mid(1);
    if (!s.contains(u"(cost="_s) && !s.contains(u"(actual "_s) && !s.startsWith(u"->"_s))
        return false;
    return PlanLineShape::isNodeLine(s);
}

// The outermost wrapping every line wears, if any.
QList<PasteMarkup::Trim> outerTrims(const QStringList &lines)
{
    using Trim = PasteMarkup::Trim;
    const auto none = [](const QString &) { return false; };

    // A plan pasted into a .sql file as comments: "-- Limit  (cost=…".
    bool plan = false;
    QList<Trim> trims = trimAll(
        lines,
        [&plan](const QString &l, qsizetype, qsizetype) {
            int prefix = 0;
            if (!isCommentedPlanLine(l, &prefix))
                return false;
            plan = plan || holdsPlanLine(l.mid(prefix));
            return true;
        },
        [](const QString &, qsizetype start, qsizetype) {
            return Trim {int(start) + 2, 0};
        },
        none);
    if (!trims.isEmpty())
        return plan ? trims : QList<Trim> {};

    // 'Sort  (cost=…)': each line in single quotes, the ones inside left
    // as they are.
    trims = trimAll(
        lines,
        [](const QString &l, qsizetype start, qsizetype end) {
            return end - start >= 2 && l.at(start) == u'\'' && l.at(end - 1) == u'\'';
        },
        [](const QString &l, qsizetype start, qsizetype end) {
            return Trim {int(start) + 1, int(l.size() - end) + 1};
        },
        none);
    if (!trims.isEmpty())
        return trims;

    // 'Unique  (cost=…)"': a closing double quote with no opening one (an
    // odd count: a quoted name in the line comes in pairs).
    trims = trimAll(
        lines,
        [](const QString &l, qsizetype start, qsizetype end) {
            return l.at(start) != u'"' && l.at(end - 1) == u'"' && l.count(u'"') % 2 == 1;
        },
        [](const QString &l, qsizetype, qsizetype end) {
            return Trim {0, int(l.size() - end) + 1};
        },
        none);
    if (!trims.isEmpty())
        return trims;

    // DBeaver's grid: every line padded and ended by "|", its header rule
    // ended by "+". A frame on both sides is psql's, read elsewhere.
    return trimAll(
        lines,
        [](const QString &l, qsizetype start, qsizetype end) {
            // An empty row is the border alone.
            return isFrameChar(l.at(end - 1)) && (end - start == 1 || !isFrameChar(l.at(start)));
        },
        [](const QString &l, qsizetype, qsizetype end) {
            qsizetype text = end - 1;
            while (text > 0 && l.at(text - 1).isSpace())
                --text;
            return Trim {0, int(l.size() - text)};
        },
        isRule);
}
} // namespace

QList<PasteMarkup::Trim> PasteMarkup::lineTrims(const QStringList &lines)
{
    // One wrapping may be inside another: DBeaver's copy pasted as comments.
    QList<Trim> total = outerTrims(lines);
    if (total.isEmpty())
        return total;
    QStringList inner = lines;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < inner.size(); ++i) {
            const Trim &t = total.at(i);
            inner[i] = lines.at(i).mid(t.start, lines.at(i).size() - t.start - t.end);
        }
        const QList<Trim> more = outerTrims(inner);
        if (more.isEmpty())
            break;
        for (int i = 0; i < total.size(); ++i) {
            total[i].start += more.at(i).start;
            total[i].end += more.at(i).end;
        }
    }
    return total;
}

QStringList PasteMarkup::linesAsRead(const QStringList &lines, const QString &input)
{
    QStringList out = lines;
    const QList<Trim> trims = lineTrims(lines);
    for (int i = 0; i < trims.size(); ++i)
        out[i] = lines.at(i).mid(
            trims.at(i).start, lines.at(i).size() - trims.at(i).start - trims.at(i).end);
    if (trims.isEmpty() && input.contains(u"--"_s)) {
        int prefix = 0;
        for (int i = 0; i < out.size(); ++i) {
            int end = i;
            bool plan = false;
            for (; end < out.size() && isCommentedPlanLine(out.at(end), &prefix); ++end)
                plan = plan || holdsPlanLine(out.at(end).mid(prefix));
            for (int j = i; plan && j < end; ++j) {
                isCommentedPlanLine(out.at(j), &prefix);
                out[j] = out.at(j).mid(prefix);
            }
            i = std::max(i, end);
        }
    }
    if (isHtmlEscaped(input)) {
        for (QString &l : out)
            if (l.contains(u'&'))
                l = unescapeHtml(l);
    }
    return out;
}

bool PasteMarkup::isCsvQuoted(const QStringList &lines)
{
    bool quoted = false;
    bool plain = false;
    for (const QString &l : lines) {
        const qsizetype quote = l.indexOf(u'"');
        if (quote < 0) {
            plain = plain || contentStart(l) < l.size();
            continue;
        }
        const qsizetype end = contentEnd(l);
        if (quote != 0 || end < 2 || l.at(end - 1) != u'"')
            return false;
        // Inside, quotes come in doubled pairs only.
        for (qsizetype k = 1; k < end - 1; ++k) {
            if (l.at(k) != u'"')
                continue;
            if (k + 1 >= end - 1 || l.at(k + 1) != u'"')
                return false;
            ++k;
        }
        quoted = true;
    }
    return quoted && plain;
}

bool PasteMarkup::isHtmlEscaped(const QString &text)
{
    if (text.contains(u"-&gt;"_s))
        return true;
    return (text.contains(u"&lt;"_s) || text.contains(u"&gt;"_s)) && !text.contains(u'<')
        && !text.contains(u'>');
}

int PasteMarkup::entityAt(const QString &text, qsizetype at, QChar *character)
{
    if (at >= text.size() || text.at(at) != u'&')
        return 0;
    static const QList<std::pair<QString, QChar>> named {{u"&gt;"_s, u'>'}, {u"&lt;"_s, u'<'},
        {u"&amp;"_s, u'&'}, {u"&quot;"_s, u'"'}, {u"&apos;"_s, u'\''}, {u"&nbsp;"_s, u' '}};
    for (const auto &[name, c] : named) {
        if (QStringView(text).mid(at, name.size()) == name) {
            *character = c;
            return int(name.size());
        }
    }
    static const QRegularExpression numeric(u"&#(x[0-9A-Fa-f]{1,4}|\\d{1,5});"_s);
    const QRegularExpressionMatch m = numeric.match(
        text, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (!m.hasMatch())
        return 0;
    const QString number = m.captured(1);
    bool ok = false;
    const uint code =
        number.startsWith(u'x') ? number.mid(1).toUInt(&ok, 16) : number.toUInt(&ok, 10);
    if (!ok || code == 0 || code > 0xffff)
        return 0;
    *character = QChar(char16_t(code));
    return int(m.capturedLength());
}

QString PasteMarkup::unescapeHtml(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype k = 0; k < text.size(); ++k) {
        QChar c;
        const int n = entityAt(text, k, &c);
        if (n > 0) {
            out += c;
            k += n - 1;
        } else {
            out += text.at(k);
        }
    }
    return out;
}

} // namespace tusk::core
