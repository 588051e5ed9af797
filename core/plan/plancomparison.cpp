#include "plancomparison.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace tusk::core {

namespace {
QString objectOf(const PlanNode &n)
{
    if (!n.index.isEmpty())
        return n.index;
    if (!n.relation.isEmpty())
        return n.schema + QLatin1Char('.') + n.relation;
    if (!n.cteName.isEmpty())
        return QStringLiteral("cte:") + n.cteName;
    if (!n.functionName.isEmpty())
        return QStringLiteral("fn:") + n.functionName;
    return {};
}

// Scans of a table may change kind (Seq → Index → Bitmap): match them on the
// table alone.
QString tableOf(const PlanNode &n)
{
    return n.relation.isEmpty()
        ? QString()
        : n.schema + QLatin1Char('.') + n.relation + QLatin1Char(' ') + n.alias;
}
} // namespace

PlanComparison::PlanComparison(const Plan &before, const Plan &after)
    : m_before(before)
    , m_after(after)
    , m_beforePair(before.nodes.size(), -1)
    , m_afterPair(after.nodes.size(), -1)
{
    if (!before.isEmpty() && !after.isEmpty())
        match(0, 0);
    for (const PlanNode &n : before.nodes)
        if (m_beforePair.at(n.id) < 0) {
            m_beforePair[n.id] = int(m_pairs.size());
            m_pairs.append({n.id, -1, false});
        }
    for (const PlanNode &n : after.nodes)
        if (m_afterPair.at(n.id) < 0) {
            m_afterPair[n.id] = int(m_pairs.size());
            m_pairs.append({-1, n.id, false});
        }
}

int PlanComparison::similarity(const PlanNode &a, const PlanNode &b, int positionA, int positionB)
{
    if (a.isSubplanRoot() != b.isSubplanRoot())
        return 0;
    if (a.isSubplanRoot())
        return a.subplanName.section(QLatin1Char(' '), 0, 0)
                == b.subplanName.section(QLatin1Char(' '), 0, 0)
            ? 3 + (a.label() == b.label() ? 2 : 0)
            : 0;
    int score = 0;
    const QString objectA = objectOf(a);
    if (!objectA.isEmpty() && objectA == objectOf(b))
        score += 4;
    else if (!tableOf(a).isEmpty() && tableOf(a) == tableOf(b))
        score += 3;
    if (a.nodeType == b.nodeType)
        score += 2;
    if (a.label() == b.label())
        score += 1;
    if (positionA == positionB && a.parentRelationship == b.parentRelationship)
        score += 1;
    // Two different tables are never the same node.
    if (!tableOf(a).isEmpty() && !tableOf(b).isEmpty() && tableOf(a) != tableOf(b))
        return 0;
    return score;
}

void PlanComparison::match(int beforeRoot, int afterRoot)
{
    // Iterative, so that a very deep plan cannot exhaust the stack.
    QList<std::pair<int, int>> work {{beforeRoot, afterRoot}};
    while (!work.isEmpty()) {
        const auto [b, a] = work.takeLast();
        const PlanNode &nb = m_before.nodes.at(b);
        const PlanNode &na = m_after.nodes.at(a);
        // A node put above the same subtree (a Gather Merge over the Sort, a
        // Materialize, a Memoize) is an addition, not a change of every node
        // below it; likewise one taken away.
        if (nb.nodeType != na.nodeType) {
            if (na.children.size() == 1
                && m_after.nodes.at(na.children.front()).nodeType == nb.nodeType) {
                m_afterPair[a] = int(m_pairs.size());
                m_pairs.append({-1, a, false});
                work.append({b, na.children.front()});
                continue;
            }
            if (nb.children.size() == 1
                && m_before.nodes.at(nb.children.front()).nodeType == na.nodeType) {
                m_beforePair[b] = int(m_pairs.size());
                m_pairs.append({b, -1, false});
                work.append({nb.children.front(), a});
                continue;
            }
        }
        m_beforePair[b] = m_afterPair[a] = int(m_pairs.size());
        m_pairs.append({b, a, nb.label() != na.label()});

        // Ordered alignment of the two child lists maximising similarity.
        const QList<int> &cb = nb.children;
        const QList<int> &ca = na.children;
        const int n = int(cb.size());
        const int m = int(ca.size());
        QList<std::pair<int, int>> matched;
        if (qint64(n) * m > 250000) {
            // An Append over thousands of partitions: pair children by their
            // object, in order, instead of the quadratic alignment.
            QHash<QString, QList<int>> byObject;
            for (int j = m - 1; j >= 0; --j)
                byObject[objectOf(m_after.nodes.at(ca.at(j))) + m_after.nodes.at(ca.at(j)).nodeType]
                    .append(ca.at(j));
            for (int i = 0; i < n; ++i) {
                QList<int> &candidates = byObject[objectOf(m_before.nodes.at(cb.at(i)))
                    + m_before.nodes.at(cb.at(i)).nodeType];
                if (!candidates.isEmpty())
                    matched.append({cb.at(i), candidates.takeLast()});
            }
            for (auto it = matched.rbegin(); it != matched.rend(); ++it)
                work.append(*it);
            continue;
        }
        if (n == 2 && m == 2) {
            // A join whose inputs swapped sides (the planner hashes the other
            // table now) keeps both pairs: try the crossed assignment too.
            const auto score = [&](int i, int j) {
                return similarity(m_before.nodes.at(cb.at(i)), m_after.nodes.at(ca.at(j)), i, j);
            };
            if (score(0, 1) + score(1, 0) > score(0, 0) + score(1, 1)) {
                for (const auto &[i, j] : {std::pair(1, 0), std::pair(0, 1)})
                    if (score(i, j) > 0)
                        work.append({cb.at(i), ca.at(j)});
                continue;
            }
        }
        std::vector<std::vector<int>> best(n + 1, std::vector<int>(m + 1, 0));
        for (int i = n - 1; i >= 0; --i)
            for (int j = m - 1; j >= 0; --j) {
                const int s =
                    similarity(m_before.nodes.at(cb.at(i)), m_after.nodes.at(ca.at(j)), i, j);
                best[i][j] =
                    std::max({best[i + 1][j], best[i][j + 1], s > 0 ? s + best[i + 1][j + 1] : 0});
            }
        for (int i = 0, j = 0; i < n && j < m;) {
            const int s = similarity(m_before.nodes.at(cb.at(i)), m_after.nodes.at(ca.at(j)), i, j);
            if (s > 0 && best[i][j] == s + best[i + 1][j + 1]) {
                matched.append({cb.at(i), ca.at(j)});
                ++i;
                ++j;
            } else if (best[i][j] == best[i + 1][j]) {
                ++i;
            } else {
                ++j;
            }
        }
        for (auto it = matched.rbegin(); it != matched.rend(); ++it)
            work.append(*it);
    }
}

int PlanComparison::changedCount() const
{
    return int(
        std::count_if(m_pairs.begin(), m_pairs.end(), [](const Pair &p) { return p.typeChanged; }));
}

int PlanComparison::addedCount() const
{
    return int(
        std::count_if(m_pairs.begin(), m_pairs.end(), [](const Pair &p) { return p.before < 0; }));
}

int PlanComparison::removedCount() const
{
    return int(
        std::count_if(m_pairs.begin(), m_pairs.end(), [](const Pair &p) { return p.after < 0; }));
}

double PlanComparison::measureOf(const PlanNode &node) const
{
    return byCost() ? node.totalCost : node.exclusiveMs;
}

double PlanComparison::rowsOf(const PlanNode &node) const
{
    return byCost() ? node.planRows : node.totalRows;
}

double PlanComparison::totalOf(const Plan &plan) const
{
    if (!byCost())
        return plan.totalMs();
    return plan.isEmpty() ? 0 : plan.root().totalCost;
}

} // namespace tusk::core
