#include "planinsight.h"

#include "plan.h"
#include "planvalue.h"

#include <algorithm>
#include <cmath>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;
using Kind = PlanInsight::Kind;

constexpr double misestimateFactor = 10;
constexpr double filterShare = 0.9;
constexpr double filterMinimumRows = 1000; // removed over all loops; less is noise
constexpr double nestedLoopMinimumLoops = 100;
constexpr double slowNodeMinimumMs = 1; // a slow node below this is only Info
constexpr double criticalNodeMinimumMs = 10;

PlanInsight insightAt(Kind kind, Severity severity, int node)
{
    PlanInsight insight;
    insight.kind = kind;
    insight.severity = severity;
    insight.node = node;
    return insight;
}

bool isScan(const PlanNode &n)
{
    return n.nodeType.endsWith(u" Scan"_s) && n.nodeType != u"Bitmap Index Scan"_s;
}

// Nodes where fewer rows than estimated is expected, because a parent stops
// reading early: under a Limit, or on the inner side of a semi or anti join.
bool stopsEarly(const Plan &plan, const PlanNode &node)
{
    int child = node.id;
    for (int id = node.parent; id >= 0; child = id, id = plan.nodes.at(id).parent) {
        const PlanNode &p = plan.nodes.at(id);
        if (p.nodeType == u"Limit"_s)
            return true;
        if ((p.joinType == u"Semi"_s || p.joinType == u"Anti"_s) && p.children.size() > 1
            && p.children.at(1) == child)
            return true;
        if (p.nodeType.endsWith(u"Join"_s) || p.nodeType == u"Nested Loop"_s
            || p.nodeType == u"Aggregate"_s || p.nodeType == u"Sort"_s || p.nodeType == u"Hash"_s)
            return false;
    }
    return false;
}

bool isMisestimate(const Plan &plan, const PlanNode &n)
{
    return n.hasActual && !n.neverExecuted && n.hasCosts && n.misestimate >= misestimateFactor
        && std::max(n.actualRows, n.planRows) >= 10
        && !(n.misestimateDirection < 0 && stopsEarly(plan, n));
}

// A misestimate is reported where it starts: a node whose children's
// estimates were good (or wrong the other way). The nodes above inherit it.
bool isMisestimateOrigin(const Plan &plan, const PlanNode &n)
{
    if (!isMisestimate(plan, n))
        return false;
    for (int c : n.children) {
        const PlanNode &child = plan.nodes.at(c);
        if (!child.isSubplanRoot() && isMisestimate(plan, child)
            && child.misestimateDirection == n.misestimateDirection)
            return false;
    }
    return true;
}

int propagatedAbove(const Plan &plan, const PlanNode &n)
{
    int count = 0;
    for (int id = n.parent, child = n.id; id >= 0; child = id, id = plan.nodes.at(id).parent) {
        const PlanNode &p = plan.nodes.at(id);
        if (plan.nodes.at(child).isSubplanRoot() || !isMisestimate(plan, p)
            || p.misestimateDirection != n.misestimateDirection)
            break;
        ++count;
    }
    return count;
}

QString relationName(const PlanNode &n)
{
    if (n.relation.isEmpty())
        return n.alias;
    return n.schema.isEmpty() ? n.relation : n.schema + u'.' + n.relation;
}

// Rough memory for an in-memory sort or hash: twice what went to disk.
QString workMemHint(double kilobytes)
{
    const double mb = std::max(4.0, std::ceil(kilobytes * 2 / 1024));
    return u"raising work_mem to about %1 MB for this query (SET LOCAL work_mem) would keep it in memory"_s
        .arg(mb);
}

void addSlowNodes(const Plan &plan, int count, QList<PlanInsight> *out)
{
    if (!plan.hasTiming())
        return;
    QList<const PlanNode *> nodes;
    for (const PlanNode &n : plan.nodes)
        if (n.exclusivePercent >= 5)
            nodes << &n;
    std::sort(nodes.begin(), nodes.end(),
        [](auto *a, auto *b) { return a->exclusiveMs > b->exclusiveMs; });
    for (int i = 0; i < std::min<int>(count, nodes.size()); ++i) {
        const PlanNode &n = *nodes.at(i);
        // The share says where the time goes; the time says whether it
        // matters: half of a 0.4 ms query is nothing to be alarmed about.
        const Severity severity = n.exclusiveMs < slowNodeMinimumMs ? Severity::Info
            : n.exclusivePercent >= 50 && n.exclusiveMs >= criticalNodeMinimumMs
            ? Severity::Error
            : Severity::Warning;
        PlanInsight insight = insightAt(Kind::SlowNode, severity, n.id);
        insight.title = u"%1 spends %2 (%3 % of the time) in itself"_s
                            .arg(n.title(), planTimeText(n.exclusiveMs))
                            .arg(n.exclusivePercent, 0, 'f', 1);
        insight.detail =
            u"Its own time, children excluded, over %1 loop(s)"_s.arg(planCountText(n.actualLoops));
        if (n.processes > 1)
            insight.detail += u", shared by %1 parallel processes"_s.arg(n.processes);
        insight.detail += u'.';
        insight.impactMs = n.exclusiveMs;
        out->append(insight);
    }
}

void addNodeInsights(const Plan &plan, const PlanNode &n, QList<PlanInsight> *out)
{
    if (!n.hasActual || n.neverExecuted)
        return;
    // Misestimates.
    if (isMisestimateOrigin(plan, n)) {
        PlanInsight i = insightAt(
            Kind::Misestimate, n.misestimate >= 1000 ? Severity::Error : Severity::Warning, n.id);
        const bool under = n.misestimateDirection > 0;
        i.title =
            u"%1: %2 rows expected, %3 found (%4× %5)"_s.arg(n.title(), planCountText(n.planRows),
                planCountText(n.actualRows), QString::number(n.misestimate, 'f', 0),
                under ? u"under-estimate"_s : u"over-estimate"_s);
        i.detail = under
            ? u"The planner expected far fewer rows, so the joins and memory above were chosen for a small input. "_s
            : u"The planner expected far more rows than came. "_s;
        const int above = propagatedAbove(plan, n);
        if (above > 0)
            i.detail += u"The error carries into the %1 node(s) above it. "_s.arg(above);
        i.detail +=
            u"Fresh statistics (ANALYZE), a larger statistics target on the filtered columns, or extended statistics (CREATE STATISTICS) for correlated columns help it estimate."_s;
        i.impactMs = n.inclusiveMs;
        out->append(i);
    }
    // Filters that throw away most of what was read.
    const double removed = n.rowsRemovedByFilter;
    if (isScan(n) && removed * n.actualLoops >= filterMinimumRows
        && removed / (removed + n.actualRows) >= filterShare) {
        const QString &filter = n.filter;
        const QStringList columns = PlanInsights::filterColumns(filter);
        PlanInsight i = insightAt(Kind::FilterRemovesRows, Severity::Warning, n.id);
        i.title = u"%1 reads %2 rows to keep %3 (%4 % removed by the filter)"_s
                      .arg(n.title(), planCountText((removed + n.actualRows) * n.actualLoops),
                          planCountText(n.totalRows))
                      .arg(100 * removed / (removed + n.actualRows), 0, 'f', 1);
        i.detail = u"Filter: %1. "_s.arg(filter);
        if (!columns.isEmpty() && !n.relation.isEmpty())
            i.detail +=
                u"An index could find the rows directly: CREATE INDEX CONCURRENTLY ON %1 (%2);"_s
                    .arg(relationName(n), columns.join(u", "_s));
        else
            i.detail += u"An index on the filtered columns could find the rows directly."_s;
        i.impactMs = n.exclusiveMs;
        out->append(i);
    }
    // Spills to disk.
    if (n.spills()) {
        PlanInsight i = insightAt(Kind::Spill, Severity::Warning, n.id);
        if (n.sortSpaceType == u"Disk"_s) {
            i.title = u"%1 sorted on disk (%2, %3 kB)"_s.arg(n.title(), n.sortMethod)
                          .arg(n.sortSpaceKb, 0, 'f', 0);
            i.detail = u"The sort did not fit in work_mem; "_s + workMemHint(n.sortSpaceKb) + u'.';
        } else if (n.hashBatches > 1 || n.originalHashBatches > 1) {
            i.title =
                u"%1 split into %2 batches on disk"_s.arg(n.title()).arg(n.hashBatches, 0, 'f', 0);
            i.detail = u"The hash table did not fit in work_mem × hash_mem_multiplier; "_s
                + workMemHint(n.peakMemoryKb * std::max(n.hashBatches, 1.0)) + u'.';
        } else {
            i.title = u"%1 spilled to disk (%2 batches, %3 kB)"_s.arg(n.title())
                          .arg(n.hashAggBatches, 0, 'f', 0)
                          .arg(n.diskUsageKb, 0, 'f', 0);
            i.detail =
                u"The aggregate's hash table did not fit in work_mem × hash_mem_multiplier; "_s
                + workMemHint(n.diskUsageKb) + u'.';
        }
        i.impactMs = n.exclusiveMs;
        out->append(i);
    }
    // A Seq Scan repeated by a nested loop.
    if (n.nodeType == u"Seq Scan"_s && n.actualLoops >= nestedLoopMinimumLoops) {
        for (int id = n.parent; id >= 0; id = plan.nodes.at(id).parent) {
            const PlanNode &p = plan.nodes.at(id);
            if (p.nodeType != u"Nested Loop"_s)
                continue;
            PlanInsight i = insightAt(Kind::NestedLoopSeqScan, Severity::Error, n.id);
            i.title = u"%1 runs %2 times inside a nested loop"_s.arg(
                n.title(), planCountText(n.actualLoops));
            i.detail =
                u"Each outer row scans the whole table again. An index on the join columns lets the loop look rows up; with many outer rows a hash join is cheaper."_s;
            i.impactMs = n.inclusiveMs;
            out->append(i);
            break;
        }
    }
    // Lossy bitmaps.
    if (n.lossyHeapBlocks > 0) {
        PlanInsight i = insightAt(Kind::LossyBitmap, Severity::Warning, n.id);
        i.title = u"%1 went lossy on %2 of %3 heap blocks"_s.arg(n.title(),
            planCountText(n.lossyHeapBlocks), planCountText(n.lossyHeapBlocks + n.exactHeapBlocks));
        i.detail =
            u"The bitmap did not fit in work_mem, so whole pages were rechecked (%1 rows removed by the recheck). Raising work_mem keeps it exact."_s
                .arg(planCountText(n.rowsRemovedByIndexRecheck * n.actualLoops));
        i.impactMs = n.exclusiveMs;
        out->append(i);
    }
    // Parallel workers that did not start.
    if (n.workersPlanned > 0 && n.workersLaunched >= 0 && n.workersLaunched < n.workersPlanned) {
        PlanInsight i = insightAt(Kind::WorkersNotLaunched, Severity::Warning, n.id);
        i.title = u"%1 launched %2 of %3 planned workers"_s.arg(n.title())
                      .arg(n.workersLaunched)
                      .arg(n.workersPlanned);
        i.detail =
            u"The server had no free background workers; max_parallel_workers and max_worker_processes cap them across all sessions."_s;
        i.impactMs = n.inclusiveMs;
        out->append(i);
    }
    // Index-only scans that visit the heap.
    if (n.nodeType == u"Index Only Scan"_s && n.heapFetches > 0
        && n.heapFetches >= 0.1 * std::max(n.actualRows, 1.0)) {
        PlanInsight i = insightAt(Kind::HeapFetches, Severity::Info, n.id);
        i.title = u"%1 fetched %2 rows from the heap"_s.arg(
            n.title(), planCountText(n.heapFetches * n.actualLoops));
        i.detail =
            u"Pages not marked all-visible must be read from the table. VACUUM %1 updates the visibility map."_s
                .arg(relationName(n));
        i.impactMs = n.exclusiveMs;
        out->append(i);
    }
}
} // namespace

QString PlanInsight::kindName(Kind kind)
{
    switch (kind) {
    case Kind::SlowNode:
        return u"slow-node"_s;
    case Kind::Misestimate:
        return u"misestimate"_s;
    case Kind::FilterRemovesRows:
        return u"filter-removes-rows"_s;
    case Kind::Spill:
        return u"spill-to-disk"_s;
    case Kind::NestedLoopSeqScan:
        return u"nested-loop-seq-scan"_s;
    case Kind::LossyBitmap:
        return u"lossy-bitmap"_s;
    case Kind::WorkersNotLaunched:
        return u"workers-not-launched"_s;
    case Kind::HeapFetches:
        return u"heap-fetches"_s;
    }
    return {};
}

QString PlanInsight::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Error:
        return u"critical"_s;
    }
    return {};
}

namespace {

// Reads a Filter or Index Cond the way PostgreSQL deparses it: names bare or
// double-quoted ("a""b"), string literals in single quotes. A quoted name
// may hold anything, a comparison or a quote included, so the text is walked
// token by token rather than matched with a pattern.
class FilterScanner {
public:
    explicit FilterScanner(const QString &text)
        : m_text(text)
    {
    }

    QStringList columns()
    {
        QStringList equality;
        QStringList other;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at);
            if (c == u'\'') {
                skipQuoted(u'\'');
            } else if (m_text.mid(m_at, 2) == u"::"_s) {
                m_at = pastType(m_at + 2); // a type, never a column
            } else if (c == u'"' || startsBareName()) {
                const QString column = readNameChain();
                if (column.isEmpty())
                    continue;
                const QString op = comparisonAfterCast();
                if (op.isEmpty())
                    continue;
                QStringList &list = op == u"="_s || op == u"= ANY"_s ? equality : other;
                if (!equality.contains(column) && !other.contains(column))
                    list << column;
            } else {
                ++m_at;
            }
        }
        return equality + other;
    }

private:
    bool startsBareName() const
    {
        const QChar c = m_text.at(m_at);
        return c.isLetter() || c == u'_';
    }

    // Past the closing quote; a doubled quote is one quote of the text.
    QString skipQuoted(QChar quote)
    {
        QString out;
        ++m_at;
        while (m_at < m_text.size()) {
            const QChar c = m_text.at(m_at++);
            if (c != quote) {
                out += c;
            } else if (m_at < m_text.size() && m_text.at(m_at) == quote) {
                out += quote;
                ++m_at;
            } else {
                break;
            }
        }
        return out;
    }

    // One name, as the catalog spells it.
    QString readName(bool *keyword)
    {
        *keyword = false;
        if (m_text.at(m_at) == u'"')
            return skipQuoted(u'"');
        const qsizetype start = m_at;
        while (m_at < m_text.size()
            && (m_text.at(m_at).isLetterOrNumber() || m_text.at(m_at) == u'_'
                || m_text.at(m_at) == u'$'))
            ++m_at;
        const QString word = m_text.mid(start, m_at - start);
        static const QStringList keywords {u"AND"_s, u"OR"_s, u"NOT"_s, u"ANY"_s, u"ALL"_s, u"IS"_s,
            u"NULL"_s, u"TRUE"_s, u"FALSE"_s, u"BETWEEN"_s, u"LIKE"_s, u"ILIKE"_s, u"SubPlan"_s,
            u"InitPlan"_s};
        *keyword = keywords.contains(word);
        return word;
    }

    // "t.col", "s.t.col", "\"W;--\"\"t\".\"x\"": the last part; empty for a
    // keyword or a function call ("lower(" is not a column).
    QString readNameChain()
    {
        bool keyword = false;
        QString name = readName(&keyword);
        while (m_at + 1 < m_text.size() && m_text.at(m_at) == u'.'
            && (m_text.at(m_at + 1) == u'"' || m_text.at(m_at + 1).isLetter()
                || m_text.at(m_at + 1) == u'_')) {
            ++m_at;
            name = readName(&keyword);
        }
        if (keyword || (m_at < m_text.size() && m_text.at(m_at) == u'('))
            return {};
        return name;
    }

    void skipSpaces(qsizetype *at) const
    {
        while (*at < m_text.size() && m_text.at(*at).isSpace())
            ++*at;
    }

    // The comparison after the name, past closing parentheses and casts
    // ("(t.col)::numeric(10,2) >", "col::text IS NULL"); empty if none.
    // Leaves m_at where it was: the scan goes on inside what follows.
    QString comparisonAfterCast() const
    {
        qsizetype at = m_at;
        for (;;) {
            skipSpaces(&at);
            if (at < m_text.size() && m_text.at(at) == u')') {
                ++at;
            } else if (m_text.mid(at, 2) == u"::"_s) {
                at = pastType(at + 2);
            } else {
                break;
            }
        }
        static const QStringList operators {u"= ANY"_s, u"<>"_s, u"!="_s, u"<="_s, u">="_s,
            u"!~~*"_s, u"!~~"_s, u"~~*"_s, u"~~"_s, u"="_s, u"<"_s, u">"_s, u"IS "_s,
            u"BETWEEN "_s};
        for (const QString &op : operators) {
            if (m_text.mid(at, op.size()) == op)
                return op.trimmed();
        }
        return {};
    }

    // A type name: words ("timestamp with time zone"), a schema, quotes, a
    // typmod "(10,2)" and "[]"; stops before an operator word such as IS.
    qsizetype pastType(qsizetype at) const
    {
        static const QStringList stopWords {
            u"IS"_s, u"AND"_s, u"OR"_s, u"BETWEEN"_s, u"NOT"_s, u"LIKE"_s, u"ILIKE"_s};
        for (;;) {
            qsizetype next = at;
            skipSpaces(&next);
            if (next >= m_text.size())
                return next;
            const QChar c = m_text.at(next);
            if (c == u'"') {
                ++next;
                while (next < m_text.size() && m_text.at(next) != u'"')
                    ++next;
                at = next + 1;
            } else if (c.isLetter() || c == u'_') {
                qsizetype end = next;
                while (end < m_text.size()
                    && (m_text.at(end).isLetterOrNumber() || m_text.at(end) == u'_'))
                    ++end;
                if (stopWords.contains(m_text.mid(next, end - next)))
                    return at;
                at = end;
            } else if (c == u'.' || c == u'[' || c == u']') {
                at = next + 1;
            } else if (c == u'(' && at == next) {
                const qsizetype close = m_text.indexOf(u')', next);
                at = close < 0 ? m_text.size() : close + 1;
            } else {
                return at;
            }
        }
    }

    const QString &m_text;
    qsizetype m_at = 0;
};

} // namespace

QStringList PlanInsights::filterColumns(const QString &filter)
{
    // The column on the left of each comparison, without its qualifier and
    // cast, as the catalog spells it (unquoted): equality first.
    return FilterScanner(filter).columns();
}

QList<PlanInsight> PlanInsights::find(const Plan &plan, int slowNodes)
{
    QList<PlanInsight> out;
    addSlowNodes(plan, slowNodes, &out);
    for (const PlanNode &n : plan.nodes)
        addNodeInsights(plan, n, &out);
    std::stable_sort(out.begin(), out.end(), [](const PlanInsight &a, const PlanInsight &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.impactMs > b.impactMs;
    });
    return out;
}

} // namespace tusk::core
