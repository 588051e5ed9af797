#include "preferjsonb.h"

#include <QRegularExpression>

namespace tusk::core {

const RuleInfo &PreferJsonb::info() const
{
    // Not about existing data (a new table needs the right type too); has a fix.
    static const RuleInfo info {
        QStringLiteral("prefer-jsonb"),
        Severity::Warning,
        QStringLiteral("json instead of jsonb"),
        QStringLiteral("json has no equality operator: once a table has a json column, existing "
                       "queries that compare whole rows, such as SELECT DISTINCT *, UNION or "
                       "GROUP BY over it, fail with \"could not identify an equality operator "
                       "for type json\". json is also reparsed on every access and cannot be "
                       "indexed with GIN."),
        QStringLiteral("Use jsonb. It drops duplicate keys, key order and whitespace, which only "
                       "matters when the exact text must be kept (then store it as text)."),
        {QStringLiteral("strong_migrations"), QStringLiteral("eugene")},
        false,
        true,
    };
    return info;
}

void PreferJsonb::checkType(const LintInput &input, const ParsedStatement &statement,
    const DeclaredType &declared, QList<Finding> &out) const
{
    if (declared.type.name != QLatin1String("json"))
        return;
    thread_local const QRegularExpression spelling(
        QStringLiteral("json\\b"), QRegularExpression::CaseInsensitiveOption);
    const ByteRange written = spelled(input, statement, declared, spelling);
    Finding f = finding(input, statement,
        QStringLiteral("%1 is json, which has no equality operator: use jsonb")
            .arg(columnLabel(declared)),
        typeRange(input, statement, declared, written));
    f.relation = declared.table;
    if (written.size() > 0 && declared.where != DeclaredType::Where::AlterType)
        f.fix << TextEdit {written, "jsonb"};
    out << std::move(f);
}

} // namespace tusk::core
