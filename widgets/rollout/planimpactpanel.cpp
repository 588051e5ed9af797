#include "planimpactpanel.h"

#include "widgets/plan/plancomparisonview.h"

#include "core/profiles/sandboxprofile.h"
#include "core/rollout/planimpactrun.h"
#include "core/rollout/rolloutfiles.h"
#include "core/sandbox/localserver.h"
#include "core/sql/statementfinder.h"
#include "core/support/backgroundpool.h"
#include "core/workspace/workspace.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

PlanImpactPanel::PlanImpactPanel(QWidget *parent)
    : QWidget(parent)
    , m_run(new PlanImpactRun(this))
    , m_fromTop(new QRadioButton(tr("The target's top"), this))
    , m_fromFile(new QRadioButton(tr("The queries of"), this))
    , m_top(new QSpinBox(this))
    , m_file(new QLineEdit(this))
    , m_factor(new QDoubleSpinBox(this))
    , m_start(new QPushButton(tr("Run on a Scratch Database"), this))
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_comparison(new PlanComparisonView(this))
{
    setObjectName(QStringLiteral("planImpactPanel"));
    m_fromTop->setChecked(true);
    m_top->setRange(1, 200);
    m_top->setValue(20);
    m_top->setSuffix(tr(" queries of pg_stat_statements"));
    m_file->setPlaceholderText(tr("a .sql file, one query per statement"));
    auto *browse = new QToolButton(this);
    browse->setText(tr("…"));
    m_factor->setRange(1.1, 1000);
    m_factor->setValue(2.0);
    m_factor->setPrefix(tr("cost grows past ×"));
    m_start->setObjectName(QStringLiteral("runPlanImpact"));
    m_status->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("planImpactList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels(
        {tr("Verdict"), tr("Cost before → after"), tr("What changed"), tr("Query"), tr("From")});

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_fromTop);
    bar->addWidget(m_top);
    bar->addWidget(m_fromFile);
    bar->addWidget(m_file, 1);
    bar->addWidget(browse);
    bar->addWidget(m_factor);
    bar->addWidget(m_start);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_comparison);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    m_status->setText(tr("The pending migration runs on a scratch database made on the sandbox, "
                         "never on the target; each query is explained there before and after."));

    connect(browse, &QToolButton::clicked, this, &PlanImpactPanel::chooseFile);
    connect(m_file, &QLineEdit::textEdited, this, [this] { m_fromFile->setChecked(true); });
    connect(m_start, &QPushButton::clicked, this, &PlanImpactPanel::run);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        select(m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1);
    });
    connect(m_run, &PlanImpactRun::progress, m_status, &QLabel::setText);
    connect(m_run, &PlanImpactRun::failed, this, [this](const QString &error) {
        m_start->setEnabled(true);
        m_status->setText(tr("Not measured: %1").arg(error));
        emit done();
    });
    connect(m_run, &PlanImpactRun::finished, this, &PlanImpactPanel::showOutcomes);
}

void PlanImpactPanel::setQueriesFile(const QString &path)
{
    m_file->setText(path);
    m_fromFile->setChecked(true);
}

void PlanImpactPanel::chooseFile()
{
    auto *dialog = new QFileDialog(
        this, tr("Queries to Explain"), QString(), tr("SQL files (*.sql);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &PlanImpactPanel::setQueriesFile);
    dialog->open();
}

void PlanImpactPanel::run()
{
    if (m_run->isRunning())
        return;
    if (m_folder.isEmpty())
        return start();
    m_start->setEnabled(false);
    const QString folder = m_folder;
    BackgroundPool::run<QByteArray>(
        this,
        [folder] {
            QString error;
            return RolloutFiles::joined(RolloutFiles::readPending(folder, &error));
        },
        [this](QByteArray &&sql) {
            m_start->setEnabled(true);
            m_migration = std::move(sql);
            start();
        });
}

void PlanImpactPanel::start()
{
    if (!m_workspace || m_workspace->target().isEmpty())
        return m_status->setText(tr("Pick a target first: its schema is what the scratch gets."));
    if (m_migration.trimmed().isEmpty())
        return m_status->setText(tr("No pending migration to measure."));
    PlanImpactRun::Request request;
    request.server = m_scratchServer;
    if (request.server.isEmpty()) {
        const std::optional<Profile> sandbox = SandboxProfile::find(LocalServer::defaultFolder());
        if (sandbox)
            request.server = sandbox->connInfo();
    }
    if (request.server.isEmpty())
        return m_status->setText(
            tr("The scratch database is made on the sandbox: start it (Profiles → sandbox)."));
    request.source = m_workspace->target().connInfo;
    // On the sandbox itself the scratch is a file copy with the rows; a
    // remote target's rows are not copied from here.
    request.withRows = request.source.host() == request.server.host()
        && request.source.port() == request.server.port();
    request.migration = m_migration;
    request.top = m_top->value();
    request.factor = m_factor->value();
    if (m_fromFile->isChecked()) {
        QFile file(m_file->text());
        if (!file.open(QIODevice::ReadOnly))
            return m_status->setText(
                tr("Cannot read %1: %2").arg(m_file->text(), file.errorString()));
        const QByteArray text = file.readAll();
        int n = 0;
        for (const ByteRange &r : StatementFinder::statements(text))
            request.queries << PlanImpact::Query {
                QString::fromUtf8(text.mid(r.begin, r.size())).trimmed(),
                tr("%1, statement %2").arg(m_file->text()).arg(++n)};
        if (request.queries.isEmpty())
            return m_status->setText(tr("%1 holds no statement.").arg(m_file->text()));
    }
    m_start->setEnabled(false);
    m_list->clear();
    m_outcomes.clear();
    m_run->start(request);
}

void PlanImpactPanel::showOutcomes(
    const QList<PlanImpact::Outcome> &outcomes, const QString &where, bool rows)
{
    m_start->setEnabled(true);
    m_outcomes = outcomes;
    m_list->clear();
    int worse = 0;
    for (const PlanImpact::Outcome &o : outcomes) {
        const ImpactVerdict &v = o.verdict;
        worse += v.isWorse() ? 1 : 0;
        const QString verdict = !o.error.isEmpty() ? tr("not explained")
            : v.isWorse()                          ? tr("worse")
            : !v.better.isEmpty()                  ? tr("better")
                                                   : tr("same");
        QStringList changes;
        for (const QString &w : v.worse)
            changes << QStringLiteral("✗ ") + w;
        for (const QString &b : v.better)
            changes << QStringLiteral("✓ ") + b;
        if (v.costGrew && v.worse.isEmpty())
            changes << tr("✗ cost ×%1").arg(v.ratio(), 0, 'f', 1);
        auto *item = new QTreeWidgetItem(m_list,
            {verdict,
                o.error.isEmpty() ? QStringLiteral("%1 → %2")
                                        .arg(v.costBefore, 0, 'f', 1)
                                        .arg(v.costAfter, 0, 'f', 1)
                                  : o.error,
                changes.join(QStringLiteral("; ")), o.query.sql.simplified().left(200),
                o.query.source});
        item->setToolTip(3, o.query.sql);
        if (v.isWorse())
            for (int c = 0; c < 3; ++c)
                item->setForeground(c, QColor(0xb0, 0x1c, 0x1c));
    }
    for (int c = 0; c < 3; ++c)
        m_list->resizeColumnToContents(c);
    m_status->setText(tr("%1 query(s) read what the migration changes, %2 worse; ran on %3.%4")
                          .arg(outcomes.size())
                          .arg(worse)
                          .arg(where,
                              rows ? QString()
                                   : tr(" The scratch holds the schema without rows: these are "
                                        "the plans of empty tables.")));
    if (!outcomes.isEmpty())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    emit done();
}

void PlanImpactPanel::select(int index)
{
    if (index < 0 || index >= m_outcomes.size())
        return;
    const PlanImpact::Outcome &o = m_outcomes.at(index);
    if (o.before.isEmpty() || o.after.isEmpty())
        return;
    m_comparison->setPlans(std::make_shared<const Plan>(o.before), tr("Before the migration"),
        std::make_shared<const Plan>(o.after), tr("After the migration"));
}

} // namespace tusk::widgets
