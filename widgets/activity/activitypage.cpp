#include "activitypage.h"

#include "activitydetailtabs.h"
#include "sessionactionpanel.h"
#include "sessionactionsbar.h"
#include "sessionfilterproxy.h"
#include "sessiontablemodel.h"

#include "widgets/common/desktopnotifier.h"

#include "core/activity/activitycollector.h"
#include "core/activity/blockingtree.h"
#include "core/workspace/workspace.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTime>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace tusk::widgets {

using namespace tusk::core;

namespace {
// The settings keys (seconds), shared with the Preferences to come.
const char *const kLongQuery = "activity/longQuerySeconds";
const char *const kIdleInTransaction = "activity/idleInTransactionSeconds";
const char *const kBlockedAlert = "activity/blockedAlertSeconds";
const char *const kIdleAlert = "activity/idleAlertSeconds";
const char *const kNotify = "activity/notify";

ActivityThresholds savedThresholds()
{
    const QSettings settings;
    ActivityThresholds t;
    const auto seconds = [&](const char *key, qint64 otherwise) {
        return settings.value(QLatin1String(key), otherwise / 1000).toLongLong() * 1000;
    };
    t.longQueryMs = seconds(kLongQuery, t.longQueryMs);
    t.idleInTransactionMs = seconds(kIdleInTransaction, t.idleInTransactionMs);
    t.blockedAlertMs = seconds(kBlockedAlert, t.blockedAlertMs);
    t.idleAlertMs = seconds(kIdleAlert, t.idleAlertMs);
    t.notify = settings.value(QLatin1String(kNotify), t.notify).toBool();
    return t;
}
} // namespace

ActivityPage::ActivityPage(QWidget *parent)
    : QWidget(parent)
    , m_collector(new ActivityCollector(this))
    , m_model(new SessionTableModel(this))
    , m_proxy(new SessionFilterProxy(this))
    , m_grid(new QTableView(this))
    , m_details(new ActivityDetailTabs(this))
    , m_actions(new SessionActionsBar(this))
    , m_notifier(new DesktopNotifier(this))
    , m_alert(new QLabel(this))
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
    m_filter->setPlaceholderText(tr("Filter every column"));
    m_filter->setClearButtonEnabled(true);
    m_interval->setRange(0.5, 10);
    m_interval->setSingleStep(0.5);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(ActivityCollector::defaultIntervalMs / 1000.0);
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_alert->setObjectName(QStringLiteral("activityAlert"));
    m_alert->setWordWrap(true);
    m_alert->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0b84f; padding: 4px; }"));
    m_alert->hide();
    m_actions->setSelection([this] { return selectedPids(); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_regex);
    bar->addWidget(m_idle);
    bar->addWidget(m_workers);
    bar->addWidget(m_thisDatabase);
    bar->addWidget(new QLabel(tr("Every"), this));
    bar->addWidget(m_interval);
    bar->addWidget(m_pause);
    bar->addWidget(thresholdsButton());
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_grid);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_actions);
    layout->addWidget(m_alert);
    layout->addWidget(m_actions->panel());
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    setThresholds(savedThresholds());
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
    connect(m_details, &ActivityDetailTabs::actOn, this, [this](int pid, bool terminate) {
        m_actions->propose(terminate ? SessionAction::Kind::Terminate : SessionAction::Kind::Cancel,
            {pid}, tr("from the tree"));
    });
    connect(m_actions, &SessionActionsBar::acted, this, [this](const QStringList &results) {
        m_status->setText(results.join(QStringLiteral("; ")));
        m_collector->sampleNow();
    });
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

QTreeWidget *ActivityPage::tree() const
{
    return m_details->tree();
}

QTreeWidget *ActivityPage::queues() const
{
    return m_details->queues();
}

QTreeWidget *ActivityPage::progress() const
{
    return m_details->progress();
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
    m_actions->setTarget(info);
    m_collector->start(info);
}

void ActivityPage::setThisDatabaseOnly(bool only)
{
    m_thisDatabase->setChecked(only);
}

void ActivityPage::setThresholds(const ActivityThresholds &thresholds)
{
    m_thresholds = thresholds;
    m_model->setThresholds(thresholds.longQueryMs, thresholds.idleInTransactionMs);
    m_alerts.setThresholds(thresholds);
}

QList<int> ActivityPage::selectedPids() const
{
    QList<int> pids;
    for (const QModelIndex &row : m_grid->selectionModel()->selectedRows())
        pids << row.data(SessionTableModel::PidRole).toInt();
    return pids;
}

QToolButton *ActivityPage::thresholdsButton()
{
    auto *button = new QToolButton(this);
    button->setText(tr("Thresholds"));
    button->setToolTip(tr("When sessions are highlighted and when Tusk says so on the desktop"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    auto *form = new QWidget(menu);
    auto *layout = new QFormLayout(form);
    const ActivityThresholds t = savedThresholds();
    const auto seconds = [&](const char *key, qint64 ms, const QString &label) {
        auto *box = new QSpinBox(form);
        box->setRange(1, 24 * 3600);
        box->setSuffix(tr(" s"));
        box->setValue(int(ms / 1000));
        layout->addRow(label, box);
        connect(box, &QSpinBox::valueChanged, this, [this, key](int value) {
            QSettings().setValue(QLatin1String(key), value);
            setThresholds(savedThresholds());
        });
    };
    seconds(kLongQuery, t.longQueryMs, tr("Highlight a query running longer than"));
    seconds(kIdleInTransaction, t.idleInTransactionMs, tr("Highlight idle in transaction after"));
    seconds(kBlockedAlert, t.blockedAlertMs, tr("Notify when a session has waited on a lock"));
    seconds(kIdleAlert, t.idleAlertMs, tr("Notify when idle in transaction for"));
    auto *notify = new QCheckBox(tr("Desktop notifications"), form);
    notify->setChecked(t.notify);
    layout->addRow(notify);
    connect(notify, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(QLatin1String(kNotify), on);
        setThresholds(savedThresholds());
    });
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(form);
    menu->addAction(action);
    button->setMenu(menu);
    return button;
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
    const BlockingTree tree = BlockingTree::build(sample);
    m_details->showSample(sample, tree);
    m_actions->setSample(sample);
    showDetails();
    raiseAlerts(sample, tree);
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

void ActivityPage::raiseAlerts(const ActivitySample &sample, const BlockingTree &tree)
{
    const QList<ActivityAlerts::Alert> alerts = m_alerts.check(sample, tree);
    if (!m_alerts.isActive())
        m_alert->hide(); // what it said has cleared
    for (const ActivityAlerts::Alert &a : alerts) {
        m_notifier->notify(a.title, a.text);
        m_alert->setText(
            QStringLiteral("%1 — %2: %3")
                .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), a.title, a.text));
        m_alert->show();
        emit alerted(a.title, a.text);
    }
}

void ActivityPage::showDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_grid->currentIndex());
    const ActivitySession *s = m_model->sessionAt(current.row());
    m_details->showQuery(s ? s->query : QString());
}

} // namespace tusk::widgets
