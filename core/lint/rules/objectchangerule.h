#pragma once

#include "core/lint/rule.h"

#include <memory>
#include <vector>

namespace tusk::core {

// Quick catalog changes that break running code by taking away or moving a
// name it uses: DROP FUNCTION / TYPE / VIEW / SCHEMA / SEQUENCE / DOMAIN /
// EXTENSION, RENAME of any object but a table, column, schema or enum
// value (those have rules of their own), and SET SCHEMA. One class for
// squawk's nine ids (ban-drop-function … renaming-object, ban-set-schema),
// each an instance with its own description; the rollout wizard reads them
// as "breaking for running code".
class ObjectChangeRule : public Rule {
public:
    enum class Change { Drop, Rename, SetSchema };
    struct Spec {
        RuleInfo info;
        Change change;
        QList<int> objectTypes; // PgQuery__ObjectType values; empty: every one not excluded
        QList<int> excludedTypes;
        QString noun; // "function"
    };

    explicit ObjectChangeRule(Spec spec)
        : m_spec(std::move(spec))
    {
    }
    static std::vector<std::unique_ptr<Rule>> createAll();

    const RuleInfo &info() const override { return m_spec.info; }
    QList<int> nodeKinds() const override;
    void checkStatement(const LintInput &input, const ParsedStatement &statement,
        QList<Finding> &out) const override;

private:
    bool covers(int objectType) const;
    Spec m_spec;
};

} // namespace tusk::core
