#include "bancharfield.h"

#include <QRegularExpression>

namespace tusk::core {

const RuleInfo &BanCharField::info() const
{
    // Not about existing data (a new table needs the right type too); has a fix.
    static const RuleInfo info {
        QStringLiteral("ban-char-field"),
        Severity::Info,
        QStringLiteral("char(n) / character(n) instead of text"),
        QStringLiteral("character(n) pads every value with blanks to n characters, stores the "
                       "padding, and ignores trailing blanks in comparisons but not in LIKE or "
                       "regular expressions. PostgreSQL's documentation says it is usually the "
                       "slowest of the three string types; a bare `char` is character(1), rarely "
                       "what was meant."),
        QStringLiteral("Use text (with CHECK (char_length(code) <= n) where the limit is a rule), "
                       "or varchar(n)."),
        {QStringLiteral("squawk")},
        false,
        true,
    };
    return info;
}

void BanCharField::checkType(const LintInput &input, const ParsedStatement &statement,
    const DeclaredType &declared, QList<Finding> &out) const
{
    // The keywords char/character come out as pg_catalog.bpchar; an
    // unqualified "char" is the quoted one-byte internal type, not this.
    const bool isCharacter = declared.parserName == QLatin1String("bpchar");
    if (!isCharacter)
        return;
    thread_local const QRegularExpression spelling(
        QStringLiteral(
            "(?:national\\s+)?(?:character|char|bpchar|nchar)\\b(?:\\s*\\(\\s*\\d+\\s*\\))?"),
        QRegularExpression::CaseInsensitiveOption);
    const ByteRange written = spelled(input, statement, declared, spelling);
    Finding f = finding(input, statement,
        QStringLiteral("%1 is %2, blank-padded: use text")
            .arg(columnLabel(declared),
                declared.type.modifiers.isEmpty()
                    ? QStringLiteral("bpchar")
                    : QStringLiteral("character(%1)").arg(declared.type.modifiers.first())),
        typeRange(input, statement, declared, written));
    f.relation = declared.table;
    const QByteArray replacement = textWithLimit(input, statement, declared);
    if (written.size() > 0 && !replacement.isEmpty())
        f.fix << TextEdit {written, replacement};
    out << std::move(f);
}

} // namespace tusk::core
