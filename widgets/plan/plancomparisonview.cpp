#include "plancomparisonview.h"

#include "plancomparisonmodel.h"
#include "plangraphview.h"
#include "planscene.h"

#include "core/plan/plancomparison.h"
#include "core/plan/planvalue.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

namespace {

QWidget *titled(QLabel *title, QWidget *body, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(body, 1);
    return box;
}

} // namespace

QColor PlanComparisonView::changedColor()
{
    return QColor(0xe0, 0x8a, 0x00);
}

QColor PlanComparisonView::addedColor()
{
    return QColor(0x2e, 0x9e, 0x4a);
}

QColor PlanComparisonView::removedColor()
{
    return QColor(0xd0, 0x3b, 0x2f);
}

PlanComparisonView::PlanComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_beforeTitle(new QLabel(this))
    , m_afterTitle(new QLabel(this))
    , m_beforeScene(new PlanScene(this))
    , m_afterScene(new PlanScene(this))
    , m_beforeView(new PlanGraphView(m_beforeScene, this))
    , m_afterView(new PlanGraphView(m_afterScene, this))
    , m_model(new PlanComparisonModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
{
    m_summary->setObjectName(QStringLiteral("comparisonSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_beforeView->setObjectName(QStringLiteral("beforeGraph"));
    m_afterView->setObjectName(QStringLiteral("afterGraph"));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(PlanComparisonModel::SortRole);
    m_table->setObjectName(QStringLiteral("comparisonDeltas"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PlanComparisonModel::Before, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);

    auto *graphs = new QSplitter(Qt::Horizontal, this);
    graphs->addWidget(titled(m_beforeTitle, m_beforeView, graphs));
    graphs->addWidget(titled(m_afterTitle, m_afterView, graphs));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(graphs);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(
        m_beforeScene, &PlanScene::nodeSelected, this, [this](int id) { onSelected(true, id); });
    connect(
        m_afterScene, &PlanScene::nodeSelected, this, [this](int id) { onSelected(false, id); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!m_syncing && current.isValid())
                selectPair(current.data(PlanComparisonModel::PairRole).toInt());
        });
}

PlanComparisonView::~PlanComparisonView()
{
    // The model reads the comparison; detach it before the comparison goes.
    m_model->setComparison(nullptr);
}

void PlanComparisonView::setPlans(std::shared_ptr<const Plan> before, const QString &beforeTitle,
    std::shared_ptr<const Plan> after, const QString &afterTitle)
{
    m_model->setComparison(nullptr);
    m_before = std::move(before);
    m_after = std::move(after);
    m_comparison = std::make_unique<PlanComparison>(*m_before, *m_after);
    m_beforeScene->setPlan(m_before, PlanInsights::find(*m_before));
    m_afterScene->setPlan(m_after, PlanInsights::find(*m_after));
    for (const PlanComparison::Pair &pair : m_comparison->pairs()) {
        if (pair.before < 0)
            m_afterScene->setEmphasis(pair.after, addedColor());
        else if (pair.after < 0)
            m_beforeScene->setEmphasis(pair.before, removedColor());
        else if (pair.typeChanged) {
            m_beforeScene->setEmphasis(pair.before, changedColor());
            m_afterScene->setEmphasis(pair.after, changedColor());
        }
    }
    m_model->setComparison(m_comparison.get());
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(PlanComparisonModel::Before,
        std::min(m_table->columnWidth(PlanComparisonModel::Before), 300));
    m_table->setColumnWidth(PlanComparisonModel::After,
        std::min(m_table->columnWidth(PlanComparisonModel::After), 300));

    // Plans without timing are compared by the planner's total cost.
    const bool byCost = m_comparison->byCost();
    const double a = m_comparison->totalOf(*m_before);
    const double b = m_comparison->totalOf(*m_after);
    const auto total = [byCost](double value) {
        return byCost ? tr("cost %1").arg(value, 0, 'f', 2) : planTimeText(value);
    };
    m_beforeTitle->setText(tr("<b>Before</b>: %1 — %2").arg(beforeTitle.toHtmlEscaped(), total(a)));
    m_afterTitle->setText(tr("<b>After</b>: %1 — %2").arg(afterTitle.toHtmlEscaped(), total(b)));
    const QString change = a > 0 ? tr(" (%1%2 %)")
                                       .arg(b >= a ? QStringLiteral("+") : QStringLiteral("−"))
                                       .arg(std::abs(b - a) / a * 100, 0, 'f', 1)
                                 : QString();
    const QString headline = byCost
        ? tr("Estimated cost %1 → <b>%2</b>%3 (no timing: compared by the planner's estimates)")
              .arg(QString::number(a, 'f', 2), QString::number(b, 'f', 2), change)
        : tr("Execution %1 → <b>%2</b>%3").arg(planTimeText(a), planTimeText(b), change);
    m_summary->setText(
        tr("%1 · %2 matched node(s): "
           "<span style='color:%3'>%4 changed</span>, "
           "<span style='color:%5'>%6 added</span>, <span style='color:%7'>%8 removed</span>")
            .arg(headline)
            .arg(m_comparison->pairs().size() - m_comparison->addedCount()
                - m_comparison->removedCount())
            .arg(changedColor().name())
            .arg(m_comparison->changedCount())
            .arg(addedColor().name())
            .arg(m_comparison->addedCount())
            .arg(removedColor().name())
            .arg(m_comparison->removedCount()));
    m_beforeView->fit();
    m_afterView->fit();
}

QString PlanComparisonView::summaryText() const
{
    QTextDocument doc;
    doc.setHtml(m_summary->text());
    return doc.toPlainText();
}

void PlanComparisonView::selectPair(int pairIndex)
{
    if (!m_comparison || pairIndex < 0 || pairIndex >= m_comparison->pairs().size())
        return;
    const PlanComparison::Pair &pair = m_comparison->pairs().at(pairIndex);
    m_syncing = true;
    m_beforeScene->selectNode(pair.before);
    m_afterScene->selectNode(pair.after);
    if (pair.before >= 0) {
        m_beforeScene->reveal(pair.before);
        m_beforeView->showNode(pair.before);
    }
    if (pair.after >= 0) {
        m_afterScene->reveal(pair.after);
        m_afterView->showNode(pair.after);
    }
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex index = m_sorted->index(row, 0);
        if (index.data(PlanComparisonModel::PairRole).toInt() == pairIndex) {
            m_table->setCurrentIndex(index);
            m_table->scrollTo(index);
            break;
        }
    }
    m_syncing = false;
}

void PlanComparisonView::onSelected(bool beforeSide, int id)
{
    if (m_syncing || !m_comparison || id < 0)
        return;
    selectPair(beforeSide ? m_comparison->pairOfBefore(id) : m_comparison->pairOfAfter(id));
}

} // namespace tusk::widgets
