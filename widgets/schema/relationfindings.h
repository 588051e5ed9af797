#pragma once

#include "core/catalog/healthfinding.h"

#include <QList>

namespace tusk::widgets {

// Health findings of one database, looked up by the relation they concern.
// The lookup is the finding numbers sorted by relation oid: 4 bytes a
// finding, where a hash of lists costs about 80 on 10,000 tables.
class RelationFindings {
public:
    void setFindings(const QList<core::HealthFinding> &findings);
    const QList<core::HealthFinding> &all() const { return m_findings; }
    // The findings on one relation (on itself, its indexes and constraints).
    QList<core::HealthFinding> on(core::Oid relationOid) const;
    // The worst severity of those, counting warnings and worse; -1: none.
    int worstSeverity(core::Oid relationOid) const;

private:
    std::pair<const int *, const int *> numbersOn(core::Oid relationOid) const;

    QList<core::HealthFinding> m_findings;
    QList<int> m_byRelation;
};

} // namespace tusk::widgets
