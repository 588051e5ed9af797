#pragma once

#include "core/plan/planinsight.h"

#include "core/files/userfilewriter.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

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

// One plan, every way to look at it: the summary (execution, planning, JIT,
// triggers) over the tabs Graph, Grid, Raw and Statistics, with the
// insights and the selected node's details beside them. Selecting a node
// anywhere selects it everywhere.
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

    PlanScene *scene() const { return m_scene; }
    PlanGraphView *graphView() const { return m_graph; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *grid() const { return m_grid; }
    PlanStatsView *statsView() const { return m_stats; }
    PlanDetailsView *details() const { return m_details; }
    PlanInsightsList *insightsList() const { return m_insightsList; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QString summaryText() const;

private:
    QWidget *makeToolbar();
    void updateSummary(const QString &note);
    void fillRaw();
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
    PlanStatsView *m_stats;
    PlanInsightsList *m_insightsList;
    PlanDetailsView *m_details;
    bool m_syncing = false;
    core::UserFileWriter::Options m_writeOptions;
};

} // namespace tusk::widgets
