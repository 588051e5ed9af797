#include "runtoolbar.h"

#include "core/preferences/preferences.h"

#include "core/support/durationtext.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>

namespace tusk::widgets {

using core::Preferences;
using core::QueryRunner;

namespace {
QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}
} // namespace

RunToolbar::RunToolbar(QueryRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_runStatement(new QAction(tr("▶ Run"), this))
    , m_runScript(new QAction(tr("Run script"), this))
    , m_explain(new QAction(tr("Explain"), this))
    , m_cancel(new QAction(tr("■ Cancel"), this))
    , m_commit(new QAction(tr("Commit"), this))
    , m_rollback(new QAction(tr("Roll back"), this))
    , m_readOnly(new QCheckBox(tr("Read-only"), this))
    , m_rowCap(new QSpinBox(this))
    , m_transaction(new QLabel(this))
    , m_elapsed(new QLabel(this))
    , m_target(new QLabel(this))
{
    setObjectName(QStringLiteral("runToolbar"));
    m_runStatement->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runStatement->setToolTip(tr("Run the statement at the caret, or the selection (Ctrl+Enter)"));
    m_runScript->setShortcut(QKeySequence(Qt::Key_F5));
    m_runScript->setToolTip(tr("Run the whole script, or the selection (F5)"));
    m_explain->setShortcut(QKeySequence(Qt::Key_F7));
    m_explain->setToolTip(tr("EXPLAIN the statement at the caret, or the selection, and open "
                             "the plan in the Plan tool (F7); the arrow picks the options"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Cancel the running statement on the server (Esc)"));
    m_commit->setToolTip(tr("COMMIT the open transaction"));
    m_rollback->setToolTip(tr("ROLLBACK the open transaction"));
    m_readOnly->setToolTip(tr("default_transaction_read_only for this tab's session: the server "
                              "refuses writes and schema changes"));
    for (QAction *action : {m_runStatement, m_runScript, m_explain, m_cancel})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_transaction->setObjectName(QStringLiteral("transactionState"));
    m_elapsed->setObjectName(QStringLiteral("elapsed"));
    m_target->setObjectName(QStringLiteral("runTarget"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    for (QAction *action : {m_runStatement, m_runScript})
        layout->addWidget(buttonFor(action, this));
    layout->addWidget(makeExplainButton());
    layout->addWidget(buttonFor(m_cancel, this));
    layout->addSpacing(12);
    layout->addWidget(m_transaction);
    for (QAction *action : {m_commit, m_rollback})
        layout->addWidget(buttonFor(action, this));
    layout->addWidget(m_readOnly);
    layout->addSpacing(12);
    layout->addWidget(m_rowCap);
    layout->addSpacing(12);
    layout->addWidget(m_elapsed);
    layout->addStretch(1);
    layout->addWidget(m_target);

    connect(m_runStatement, &QAction::triggered, this, &RunToolbar::runStatementRequested);
    connect(m_runScript, &QAction::triggered, this, &RunToolbar::runScriptRequested);
    connect(m_explain, &QAction::triggered, this, &RunToolbar::explainRequested);
    connect(m_cancel, &QAction::triggered, m_runner, &QueryRunner::cancel);
    connect(m_commit, &QAction::triggered, m_runner, &QueryRunner::commit);
    connect(m_rollback, &QAction::triggered, m_runner, &QueryRunner::rollback);
    connect(m_readOnly, &QCheckBox::toggled, m_runner, &QueryRunner::setReadOnly);
    // A result bigger than memory stops at the cap, with a message in the
    // grid saying how many rows were not kept.
    m_rowCap->setObjectName(QStringLiteral("rowCap"));
    m_rowCap->setRange(0, 100'000'000);
    m_rowCap->setSingleStep(100'000);
    m_rowCap->setGroupSeparatorShown(true);
    m_rowCap->setPrefix(tr("Max rows: "));
    m_rowCap->setSpecialValueText(tr("Max rows: all"));
    m_rowCap->setToolTip(tr("Rows kept per result set; the rest are counted, not kept (0: all)"));
    // A new tab starts with the Preferences' row cap and read-only; changing
    // the cap here makes it the next tab's too.
    m_rowCap->setValue(Preferences::instance()->rowCap());
    m_runner->setRowCap(m_rowCap->value());
    connect(m_rowCap, &QSpinBox::valueChanged, this, [this](int rows) {
        m_runner->setRowCap(rows);
        Preferences::instance()->setRowCap(rows);
    });
    m_readOnly->setChecked(Preferences::instance()->readOnlyByDefault());
    connect(m_runner, &QueryRunner::started, this, [this] {
        m_ticker.start();
        refresh();
    });
    connect(m_runner, &QueryRunner::finished, this, [this] {
        m_ticker.stop();
        refresh();
    });
    connect(m_runner, &QueryRunner::transactionChanged, this, &RunToolbar::refresh);
    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this, &RunToolbar::tick);
    refresh();
}

QToolButton *RunToolbar::makeExplainButton()
{
    // ANALYZE runs the statement; writes are rolled back (ExplainCommand).
    // The choice is remembered across runs of Tusk.
    const QStringList chosen =
        QSettings()
            .value(QStringLiteral("editor/explainOptions"),
                QStringList {QStringLiteral("ANALYZE"), QStringLiteral("BUFFERS")})
            .toStringList();
    auto *menu = new QMenu(this);
    const std::pair<QString, QString> options[] = {
        {QStringLiteral("ANALYZE"),
            tr("Run the statement and show actual times and rows (writes "
               "are rolled back)")},
        {QStringLiteral("BUFFERS"), tr("Blocks read, hit and written")},
        {QStringLiteral("VERBOSE"), tr("Output columns, schemas and per-worker detail")},
        {QStringLiteral("SETTINGS"), tr("Planner settings changed from their defaults")},
        {QStringLiteral("WAL"), tr("WAL records and bytes written (with ANALYZE)")},
    };
    for (const auto &[name, tip] : options) {
        QAction *option = menu->addAction(name);
        option->setCheckable(true);
        option->setChecked(chosen.contains(name));
        option->setToolTip(tip);
        option->setObjectName(QStringLiteral("explain") + name);
        m_explainOptions << option;
        connect(option, &QAction::toggled, this, [this] {
            QSettings().setValue(QStringLiteral("editor/explainOptions"), explainOptions().names());
        });
    }
    menu->setToolTipsVisible(true);
    QToolButton *button = buttonFor(m_explain, this);
    button->setMenu(menu);
    button->setPopupMode(QToolButton::MenuButtonPopup);
    return button;
}

core::ExplainOptions RunToolbar::explainOptions() const
{
    QStringList names;
    for (const QAction *option : m_explainOptions)
        if (option->isChecked())
            names << option->text();
    return core::ExplainOptions::fromNames(names);
}

void RunToolbar::setExplainOptions(const core::ExplainOptions &options)
{
    const QStringList names = options.names();
    for (QAction *option : m_explainOptions)
        option->setChecked(names.contains(option->text()));
}

void RunToolbar::setTarget(const QString &label, bool production)
{
    m_target->setText(production
            ? QStringLiteral("<span style='color:white;background:#c62828'>&nbsp;%1 · "
                             "production&nbsp;</span>")
                  .arg(label.toHtmlEscaped())
            : label.toHtmlEscaped());
    m_target->setToolTip(
        production ? tr("Writes and schema changes ask before they run.") : QString());
}

void RunToolbar::refresh()
{
    const bool running = m_runner->isRunning();
    const auto state = m_runner->transaction();
    const bool open = state == QueryRunner::Transaction::InTransaction
        || state == QueryRunner::Transaction::Failed;
    m_runStatement->setEnabled(!running);
    m_runScript->setEnabled(!running);
    m_explain->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_commit->setEnabled(!running && open);
    m_rollback->setEnabled(!running && open);
    const char *colour = state == QueryRunner::Transaction::Failed ? "#c62828"
        : state == QueryRunner::Transaction::InTransaction         ? "#ef6c00"
        : state == QueryRunner::Transaction::Idle                  ? "#2e7d32"
                                                                   : "gray";
    m_transaction->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                               .arg(QLatin1String(colour), QueryRunner::transactionName(state)));
    tick();
}

void RunToolbar::tick()
{
    if (m_runner->isRunning())
        m_elapsed->setText(tr("Running… %1").arg(core::durationText(m_runner->elapsedMs())));
    else if (m_runner->elapsedMs() > 0 || !m_runner->sentText().isEmpty())
        m_elapsed->setText(tr("Last run: %1").arg(core::durationText(m_runner->elapsedMs())));
    else
        m_elapsed->clear();
}

QString RunToolbar::transactionText() const
{
    return m_transaction->text();
}

QString RunToolbar::elapsedText() const
{
    return m_elapsed->text();
}

} // namespace tusk::widgets
