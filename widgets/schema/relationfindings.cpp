#include "relationfindings.h"

#include <algorithm>

namespace tusk::widgets {

using namespace tusk::core;

void RelationFindings::setFindings(const QList<HealthFinding> &findings)
{
    m_findings = findings;
    m_byRelation.clear();
    m_byRelation.reserve(findings.size());
    for (int i = 0; i < findings.size(); ++i) {
        if (findings.at(i).relationOid)
            m_byRelation << i;
    }
    // Stable: a relation's findings keep the checker's order (worst first).
    std::stable_sort(m_byRelation.begin(), m_byRelation.end(), [this](int a, int b) {
        return m_findings.at(a).relationOid < m_findings.at(b).relationOid;
    });
}

std::pair<const int *, const int *> RelationFindings::numbersOn(Oid relationOid) const
{
    const int *begin = m_byRelation.constData();
    const int *end = begin + m_byRelation.size();
    const int *first = std::lower_bound(begin, end, relationOid,
        [this](int f, Oid oid) { return m_findings.at(f).relationOid < oid; });
    const int *last = std::upper_bound(first, end, relationOid,
        [this](Oid oid, int f) { return oid < m_findings.at(f).relationOid; });
    return {first, last};
}

QList<HealthFinding> RelationFindings::on(Oid relationOid) const
{
    QList<HealthFinding> list;
    const auto [first, last] = numbersOn(relationOid);
    for (const int *f = first; f != last; ++f)
        list << m_findings.at(*f);
    return list;
}

int RelationFindings::worstSeverity(Oid relationOid) const
{
    int worst = -1;
    const auto [first, last] = numbersOn(relationOid);
    for (const int *f = first; f != last; ++f) {
        const Severity s = m_findings.at(*f).severity;
        if (s >= Severity::Warning)
            worst = std::max(worst, int(s));
    }
    return worst;
}

} // namespace tusk::widgets
