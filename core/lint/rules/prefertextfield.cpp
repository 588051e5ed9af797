#include "prefertextfield.h"

#include <QRegularExpression>

namespace tusk::core {

const RuleInfo &PreferTextField::info() const
{
    // Not about existing data (a new table needs the right type too); has a fix.
    static const RuleInfo info {
        QStringLiteral("prefer-text-field"),
        Severity::Info,
        QStringLiteral("varchar(n) instead of text"),
        QStringLiteral("varchar(n) stores and performs exactly like text; the limit is the only "
                       "difference, and it is the hard part to change later: raising it is "
                       "catalog-only but still takes ACCESS EXCLUSIVE on the table, and "
                       "lowering it rewrites the table under that lock, blocking reads and "
                       "writes for the whole rewrite."),
        QStringLiteral("Use text, and where the limit is a business rule a CHECK constraint: "
                       "CREATE TABLE app_user (email text CHECK (char_length(email) <= 100)). "
                       "On an existing table add the check online: ALTER TABLE app_user ADD "
                       "CONSTRAINT email_length CHECK (char_length(email) <= 100) NOT VALID; then "
                       "ALTER TABLE app_user VALIDATE CONSTRAINT email_length; in a later "
                       "transaction. Changing such a limit is a constraint swap, not a rewrite."),
        {QStringLiteral("squawk")},
        false,
        true,
    };
    return info;
}

void PreferTextField::checkType(const LintInput &input, const ParsedStatement &statement,
    const DeclaredType &declared, QList<Finding> &out) const
{
    if (declared.type.name != QLatin1String("varchar") || declared.type.modifiers.isEmpty())
        return;
    thread_local const QRegularExpression spelling(
        QStringLiteral("(?:varchar|character\\s+varying|char\\s+varying)\\s*\\(\\s*\\d+\\s*\\)"),
        QRegularExpression::CaseInsensitiveOption);
    const ByteRange written = spelled(input, statement, declared, spelling);
    Finding f = finding(input, statement,
        QStringLiteral("%1 is %2: use text (with a CHECK on its length if the limit matters)")
            .arg(columnLabel(declared), declared.type.toString()),
        typeRange(input, statement, declared, written));
    f.relation = declared.table;
    // The fix keeps the limit as a CHECK; it exists only for new tables.
    const QByteArray replacement = textWithLimit(input, statement, declared);
    if (written.size() > 0 && !replacement.isEmpty())
        f.fix << TextEdit {written, replacement};
    out << std::move(f);
}

} // namespace tusk::core
