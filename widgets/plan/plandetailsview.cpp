#include "plandetailsview.h"

#include "widgets/common/wrappingitemdelegate.h"

#include "core/plan/plan.h"
#include "core/plan/planinsight.h"
#include "core/plan/planvalue.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>

namespace tusk::widgets {

using namespace tusk::core;

namespace {

QString fieldText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        bool plain = std::all_of(array.begin(), array.end(),
            [](const QJsonValue &v) { return !v.isObject() && !v.isArray(); });
        if (!plain)
            return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return planString(value);
}

bool isCondition(const QString &key)
{
    return key.endsWith(QLatin1String("Cond")) || key.endsWith(QLatin1String("Filter"))
        || key.endsWith(QLatin1String("Key")) || key == QLatin1String("Output")
        || key == QLatin1String("Subplans Removed");
}

} // namespace

PlanDetailsView::PlanDetailsView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("planDetails"));
    setAccessibleName(tr("Details of the selected node"));
    setColumnCount(2);
    setHeaderLabels({tr("Field"), tr("Value")});
    // Conditions, outputs and insights are long: they wrap in the narrow
    // side pane rather than end in "…".
    setItemDelegate(new WrappingItemDelegate(this));
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->resizeSection(0,
        fontMetrics().horizontalAdvance(QStringLiteral("Rows Removed by Filter"))
            + 2 * indentation());
    header()->setStretchLastSection(true);
}

void PlanDetailsView::setPlan(std::shared_ptr<const Plan> plan, const QList<PlanInsight> &insights)
{
    m_plan = std::move(plan);
    m_insights = insights;
    showNode(-1);
}

QTreeWidgetItem *PlanDetailsView::section(const QString &title)
{
    auto *item = new QTreeWidgetItem(this, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void PlanDetailsView::addRow(QTreeWidgetItem *parent, const QString &name, const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, {name, value});
    item->setToolTip(1, value);
}

void PlanDetailsView::showNode(int id)
{
    clear();
    m_node = -1;
    if (!m_plan || id < 0 || id >= m_plan->nodes.size()) {
        auto *hint = new QTreeWidgetItem(this, {tr("Select a node to see its details.")});
        hint->setFirstColumnSpanned(true);
        hint->setForeground(0, palette().placeholderText());
        return;
    }
    m_node = id;
    const PlanNode &node = m_plan->nodes.at(id);
    QTreeWidgetItem *top = section(tr("#%1 %2").arg(id).arg(node.title()));
    if (!node.subplanName.isEmpty())
        addRow(top, tr("Subplan"), node.subplanName);
    if (!node.parentRelationship.isEmpty())
        addRow(top, tr("Parent relationship"), node.parentRelationship);
    if (node.neverExecuted)
        addRow(top, tr("Executed"), tr("never"));
    if (m_plan->hasTiming() && !node.neverExecuted) {
        addRow(top, tr("Self time"),
            tr("%1 (%2 % of the execution)")
                .arg(planTimeText(node.exclusiveMs))
                .arg(node.exclusivePercent, 0, 'f', 1));
        addRow(top, tr("Total time"), planTimeText(node.inclusiveMs));
        if (node.processes > 1)
            addRow(top, tr("Processes"),
                tr("%1 (leader and workers share the node)").arg(node.processes));
    }
    if (node.hasActual && !node.neverExecuted) {
        addRow(top, tr("Rows"),
            tr("%1 per loop × %2 loop(s) = %3")
                .arg(planCountText(node.actualRows), planCountText(node.actualLoops),
                    planCountText(node.totalRows)));
    }
    addRow(top, tr("Estimated rows"), planCountText(node.planRows));
    if (node.misestimateDirection != 0)
        addRow(top, tr("Misestimate"),
            tr("%1× %2")
                .arg(node.misestimate, 0, 'f', 1)
                .arg(node.misestimateDirection > 0 ? tr("more rows than estimated")
                                                   : tr("fewer rows than estimated")));
    if (node.hasCosts)
        addRow(top, tr("Cost"),
            tr("%1 … %2").arg(node.startupCost, 0, 'f', 2).arg(node.totalCost, 0, 'f', 2));
    if (node.hasBuffers) {
        QStringList own;
        for (int c = 0; c < PlanBuffers::CounterCount; ++c) {
            const double v = node.exclusiveBuffers.values[c];
            if (v != 0)
                own << tr("%1 %2")
                           .arg(PlanBuffers::jsonKey(PlanBuffers::Counter(c)))
                           .arg(c >= PlanBuffers::IoReadMs ? planTimeText(v) : planCountText(v));
        }
        addRow(top, tr("Own buffers"), own.isEmpty() ? tr("none") : own.join(QStringLiteral(", ")));
    }

    QList<const PlanInsight *> found;
    for (const PlanInsight &insight : m_insights)
        if (insight.node == id)
            found << &insight;
    if (!found.isEmpty()) {
        QTreeWidgetItem *insights = section(tr("Insights"));
        for (const PlanInsight *insight : found)
            addRow(insights, PlanInsight::severityName(insight->severity),
                insight->title + QStringLiteral("\n") + insight->detail);
    }

    const QJsonObject fields = node.fields();
    QTreeWidgetItem *conditions = nullptr;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!isCondition(it.key()))
            continue;
        if (!conditions)
            conditions = section(tr("Conditions and keys"));
        addRow(conditions, it.key(), fieldText(it.value()));
    }

    for (const PlanWorker &worker : node.workers) {
        QTreeWidgetItem *w = section(tr("Worker %1").arg(worker.number));
        const QJsonObject workerFields = worker.fields();
        for (auto it = workerFields.begin(); it != workerFields.end(); ++it)
            addRow(w, it.key(), fieldText(it.value()));
    }

    QTreeWidgetItem *all = section(tr("All fields from EXPLAIN"));
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == QLatin1String("Workers"))
            continue;
        addRow(all, it.key(), fieldText(it.value()));
    }
}

QString PlanDetailsView::valueOf(const QString &name) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j)
            if (top->child(j)->text(0) == name)
                return top->child(j)->text(1);
    }
    return {};
}

} // namespace tusk::widgets
