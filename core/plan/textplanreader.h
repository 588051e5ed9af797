#pragma once

#include "planbuilder.h"
#include "planparseerror.h"
#include "psqloutput.h"

#include <QJsonArray>

namespace tusk::core {

// Reads EXPLAIN's text format: the tree drawn with "->" and indentation,
// InitPlan / SubPlan / CTE labels, per-worker blocks, and the summary lines
// after the tree. Produces the nodes and summary a JSON plan would give.
class TextPlanReader {
public:
    TextPlanReader(const PsqlOutput &input, PlanParseError *error);

    QList<RawPlanNode> nodes() const { return m_nodes; }
    QJsonObject summary() const { return m_summary; }

private:
    enum class Kind { Top, Node, Subplan, Worker, WorkerJit, Planning, Jit, Serialization };
    struct Context {
        Context(Kind k, int column, int n = -1, int w = -1, const QString &name = {})
            : kind(k)
            , detailColumn(column)
            , node(n)
            , worker(w)
            , subplanName(name)
        {
        }
        Kind kind;
        int detailColumn; // where the context's own lines start
        int node = -1; // Node, Subplan (its parent node), Worker
        int worker = -1; // index into the node's "Workers"
        QString subplanName;
    };

    void popTo(int column, const QString &content);
    void readLine(int index);
    bool readNodeLine(int index, int column, const QString &content);
    void readWorkerLine(int column, const QString &content, int workerNumber);
    void finish();
    void fail(int line, int column, const QString &message);

    const PsqlOutput &m_input;
    PlanParseError *m_error;
    QList<RawPlanNode> m_nodes;
    QList<QJsonArray> m_workers; // per node
    QJsonObject m_summary;
    QJsonObject m_planning;
    QJsonObject m_jit;
    QJsonObject m_serialization; // PostgreSQL 17's EXPLAIN (SERIALIZE)
    QJsonArray m_triggers;
    QList<Context> m_stack;
};

} // namespace tusk::core
