#pragma once

#include "core/plan/planinsight.h"

#include "core/files/userfilewriter.h"
#include "core/pg/conninfo.h"
#include "core/plan/whatifindex.h"
#include "widgets/plan/whatifview.h"

#include <QWidget>

#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolButton;

namespace tusk::core {
class Plan;
}

namespace tusk::widgets {

class PlanDetailsView;
class PlanGraphView;
class PlanInsightsList;
class PlanNodesModel;
class PlanScene;
class PlanStatsView;
class PlanTextHighlighter;
class ToolHost;

// One plan, every way to look at it: the summary (execution, planning, JIT,
// triggers) over the tabs Graph, Grid, Raw and Statistics, with the
// insights and the selected node's details beside them. Selecting a node
// anywhere selects it everywhere. An insight an index could help (a Seq Scan
// whose filter removes most rows) offers Try an index: a what-if with HypoPG
// on the plan's database, opened as a comparison tab, its CREATE INDEX
// CONCURRENTLY offered to the SQL tool. That needs the statement and the
// database (setSource); a pasted plan says so instead.
class PlanViewer : public QWidget {
    Q_OBJECT
public:
    enum Tab { GraphTab, GridTab, RawTab, StatsTab };

    explicit PlanViewer(QWidget *parent = nullptr);
    ~PlanViewer() override;

    // `note` says where the plan came from when that matters ("ANALYZE ran
    // inside BEGIN … ROLLBACK: nothing was changed").
    void setPlan(
        std::shared_ptr<const core::Plan> plan, const QString &title, const QString &note = {});
    std::shared_ptr<const core::Plan> plan() const { return m_plan; }
    const QList<core::PlanInsight> &insights() const { return m_insights; }
    QString title() const { return m_title; }

    void selectNode(int id);
    int selectedNode() const;
    // Writes the graph as PNG or SVG, by the file's suffix.
    bool exportTo(const QString &path, QString *error);
    // Where exports may not go (the workspace's migrations folder).
    void setWriteOptions(const core::UserFileWriter::Options &options) { m_writeOptions = options; }

    // The statement the plan explains and the database it was explained on
    // (with its password), for Try an index. Without them it is disabled
    // and says why.
    void setSource(const QByteArray &statement, const core::ConnInfo &target);
    bool hasSource() const { return m_target.has_value() && !m_statement.trimmed().isEmpty(); }
    // The window, for handing the suggested CREATE INDEX to the SQL tool.
    void setToolHost(ToolHost *host);
    // Runs the what-if for insight `index` (-1: the selected node's, else
    // the first that offers it). False when it cannot start; the button's
    // tooltip says why.
    bool tryIndex(int index = -1);
    QToolButton *tryIndexButton() const { return m_tryIndex; }
    bool isTryingIndex() const { return m_whatIf != nullptr; }
    // The latest what-if's tab, or null.
    WhatIfView *whatIfView() const { return m_whatIfView; }

    PlanScene *scene() const { return m_scene; }
    PlanGraphView *graphView() const { return m_graph; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *grid() const { return m_grid; }
    PlanStatsView *statsView() const { return m_stats; }
    PlanDetailsView *details() const { return m_details; }
    PlanInsightsList *insightsList() const { return m_insightsList; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QString summaryText() const;

signals:
    // A what-if ended (its tab is open when outcome.ok()).
    void whatIfFinished(const tusk::core::WhatIfIndex::Outcome &outcome);

private:
    void updateTryIndex();
    QList<int> tryIndexInsights() const;
    void showWhatIf(const core::WhatIfIndex::Outcome &outcome);

    QWidget *makeToolbar();
    void updateSummary(const QString &note);
    void fillRaw();
    void scheduleFill(quint64 generation);
    void fillStage();
    void finishFilling();
    void showInGrid(int id);
    static constexpr qsizetype maxHighlightedChars = 2 * 1024 * 1024;
    void onNodeSelected(int id);
    void goToNode(int id);
    void searchNext();
    void askExport();

    std::shared_ptr<const core::Plan> m_plan;
    QList<core::PlanInsight> m_insights;
    QString m_title;
    QLabel *m_summary;
    QLabel *m_note;
    QLineEdit *m_search;
    QLabel *m_searchCount;
    QList<int> m_matches;
    int m_match = -1;
    QTabWidget *m_tabs;
    PlanScene *m_scene;
    PlanGraphView *m_graph;
    PlanNodesModel *m_nodes;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_grid;
    QPlainTextEdit *m_raw;
    PlanTextHighlighter *m_highlighter;
    bool m_rawFilled = false;
    // What of a big plan is still to fill (setPlan), one stage per turn.
    enum FillStage { FillGrid, FillStatistics, FillInsights, FillDone };
    static constexpr qsizetype fillAtOnceNodes = 2000;
    FillStage m_fillStage = FillDone;
    quint64 m_fillGeneration = 0;
    PlanStatsView *m_stats;
    PlanInsightsList *m_insightsList;
    PlanDetailsView *m_details;
    bool m_syncing = false;
    core::UserFileWriter::Options m_writeOptions;
    QByteArray m_statement;
    std::optional<core::ConnInfo> m_target;
    ToolHost *m_host = nullptr;
    QToolButton *m_tryIndex = nullptr;
    QPointer<core::WhatIfIndex> m_whatIf; // the run under way
    QPointer<WhatIfView> m_whatIfView;
    // The last run's trouble (HypoPG missing: how to get it), under the
    // insight's link and in the button's tooltip.
    QString m_tryMessage;
    bool m_needsHypopg = false;
};

} // namespace tusk::widgets
