#include "backfillsetclause.h"

#include <QRegularExpression>

namespace tusk::core {

namespace {

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Where the token that starts at `i` ends (one past), for the tokens a
// comma or parenthesis inside must not count in: strings, quoted names,
// dollar quotes and comments. Returns `i` when none starts there.
qsizetype skipQuoted(const QString &s, qsizetype i)
{
    const qsizetype n = s.size();
    const QChar c = s.at(i);
    const bool wordBefore = i > 0 && isIdentChar(s.at(i - 1));
    if (c == u'\'' || c == u'"') {
        // E'…' strings take backslash escapes.
        const bool backslashes = c == u'\'' && i > 0 && s.at(i - 1).toLower() == u'e'
            && (i < 2 || !isIdentChar(s.at(i - 2)));
        for (qsizetype j = i + 1; j < n; ++j) {
            if (backslashes && s.at(j) == u'\\') {
                ++j;
            } else if (s.at(j) == c) {
                if (j + 1 < n && s.at(j + 1) == c)
                    ++j; // doubled: part of the text
                else
                    return j + 1;
            }
        }
        return n;
    }
    if (c == u'$' && !wordBefore) {
        static const QRegularExpression tag(QStringLiteral("\\G\\$([A-Za-z_][A-Za-z0-9_]*)?\\$"));
        const QRegularExpressionMatch m = tag.match(s, i);
        if (!m.hasMatch())
            return i;
        const qsizetype close = s.indexOf(m.captured(0), i + m.capturedLength());
        return close < 0 ? n : close + m.capturedLength();
    }
    if (c == u'-' && i + 1 < n && s.at(i + 1) == u'-') {
        const qsizetype end = s.indexOf(u'\n', i);
        return end < 0 ? n : end + 1;
    }
    if (c == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
        const qsizetype end = s.indexOf(QStringLiteral("*/"), i + 2);
        return end < 0 ? n : end + 2;
    }
    return i;
}

// `text` cut at the commas outside parentheses, brackets and quotes.
QStringList splitTopLevel(const QString &text)
{
    QStringList parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype skipped = skipQuoted(text, i);
        if (skipped != i) {
            i = skipped;
            continue;
        }
        const QChar c = text.at(i);
        if (c == u'(' || c == u'[')
            ++depth;
        else if (c == u')' || c == u']')
            --depth;
        else if (c == u',' && depth == 0) {
            parts.append(text.mid(start, i - start));
            start = i + 1;
        }
        ++i;
    }
    parts.append(text.mid(start));
    return parts;
}

} // namespace

QString BackfillSetClause::catalogName(const QString &written)
{
    if (written.startsWith(u'"'))
        return written.mid(1, written.size() - 2)
            .replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return written.toLower();
}

QList<BackfillSetClause::Assignment> BackfillSetClause::parse(const QString &set)
{
    static const QRegularExpression piece(
        QStringLiteral(
            "^\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s*=(?![=>])\\s*(.*\\S)\\s*$"),
        QRegularExpression::DotMatchesEverythingOption);
    QList<Assignment> result;
    if (set.trimmed().isEmpty())
        return result;
    for (const QString &part : splitTopLevel(set)) {
        const QRegularExpressionMatch m = piece.match(part);
        if (!m.hasMatch())
            return {};
        result.append({m.captured(1), catalogName(m.captured(1)), m.captured(2)});
    }
    return result;
}

} // namespace tusk::core
