#include "activitydetailtabs.h"

#include "core/activity/blockingtree.h"
#include "core/activity/lockqueue.h"
#include "core/support/durationtext.h"

#include <QMenu>
#include <QPlainTextEdit>
#include <QSet>
#include <QTreeWidget>

#include <functional>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
constexpr int PidRole = Qt::UserRole;
}

ActivityDetailTabs::ActivityDetailTabs(QWidget *parent)
    : QTabWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_queues(new QTreeWidget(this))
    , m_progress(new QTreeWidget(this))
    , m_query(new QPlainTextEdit(this))
{
    m_tree->setObjectName(QStringLiteral("activityTree"));
    m_tree->setAccessibleName(tr("Who blocks whom"));
    m_tree->setHeaderLabels({tr("Session"), tr("Edge"), tr("Holds"), tr("Wants"), tr("Query")});
    m_queues->setObjectName(QStringLiteral("activityQueues"));
    m_queues->setAccessibleName(tr("Lock queues"));
    m_queues->setHeaderLabels({tr("Object / session"), tr("Mode"), tr("Waiting"), tr("Query")});
    m_progress->setObjectName(QStringLiteral("activityProgress"));
    m_progress->setAccessibleName(tr("Progress of long operations"));
    m_progress->setRootIsDecorated(false);
    m_progress->setHeaderLabels({tr("Command"), tr("PID"), tr("Object"), tr("Phase"), tr("Done"),
        tr("ETA"), tr("Waits for")});
    m_query->setReadOnly(true);
    addTab(m_tree, tr("Blocking Tree"));
    addTab(m_queues, tr("Lock Queues"));
    addTab(m_progress, tr("Progress"));
    addTab(m_query, tr("Query"));
    for (QTreeWidget *view : {m_tree, m_queues}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
            [this, view](const QPoint &at) { contextMenu(view, at); });
    }
}

int ActivityDetailTabs::pidOf(const QTreeWidgetItem *item)
{
    return item && item->data(0, PidRole).isValid() ? item->data(0, PidRole).toInt() : -1;
}

void ActivityDetailTabs::contextMenu(QTreeWidget *view, const QPoint &at)
{
    const int pid = pidOf(view->itemAt(at));
    if (pid <= 0)
        return; // a prepared transaction is ended by COMMIT / ROLLBACK PREPARED, not a signal
    // popup(), not exec(): the samples keep coming while the menu is open.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(
        tr("Cancel Query of %1…").arg(pid), this, [this, pid] { emit actOn(pid, false); });
    menu->addAction(tr("Terminate %1…").arg(pid), this, [this, pid] { emit actOn(pid, true); });
    menu->popup(view->viewport()->mapToGlobal(at));
}

void ActivityDetailTabs::showSample(const ActivitySample &sample, const BlockingTree &tree)
{
    showTree(sample, tree);
    showQueues(sample);
    showProgress(sample);
}

void ActivityDetailTabs::showQuery(const QString &query)
{
    if (m_query->toPlainText() != query)
        m_query->setPlainText(query);
}

void ActivityDetailTabs::showTree(const ActivitySample &sample, const BlockingTree &tree)
{
    m_tree->clear();
    QHash<int, QList<const ActivitySession *>> workers;
    for (const ActivitySession &s : sample.sessions) {
        if (s.leaderPid > 0 && s.leaderPid != s.pid)
            workers[s.leaderPid] << &s;
    }
    QSet<int> shown;
    std::function<void(int, QTreeWidgetItem *, const QString &)> add =
        [&](int pid, QTreeWidgetItem *parent, const QString &edge) {
            const BlockingTree::Node node = tree.nodes().value(pid);
            const ActivitySession *s = sample.session(pid);
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            QString head = pid == 0
                ? tr("prepared %1").arg(node.gid)
                : QStringLiteral("%1 %2").arg(pid).arg(s ? s->state : QString());
            if (node.blockedBelow > 0)
                head += tr(" — blocks %1").arg(node.blockedBelow);
            item->setText(0, head);
            item->setText(1, edge);
            item->setText(2, node.holds.join(QStringLiteral("; ")));
            item->setText(3,
                node.wants.isEmpty()
                    ? QString()
                    : QStringLiteral("%1 (%2)").arg(node.wants, ageText(node.waitingMs)));
            item->setText(4, s ? s->query.simplified().left(200) : QString());
            item->setData(0, PidRole, pid);
            if (shown.contains(pid))
                return;
            shown.insert(pid);
            // A parallel query's workers work for it: drawn under it, not as
            // sessions of their own in the chain.
            for (const ActivitySession *w : workers.value(pid)) {
                auto *worker = new QTreeWidgetItem(item,
                    {tr("%1 parallel worker").arg(w->pid), tr("worker"), QString(),
                        w->waitEventType.isEmpty()
                            ? QString()
                            : QStringLiteral("%1: %2").arg(w->waitEventType, w->waitEvent)});
                worker->setData(0, PidRole, w->pid);
            }
            for (int w : node.waiters) {
                const auto e = tree.edge(pid, w);
                add(w, item, e && e->hard ? tr("hard") : tr("soft"));
            }
        };
    for (int root : tree.roots())
        add(root, nullptr, QString());
    for (const QList<int> &cycle : tree.cycles()) {
        QStringList pids;
        for (int p : cycle)
            pids << QString::number(p);
        new QTreeWidgetItem(
            m_tree, {tr("deadlock in progress: %1").arg(pids.join(QStringLiteral(" ↔ ")))});
    }
    if (tree.isEmpty())
        new QTreeWidgetItem(m_tree, {tr("No session waits for a lock")});
    m_tree->expandAll();
    for (int column = 0; column < 4; ++column)
        m_tree->resizeColumnToContents(column); // a tree of a few nodes: cheap
}

void ActivityDetailTabs::showQueues(const ActivitySample &sample)
{
    m_queues->clear();
    for (const LockQueue &q : LockQueue::build(sample)) {
        auto *top =
            new QTreeWidgetItem(m_queues, {QStringLiteral("%1 — %2").arg(q.target, q.badge)});
        const auto row = [&](const ActivityLock &l, const QString &what) {
            const ActivitySession *s = sample.session(l.pid);
            auto *item = new QTreeWidgetItem(top,
                {QStringLiteral("%1 %2").arg(what).arg(l.pid),
                    l.mode ? LockModes::name(*l.mode) : l.modeName,
                    l.granted ? QString() : ageText(l.waitingMs),
                    s ? s->query.simplified().left(200) : QString()});
            item->setData(0, PidRole, l.pid);
        };
        for (const ActivityLock &l : q.holders)
            row(l, tr("holds"));
        for (const ActivityLock &l : q.waiters)
            row(l, tr("waits"));
    }
    m_queues->expandAll();
    for (int column = 0; column < 3; ++column)
        m_queues->resizeColumnToContents(column);
}

void ActivityDetailTabs::showProgress(const ActivitySample &sample)
{
    m_progress->clear();
    for (const CommandProgress &p : sample.progress) {
        const ActivitySession *s = sample.session(p.pid);
        const double f = p.fraction();
        // The command's own pace so far: rough across phases, said as ≈.
        QString eta;
        if (f > 0 && f < 1 && s && s->queryAgeMs > 0)
            eta = QStringLiteral("≈ ") + ageText(qint64(double(s->queryAgeMs) * (1 - f) / f));
        QString locker;
        if (p.lockerPid > 0) {
            const ActivitySession *l = sample.session(p.lockerPid);
            locker = l
                ? tr("%1 (%2, %3)").arg(p.lockerPid).arg(l->state, ageText(l->transactionAgeMs))
                : QString::number(p.lockerPid);
        }
        new QTreeWidgetItem(m_progress,
            {p.command, QString::number(p.pid), p.relation, p.phase,
                f < 0 ? QString() : QStringLiteral("%1 %").arg(f * 100, 0, 'f', 1), eta, locker});
    }
    if (sample.progress.isEmpty())
        new QTreeWidgetItem(m_progress,
            {tr("No CREATE INDEX, VACUUM, CLUSTER, ANALYZE, COPY or "
                "base backup under way")});
}

} // namespace tusk::widgets
