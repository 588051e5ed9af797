#include "bancreatedomainwithconstraint.h"

#include "statementfix.h"

#include "core/lint/nodetext.h"

#include <pg_query/pg_query.pb-c.h>

namespace tusk::core {

const RuleInfo &BanCreateDomainWithConstraint::info() const
{
    static const RuleInfo info {
        QStringLiteral("ban-create-domain-with-constraint"),
        Severity::Info,
        QStringLiteral("Domain constraints are hard to change online; prefer column "
                       "constraints"),
        QStringLiteral("A CHECK or NOT NULL on a domain applies to every column of that type, "
                       "in every table. Creating it costs nothing, but changing it later does: "
                       "ALTER DOMAIN … ADD CONSTRAINT (or VALIDATE, or SET NOT NULL) checks all "
                       "those columns under SHARE locks that block writes, with no online "
                       "route, and dropping a rule means touching every table that uses it."),
        QStringLiteral("Keep the domain a plain alias (CREATE DOMAIN d AS text;) and put the "
                       "rule on each column: CHECK (…) constraints, which can be added NOT VALID "
                       "and validated online table by table."),
        {QStringLiteral("squawk")},
        false,
    };
    return info;
}

QList<int> BanCreateDomainWithConstraint::nodeKinds() const
{
    return {PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT};
}

void BanCreateDomainWithConstraint::checkStatement(
    const LintInput &input, const ParsedStatement &statement, QList<Finding> &out) const
{
    const PgQuery__CreateDomainStmt *domain = statement.node->create_domain_stmt;
    int first = -1;
    for (size_t i = 0; i < domain->n_constraints; ++i) {
        const PgQuery__Node *node = domain->constraints[i];
        if (node->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            continue;
        const auto type = node->constraint->contype;
        // DEFAULT and NULL sit in the same list but constrain nothing.
        if (type != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK
            && type != PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL)
            continue;
        if (first < 0 || node->constraint->location < first)
            first = node->constraint->location;
    }
    if (first < 0)
        return;
    const QString name =
        NodeText::strings(domain->domainname, domain->n_domainname).join(QLatin1Char('.'));
    const ByteRange range {
        wordAt(input, statement, first).begin, StatementFix::end(input, statement)};
    out << finding(input, statement,
        QStringLiteral("domain %1 carries a constraint: changing it later scans every column of "
                       "type %1")
            .arg(name),
        range);
}

} // namespace tusk::core
