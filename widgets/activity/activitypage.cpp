#include "activitypage.h"

#include "activitycharts.h"
#include "activitydetailtabs.h"
#include "activitythresholdsform.h"
#include "activitytimeline.h"
#include "serverstatsview.h"
#include "sessionactionpanel.h"
#include "sessionactionsbar.h"
#include "sessionfilterproxy.h"
#include "sessiontablemodel.h"

#include "widgets/common/desktopnotifier.h"

#include "core/activity/activitycollector.h"
#include "core/activity/activityrecording.h"
#include "core/activity/blockingtree.h"
#include "core/preferences/preferences.h"
#include "core/support/durationtext.h"
#include "core/workspace/workspace.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
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

ActivityPage::ActivityPage(QWidget *parent)
    : QWidget(parent)
    , m_collector(new ActivityCollector(this))
    , m_model(new SessionTableModel(this))
    , m_proxy(new SessionFilterProxy(this))
    , m_grid(new QTableView(this))
    , m_details(new ActivityDetailTabs(this))
    , m_timeline(new ActivityTimeline(this))
    , m_charts(new ActivityCharts(this))
    , m_statsView(new ServerStatsView(this))
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
    m_grid->setAccessibleName(tr("Sessions"));
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
    m_interval->setValue(Preferences::instance()->activityIntervalSeconds());
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
    layout->addWidget(m_timeline);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    m_details->addTab(m_charts, tr("Charts"));
    m_details->addTab(m_statsView, tr("Statements and Waits"));
    setThresholds(ActivityThresholdsForm::saved());
    // The thresholds and the interval follow the Preferences at once.
    connect(Preferences::instance(), &Preferences::changed, this, [this](const QString &key) {
        if (ActivityThresholdsForm::isThresholdKey(key))
            setThresholds(ActivityThresholdsForm::saved());
        else if (key == QLatin1String(Preferences::activityIntervalKey))
            m_interval->setValue(Preferences::instance()->activityIntervalSeconds());
    });
    connect(m_details, &QTabWidget::currentChanged, this, &ActivityPage::drawCharts);
    connect(m_timeline, &ActivityTimeline::scrubbed, this, &ActivityPage::scrub);
    connect(m_timeline, &ActivityTimeline::wentLive, this, [this] {
        m_shown = {};
        m_timeline->setMoment({}, tr("live"));
        if (!m_history.isEmpty())
            display(m_history.sampleAt(m_history.size() - 1), true);
        drawCharts();
    });
    connect(m_timeline, &ActivityTimeline::windowChanged, this, &ActivityPage::drawCharts);
    connect(m_timeline, &ActivityTimeline::recordTo, this, &ActivityPage::startRecording);
    connect(m_timeline, &ActivityTimeline::stopRecording, this, [this] {
        if (m_recording)
            m_recording->stop();
    });
    connect(m_timeline, &ActivityTimeline::openRecording, this, &ActivityPage::openRecording);
    connect(m_timeline, &ActivityTimeline::closeRecording, this, &ActivityPage::closeRecording);
    connect(m_collector, &ActivityCollector::serverStatsRead, m_statsView, &ServerStatsView::add);
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
    m_collector->setIntervalMs(int(m_interval->value() * 1000));
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
    connect(m_collector, &ActivityCollector::sampled, this, &ActivityPage::onSampled);
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
    auto *form = new ActivityThresholdsForm(menu);
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(form);
    menu->addAction(action);
    button->setMenu(menu);
    return button;
}

void ActivityPage::onSampled(const ActivitySample &whole)
{
    const ActivitySample sample = m_thisDatabase->isChecked() && m_workspace
        ? whole.restrictedTo(m_workspace->target().connInfo.database())
        : whole;
    m_history.append(sample);
    if (m_recording && m_recording->isRecording())
        m_recording->record(sample);
    if (!m_replay)
        m_timeline->setSamples(m_history.size(), m_history.first(), m_history.last());
    if (m_timeline->isLive())
        display(sample, true);
    drawCharts();
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

void ActivityPage::display(const ActivitySample &sample, bool live)
{
    const bool first = m_model->rowCount() == 0;
    m_model->setSample(sample);
    if (first) // widths from the first rows; the user's own after that
        m_grid->resizeColumnsToContents();
    const BlockingTree tree = BlockingTree::build(sample);
    m_details->showSample(sample, tree);
    m_actions->setSample(sample);
    // Acting on a moment past would act on sessions as they are now.
    m_actions->setEnabled(live);
    showDetails();
    if (live)
        raiseAlerts(sample, tree);
}

void ActivityPage::scrub(int index)
{
    if (m_replay) {
        m_replay->sampleInBackground(
            this, index, [this, index](std::optional<ActivitySample> sample, const QString &error) {
                if (!m_replay || m_timeline->index() != index)
                    return; // scrubbed on meanwhile, or closed
                if (!sample)
                    return m_status->setText(tr("Cannot read that sample: %1").arg(error));
                m_shown = sample->takenAt;
                display(*sample, false);
                m_timeline->setMoment(m_shown, tr("(recorded)"));
                drawCharts();
                emit shownPast(m_shown);
            });
        return;
    }
    if (index < 0 || index >= m_history.size())
        return;
    const ActivitySample sample = m_history.sampleAt(index);
    m_shown = sample.takenAt;
    display(sample, false);
    m_timeline->setMoment(m_shown, tr("(%1 ago)").arg(ageText(m_shown.msecsTo(m_history.last()))));
    drawCharts();
    emit shownPast(m_shown);
}

void ActivityPage::showMoment(const QDateTime &moment)
{
    const int index = m_replay ? m_replay->indexAt(moment) : m_history.indexAt(moment);
    if (index >= 0)
        m_timeline->scrubTo(index);
}

void ActivityPage::drawCharts()
{
    const QWidget *current = m_details->currentWidget();
    if (current != m_charts && current != m_statsView)
        return; // drawn when looked at
    QList<ActivityTally> tallies;
    if (m_replay) {
        // A recording keeps a few counts per sample; the charts draw those.
        for (const ActivityRecordingReader::Entry &e : m_replay->entries()) {
            ActivityTally t;
            t.takenAt = e.takenAt;
            t.sessions = e.sessions;
            t.byState.insert(QStringLiteral("active"), e.active);
            t.blocked = e.blocked;
            tallies << t;
        }
    }
    const QList<ActivityTally> &drawn = m_replay ? tallies : m_history.tallies();
    if (drawn.isEmpty())
        return;
    // Live: the window ends now. A recording: it is centred on the moment shown.
    const qint64 window = m_timeline->windowMs();
    // A history shorter than the window is drawn across the whole width.
    QDateTime from = std::max(drawn.first().takenAt, drawn.last().takenAt.addMSecs(-window));
    if (m_replay)
        from = std::max(drawn.first().takenAt,
            (m_shown.isValid() ? m_shown : drawn.first().takenAt).addMSecs(-window / 2));
    const QDateTime to = std::min(from.addMSecs(window), drawn.last().takenAt);
    if (current == m_charts)
        m_charts->draw(drawn, from, to, m_shown);
    else
        m_statsView->showWindow(from);
}

void ActivityPage::startRecording(const QString &path)
{
    m_recording = std::make_unique<ActivityRecording>();
    ActivityRecording::Options options;
    options.server = m_following.toDisplayString();
    if (m_workspace)
        options.migrationsFolders = m_workspace->fileWriteOptions().migrationsFolders;
    connect(m_recording.get(), &ActivityRecording::failed, this, [this](const QString &message) {
        m_status->setText(tr("Not recording: %1").arg(message));
        m_timeline->setRecording(false, {});
    });
    connect(m_recording.get(), &ActivityRecording::flushed, this, [this](qint64 samples) {
        m_timeline->setRecording(true, tr("Stop Recording (%1)").arg(samples));
    });
    connect(m_recording.get(), &ActivityRecording::stopped, this, [this] {
        m_status->setText(tr("Recorded %1 samples to %2")
                              .arg(m_recording->samplesInFile())
                              .arg(m_recording->path()));
        m_timeline->setRecording(false, {});
    });
    QString error;
    if (m_recording->start(path, options, &error))
        m_timeline->setRecording(true, tr("Stop Recording"));
}

void ActivityPage::openRecording(const QString &path)
{
    m_status->setText(tr("Opening %1…").arg(path));
    ActivityRecordingReader::openInBackground(this, path,
        [this, path](std::optional<ActivityRecordingReader> reader, const QString &error) {
            if (!reader)
                return m_status->setText(tr("Cannot open %1: %2").arg(path, error));
            if (reader->size() == 0)
                return m_status->setText(tr("%1 holds no samples").arg(path));
            m_replay = std::move(reader);
            m_timeline->setReplaying(tr("%1: %2 samples of %3")
                                         .arg(QFileInfo(path).fileName())
                                         .arg(m_replay->size())
                                         .arg(m_replay->server()));
            m_timeline->setSamples(m_replay->size(), m_replay->first(), m_replay->last());
            m_timeline->scrubTo(0);
            scrub(0);
        });
}

void ActivityPage::closeRecording()
{
    if (!m_replay)
        return;
    m_replay.reset();
    m_timeline->setReplaying({});
    m_timeline->setSamples(m_history.size(), m_history.first(), m_history.last());
    m_timeline->goLive();
}

void ActivityPage::raiseAlerts(const ActivitySample &sample, const BlockingTree &tree)
{
    const QList<ActivityAlerts::Alert> alerts = m_alerts.check(sample, tree);
    if (!m_alerts.isActive())
        m_alert->hide(); // what it said has cleared
    QStringList lines;
    for (const ActivityAlerts::Alert &a : alerts) {
        m_notifier->notify(a.title, a.text);
        lines << QStringLiteral("%1 — %2: %3")
                     .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), a.title,
                         a.text);
        emit alerted(a.title, a.text);
    }
    if (!lines.isEmpty()) { // every alert of this sample, not only the last
        m_alert->setText(lines.join(QLatin1Char('\n')));
        m_alert->show();
    }
}

void ActivityPage::showDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_grid->currentIndex());
    const ActivitySession *s = m_model->sessionAt(current.row());
    m_details->showQuery(s ? s->query : QString());
}

} // namespace tusk::widgets
