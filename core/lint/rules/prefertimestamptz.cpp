#include "prefertimestamptz.h"

#include <QRegularExpression>

namespace tusk::core {

const RuleInfo &PreferTimestamptz::info() const
{
    // Not about existing data (a new table needs the right type too); has a fix.
    static const RuleInfo info {
        QStringLiteral("prefer-timestamptz"),
        Severity::Warning,
        QStringLiteral("timestamp without time zone instead of timestamptz"),
        QStringLiteral("A timestamp column drops the UTC offset of what it is given: "
                       "'2019-10-11 21:11:24+02' and '2019-10-11 21:11:24-06' are stored as the "
                       "same value although they are eight hours apart, and now() is written in "
                       "the session's time zone. Clients in different zones then disagree "
                       "silently."),
        QStringLiteral("Use timestamptz (timestamp with time zone): it stores an absolute instant "
                       "in the same 8 bytes and shows it in the session's TimeZone. Converting "
                       "an existing column later rewrites the table unless the server is "
                       "PostgreSQL 12 or later and the session TimeZone is UTC."),
        {QStringLiteral("squawk")},
        false,
        true,
    };
    return info;
}

void PreferTimestamptz::checkType(const LintInput &input, const ParsedStatement &statement,
    const DeclaredType &declared, QList<Finding> &out) const
{
    if (declared.type.name != QLatin1String("timestamp"))
        return;
    thread_local const QRegularExpression spelling(
        QStringLiteral("timestamp\\b(\\s*\\(\\s*\\d+\\s*\\))?(\\s+without\\s+time\\s+zone\\b)?"),
        QRegularExpression::CaseInsensitiveOption);
    const ByteRange written = spelled(input, statement, declared, spelling);
    Finding f = finding(input, statement,
        QStringLiteral("%1 is timestamp without time zone: use timestamptz")
            .arg(columnLabel(declared)),
        typeRange(input, statement, declared, written));
    f.relation = declared.table;
    // Not in ALTER COLUMN … TYPE: there the choice decides how existing
    // values are converted, which is no mechanical edit.
    if (written.size() > 0 && declared.where != DeclaredType::Where::AlterType) {
        QByteArray replacement = "timestamptz";
        if (!declared.type.modifiers.isEmpty())
            replacement += '(' + QByteArray::number(declared.type.modifiers.first()) + ')';
        f.fix << TextEdit {written, replacement};
    }
    out << std::move(f);
}

} // namespace tusk::core
