#pragma once

#include <QTextBrowser>

namespace tusk::core {
struct PlanInsight;
}

namespace tusk::widgets {

// The plan's insights, most costly first: a coloured mark for the severity,
// the title as a link to its node, and under it why and what to do (the
// text wraps to the pane and can be selected and copied). Clicking a title
// asks for its node.
class PlanInsightsList : public QTextBrowser {
    Q_OBJECT
public:
    explicit PlanInsightsList(QWidget *parent = nullptr);

    void setInsights(const QList<core::PlanInsight> &insights);
    int count() const { return m_count; }
    static constexpr int maxShown = 100;
    // Asks for the node of the insight at `index` as a click would.
    void activate(int index);

signals:
    void nodeActivated(int id);

private:
    QList<int> m_nodes;
    int m_count = 0;
};

} // namespace tusk::widgets
