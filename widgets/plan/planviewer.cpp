#include "planviewer.h"

#include "plandetailsview.h"
#include "planexport.h"
#include "plangraphview.h"
#include "planinsightslist.h"
#include "plannodesmodel.h"
#include "planscene.h"
#include "planstatsview.h"
#include "plantexthighlighter.h"
#include "whatifview.h"

#include "widgets/shell/toolpage.h"

#include "core/files/userfilewriter.h"
#include "core/plan/plan.h"
#include "core/plan/planvalue.h"
#include "core/plan/whatifcandidate.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

PlanViewer::PlanViewer(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_note(new QLabel(this))
    , m_search(new QLineEdit(this))
    , m_searchCount(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_scene(new PlanScene(this))
    , m_graph(new PlanGraphView(m_scene, this))
    , m_nodes(new PlanNodesModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_grid(new QTableView(this))
    , m_raw(new QPlainTextEdit(this))
    , m_stats(new PlanStatsView(this))
    , m_insightsList(new PlanInsightsList(this))
    , m_details(new PlanDetailsView(this))
{
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("planNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4d6; border: 1px solid #e8c872; border-radius: 3px; "
        "padding: 3px 6px; }"));
    m_note->hide();

    m_sorted->setSourceModel(m_nodes);
    m_sorted->setSortRole(PlanNodesModel::SortRole);
    m_grid->setObjectName(QStringLiteral("planGrid"));
    m_grid->setAccessibleName(tr("Plan nodes"));
    m_grid->setModel(m_sorted);
    m_grid->setSortingEnabled(true);
    m_grid->sortByColumn(PlanNodesModel::Id, Qt::AscendingOrder);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setAlternatingRowColors(true);
    m_grid->verticalHeader()->hide();
    // Columns fit the rows in view and a sample of the others, not every
    // one of 10,000 nodes (80 ms).
    m_grid->horizontalHeader()->setResizeContentsPrecision(100);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 6);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_grid->setWordWrap(false);

    m_raw->setObjectName(QStringLiteral("planRaw"));
    m_raw->setAccessibleName(tr("The plan as pasted"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new PlanTextHighlighter(m_raw->document());

    m_tabs->setObjectName(QStringLiteral("planTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_graph, tr("Graph"));
    m_tabs->addTab(m_grid, tr("Grid"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_stats, tr("Statistics"));

    auto *side = new QSplitter(Qt::Vertical, this);
    auto *insightsBox = new QWidget(side);
    auto *insightsLayout = new QVBoxLayout(insightsBox);
    insightsLayout->setContentsMargins(0, 0, 0, 0);
    insightsLayout->addWidget(new QLabel(tr("<b>Insights</b>"), insightsBox));
    insightsLayout->addWidget(m_insightsList);
    side->addWidget(insightsBox);
    side->addWidget(m_details);
    side->setStretchFactor(0, 2);
    side->setStretchFactor(1, 3);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tabs);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 380});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_note);
    layout->addWidget(makeToolbar());
    layout->addWidget(split, 1);

    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_raw)
            fillRaw();
    });
    connect(m_scene, &PlanScene::nodeSelected, this, &PlanViewer::onNodeSelected);
    // Enter on a card: its details take the keyboard (Escape-free: Tab
    // goes back to the graph).
    connect(m_graph, &PlanGraphView::nodeActivated, this, [this](int id) {
        m_details->showNode(id);
        m_details->setFocus(Qt::OtherFocusReason);
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!m_syncing && current.isValid())
                selectNode(current.data(PlanNodesModel::NodeIdRole).toInt());
        });
    connect(m_insightsList, &PlanInsightsList::nodeActivated, this, &PlanViewer::goToNode);
    connect(m_insightsList, &PlanInsightsList::tryIndexRequested, this,
        [this](int index) { tryIndex(index); });
    connect(m_stats, &PlanStatsView::nodeActivated, this, [this](int id) {
        m_tabs->setCurrentWidget(m_graph);
        goToNode(id);
    });
}

PlanViewer::~PlanViewer()
{
    // The children outlive this destructor by a moment: the scene clears
    // its selection and the tabs and grid let go of theirs as they are
    // destroyed, and those signals must not reach a half-destroyed viewer.
    m_scene->disconnect(this);
    m_tabs->disconnect(this);
    if (m_whatIf)
        m_whatIf->disconnect(this);
    m_grid->selectionModel()->disconnect(this);
}

QWidget *PlanViewer::makeToolbar()
{
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("planToolbar"));
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(tr("Fit"), m_graph, &PlanGraphView::fit)->setToolTip(tr("Fit the plan (F)"));
    bar->addAction(tr("100 %"), m_graph, &PlanGraphView::actualSize)
        ->setToolTip(tr("Actual size (0)"));
    bar->addAction(QStringLiteral("+"), m_graph, &PlanGraphView::zoomIn)
        ->setToolTip(tr("Zoom in (+)"));
    bar->addAction(QStringLiteral("−"), m_graph, &PlanGraphView::zoomOut)
        ->setToolTip(tr("Zoom out (−)"));
    bar->addAction(tr("Expand all"), m_scene, &PlanScene::expandAll)
        ->setToolTip(tr("Unfold every folded subtree"));
    bar->addSeparator();
    m_search->setObjectName(QStringLiteral("planSearch"));
    m_search->setPlaceholderText(tr("Find node, table, index, condition…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    bar->addWidget(m_search);
    bar->addWidget(m_searchCount);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_matches = m_scene->search(text);
        m_match = -1;
        m_searchCount->setText(text.isEmpty() ? QString()
                : m_matches.isEmpty()         ? tr(" no match")
                                      : tr(" %n match(es)", nullptr, int(m_matches.size())));
    });
    connect(m_search, &QLineEdit::returnPressed, this, &PlanViewer::searchNext);
    bar->addSeparator();
    auto *exportButton = new QToolButton(bar);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the graph as PNG or SVG"));
    connect(exportButton, &QToolButton::clicked, this, &PlanViewer::askExport);
    bar->addWidget(exportButton);
    bar->addSeparator();
    m_tryIndex = new QToolButton(bar);
    m_tryIndex->setObjectName(QStringLiteral("tryIndexButton"));
    m_tryIndex->setText(tr("Try an Index"));
    connect(m_tryIndex, &QToolButton::clicked, this, [this] { tryIndex(); });
    bar->addWidget(m_tryIndex);
    return bar;
}

void PlanViewer::setPlan(
    std::shared_ptr<const Plan> plan, const QString &title, const QString &note)
{
    m_plan = std::move(plan);
    m_title = title;
    m_insights = m_plan ? PlanInsights::find(*m_plan) : QList<PlanInsight>();
    m_scene->setPlan(m_plan, m_insights);
    // The raw text is laid out when its tab is first shown: a 10,000-node
    // plan is 30 MB of text, too much to lay out (and colour) up front.
    m_raw->clear();
    m_rawFilled = false;
    if (m_tabs->currentWidget() == m_raw)
        fillRaw();
    m_tryMessage.clear();
    m_needsHypopg = false;
    m_details->setPlan(m_plan, m_insights);
    updateSummary(note);
    m_search->clear();
    m_graph->fit();
    // The grid, the statistics and the insights of a big plan are filled
    // one per turn of the event loop, so that the window never stops for
    // the sum of them (10,000 nodes: 20–40 ms each).
    const quint64 generation = ++m_fillGeneration;
    m_fillStage = FillGrid;
    if (m_plan && m_plan->nodes.size() > fillAtOnceNodes) {
        scheduleFill(generation);
    } else {
        finishFilling();
    }
}

void PlanViewer::scheduleFill(quint64 generation)
{
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_fillGeneration || m_fillStage == FillDone)
            return;
        fillStage();
        if (m_fillStage != FillDone)
            scheduleFill(generation);
    });
}

void PlanViewer::finishFilling()
{
    while (m_fillStage != FillDone)
        fillStage();
}

void PlanViewer::fillStage()
{
    switch (m_fillStage) {
    case FillGrid:
        m_nodes->setPlan(m_plan);
        m_grid->resizeColumnsToContents();
        m_grid->setColumnWidth(
            PlanNodesModel::Node, std::min(m_grid->columnWidth(PlanNodesModel::Node), 320));
        m_grid->setColumnWidth(
            PlanNodesModel::Object, std::min(m_grid->columnWidth(PlanNodesModel::Object), 360));
        showInGrid(selectedNode()); // chosen on the graph before the grid was filled
        m_fillStage = FillStatistics;
        break;
    case FillStatistics:
        m_stats->setPlan(m_plan);
        m_fillStage = FillInsights;
        break;
    case FillInsights:
        m_insightsList->setInsights(m_insights);
        updateTryIndex();
        m_fillStage = FillDone;
        break;
    case FillDone:
        break;
    }
}

void PlanViewer::fillRaw()
{
    if (m_rawFilled || !m_plan)
        return;
    m_rawFilled = true;
    // Colouring runs over the whole document at once; past a few megabytes
    // it would hold the window for seconds, so big plans stay plain.
    m_highlighter->setDocument(
        m_plan->source.size() <= maxHighlightedChars ? m_raw->document() : nullptr);
    m_raw->setPlainText(QString::fromUtf8(m_plan->source));
}

void PlanViewer::updateSummary(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    if (!m_plan) {
        m_summary->clear();
        return;
    }
    const Plan &plan = *m_plan;
    QStringList parts;
    if (plan.executionMs >= 0)
        parts << tr("Execution <b>%1</b>").arg(planTimeText(plan.executionMs));
    else if (plan.hasTiming())
        parts << tr("Root <b>%1</b>").arg(planTimeText(plan.totalMs()));
    if (plan.planningMs >= 0)
        parts << tr("planning %1").arg(planTimeText(plan.planningMs));
    // PostgreSQL 17 reports planning memory and the cost of sending the rows.
    const QJsonObject planning = plan.summary.value(QLatin1String("Planning")).toObject();
    if (planning.contains(QLatin1String("Memory Used")))
        parts << tr("planning memory %1 kB used, %2 kB allocated")
                     .arg(planning.value(QLatin1String("Memory Used")).toDouble())
                     .arg(planning.value(QLatin1String("Memory Allocated")).toDouble());
    const QJsonObject serialization = plan.summary.value(QLatin1String("Serialization")).toObject();
    if (!serialization.isEmpty()) {
        const QString volume =
            tr("%1 kB").arg(serialization.value(QLatin1String("Output Volume")).toDouble());
        parts << (serialization.contains(QLatin1String("Time"))
                ? tr("serialization %1 (%2) in %3")
                      .arg(volume, serialization.value(QLatin1String("Format")).toString(),
                          planTimeText(serialization.value(QLatin1String("Time")).toDouble()))
                : tr("serialization %1 (%2)")
                      .arg(volume, serialization.value(QLatin1String("Format")).toString()));
    }
    if (!plan.analyzed())
        parts << tr("<b>estimates only</b> (no ANALYZE), cost %1")
                     .arg(plan.root().totalCost, 0, 'f', 2);
    else if (!plan.hasTiming())
        parts << tr("TIMING off: rows only");
    parts << tr("%n node(s)", nullptr, int(plan.nodes.size()));
    parts << tr("%1 input").arg(planFormatName(plan.format).toUpper());
    if (plan.jitMs() > 0)
        parts << tr("JIT %1 (%2 functions)")
                     .arg(planTimeText(plan.jitMs()))
                     .arg(planInt(plan.jit.value(QLatin1String("Functions")), 0));
    for (const PlanTrigger &trigger : plan.triggers)
        parts << tr("trigger %1: %2 in %3 call(s)")
                     .arg(trigger.name.toHtmlEscaped(), planTimeText(trigger.timeMs),
                         planCountText(trigger.calls));
    if (!plan.settings.isEmpty()) {
        QStringList settings;
        for (auto it = plan.settings.begin(); it != plan.settings.end(); ++it)
            settings << it.key() + QLatin1Char('=') + planString(it.value());
        parts << tr("settings: %1").arg(settings.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_summary->setToolTip(plan.queryText);
}

QString PlanViewer::summaryText() const
{
    QTextDocument doc;
    doc.setHtml(m_summary->text());
    return doc.toPlainText();
}

void PlanViewer::selectNode(int id)
{
    m_scene->selectNode(id);
}

int PlanViewer::selectedNode() const
{
    return m_scene->selectedNode();
}

void PlanViewer::goToNode(int id)
{
    m_scene->reveal(id);
    m_scene->selectNode(id);
    if (m_tabs->currentWidget() == m_graph)
        m_graph->showNode(id);
}

void PlanViewer::onNodeSelected(int id)
{
    m_details->showNode(id);
    showInGrid(id);
}

void PlanViewer::showInGrid(int id)
{
    if (id < 0)
        return;
    // The grid follows without echoing the selection back.
    m_syncing = true;
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex index = m_sorted->index(row, 0);
        if (index.data(PlanNodesModel::NodeIdRole).toInt() == id) {
            m_grid->setCurrentIndex(index);
            m_grid->scrollTo(index);
            break;
        }
    }
    m_syncing = false;
}

void PlanViewer::searchNext()
{
    if (m_matches.isEmpty())
        return;
    m_match = (m_match + 1) % m_matches.size();
    m_searchCount->setText(tr(" %1 of %2").arg(m_match + 1).arg(m_matches.size()));
    goToNode(m_matches.at(m_match));
}

bool PlanViewer::exportTo(const QString &path, QString *error)
{
    if (!m_plan) {
        *error = tr("There is no plan to export.");
        return false;
    }
    const bool svg =
        QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    const QByteArray data = svg ? PlanExport::svg(*m_scene, m_title) : PlanExport::png(*m_scene);
    if (data.isEmpty()) {
        *error = tr("The plan could not be drawn.");
        return false;
    }
    const FileWriteError failure = UserFileWriter::writeFile(path, data, m_writeOptions);
    *error = failure.message;
    return failure.isNull();
}

void PlanViewer::askExport()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plan"),
        (m_title.isEmpty() ? QStringLiteral("plan") : QFileInfo(m_title).completeBaseName())
            + QStringLiteral(".png"),
        tr("PNG image (*.png);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target +=
            filter.contains(QLatin1String("svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    QString error;
    if (!exportTo(target, &error))
        QMessageBox::warning(this, tr("Export plan"), error);
}

void PlanViewer::setSource(const QByteArray &statement, const ConnInfo &target)
{
    m_statement = statement;
    m_target = target;
    updateTryIndex();
}

void PlanViewer::setToolHost(ToolHost *host)
{
    m_host = host;
    if (m_whatIfView)
        m_whatIfView->setCanOpenSql(m_host && m_host->canHandOff(QStringLiteral("sql")));
}

QList<int> PlanViewer::tryIndexInsights() const
{
    QList<int> offered;
    if (!m_plan)
        return offered;
    const qsizetype shown = std::min<qsizetype>(m_insights.size(), PlanInsightsList::maxShown);
    for (int i = 0; i < shown; ++i)
        if (WhatIfCandidate::fromInsight(*m_plan, m_insights.at(i)))
            offered << i;
    return offered;
}

void PlanViewer::updateTryIndex()
{
    const QList<int> offered = tryIndexInsights();
    QString reason;
    if (offered.isEmpty())
        reason = tr("No insight here suggests an index: Try an index starts from a scan whose "
                    "filter removes most of the rows it reads.");
    else if (m_whatIf)
        reason = tr("Trying an index…");
    else if (m_statement.trimmed().isEmpty())
        reason = tr("Try an index needs the query: this plan came without its statement (pasted "
                    "or opened from a file). Explain the statement from the SQL tool to try it.");
    else if (!m_target)
        reason = tr("Try an index needs a connection to the database the plan came from.");
    const bool enabled = reason.isEmpty();
    m_tryIndex->setEnabled(enabled);
    m_tryIndex->setText(m_whatIf ? tr("Trying an Index…")
            : m_needsHypopg      ? tr("Try an Index (needs HypoPG)")
                                 : tr("Try an Index"));
    m_tryIndex->setToolTip(!enabled ? reason
            : m_tryMessage.isEmpty()
            ? tr("Plan the query again with a hypothetical index (HypoPG) for the insight, and "
                 "compare: nothing is built or run")
            : m_tryMessage);
    m_insightsList->setTryIndex(offered, enabled, enabled ? m_tryMessage : reason);
}

bool PlanViewer::tryIndex(int index)
{
    finishFilling();
    const QList<int> offered = tryIndexInsights();
    if (m_whatIf || !hasSource() || offered.isEmpty())
        return false;
    if (index < 0) {
        // The selected node's insight, else the costliest that offers one.
        index = offered.first();
        for (int i : offered)
            if (m_insights.at(i).node == selectedNode())
                index = i;
    }
    if (!offered.contains(index))
        return false;
    const std::optional<WhatIfCandidate> candidate =
        WhatIfCandidate::fromInsight(*m_plan, m_insights.at(index));
    auto *run = new WhatIfIndex(this);
    m_whatIf = run;
    connect(run, &WhatIfIndex::finished, this, [this, run](const WhatIfIndex::Outcome &outcome) {
        run->deleteLater();
        m_whatIf = nullptr;
        showWhatIf(outcome);
        updateTryIndex();
        emit whatIfFinished(outcome);
    });
    run->start(*m_target, m_statement, *candidate);
    updateTryIndex();
    return true;
}

void PlanViewer::showWhatIf(const WhatIfIndex::Outcome &outcome)
{
    m_needsHypopg = outcome.needsHypopg;
    if (!outcome.ok()) {
        m_tryMessage = outcome.needsHypopg
            ? outcome.error.message
            : tr("The what-if failed: %1").arg(outcome.error.message);
        return;
    }
    m_tryMessage.clear();
    // One what-if tab at a time: the latest answer replaces the last.
    if (m_whatIfView) {
        m_tabs->removeTab(m_tabs->indexOf(m_whatIfView));
        m_whatIfView->deleteLater();
    }
    auto *view = new WhatIfView(m_tabs);
    view->setOutcome(outcome);
    view->setCanOpenSql(m_host && m_host->canHandOff(QStringLiteral("sql")));
    connect(view, &WhatIfView::openSqlRequested, this, [this, outcome](const QString &sql) {
        if (m_host)
            m_host->handOff(
                {QStringLiteral("sql"), sql, tr("Index on %1").arg(outcome.candidate.target()),
                    tr("Suggested by a what-if in the Plan tool: review, then run it outside a "
                       "transaction (CONCURRENTLY refuses one)."),
                    QString()});
    });
    m_whatIfView = view;
    m_tabs->setCurrentIndex(
        m_tabs->addTab(view, tr("What if: %1").arg(outcome.candidate.target())));
}

} // namespace tusk::widgets
