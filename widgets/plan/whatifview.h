#pragma once

#include "core/plan/whatifindex.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tusk::widgets {

class PlanComparisonView;

// The answer of a what-if index: what was tried and whether the planner
// would use it, the CREATE INDEX CONCURRENTLY to run for real (to the SQL
// tool, or copied), and the plan before and after side by side in the Plan
// tool's comparison view. Both plans are estimates. GUI thread.
class WhatIfView : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfView(QWidget *parent = nullptr);

    void setOutcome(const core::WhatIfIndex::Outcome &outcome);
    const core::WhatIfIndex::Outcome &outcome() const { return m_outcome; }
    // False hides Open in SQL Editor (no SQL tool to take it).
    void setCanOpenSql(bool can);

    PlanComparisonView *comparison() const { return m_comparison; }
    QString summaryText() const;
    QPushButton *openSqlButton() const { return m_openSql; }

signals:
    void openSqlRequested(const QString &sql);

private:
    core::WhatIfIndex::Outcome m_outcome;
    QLabel *m_summary;
    QLineEdit *m_sql;
    QPushButton *m_openSql;
    QPushButton *m_copy;
    PlanComparisonView *m_comparison;
};

} // namespace tusk::widgets
