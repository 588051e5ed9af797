#include "textplanreader.h"

#include "textplanline.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tusk::core {

namespace {
using namespace Qt::Literals::StringLiterals;

bool isSubplanLabel(const QString &content)
{
    static const QRegularExpression re(
        u"^(InitPlan \\d+( \\(returns .*\\))?|SubPlan \\d+|CTE \\S.*)$"_s);
    return !content.contains(u": "_s) && re.match(content).hasMatch();
}

// "Total runtime: 12.3 ms" (9.3 and older), "Planning time:" and
// "Execution time:" (9.4 to 12) under the names JSON gives them.
QString oldSummaryNamed(const QString &content)
{
    static const QList<std::pair<QString, QString>> names {
        {u"Total runtime: "_s, u"Total Runtime: "_s}, {u"Planning time: "_s, u"Planning Time: "_s},
        {u"Execution time: "_s, u"Execution Time: "_s}};
    for (const auto &[old, json] : names)
        if (content.startsWith(old))
            return json + content.mid(old.size());
    return content;
}

// Outer / Inner / Member / Subquery, as the JSON format names a child by its
// place under its parent.
QString relationship(const QString &parentType, int childIndex)
{
    if (parentType == u"Append"_s || parentType == u"Merge Append"_s || parentType == u"BitmapAnd"_s
        || parentType == u"BitmapOr"_s || parentType == u"Custom Scan"_s)
        return u"Member"_s;
    if (parentType == u"Subquery Scan"_s)
        return u"Subquery"_s;
    return childIndex == 0 ? u"Outer"_s : u"Inner"_s;
}
} // namespace

TextPlanReader::TextPlanReader(const PsqlOutput &input, PlanParseError *error)
    : m_input(input)
    , m_error(error)
{
    m_stack.append({Kind::Top, 0});
    const QStringList &lines = input.lines();
    for (int i = 0; i < lines.size() && !m_error->isError(); ++i)
        readLine(i);
    if (!m_error->isError() && m_nodes.isEmpty())
        fail(0, 0, u"no plan node found"_s);
    if (!m_error->isError())
        finish();
}

// Back to the context a line at `column` belongs to. A child ("->", or an
// InitPlan label) at the root's column or left of it still belongs to the
// root: a server log indents the root by a tab and the rest by spaces, and
// some tools print "Delete on t" and its "->" one above the other.
void TextPlanReader::popTo(int column, const QString &content)
{
    while (m_stack.size() > 1 && m_stack.back().detailColumn > column) {
        if (m_stack.size() == 2 && m_stack.back().kind == Kind::Node
            && (content.startsWith(u"->"_s) || isSubplanLabel(content)))
            return;
        m_stack.removeLast();
    }
}

void TextPlanReader::fail(int line, int column, const QString &message)
{
    *m_error = {message, m_input.originalLine(line, column), m_input.originalColumn(line, column)};
}

void TextPlanReader::readLine(int index)
{
    const QString &line = m_input.lines().at(index);
    int column = 0;
    while (column < line.size() && line.at(column) == u' ')
        ++column;
    if (column == line.size())
        return;
    QString content = line.mid(column);

    if (m_nodes.isEmpty()) { // the root: the first line, without an arrow
        if (content.startsWith(u"->"_s))
            content = content.mid(2).trimmed();
        readNodeLine(index, column, content);
        return;
    }
    if (content.startsWith(u"->"_s)) {
        int labelColumn = column + 2;
        while (labelColumn < line.size() && line.at(labelColumn) == u' ')
            ++labelColumn;
        popTo(column, content);
        const Kind owner = m_stack.back().kind;
        if (owner != Kind::Node && owner != Kind::Subplan) {
            fail(index, column, u"a plan node here has no parent node"_s);
            return;
        }
        readNodeLine(index, labelColumn, line.mid(labelColumn));
        return;
    }

    popTo(column, content);
    Context &owner = m_stack.back();
    static const QRegularExpression worker(u"^Worker (\\d+):\\s+(.*)$"_s);
    const QRegularExpressionMatch w = worker.match(content);

    if (owner.kind == Kind::Node && isSubplanLabel(content)) {
        m_stack.append({Kind::Subplan, column + 2, owner.node, -1, content});
    } else if (owner.kind == Kind::Node && w.hasMatch()) {
        readWorkerLine(column, w.captured(2), w.captured(1).toInt());
    } else if (owner.kind == Kind::Node) {
        TextPlanLine::readDetail(content, &m_nodes[owner.node].fields);
    } else if (owner.kind == Kind::Worker && content == u"JIT:"_s) {
        // Per-worker JIT (VERBOSE, 15+): the same block as the plan's.
        m_stack.append({Kind::WorkerJit, column + 2, owner.node, owner.worker});
    } else if (owner.kind == Kind::Worker || owner.kind == Kind::WorkerJit) {
        QJsonArray &workers = m_workers[owner.node];
        QJsonObject o = workers.at(owner.worker).toObject();
        if (owner.kind == Kind::WorkerJit) {
            QJsonObject jit = o.value(u"JIT"_s).toObject();
            TextPlanLine::readJitDetail(content, &jit);
            o.insert(u"JIT"_s, jit);
        } else {
            TextPlanLine::readDetail(content, &o);
        }
        workers.replace(owner.worker, o);
    } else if (owner.kind == Kind::Planning) {
        TextPlanLine::readDetail(content, &m_planning);
    } else if (owner.kind == Kind::Jit) {
        TextPlanLine::readJitDetail(content, &m_jit);
    } else if (owner.kind == Kind::Serialization) {
        TextPlanLine::readDetail(content, &m_serialization);
    } else if (owner.kind == Kind::Subplan) {
        fail(index, column,
            u"expected the plan of \"%1\" (a line starting with \"->\")"_s.arg(owner.subplanName));
    } else if (content == u"Planning:"_s) {
        m_stack.append({Kind::Planning, column + 2});
    } else if (content == u"JIT:"_s) {
        m_stack.append({Kind::Jit, column + 2});
    } else if (content.startsWith(u"Serialization: "_s)) {
        TextPlanLine::readSerialization(content.mid(15), &m_serialization);
        m_stack.append({Kind::Serialization, column + 2});
    } else if (content.startsWith(u"Trigger "_s)) {
        QJsonObject trigger;
        if (TextPlanLine::readTrigger(content, &trigger))
            m_triggers.append(trigger);
        else
            TextPlanLine::readDetail(content, &m_summary);
    } else {
        TextPlanLine::readDetail(oldSummaryNamed(content), &m_summary);
    }
}

bool TextPlanReader::readNodeLine(int index, int column, const QString &content)
{
    QJsonObject fields;
    QString message;
    int at = 0;
    if (!TextPlanLine::readNode(content, &fields, &message, &at)) {
        fail(index, column + at, message);
        return false;
    }
    RawPlanNode node;
    const Context &owner = m_stack.back();
    if (owner.kind == Kind::Subplan) {
        node.parent = owner.node;
        fields.insert(u"Parent Relationship"_s,
            owner.subplanName.startsWith(u"SubPlan"_s) ? u"SubPlan"_s : u"InitPlan"_s);
        fields.insert(u"Subplan Name"_s, owner.subplanName);
        m_stack.removeLast(); // a label carries exactly one plan
    } else if (owner.kind == Kind::Node) {
        node.parent = owner.node;
    }
    node.fields = fields;
    node.depth = node.parent < 0 ? 0 : m_nodes.at(node.parent).depth + 1;
    m_nodes.append(node);
    m_workers.append(QJsonArray());
    m_stack.append({Kind::Node, column + 2, int(m_nodes.size()) - 1});
    return true;
}

void TextPlanReader::readWorkerLine(int column, const QString &content, int workerNumber)
{
    const int node = m_stack.back().node;
    QJsonArray &workers = m_workers[node];
    int slot = -1;
    for (int i = 0; i < workers.size(); ++i)
        if (workers.at(i).toObject().value(u"Worker Number"_s).toInt() == workerNumber)
            slot = i;
    if (slot < 0) {
        workers.append(QJsonObject {{u"Worker Number"_s, workerNumber}});
        slot = int(workers.size()) - 1;
    }
    QJsonObject o = workers.at(slot).toObject();
    if (!TextPlanLine::readActuals(content, &o))
        TextPlanLine::readDetail(content, &o);
    workers.replace(slot, o);
    m_stack.append({Kind::Worker, column + 2, node, slot});
}

void TextPlanReader::finish()
{
    bool timing = false;
    for (const RawPlanNode &n : std::as_const(m_nodes))
        timing = timing || n.fields.contains(u"Actual Total Time"_s);
    QList<int> childCount(m_nodes.size(), 0);
    for (int i = 0; i < m_nodes.size(); ++i) {
        RawPlanNode &n = m_nodes[i];
        if (!m_workers.at(i).isEmpty())
            n.fields.insert(u"Workers"_s, m_workers.at(i));
        // "(never executed)" has zero times in the structured formats.
        if (timing && n.fields.value(u"Actual Loops"_s).toInteger(-1) == 0) {
            n.fields.insert(u"Actual Startup Time"_s, 0);
            n.fields.insert(u"Actual Total Time"_s, 0);
        }
        if (n.parent >= 0 && !n.fields.contains(u"Parent Relationship"_s)) {
            const QString parentType = m_nodes.at(n.parent).fields.value(u"Node Type"_s).toString();
            n.fields.insert(
                u"Parent Relationship"_s, relationship(parentType, childCount[n.parent]++));
        }
    }
    if (!m_planning.isEmpty())
        m_summary.insert(u"Planning"_s, m_planning);
    if (!m_jit.isEmpty())
        m_summary.insert(u"JIT"_s, m_jit);
    if (!m_serialization.isEmpty())
        m_summary.insert(u"Serialization"_s, m_serialization);
    if (!m_triggers.isEmpty())
        m_summary.insert(u"Triggers"_s, m_triggers);
    m_summary.remove(u"Text Lines"_s);
}

} // namespace tusk::core
