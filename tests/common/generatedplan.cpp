#include "generatedplan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
struct Built {
    QJsonObject node;
    double totalMs;
    double rows;
    double blocks;
};

class Generator {
public:
    Built make(int count, const QString &relationship)
    {
        // A join needs at least one node on each side besides its Hash.
        Built b = count == 1 ? leaf() : (count <= 3 ? sort(count) : join(count));
        b.node.insert(QStringLiteral("Parent Relationship"), relationship);
        return b;
    }

private:
    static void common(QJsonObject &o, double totalMs, double rows, double planRows, double blocks)
    {
        o.insert(QStringLiteral("Parallel Aware"), false);
        o.insert(QStringLiteral("Startup Cost"), 0.0);
        o.insert(QStringLiteral("Total Cost"), totalMs * 37.5);
        o.insert(QStringLiteral("Plan Rows"), planRows);
        o.insert(QStringLiteral("Plan Width"), 24);
        o.insert(QStringLiteral("Actual Startup Time"), totalMs / 10);
        o.insert(QStringLiteral("Actual Total Time"), totalMs);
        o.insert(QStringLiteral("Actual Rows"), rows);
        o.insert(QStringLiteral("Actual Loops"), 1);
        o.insert(QStringLiteral("Shared Hit Blocks"), blocks);
        o.insert(QStringLiteral("Shared Read Blocks"), 0);
    }

    Built leaf()
    {
        const int n = m_tables++;
        const double rows = 100 + (n * 7919) % 5000;
        const double removed = (n % 3 == 0) ? rows * 20 : 0;
        const double ms = 0.05 + (n % 17) * 0.11;
        QJsonObject o {{QStringLiteral("Node Type"), QStringLiteral("Seq Scan")},
            {QStringLiteral("Relation Name"), QStringLiteral("table_%1").arg(n)},
            {QStringLiteral("Alias"), QStringLiteral("t%1").arg(n)}};
        if (removed > 0) {
            o.insert(QStringLiteral("Filter"), QStringLiteral("(status = 'open'::text)"));
            o.insert(QStringLiteral("Rows Removed by Filter"), removed);
        }
        const double blocks = 10 + n % 50;
        common(o, ms, rows, n % 5 == 0 ? rows / 40 : rows, blocks);
        return {o, ms, rows, blocks};
    }

    Built sort(int count)
    {
        Built child = make(count - 1, QStringLiteral("Outer"));
        QJsonObject o {{QStringLiteral("Node Type"), QStringLiteral("Sort")},
            {QStringLiteral("Sort Key"), QJsonArray {QStringLiteral("t.id")}},
            {QStringLiteral("Sort Method"), QStringLiteral("quicksort")},
            {QStringLiteral("Sort Space Used"), 25},
            {QStringLiteral("Sort Space Type"), QStringLiteral("Memory")},
            {QStringLiteral("Plans"), QJsonArray {child.node}}};
        const double ms = child.totalMs + 0.2;
        common(o, ms, child.rows, child.rows, child.blocks);
        return {o, ms, child.rows, child.blocks};
    }

    Built join(int count)
    {
        const int remaining = count - 2; // the join and its Hash
        const int outerCount = (remaining + 1) / 2;
        Built outer = make(outerCount, QStringLiteral("Outer"));
        Built inner = make(remaining - outerCount, QStringLiteral("Outer"));
        QJsonObject hash {{QStringLiteral("Node Type"), QStringLiteral("Hash")},
            {QStringLiteral("Parent Relationship"), QStringLiteral("Inner")},
            {QStringLiteral("Hash Buckets"), 1024}, {QStringLiteral("Original Hash Buckets"), 1024},
            {QStringLiteral("Hash Batches"), 1}, {QStringLiteral("Original Hash Batches"), 1},
            {QStringLiteral("Peak Memory Usage"), 64},
            {QStringLiteral("Plans"), QJsonArray {inner.node}}};
        const double hashMs = inner.totalMs + 0.1;
        common(hash, hashMs, inner.rows, inner.rows, inner.blocks);
        const double rows = std::max(1.0, std::min(outer.rows, inner.rows) / 2);
        const double ms = outer.totalMs + hashMs + 0.3;
        const double blocks = outer.blocks + inner.blocks;
        QJsonObject o {{QStringLiteral("Node Type"), QStringLiteral("Hash Join")},
            {QStringLiteral("Join Type"), QStringLiteral("Inner")},
            {QStringLiteral("Hash Cond"), QStringLiteral("(a.id = b.a_id)")},
            {QStringLiteral("Plans"), QJsonArray {outer.node, hash}}};
        common(o, ms, rows, rows * 3, blocks);
        return {o, ms, rows, blocks};
    }

    int m_tables = 0;
};
} // namespace

QByteArray generatedPlanJson(int nodeCount)
{
    Generator generator;
    Built root = generator.make(nodeCount, QString());
    root.node.remove(QStringLiteral("Parent Relationship"));
    const QJsonObject top {{QStringLiteral("Plan"), root.node},
        {QStringLiteral("Planning Time"), 12.5},
        {QStringLiteral("Execution Time"), root.totalMs + 1}};
    return QJsonDocument(QJsonArray {top}).toJson(QJsonDocument::Indented);
}
