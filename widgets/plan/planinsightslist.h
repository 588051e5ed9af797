#pragma once

#include "core/plan/planinsight.h"

#include <QTextBrowser>

namespace tusk::widgets {

// The plan's insights, most costly first: a coloured mark for the severity,
// the title as a link to its node, and under it why and what to do (the
// text wraps to the pane and can be selected and copied). Clicking a title
// asks for its node. Insights an index could help (a what-if with HypoPG)
// carry a "Try an index" link, or, when it cannot run, why not.
class PlanInsightsList : public QTextBrowser {
    Q_OBJECT
public:
    explicit PlanInsightsList(QWidget *parent = nullptr);

    void setInsights(const QList<core::PlanInsight> &insights);
    int count() const { return m_count; }
    static constexpr int maxShown = 100;
    // Asks for the node of the insight at `index` as a click would.
    void activate(int index);

    // The insights (indexes into the list) that offer Try an index; when
    // `enabled` is false each shows `reason` instead of the link, else
    // `reason` (the last run's trouble, say) follows the link.
    void setTryIndex(const QList<int> &insights, bool enabled, const QString &reason);
    bool offersTryIndex(int index) const { return m_tryIndex.contains(index); }
    // Asks for the what-if of the insight at `index` as its link would.
    void tryIndex(int index);

signals:
    void nodeActivated(int id);
    void tryIndexRequested(int index);

private:
    void render();

    QList<core::PlanInsight> m_insights;
    QList<int> m_nodes;
    int m_count = 0;
    QList<int> m_tryIndex;
    bool m_tryEnabled = false;
    QString m_tryReason;
};

} // namespace tusk::widgets
