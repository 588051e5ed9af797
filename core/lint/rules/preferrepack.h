#pragma once

#include "core/lint/rule.h"

namespace tusk::core {

// VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE for the
// whole copy. One check under two ids, by the target's version: from
// PostgreSQL 19 core has REPACK (CONCURRENTLY), squawk's prefer-repack
// (with a fix); before it the online way is the pg_repack / pg_squeeze
// extension, Tusk's prefer-pg-repack. Exactly one of them is active for a
// version, so squawk users see prefer-repack only where REPACK exists.
class PreferRepack : public Rule {
public:
    explicit PreferRepack(bool inCore)
        : m_inCore(inCore)
    {
    }
    const RuleInfo &info() const override;
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;

private:
    static constexpr int kRepackVersion = 190000;
    bool m_inCore;
};

} // namespace tusk::core
