#include "activitypage.h"

#include "sessionfilterproxy.h"
#include "sessiontablemodel.h"

#include "core/activity/activitycollector.h"
#include "core/activity/blockingtree.h"
#include "core/activity/lockqueue.h"
#include "core/support/durationtext.h"
#include "core/workspace/workspace.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace tusk::widgets {

using namespace tusk::core;

ActivityPage::ActivityPage(QWidget *parent)
    : QWidget(parent)
    , m_collector(new ActivityCollector(this))
    , m_model(new SessionTableModel(this))
    , m_proxy(new SessionFilterProxy(this))
    , m_grid(new QTableView(this))
    , m_tree(new QTreeWidget(this))
    , m_queues(new QTreeWidget(this))
    , m_progress(new QTreeWidget(this))
    , m_details(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_idle(new QCheckBox(tr("Idle"), this))
    , m_workers(new QCheckBox(tr("Parallel workers"), this))
    , m_thisDatabase(new QCheckBox(tr("This database only"), this))
    , m_interval(new QDoubleSpinBox(this))
    , m_pause(new QToolButton(this))
{
    setObjectName(QStringLiteral("page-activity"));
    m_proxy->setSourceModel(m_model);
    m_grid->setObjectName(QStringLiteral("activityGrid"));
    m_grid->setModel(m_proxy);
    m_grid->setSortingEnabled(true);
    m_grid->sortByColumn(SessionTableModel::TransactionAge, Qt::DescendingOrder);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->verticalHeader()->hide();
    m_grid->horizontalHeader()->setStretchLastSection(true);
    m_tree->setObjectName(QStringLiteral("activityTree"));
    m_tree->setHeaderLabels({tr("Session"), tr("Edge"), tr("Holds"), tr("Wants"), tr("Query")});
    m_queues->setObjectName(QStringLiteral("activityQueues"));
    m_queues->setHeaderLabels({tr("Object / session"), tr("Mode"), tr("Waiting"), tr("Query")});
    m_progress->setObjectName(QStringLiteral("activityProgress"));
    m_progress->setRootIsDecorated(false);
    m_progress->setHeaderLabels({tr("Command"), tr("PID"), tr("Object"), tr("Phase"), tr("Done"),
        tr("ETA"), tr("Waits for")});
    m_details->setReadOnly(true);
    m_filter->setPlaceholderText(tr("Filter every column"));
    m_filter->setClearButtonEnabled(true);
    m_interval->setRange(0.5, 10);
    m_interval->setSingleStep(0.5);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(ActivityCollector::defaultIntervalMs / 1000.0);
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_regex);
    bar->addWidget(m_idle);
    bar->addWidget(m_workers);
    bar->addWidget(m_thisDatabase);
    bar->addWidget(new QLabel(tr("Every"), this));
    bar->addWidget(m_interval);
    bar->addWidget(m_pause);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_tree, tr("Blocking Tree"));
    tabs->addTab(m_queues, tr("Lock Queues"));
    tabs->addTab(m_progress, tr("Progress"));
    tabs->addTab(m_details, tr("Query"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_grid);
    split->addWidget(tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_proxy->setText(text, m_regex->isChecked()); });
    connect(m_regex, &QCheckBox::toggled, this,
        [this](bool regex) { m_proxy->setText(m_filter->text(), regex); });
    connect(m_idle, &QCheckBox::toggled, m_proxy, &SessionFilterProxy::setShowIdle);
    connect(m_workers, &QCheckBox::toggled, m_proxy, &SessionFilterProxy::setShowWorkers);
    connect(m_thisDatabase, &QCheckBox::toggled, this, [this] { m_collector->sampleNow(); });
    connect(m_interval, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        if (!m_pause->isChecked())
            m_collector->setIntervalMs(int(seconds * 1000));
    });
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        m_collector->setIntervalMs(paused ? 0 : int(m_interval->value() * 1000));
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ActivityPage::showDetails);
    connect(m_collector, &ActivityCollector::sampled, this, &ActivityPage::showSample);
    connect(m_collector, &ActivityCollector::failed, this,
        [this](const PgError &e) { m_status->setText(tr("Not sampled: %1").arg(e.message)); });
}

ActivityPage::~ActivityPage() = default;

ToolPage::Info ActivityPage::toolInfo() const
{
    return {QStringLiteral("activity"), tr("Activity"),
        tr("Sessions, who blocks whom and the lock queues, refreshed every second.")};
}

void ActivityPage::attach(Workspace *workspace, ToolHost *)
{
    m_workspace = workspace;
    connect(workspace, &Workspace::targetChanged, this, &ActivityPage::follow);
    // The window sets the target, then opens it (open() fills in the
    // parameters with the password found): ready() says it is open.
    connect(workspace, &Workspace::ready, this, &ActivityPage::follow);
    follow();
}

void ActivityPage::follow()
{
    const ConnInfo info = m_workspace ? m_workspace->target().connInfo : ConnInfo();
    if (info.isEmpty())
        return m_collector->stop();
    if (m_following == info && m_collector->isOpen())
        return; // ready() after targetChanged() for the same database
    m_following = info;
    m_collector->start(info);
}

void ActivityPage::setThisDatabaseOnly(bool only)
{
    m_thisDatabase->setChecked(only);
}

void ActivityPage::showSample(const ActivitySample &whole)
{
    const ActivitySample sample = m_thisDatabase->isChecked() && m_workspace
        ? whole.restrictedTo(m_workspace->target().connInfo.database())
        : whole;
    const bool first = m_model->rowCount() == 0;
    m_model->setSample(sample);
    if (first) // widths from the first rows; the user's own after that
        m_grid->resizeColumnsToContents();
    showTree(sample);
    showQueues(sample);
    showProgress(sample);
    showDetails();
    int waiting = 0;
    for (const ActivitySession &s : sample.sessions)
        waiting += s.isWaitingOnLock() ? 1 : 0;
    m_status->setText(tr("%1 sessions, %2 waiting for a lock; sampled in %3 ms%4")
                          .arg(sample.sessions.size())
                          .arg(waiting)
                          .arg(sample.serverMs)
                          .arg(sample.canSeeAllQueries
                                  ? QString()
                                  : tr(" (others' queries hidden: pg_read_all_stats would show "
                                       "them)")));
    emit sampled();
}

void ActivityPage::showTree(const ActivitySample &sample)
{
    const BlockingTree tree = BlockingTree::build(sample);
    m_tree->clear();
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
            item->setData(0, Qt::UserRole, pid);
            if (shown.contains(pid))
                return;
            shown.insert(pid);
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

void ActivityPage::showQueues(const ActivitySample &sample)
{
    m_queues->clear();
    for (const LockQueue &q : LockQueue::build(sample)) {
        auto *top =
            new QTreeWidgetItem(m_queues, {QStringLiteral("%1 — %2").arg(q.target, q.badge)});
        const auto row = [&](const ActivityLock &l, const QString &what) {
            const ActivitySession *s = sample.session(l.pid);
            new QTreeWidgetItem(top,
                {QStringLiteral("%1 %2").arg(what).arg(l.pid),
                    l.mode ? LockModes::name(*l.mode) : l.modeName,
                    l.granted ? QString() : ageText(l.waitingMs),
                    s ? s->query.simplified().left(200) : QString()});
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

void ActivityPage::showProgress(const ActivitySample &sample)
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

void ActivityPage::showDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_grid->currentIndex());
    const ActivitySession *s = m_model->sessionAt(current.row());
    m_details->setPlainText(s ? s->query : QString());
}

} // namespace tusk::widgets
