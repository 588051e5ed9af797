#include "rolloutwizard.h"

#include "sheetpdfwriter.h"

#include "core/files/userfilewriter.h"
#include "core/migrations/backfill/backfillrun.h"
#include "core/migrations/migrationsfolder.h"
#include "core/migrations/migrationswriter.h"
#include "core/profiles/sandboxprofile.h"
#include "core/rollout/rolloutfiles.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/rolloutsheet.h"
#include "core/sandbox/localserver.h"
#include "core/support/backgroundpool.h"
#include "core/workspace/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tusk::widgets {

using core::RolloutSession;

namespace {
using Pending = QList<QPair<QString, QByteArray>>;

QString mark(RolloutSession::State state)
{
    switch (state) {
    case RolloutSession::State::Waiting:
        return QStringLiteral("○");
    case RolloutSession::State::Running:
        return QStringLiteral("…");
    case RolloutSession::State::Ran:
        return QStringLiteral("●");
    case RolloutSession::State::GateHolds:
        return QStringLiteral("✓");
    case RolloutSession::State::RolledBack:
        return QStringLiteral("↺");
    case RolloutSession::State::GateFails:
    case RolloutSession::State::Failed:
        break;
    }
    return QStringLiteral("✗");
}

QString pre(const QString &text)
{
    return QStringLiteral(
        "<pre style='background:#f4f4f4;padding:6px;white-space:pre-wrap'>%1</pre>")
        .arg(text.toHtmlEscaped());
}
} // namespace

RolloutWizard::RolloutWizard(QWidget *parent)
    : QWidget(parent)
    , m_session(new RolloutSession(this))
    , m_summary(new QLabel(this))
    , m_timeline(new QListWidget(this))
    , m_details(new QTextBrowser(this))
    , m_confirm(new QLabel(this))
    , m_confirmRun(new QPushButton(tr("Run It"), this))
    , m_blocked(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_dryRun(new QPushButton(tr("Dry Run"), this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_gate(new QPushButton(tr("Check Gate"), this))
    , m_rollBack(new QPushButton(tr("Roll Back"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_next(new QPushButton(tr("Next Step →"), this))
    , m_reviewer(new QLineEdit(this))
    , m_signOff(new QPushButton(tr("Sign Off"), this))
    , m_export(new QPushButton(tr("Export Sheet"), this))
{
    setObjectName(QStringLiteral("rolloutWizard"));
    m_timeline->setObjectName(QStringLiteral("rolloutTimeline"));
    m_timeline->setToolTip(tr("Each step: its state on the target (○ not run, ✓ gate holds, ✗ "
                              "failed, ↺ rolled back), then its dry-run mark"));
    m_details->setObjectName(QStringLiteral("rolloutStepDetails"));
    m_blocked->setObjectName(QStringLiteral("rolloutBlocked"));
    m_blocked->setWordWrap(true);
    m_blocked->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; }"));
    m_confirm->setObjectName(QStringLiteral("rolloutConfirmRun"));
    m_confirm->setWordWrap(true);
    m_confirm->setStyleSheet(
        QStringLiteral("QLabel { background: #fde2e1; border: 1px solid #d9534f; padding: 6px; }"));
    m_confirm->hide();
    m_confirmRun->hide();
    m_progress->hide();
    m_pause->hide();
    m_dryRun->setToolTip(tr("Make a scratch database with the target's schema on the sandbox and "
                            "prove every step's rollback there: up, rollback, the schema as "
                            "before, up again"));
    m_reviewer->setPlaceholderText(tr("Reviewer"));
    m_reviewer->setObjectName(QStringLiteral("rolloutReviewer"));
    m_signOff->setToolTip(tr("Record the reviewer, the time and the sheet's hash in "
                             "CHANGELOG.md; any later change to the pending files voids it"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_dryRun);
    top->addWidget(m_reviewer);
    top->addWidget(m_signOff);
    top->addWidget(m_export);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_run, m_gate, m_rollBack, m_pause})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_next);
    auto *confirm = new QHBoxLayout;
    confirm->addWidget(m_confirm, 1);
    confirm->addWidget(m_confirmRun);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_details, 1);
    rightLayout->addWidget(m_progress);
    rightLayout->addLayout(confirm);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(m_blocked);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_timeline);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_timeline, &QListWidget::currentRowChanged, this, &RolloutWizard::showSelected);
    // A question asked about one step is not an answer for another.
    connect(m_timeline, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_askedStep >= 0 && row != m_askedStep)
            dropQuestion();
    });
    connect(m_dryRun, &QPushButton::clicked, this, &RolloutWizard::dryRun);
    connect(m_run, &QPushButton::clicked, this, &RolloutWizard::runSelected);
    connect(m_confirmRun, &QPushButton::clicked, this, &RolloutWizard::confirmRun);
    connect(m_gate, &QPushButton::clicked, this, &RolloutWizard::checkGate);
    connect(m_rollBack, &QPushButton::clicked, this, &RolloutWizard::rollBack);
    connect(m_next, &QPushButton::clicked, this, &RolloutWizard::next);
    connect(m_signOff, &QPushButton::clicked, this, &RolloutWizard::signOff);
    connect(m_export, &QPushButton::clicked, this, [this] {
        exportSheet(QFileInfo(m_folder).dir().filePath(QStringLiteral("rollout-sheet.md")));
    });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (core::BackfillRun *b = m_session->backfill()) {
            b->isPaused() ? b->resume() : b->pause();
            m_pause->setText(b->isPaused() ? tr("Resume") : tr("Pause"));
        }
    });
    connect(m_session, &RolloutSession::stepChanged, this, &RolloutWizard::refreshStep);
    connect(m_session, &RolloutSession::busyChanged, this, &RolloutWizard::updateButtons);
    connect(m_session, &RolloutSession::message, this, &RolloutWizard::message);
    updateButtons();
}

RolloutWizard::~RolloutWizard()
{
    // A git still running must not report to a half-destroyed widget.
    if (m_git) {
        m_git->disconnect(this);
        m_git->kill();
    }
}

void RolloutWizard::setWorkspace(core::Workspace *workspace)
{
    m_workspace = workspace;
    // A fresher catalog plans again, until the rollout itself has changed
    // it: then the plan stays the one made before the first step.
    connect(workspace, &core::Workspace::catalogChanged, this, [this] {
        if (!m_session->hasProgress())
            setFolder(m_folder);
    });
    connect(workspace, &core::Workspace::targetChanged, this, &RolloutWizard::updateButtons);
}

void RolloutWizard::setFolder(const QString &folder)
{
    m_folder = folder;
    const int read = ++m_reads;
    const core::CatalogSnapshot catalog =
        m_workspace ? m_workspace->catalog() : core::CatalogSnapshot();
    struct Planned {
        Pending pending;
        core::RolloutPlan plan;
    };
    // Reading the files and linting their statements: off the GUI thread.
    core::BackgroundPool::run<Planned>(
        this,
        [folder, catalog] {
            Planned p;
            QString error;
            p.pending = core::RolloutFiles::readPending(folder, &error);
            const QByteArray sql = core::RolloutFiles::joined(p.pending);
            p.plan = core::RolloutPlanner::plan(
                sql, catalog, nullptr, catalog.isNull() ? 150000 : catalog.serverVersion());
            return p;
        },
        [this, read](Planned &&p) {
            if (read != m_reads || m_session->isBusy())
                return;
            m_pending = p.pending;
            showPlan(p.plan);
        });
    // The reviewer's name from git, asked once without waiting.
    if (!m_git && m_reviewer->text().isEmpty() && QFileInfo::exists(folder)) {
        m_git = new QProcess(this);
        m_git->setWorkingDirectory(folder);
        connect(m_git, &QProcess::finished, this, [this] {
            if (m_reviewer->text().isEmpty())
                m_reviewer->setText(QString::fromUtf8(m_git->readAllStandardOutput()).trimmed());
        });
        m_git->start(
            QStringLiteral("git"), {QStringLiteral("config"), QStringLiteral("user.name")});
    }
}

void RolloutWizard::showPlan(const core::RolloutPlan &plan)
{
    const int keep = selectedStep();
    m_session->setPlan(plan);
    m_timeline->clear();
    for (int i = 0; i < m_session->stepCount(); ++i) {
        m_timeline->addItem(QString());
        refreshStep(i);
    }
    m_summary->setText(tr("%n pending file(s), %1 steps", nullptr, int(m_pending.size()))
                           .arg(m_session->stepCount()));
    selectStep(std::clamp(keep, 0, std::max(0, m_session->stepCount() - 1)));
    updateButtons();
    emit planned();
}

void RolloutWizard::refreshStep(int index)
{
    if (index < 0 || index >= m_timeline->count())
        return;
    const core::RolloutStep &step = m_session->step(index);
    const RolloutSession::Status &s = m_session->status(index);
    // The state on the target, then the dry run's mark, then the step.
    const QString text =
        QStringLiteral("%1 [%2]  %3. %4 · %5")
            .arg(mark(s.state), s.dryRun ? s.dryRun->mark() : QStringLiteral(" "))
            .arg(index + 1)
            .arg(core::RolloutStep::phaseName(step.phase), core::RolloutStep::oneLine(step.up, 70));
    QListWidgetItem *item = m_timeline->item(index);
    item->setText(text);
    const bool reachable = index <= m_session->reachable();
    item->setForeground(reachable ? palette().text() : palette().placeholderText());
    item->setToolTip(reachable ? RolloutSession::stateName(s.state) : m_session->blockedReason());
    if (index == selectedStep())
        showSelected();
    updateButtons();
}

int RolloutWizard::selectedStep() const
{
    return m_timeline->currentRow();
}

void RolloutWizard::selectStep(int index)
{
    m_timeline->setCurrentRow(index);
}

QString RolloutWizard::stepHtml(int index) const
{
    const core::RolloutStep &step = m_session->step(index);
    const RolloutSession::Status &s = m_session->status(index);
    QString html = QStringLiteral("<h3>%1. %2 — %3</h3>")
                       .arg(index + 1)
                       .arg(core::RolloutStep::phaseName(step.phase).toHtmlEscaped(),
                           RolloutSession::stateName(s.state).toHtmlEscaped());
    html += pre(step.up);
    html += tr("<p><b>Lock:</b> %1<br><b>In a transaction:</b> %2</p>")
                .arg(step.lock.toHtmlEscaped(), step.inTransaction ? tr("yes") : tr("no"));
    html += tr("<p><b>Gate before the next step:</b></p><ul>");
    const QStringList lines = s.gate;
    if (!lines.isEmpty()) {
        for (const QString &line : lines)
            html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    } else if (step.gate.isEmpty()) {
        html += tr("<li>none</li>");
    } else {
        for (const core::ChangeVerifier::Check &c : step.gate)
            html += QStringLiteral("<li>%1 (not checked yet)</li>").arg(c.what.toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    if (s.dryRun) {
        html += tr("<p><b>Dry run:</b> %1 %2</p>")
                    .arg(s.dryRun->mark(), core::DryRunStep::outcomeName(s.dryRun->outcome));
        QStringList notes;
        if (!s.dryRun->explanation.isEmpty())
            notes << s.dryRun->explanation;
        for (const auto &d : s.dryRun->rollbackLeft)
            notes << tr("the rollback left: %1").arg(d.describe());
        for (const auto &d : s.dryRun->upAgainDiffers)
            notes << tr("up again differs: %1").arg(d.describe());
        if (!s.dryRun->estimate.isEmpty())
            notes << s.dryRun->estimate;
        for (const QString &n : notes)
            html += QStringLiteral("<p style='margin-left:12px'>%1</p>").arg(n.toHtmlEscaped());
    }
    html += tr("<p><b>Rollback%1:</b></p>").arg(step.rollbackSafe ? QString() : tr(" (not safe)"));
    html +=
        pre(s.dryRun && !s.dryRun->rollbackRun.isEmpty() ? s.dryRun->rollbackRun : step.rollback);
    if (!s.message.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(s.message.toHtmlEscaped());
    return html;
}

void RolloutWizard::showSelected()
{
    const int index = selectedStep();
    if (index < 0 || index >= m_session->stepCount()) {
        m_details->setHtml(tr("<p>No pending statements: nothing to roll out.</p>"));
        return updateButtons();
    }
    m_details->setHtml(stepHtml(index));
    const RolloutSession::Status &s = m_session->status(index);
    m_progress->setVisible(s.backfill.has_value());
    m_pause->setVisible(s.backfill && !s.backfill->isOver());
    if (s.backfill) {
        const core::BackfillProgress &p = *s.backfill;
        m_progress->setRange(0, p.rowsTotalEstimate > 0 ? 1000 : 0);
        if (p.rowsTotalEstimate > 0)
            m_progress->setValue(
                int(std::min<qint64>(1000, p.rowsDone * 1000 / p.rowsTotalEstimate)));
        m_progress->setFormat(
            tr("%1 rows, %2 rows/s, ETA %3 s — %4")
                .arg(p.rowsDone)
                .arg(qRound(p.rowsPerSecond))
                .arg(p.etaSeconds < 0 ? QStringLiteral("?") : QString::number(qRound(p.etaSeconds)))
                .arg(p.status));
    }
    updateButtons();
}

void RolloutWizard::updateButtons()
{
    const int index = selectedStep();
    const bool has = index >= 0 && index < m_session->stepCount();
    const bool busy = m_session->isBusy();
    const bool target = m_workspace && !m_workspace->target().isEmpty();
    const bool application = has && m_session->step(index).isApplicationStep();
    m_run->setText(application
            ? tr("Mark Done")
            : tr("Run on %1").arg(target ? m_workspace->target().label : tr("target")));
    m_run->setEnabled(has && !busy && (target || application) && index <= m_session->reachable());
    m_gate->setEnabled(has && !busy && target && !m_session->step(index).gate.isEmpty());
    const RolloutSession::State state =
        has ? m_session->status(index).state : RolloutSession::State::Waiting;
    const bool ran = state == RolloutSession::State::Ran
        || state == RolloutSession::State::GateHolds || state == RolloutSession::State::GateFails;
    m_rollBack->setEnabled(has && !busy && target && ran && m_session->step(index).rollbackSafe);
    m_dryRun->setEnabled(!busy && m_session->stepCount() > 0);
    m_signOff->setEnabled(!busy && !m_folder.isEmpty() && !m_pending.isEmpty());
    m_export->setEnabled(m_session->stepCount() > 0);
    // Next opens only once this step's gate held.
    const bool passed = state == RolloutSession::State::GateHolds;
    m_next->setEnabled(passed && index + 1 < m_session->stepCount());
    m_blocked->setText(has && !passed ? m_session->blockedReason() : QString());
    m_confirmRun->setEnabled(!busy);
}

core::ConnInfo RolloutWizard::scratchServer() const
{
    if (!m_scratchServer.isEmpty())
        return m_scratchServer;
    if (m_workspace && m_workspace->target().label == core::SandboxProfile::name())
        return m_workspace->target().connInfo;
    const std::optional<core::Profile> sandbox =
        core::SandboxProfile::find(core::LocalServer::defaultFolder());
    return sandbox ? sandbox->connInfo() : core::ConnInfo();
}

void RolloutWizard::dryRun()
{
    const core::ConnInfo server = scratchServer();
    if (server.isEmpty() || !m_workspace || m_workspace->target().isEmpty())
        return emit message(tr("The dry run needs the sandbox (start it) and a target"));
    const core::ConnInfo source = m_workspace->target().connInfo;
    const bool sameServer = source.host() == server.host() && source.port() == server.port();
    m_session->dryRun(server, source, sameServer, m_workspace->catalog());
}

void RolloutWizard::runSelected()
{
    const int index = selectedStep();
    if (index < 0 || !m_workspace)
        return;
    const core::RolloutStep &step = m_session->step(index);
    if (step.isApplicationStep())
        return m_session->markDone(index);
    // A production target (or one that approves schema changes) asks
    // first, inline: the window keeps running meanwhile.
    const core::Confirmation ask = m_workspace->confirmationPolicy().beforeRunning(
        step.up.toUtf8(), false, m_workspace->schemaFacts().get());
    if (!ask.isNull()) {
        m_confirm->setText(
            QStringLiteral("<b>%1</b><br>%2")
                .arg(ask.title.toHtmlEscaped(),
                    ask.text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
        m_confirm->show();
        m_confirmRun->show();
        m_askedStep = index; // the yes is for this step, not whatever is selected later
        return;
    }
    confirmRun();
}

void RolloutWizard::confirmRun()
{
    const int step = m_askedStep >= 0 ? m_askedStep : selectedStep();
    dropQuestion();
    if (m_workspace)
        m_session->run(step, m_workspace->target().connInfo);
}

void RolloutWizard::dropQuestion()
{
    m_confirm->hide();
    m_confirmRun->hide();
    m_askedStep = -1;
}

void RolloutWizard::checkGate()
{
    if (m_workspace)
        m_session->checkGate(selectedStep(), m_workspace->target().connInfo);
}

void RolloutWizard::rollBack()
{
    if (m_workspace)
        m_session->rollBack(selectedStep(), m_workspace->target().connInfo);
}

void RolloutWizard::next()
{
    if (m_next->isEnabled())
        selectStep(selectedStep() + 1);
}

QString RolloutWizard::sheetMarkdown() const
{
    core::RolloutSheet sheet(m_pending, m_session->plan());
    if (const auto report = m_session->dryRunReport())
        sheet.setDryRun(*report);
    QFile log(core::MigrationsFolder::read(m_folder).changelogPath());
    if (log.open(QIODevice::ReadOnly))
        sheet.setSignOff(core::RolloutSheet::signOffIn(log.readAll()));
    return sheet.markdown();
}

void RolloutWizard::signOff()
{
    const QString reviewer = m_reviewer->text().trimmed();
    if (reviewer.isEmpty())
        return emit message(tr("Who signs off? Type the reviewer's name first"));
    const core::RolloutSheet sheet(m_pending, m_session->plan());
    const core::RolloutSheet::SignOff given {
        reviewer, QDateTime::currentDateTimeUtc(), sheet.hash()};
    const QString folder = m_folder;
    core::BackgroundPool::run<QString>(
        this,
        [folder, given] {
            return core::MigrationsWriter(folder)
                .replaceEntries(QDate::currentDate(), core::RolloutSheet::changelogKey(),
                    {core::RolloutSheet::changelogEntry(given)})
                .message;
        },
        [this](QString &&text) { emit message(text); });
}

void RolloutWizard::exportSheet(const QString &path)
{
    const QString markdown = sheetMarkdown();
    // The PDF is laid out here (fonts live on this thread); the file is
    // written off it, through the one writer.
    const QByteArray bytes = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
        ? SheetPdfWriter::render(markdown)
        : markdown.toUtf8();
    const core::UserFileWriter::Options options =
        m_workspace ? m_workspace->fileWriteOptions() : core::UserFileWriter::Options();
    core::BackgroundPool::run<QString>(
        this,
        [path, bytes, options] {
            const core::FileWriteError e = core::UserFileWriter::writeFile(path, bytes, options);
            return e.isNull() ? QObject::tr("Sheet written to %1").arg(path) : e.message;
        },
        [this](QString &&text) { emit message(text); });
}

} // namespace tusk::widgets
