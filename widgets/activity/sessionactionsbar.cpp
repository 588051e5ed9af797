#include "sessionactionsbar.h"

#include "sessionactionpanel.h"

#include "core/pg/ownsessions.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSet>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace tusk::widgets {

using core::SessionAction;

SessionActionsBar::SessionActionsBar(QWidget *parent)
    : QWidget(parent)
    , m_panel(new SessionActionPanel(parent))
    , m_ruleRow(new QWidget(this))
    , m_ruleState(new QComboBox(m_ruleRow))
    , m_ruleMinutes(new QSpinBox(m_ruleRow))
    , m_ruleDatabase(new QComboBox(m_ruleRow))
{
    const auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        return b;
    };
    QToolButton *cancel = button(tr("Cancel Query"),
        tr("Cancel the selected sessions' queries (pg_cancel_backend); their connections stay."));
    QToolButton *terminate = button(tr("Terminate"),
        tr("End the selected sessions (pg_terminate_backend); their transactions roll back."));
    QToolButton *both = button(tr("Cancel, Then Terminate"),
        tr("Cancel first; terminate after a grace period those still there."));
    QToolButton *rule = button(tr("By Rule…"), tr("Pick sessions by state, age and database."));
    cancel->setObjectName(QStringLiteral("cancelSessions"));
    terminate->setObjectName(QStringLiteral("terminateSessions"));
    rule->setCheckable(true);
    m_selectionButtons = {cancel, terminate, both};

    m_ruleState->addItem(tr("idle in transaction"), QStringLiteral("idle in transaction"));
    m_ruleState->addItem(
        tr("idle in transaction (aborted)"), QStringLiteral("idle in transaction (aborted)"));
    m_ruleState->addItem(tr("active"), QStringLiteral("active"));
    m_ruleState->addItem(tr("idle"), QStringLiteral("idle"));
    m_ruleState->addItem(tr("any state"), QString());
    m_ruleMinutes->setRange(0, 24 * 60);
    m_ruleMinutes->setValue(10);
    m_ruleMinutes->setSuffix(tr(" min"));
    m_ruleDatabase->addItem(tr("any database"), QString());
    QToolButton *ruleCancel = new QToolButton(m_ruleRow);
    ruleCancel->setText(tr("Cancel Matching"));
    QToolButton *ruleTerminate = new QToolButton(m_ruleRow);
    ruleTerminate->setText(tr("Terminate Matching"));
    ruleTerminate->setObjectName(QStringLiteral("terminateMatching"));
    auto *ruleLayout = new QHBoxLayout(m_ruleRow);
    ruleLayout->setContentsMargins(0, 0, 0, 0);
    ruleLayout->addWidget(new QLabel(tr("Client sessions"), m_ruleRow));
    ruleLayout->addWidget(m_ruleState);
    ruleLayout->addWidget(new QLabel(tr("for at least"), m_ruleRow));
    ruleLayout->addWidget(m_ruleMinutes);
    ruleLayout->addWidget(new QLabel(tr("in"), m_ruleRow));
    ruleLayout->addWidget(m_ruleDatabase);
    ruleLayout->addWidget(ruleCancel);
    ruleLayout->addWidget(ruleTerminate);
    ruleLayout->addStretch(1);
    m_ruleRow->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(cancel);
    row->addWidget(terminate);
    row->addWidget(both);
    row->addWidget(rule);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_ruleRow);

    connect(cancel, &QToolButton::clicked, this,
        [this] { proposeSelected(SessionAction::Kind::Cancel); });
    connect(terminate, &QToolButton::clicked, this,
        [this] { proposeSelected(SessionAction::Kind::Terminate); });
    connect(both, &QToolButton::clicked, this,
        [this] { proposeSelected(SessionAction::Kind::CancelThenTerminate); });
    connect(rule, &QToolButton::toggled, m_ruleRow, &QWidget::setVisible);
    connect(ruleCancel, &QToolButton::clicked, this,
        [this] { proposeRule(SessionAction::Kind::Cancel); });
    connect(ruleTerminate, &QToolButton::clicked, this,
        [this] { proposeRule(SessionAction::Kind::Terminate); });
    connect(m_panel, &SessionActionPanel::confirmed, this, &SessionActionsBar::run);
}

void SessionActionsBar::setSample(const core::ActivitySample &sample)
{
    m_sample = sample;
    QSet<QString> known;
    for (int i = 1; i < m_ruleDatabase->count(); ++i)
        known.insert(m_ruleDatabase->itemData(i).toString());
    for (const core::ActivitySession &s : sample.sessions) {
        if (!s.database.isEmpty() && !known.contains(s.database)) {
            known.insert(s.database);
            m_ruleDatabase->addItem(s.database, s.database);
        }
    }
}

void SessionActionsBar::setRule(const QString &state, int minutes, const QString &database)
{
    m_ruleState->setCurrentIndex(std::max(0, m_ruleState->findData(state)));
    m_ruleMinutes->setValue(minutes);
    if (m_ruleDatabase->findData(database) < 0)
        m_ruleDatabase->addItem(database, database);
    m_ruleDatabase->setCurrentIndex(m_ruleDatabase->findData(database));
}

QList<int> SessionActionsBar::ruleMatches() const
{
    SessionAction::Rule rule;
    rule.state = m_ruleState->currentData().toString();
    rule.minStateAgeMs = qint64(m_ruleMinutes->value()) * 60'000;
    rule.database = m_ruleDatabase->currentData().toString();
    return SessionAction::matching(m_sample, rule);
}

void SessionActionsBar::proposeSelected(SessionAction::Kind kind)
{
    const QList<int> pids = m_selected ? m_selected() : QList<int>();
    if (pids.isEmpty())
        return; // the buttons say what they act on; nothing selected, nothing to ask
    propose(kind, pids, tr("selected"));
}

void SessionActionsBar::proposeRule(SessionAction::Kind kind)
{
    const QString database = m_ruleDatabase->currentData().toString();
    const QString why = tr("%1 for at least %2 min in %3")
                            .arg(m_ruleState->currentText())
                            .arg(m_ruleMinutes->value())
                            .arg(database.isEmpty() ? tr("any database") : database);
    propose(kind, ruleMatches(), why);
}

void SessionActionsBar::propose(
    SessionAction::Kind kind, const QList<int> &pids, const QString &why)
{
    m_panel->propose(
        kind, pids, m_sample, core::OwnSessions::serverKey(m_target.host(), m_target.port()), why);
}

void SessionActionsBar::run(SessionAction::Kind kind, const QList<int> &pids, int graceSeconds)
{
    if (pids.isEmpty() || m_target.isEmpty())
        return;
    m_panel->showRunning();
    auto *action = new SessionAction(this);
    connect(action, &SessionAction::finished, this, [this, action](const QStringList &results) {
        m_panel->showResults(results);
        emit acted(results);
        action->deleteLater();
    });
    action->run(m_target, kind, pids, graceSeconds);
}

} // namespace tusk::widgets
