#pragma once

#include "core/activity/activitytally.h"

#include <QDateTime>
#include <QWidget>

class QChart;
class QChartView;

namespace tusk::widgets {

// The Activity page's charts over the visible window of the history
// (issue 24, point 10): sessions by state and waiting sessions by wait
// event type, each stacked; blocked sessions with commits and rollbacks
// per second (from pg_stat_database's counters, two samples apart). An
// hour at 1 s is 3,600 samples: they are folded into at most `buckets`
// points (a bucket keeps its highest count, so a short spike still shows).
// A vertical line marks the moment the grid shows when it is not live.
class ActivityCharts : public QWidget {
    Q_OBJECT
public:
    static constexpr int buckets = 240;

    explicit ActivityCharts(QWidget *parent = nullptr);

    // Draws the tallies between `from` and `to`; `marked` (invalid: none)
    // is the moment shown in the grid.
    void draw(const QList<core::ActivityTally> &tallies, const QDateTime &from, const QDateTime &to,
        const QDateTime &marked = {});
    QChart *statesChart() const { return m_states; }
    QChart *waitsChart() const { return m_waits; }
    QChart *ratesChart() const { return m_rates; }

private:
    void describe(const core::ActivityTally *latest, const QStringList &waitTypes);

    QChart *m_states;
    QChart *m_waits;
    QChart *m_rates;
};

} // namespace tusk::widgets
