#include "activitycharts.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace tusk::widgets {

using core::ActivityTally;

namespace {

// The layers of the state chart, bottom up; everything else is "other"
// (background processes have no state).
const QStringList kStates {QStringLiteral("active"), QStringLiteral("idle in transaction"),
    QStringLiteral("idle in transaction (aborted)"), QStringLiteral("idle")};

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    return chart;
}

QChartView *viewOf(QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setAccessibleName(chart->title());
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    return view;
}

// Tallies folded into buckets over [from, to]: per bucket, the tally with
// the most sessions of interest (a spike survives) and the time of its
// bucket's start.
struct Bucketed {
    QList<qint64> at; // ms since epoch
    QList<const ActivityTally *> tally;
};

Bucketed bucketsOf(const QList<ActivityTally> &tallies, const QDateTime &from, const QDateTime &to,
    const std::function<int(const ActivityTally &)> &weight)
{
    Bucketed out;
    const qint64 begin = from.toMSecsSinceEpoch();
    const qint64 span = std::max<qint64>(1, to.toMSecsSinceEpoch() - begin);
    const qint64 width = std::max<qint64>(1000, span / ActivityCharts::buckets);
    qint64 current = -1;
    for (const ActivityTally &t : tallies) {
        const qint64 ms = t.takenAt.toMSecsSinceEpoch();
        if (ms < begin || ms > begin + span)
            continue;
        const qint64 bucket = (ms - begin) / width;
        if (bucket != current) {
            current = bucket;
            out.at << ms;
            out.tally << &t;
        } else if (weight(t) > weight(*out.tally.last())) {
            out.tally.last() = &t;
        }
    }
    return out;
}

void resetAxes(QChart *chart, const QDateTime &from, const QDateTime &to, double top)
{
    // removeAxis() hands the axis back to us: drawn on every sample, the
    // old ones would pile up for as long as the monitor runs.
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    auto *x = new QDateTimeAxis;
    x->setFormat(from.secsTo(to) > 3600 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
    x->setRange(from.toLocalTime(), to.toLocalTime());
    x->setTickCount(5);
    auto *y = new QValueAxis;
    // Whole numbers, a tick at each of a few round steps (no "0 0 1 1 2").
    const double step = std::max(1.0, std::ceil(top / 3)); // short charts: few labels
    y->setRange(0, step * std::max(1.0, std::ceil(top * 1.1 / step)));
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

// Stacked areas: each layer's upper line is the running sum.
double stack(QChart *chart, const Bucketed &b, const QStringList &layers,
    const std::function<int(const ActivityTally &, const QString &)> &count)
{
    chart->removeAllSeries();
    QList<double> below(b.at.size(), 0.0);
    double top = 0;
    for (const QString &layer : layers) {
        // The area does not own its boundary lines: its children, they go
        // with it when the next draw removes it.
        auto *area = new QAreaSeries;
        auto *lower = new QLineSeries(area);
        auto *upper = new QLineSeries(area);
        QList<QPointF> lowerPoints, upperPoints;
        for (int i = 0; i < b.at.size(); ++i) {
            const double base = below.at(i);
            const double height = base + count(*b.tally.at(i), layer);
            lowerPoints << QPointF(double(b.at.at(i)), base);
            upperPoints << QPointF(double(b.at.at(i)), height);
            below[i] = height;
            top = std::max(top, height);
        }
        lower->replace(lowerPoints);
        upper->replace(upperPoints);
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        area->setName(layer);
        chart->addSeries(area);
    }
    return top;
}

void mark(QChart *chart, const QDateTime &marked, double top)
{
    if (!marked.isValid())
        return;
    auto *line = new QLineSeries;
    line->setName(QObject::tr("shown"));
    const double x = double(marked.toMSecsSinceEpoch());
    line->append(x, 0);
    line->append(x, std::max(1.0, std::ceil(top * 1.1)));
    QPen pen(Qt::black);
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    chart->addSeries(line);
    for (QLegendMarker *marker : chart->legend()->markers(line))
        marker->setVisible(false); // the line speaks for itself
}

} // namespace

ActivityCharts::ActivityCharts(QWidget *parent)
    : QWidget(parent)
    , m_states(newChart(tr("Sessions by state")))
    , m_waits(newChart(tr("Waiting sessions by wait event type")))
    , m_rates(newChart(tr("Blocked sessions; commits and rollbacks per second")))
{
    // In a scroll area: three charts need more height than the lower half
    // of the page may have, and must not squeeze the grid above it.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget(scroll);
    auto *charts = new QVBoxLayout(inner);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(viewOf(m_states, inner));
    charts->addWidget(viewOf(m_waits, inner));
    charts->addWidget(viewOf(m_rates, inner));
    scroll->setWidget(inner);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

void ActivityCharts::draw(const QList<ActivityTally> &tallies, const QDateTime &from,
    const QDateTime &to, const QDateTime &marked)
{
    // Sessions by state.
    const Bucketed byState = bucketsOf(tallies, from, to,
        [](const ActivityTally &t) { return t.sessions - t.inState(QStringLiteral("idle")); });
    QStringList states = kStates;
    states << tr("other");
    double top = stack(m_states, byState, states, [](const ActivityTally &t, const QString &s) {
        if (kStates.contains(s))
            return t.inState(s);
        int known = 0;
        for (const QString &k : kStates)
            known += t.inState(k);
        return t.sessions - known;
    });
    mark(m_states, marked, top);
    resetAxes(m_states, from, to, top);

    // Waiting sessions by wait event type; the types seen in the window.
    QStringList types;
    for (const ActivityTally &t : tallies) {
        for (auto it = t.byWaitEventType.begin(); it != t.byWaitEventType.end(); ++it) {
            if (!it.key().isEmpty() && it.key() != QLatin1String("Activity")
                && it.key() != QLatin1String("Client") && !types.contains(it.key()))
                types << it.key(); // Activity and Client: idle waiting, not trouble
        }
    }
    types.sort();
    const Bucketed byWait = bucketsOf(tallies, from, to, [&](const ActivityTally &t) {
        int n = 0;
        for (const QString &type : types)
            n += t.waitingOn(type);
        return n;
    });
    top = stack(m_waits, byWait, types,
        [](const ActivityTally &t, const QString &type) { return t.waitingOn(type); });
    mark(m_waits, marked, top);
    resetAxes(m_waits, from, to, top);

    // Blocked sessions, commits and rollbacks per second.
    m_rates->removeAllSeries();
    const Bucketed byBlocked =
        bucketsOf(tallies, from, to, [](const ActivityTally &t) { return t.blocked; });
    auto *blocked = new QLineSeries;
    blocked->setName(tr("blocked"));
    auto *commits = new QLineSeries;
    commits->setName(tr("commits/s"));
    auto *rollbacks = new QLineSeries;
    rollbacks->setName(tr("rollbacks/s"));
    top = 0;
    const ActivityTally *previous = nullptr;
    for (const ActivityTally &t : tallies) {
        const qint64 ms = t.takenAt.toMSecsSinceEpoch();
        if (ms < from.toMSecsSinceEpoch() || ms > to.toMSecsSinceEpoch()) {
            previous = &t;
            continue;
        }
        if (previous) {
            const double seconds = double(previous->takenAt.msecsTo(t.takenAt)) / 1000.0;
            // A counter that went down was reset (pg_stat_reset): no rate then.
            if (seconds > 0 && t.commits >= previous->commits
                && t.rollbacks >= previous->rollbacks) {
                const double c = double(t.commits - previous->commits) / seconds;
                const double r = double(t.rollbacks - previous->rollbacks) / seconds;
                commits->append(double(ms), c);
                rollbacks->append(double(ms), r);
                top = std::max({top, c, r});
            }
        }
        previous = &t;
    }
    for (int i = 0; i < byBlocked.at.size(); ++i) {
        blocked->append(double(byBlocked.at.at(i)), byBlocked.tally.at(i)->blocked);
        top = std::max(top, double(byBlocked.tally.at(i)->blocked));
    }
    // More than a few hundred rate points: keep every n-th (rates are smooth
    // enough; the blocked line above is bucketed by its peaks).
    for (QLineSeries *series : {commits, rollbacks}) {
        if (series->count() > buckets) {
            const QList<QPointF> all = series->points();
            QList<QPointF> kept;
            const qsizetype step = all.size() / buckets + 1;
            for (qsizetype i = 0; i < all.size(); i += step)
                kept << all.at(i);
            series->replace(kept);
        }
    }
    m_rates->addSeries(blocked);
    m_rates->addSeries(commits);
    m_rates->addSeries(rollbacks);
    mark(m_rates, marked, top);
    resetAxes(m_rates, from, to, top);
    describe(tallies.isEmpty() ? nullptr : &tallies.last(), types);
}

void ActivityCharts::describe(const ActivityTally *latest, const QStringList &waitTypes)
{
    // A chart is a picture: a screen reader gets its latest values in words.
    const auto views = findChildren<QChartView *>();
    if (views.size() != 3)
        return;
    if (!latest) {
        for (QChartView *view : views)
            view->setAccessibleDescription(tr("No samples yet."));
        return;
    }
    QStringList states;
    for (const QString &state : kStates)
        states << tr("%1 %2").arg(latest->inState(state)).arg(state);
    views.at(0)->setAccessibleDescription(
        tr("Latest sample: %1.").arg(states.join(QStringLiteral(", "))));
    QStringList waits;
    for (const QString &type : waitTypes)
        if (latest->waitingOn(type) > 0)
            waits << tr("%1 on %2").arg(latest->waitingOn(type)).arg(type);
    views.at(1)->setAccessibleDescription(waits.isEmpty()
            ? tr("Latest sample: no session waiting.")
            : tr("Latest sample: %1.").arg(waits.join(QStringLiteral(", "))));
    views.at(2)->setAccessibleDescription(
        tr("Latest sample: %n session(s) blocked.", nullptr, latest->blocked));
}

} // namespace tusk::widgets
