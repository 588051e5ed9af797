#pragma once

#include "core/pg/conninfo.h"
#include "core/rollout/planimpact.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace tusk::core {
class PlanImpactRun;
class Workspace;
} // namespace tusk::core

namespace tusk::widgets {

class PlanComparisonView;

// The Rollout page's Plan Impact tab (issue 25, point 6): the pending
// migration's effect on the queries that matter. The target's top queries
// from pg_stat_statements (or a file of queries) are explained on a scratch
// database before and after the migration runs there (core's
// PlanImpactRun); the list is worst first (a Seq Scan that replaces an
// Index Scan, a cost past the factor), and the selected query's two plans
// are compared side by side below.
class PlanImpactPanel : public QWidget {
    Q_OBJECT
public:
    explicit PlanImpactPanel(QWidget *parent = nullptr);

    void setWorkspace(core::Workspace *workspace) { m_workspace = workspace; }
    // The migrations folder whose pending files are the migration (read
    // when Run is pressed, off the GUI thread), or the SQL itself.
    void setFolder(const QString &folder) { m_folder = folder; }
    void setMigration(const QByteArray &sql) { m_migration = sql; }
    void setScratchServer(const core::ConnInfo &server) { m_scratchServer = server; }
    // Queries from this file instead of pg_stat_statements.
    void setQueriesFile(const QString &path);
    void run();

    QTreeWidget *list() const { return m_list; }
    PlanComparisonView *comparison() const { return m_comparison; }
    QLabel *status() const { return m_status; }
    const QList<core::PlanImpact::Outcome> &outcomes() const { return m_outcomes; }

signals:
    void done();

private:
    void start();
    void showOutcomes(
        const QList<core::PlanImpact::Outcome> &outcomes, const QString &where, bool rows);
    void select(int index);
    void chooseFile();

    core::Workspace *m_workspace = nullptr;
    core::PlanImpactRun *m_run;
    QString m_folder;
    QByteArray m_migration;
    core::ConnInfo m_scratchServer;
    QList<core::PlanImpact::Outcome> m_outcomes;
    QRadioButton *m_fromTop;
    QRadioButton *m_fromFile;
    QSpinBox *m_top;
    QLineEdit *m_file;
    QDoubleSpinBox *m_factor;
    QPushButton *m_start;
    QLabel *m_status;
    QTreeWidget *m_list;
    PlanComparisonView *m_comparison;
};

} // namespace tusk::widgets
