#include "serverstatsview.h"

#include "core/support/durationtext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
constexpr int kTop = 25;
constexpr qint64 kKeepMs = 3600'000;
constexpr qint64 kDenseMs = 300'000; // every snapshot kept this far back
constexpr qint64 kSparseMs = 300'000; // then one per this much

QString milliseconds(double ms)
{
    return ms >= 1000 ? QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 2)
                      : QStringLiteral("%1 ms").arg(ms, 0, 'f', ms < 10 ? 2 : 1);
}

class NumberItem : public QTreeWidgetItem {
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, Qt::UserRole);
        const QVariant b = other.data(column, Qt::UserRole);
        if (a.isValid() && b.isValid())
            return a.toDouble() < b.toDouble();
        return QTreeWidgetItem::operator<(other);
    }
};
} // namespace

ServerStatsView::ServerStatsView(QWidget *parent)
    : QWidget(parent)
    , m_order(new QComboBox(this))
    , m_window(new QLabel(this))
    , m_statements(new QTreeWidget(this))
    , m_waits(new QTreeWidget(this))
{
    m_order->addItem(tr("by total time"), int(ServerStatsDeltas::Order::TotalTime));
    m_order->addItem(tr("by mean time"), int(ServerStatsDeltas::Order::MeanTime));
    m_order->addItem(tr("by calls"), int(ServerStatsDeltas::Order::Calls));
    m_statements->setObjectName(QStringLiteral("activityStatements"));
    m_statements->setRootIsDecorated(false);
    m_statements->setHeaderLabels({tr("Total"), tr("Mean"), tr("Calls"), tr("Rows"), tr("Database"),
        tr("User"), tr("Statement")});
    m_waits->setObjectName(QStringLiteral("activityWaitProfile"));
    m_waits->setRootIsDecorated(false);
    m_waits->setHeaderLabels({tr("Wait event"), tr("Samples"), tr("Share")});
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("pg_stat_statements, top %1").arg(kTop), this));
    bar->addWidget(m_order);
    bar->addWidget(m_window, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_statements);
    split->addWidget(m_waits);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    connect(m_order, &QComboBox::currentIndexChanged, this, &ServerStatsView::redraw);
}

void ServerStatsView::add(const ServerStats &incoming)
{
    ServerStats stats = incoming;
    for (StatementStat &s : stats.statements) {
        auto it = m_texts.find(s.query);
        if (it == m_texts.end())
            it = m_texts.insert(s.query, s.query);
        s.query = it.value(); // shared with earlier snapshots
    }
    m_snapshots << stats;
    thin();
    redraw();
}

void ServerStatsView::clear()
{
    m_snapshots.clear();
    m_texts.clear();
    redraw();
}

void ServerStatsView::showWindow(const QDateTime &from)
{
    if (m_from == from)
        return;
    m_from = from;
    redraw();
}

void ServerStatsView::thin()
{
    if (m_snapshots.isEmpty())
        return;
    const QDateTime last = m_snapshots.last().takenAt;
    QList<ServerStats> kept;
    QDateTime previous;
    for (const ServerStats &s : std::as_const(m_snapshots)) {
        const qint64 age = s.takenAt.msecsTo(last);
        if (age > kKeepMs)
            continue;
        if (age > kDenseMs && previous.isValid() && previous.msecsTo(s.takenAt) < kSparseMs)
            continue;
        kept << s;
        previous = s.takenAt;
    }
    m_snapshots = kept;
    if (m_texts.size() > 20 * kTop * 8) { // forget texts no snapshot uses
        QHash<QString, QString> used;
        for (const ServerStats &s : std::as_const(m_snapshots))
            for (const StatementStat &st : s.statements)
                used.insert(st.query, st.query);
        m_texts = used;
    }
}

void ServerStatsView::redraw()
{
    m_statements->clear();
    m_waits->clear();
    if (m_snapshots.isEmpty()) {
        m_window->setText(tr("Read every 10 s once the monitor is connected."));
        return;
    }
    const ServerStats &last = m_snapshots.last();
    const ServerStats *first = &m_snapshots.first();
    for (const ServerStats &s : m_snapshots) {
        if (!m_from.isValid() || s.takenAt >= m_from) {
            first = &s;
            break;
        }
    }
    m_window->setText(first == &last
            ? tr("one snapshot so far: the differences start with the next (10 s)")
            : tr("over the last %1 (since %2)")
                  .arg(ageText(first->takenAt.msecsTo(last.takenAt)),
                      first->takenAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    if (!last.hasStatements) {
        auto *item = new QTreeWidgetItem(m_statements, {last.statementsMissing});
        item->setFirstColumnSpanned(true);
    } else {
        const auto order = ServerStatsDeltas::Order(m_order->currentData().toInt());
        for (const StatementDelta &d : ServerStatsDeltas::statements(*first, last, kTop, order)) {
            auto *item = new NumberItem(m_statements,
                {milliseconds(d.totalMs), milliseconds(d.meanMs()), QString::number(d.calls),
                    QString::number(d.rows), d.database, d.user,
                    d.query.isEmpty()
                        ? tr("query id %1 (its text comes with the next read)").arg(d.queryId)
                        : d.query.simplified()});
            item->setData(0, Qt::UserRole, d.totalMs);
            item->setData(1, Qt::UserRole, d.meanMs());
            item->setData(2, Qt::UserRole, double(d.calls));
            item->setData(3, Qt::UserRole, double(d.rows));
            item->setToolTip(6, d.query);
        }
    }
    if (!last.hasWaitProfile) {
        auto *item = new QTreeWidgetItem(m_waits, {last.waitProfileMissing});
        item->setToolTip(0, last.waitProfileMissing);
        item->setFirstColumnSpanned(true);
    } else {
        // Idle waiting (background processes' main loops, clients that send
        // nothing) is most of any profile and says nothing about load: left
        // out, the shares are of the waits that remain.
        QList<WaitDelta> busy;
        qint64 all = 0;
        for (const WaitDelta &w : ServerStatsDeltas::waits(*first, last)) {
            if (w.eventType == QLatin1String("Activity")
                || (w.eventType == QLatin1String("Client")
                    && w.event == QLatin1String("ClientRead")))
                continue;
            busy << w;
            all += w.count;
        }
        for (const WaitDelta &w : busy) {
            const double share = all > 0 ? double(w.count) / double(all) : 0;
            auto *item = new NumberItem(m_waits,
                {QStringLiteral("%1: %2").arg(w.eventType, w.event), QString::number(w.count),
                    QStringLiteral("%1 %").arg(share * 100, 0, 'f', 1)});
            item->setData(1, Qt::UserRole, double(w.count));
            item->setData(2, Qt::UserRole, share);
        }
        if (busy.isEmpty())
            new QTreeWidgetItem(m_waits, {tr("Only idle waits in this window")});
        m_waits->headerItem()->setToolTip(
            0, tr("Idle waits (Activity, Client: ClientRead) are left out"));
    }
    for (int column = 0; column < 6; ++column)
        m_statements->resizeColumnToContents(column);
    m_waits->resizeColumnToContents(0);
    m_waits->resizeColumnToContents(1);
}

} // namespace tusk::widgets
