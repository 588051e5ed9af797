#include "banalterdomainwithaddconstraint.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

namespace {
// True when the script created the domain before `statement`: only tables
// the script built since can use it, and they are empty.
bool createdInScript(const LintInput &input, const QString &domain, int statement)
{
    for (const ParsedStatement &s : input.script.statements()) {
        if (s.index >= statement)
            break;
        if (s.node && s.node->node_case == PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT
            && NodeText::strings(
                   s.node->create_domain_stmt->domainname, s.node->create_domain_stmt->n_domainname)
                    .join(QLatin1Char('.'))
                == domain)
            return true;
    }
    return false;
}
} // namespace

const RuleInfo &BanAlterDomainWithAddConstraint::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-alter-domain-with-add-constraint"),
        Severity::Warning,
        QStringLiteral("ALTER DOMAIN … ADD CONSTRAINT checks every column of the domain in "
                       "every table"),
        QStringLiteral("Adding a constraint to a domain checks every stored value of every "
                       "column of that type, table by table, holding SHARE on each table until "
                       "the statement ends: writes to all of them wait. NOT VALID defers the "
                       "check, but ALTER DOMAIN … VALIDATE CONSTRAINT later scans all of those "
                       "columns again, one statement for every table at once."),
        QStringLiteral("Put the rule on the columns instead: ALTER TABLE t ADD CONSTRAINT … "
                       "CHECK (…) NOT VALID; then VALIDATE CONSTRAINT in a later transaction, "
                       "table by table, with reads and writes going on."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanAlterDomainWithAddConstraint::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT};
}

void BanAlterDomainWithAddConstraint::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__AlterDomainStmt *alter = statement.node->alter_domain_stmt;
    // subtype 'C' is ADD CONSTRAINT (PostgreSQL's AlterDomainStmt letters).
    if (qstrcmp(alter->subtype, "C") != 0 || !alter->def
        || alter->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
        return;
    const QString domain =
        NodeText::strings(alter->type_name, alter->n_type_name).join(QLatin1Char('.'));
    if (createdInScript(input, domain, statement.index))
        return;
    Finding f = finding(input, statement,
        QStringLiteral("ALTER DOMAIN %1 ADD CONSTRAINT checks every column of type %1 while "
                       "writes to their tables wait")
            .arg(domain),
        wordAt(input, statement, alter->def->constraint->location));
    // The lock model knows no domains: name the locks here.
    f.lock = QStringLiteral("SHARE on every table with a column of type %1: %2")
                 .arg(domain, LockModes::describeImpact(LockMode::Share));
    out << std::move(f);
}

} // namespace tusk::core
