#include "sqleditortab.h"

#include "core/lint/schemafacts.h"

#include "editorcompletion.h"
#include "editorshortcuts.h"
#include "findbar.h"
#include "lintfindingsmodel.h"
#include "quickfixpicker.h"
#include "runtoolbar.h"
#include "sqleditor.h"

#include "addtomigrationbar.h"
#include "core/lint/lintrunner.h"
#include "core/migrations/changeverification.h"
#include "core/migrations/migrationstatements.h"
#include "core/pg/connection.h"
#include "core/pg/queryrunner.h"
#include "core/preferences/preferences.h"
#include "core/sql/sqlfile.h"
#include "core/sql/statementfinder.h"
#include "core/support/durationtext.h"
#include "core/workspace/confirmationpolicy.h"
#include "widgets/results/resultsetfeed.h"
#include "widgets/results/resultsetmodel.h"
#include "widgets/results/resultspane.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QUuid>
#include <QVBoxLayout>

namespace tusk::widgets {

using namespace tusk::core;

SqlEditorTab::SqlEditorTab(QWidget *parent)
    : QWidget(parent)
    , m_editor(new SqlEditor(this))
    , m_findings(new LintFindingsModel(this))
    , m_findingsView(new QTreeView(this))
    , m_status(new QLabel(this))
    , m_fix(new QPushButton(tr("Quick fix"), this))
    , m_query(new QueryRunner(this))
    , m_results(new ResultsPane(this))
{
    m_runBar = new RunToolbar(m_query, this);
    m_autosaveId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(
                   this, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    m_runner = new LintRunner(
        [this] { return std::make_pair(m_editor->revision(), m_editor->bytes()); }, this);
    m_fixes = new QuickFixPicker(m_editor, m_findingsView, this);
    m_editor->setObjectName(QStringLiteral("sqlEditor"));
    m_findingsView->setObjectName(QStringLiteral("lintFindings"));
    m_findingsView->setModel(m_findings);
    m_findingsView->setRootIsDecorated(false);
    m_findingsView->setUniformRowHeights(true);
    m_findingsView->setAlternatingRowColors(true);
    m_findingsView->header()->setStretchLastSection(true);
    m_findingsView->header()->resizeSection(LintFindingsModel::LineColumn, 70);
    m_findingsView->header()->resizeSection(LintFindingsModel::RuleColumn, 260);
    m_status->setObjectName(QStringLiteral("lintStatus"));
    m_fix->setEnabled(false);
    m_fix->setToolTip(tr("Rewrite the statement the safe way (Ctrl+.)"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_fix);
    auto *panel = new QWidget(this);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    panelLayout->setSpacing(0);
    panelLayout->addLayout(bar);
    panelLayout->addWidget(m_findingsView, 1);
    m_results->addFixedTab(panel, tr("Findings"));
    m_results->setCurrentWidget(panel);
    m_findBar = new FindBar(m_editor, this);
    m_completion = new EditorCompletion(m_editor);
    auto *editorArea = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorArea);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_findBar);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(editorArea);
    split->addWidget(m_results);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_runBar);
    m_offer = new AddToMigrationBar(this);
    layout->addWidget(m_offer);
    connect(m_offer, &AddToMigrationBar::addRequested, this, &SqlEditorTab::addToMigration);
    m_lockRun = new LockCheckedRun(this);
    connect(m_lockRun, &LockCheckedRun::answered, this, &SqlEditorTab::lockChecked);
    m_verification = new ChangeVerification(this);
    connect(m_verification, &ChangeVerification::finished, this,
        [this](const QList<ChangeVerifier::Verdict> &verdicts) {
            for (const ChangeVerifier::Verdict &v : verdicts)
                m_results->appendMessage(
                    v.line, v.ok ? ResultsPane::Kind::Info : ResultsPane::Kind::Error);
            m_results->showMessages();
        });
    layout->addWidget(split, 1);
    for (QAction *action : {m_runBar->runStatementAction(), m_runBar->runScriptAction(),
             m_runBar->explainAction(), m_runBar->cancelAction()})
        addAction(action);
    connect(m_runBar, &RunToolbar::runStatementRequested, this, &SqlEditorTab::runStatement);
    connect(m_runBar, &RunToolbar::runScriptRequested, this, &SqlEditorTab::runScript);
    connect(m_runBar, &RunToolbar::explainRequested, this,
        [this] { explainStatement(m_runBar->explainOptions()); });
    auto *feed = new ResultSetFeed(m_query, this);
    connect(feed, &ResultSetFeed::resultSetStarted, m_results, &ResultsPane::addResult);
    connect(feed, &ResultSetFeed::resultSetFinished, this,
        [this](ResultSetModel *model, qint64 elapsedMs) {
            m_results->finishResult(model, elapsedMs);
            if (m_explain && model->columns().size() == 1 && model->rowCount() == 1
                && model->columns().first().name == QLatin1String("QUERY PLAN"))
                m_explain->plan = model->text(0, 0);
        });
    connect(m_query, &QueryRunner::commandDone, this, [this](const QString &tag, qint64 ms) {
        m_results->appendMessage(
            tr("%1 · %2").arg(tag, core::durationText(ms)), ResultsPane::Kind::Command);
    });
    connect(m_query, &QueryRunner::notice, this, [this](const PgError &notice) {
        m_results->appendMessage(notice.toString(), ResultsPane::Kind::Notice);
    });
    connect(m_query, &QueryRunner::message, this,
        [this](const QString &text) { m_results->appendMessage(text); });
    connect(m_query, &QueryRunner::finished, this, &SqlEditorTab::runFinished);

    connect(m_fix, &QPushButton::clicked, this, [this] { applyQuickFix(); });
    connect(m_fixes, &QuickFixPicker::applied, m_runner, &LintRunner::lintNow);
    EditorShortcuts::add(this,
        {
            {tr("Quick fix"), {QKeySequence(Qt::CTRL | Qt::Key_Period)},
                [this] { applyQuickFix(); }},
            {tr("Toggle comment"), {QKeySequence(Qt::CTRL | Qt::Key_Slash)},
                [this] { m_editor->toggleComment(); }},
            {tr("Find"), {QKeySequence::Find}, [this] { m_findBar->showFind(false); }},
            {tr("Replace"), {QKeySequence(Qt::CTRL | Qt::Key_H)},
                [this] { m_findBar->showFind(true); }},
            {tr("Find next"), {QKeySequence::FindNext}, [this] { m_findBar->findNext(); }},
            {tr("Find previous"), {QKeySequence::FindPrevious},
                [this] { m_findBar->findNext(true); }},
            {tr("Complete"), {QKeySequence(Qt::CTRL | Qt::Key_Space)},
                [this] { m_completion->completeNow(); }},
        });
    // The team's and the user's lint settings, followed as they change.
    connect(Preferences::instance(), &Preferences::changed, this, [this](const QString &key) {
        if (key == QLatin1String(Preferences::lintKey))
            setLintOptions(m_runner->options());
    });
    setLintOptions(m_runner->options());

    connect(m_editor, &SqlEditor::textChanged, m_runner, &LintRunner::textChanged);
    connect(m_editor, &SqlEditor::modificationChanged, this, &SqlEditorTab::titleChanged);
    connect(m_runner, &LintRunner::linted, this, &SqlEditorTab::showLinted);
    connect(m_findingsView, &QTreeView::activated, this,
        [this](const QModelIndex &index) { m_editor->goToFinding(index.row()); });
    connect(m_findingsView, &QTreeView::clicked, this,
        [this](const QModelIndex &index) { m_editor->goToFinding(index.row()); });
    auto updateFix = [this] { m_fix->setEnabled(!quickFixes().isEmpty()); };
    connect(m_editor, &SqlEditor::cursorPositionChanged, this, updateFix);
    connect(
        m_findingsView->selectionModel(), &QItemSelectionModel::currentChanged, this, updateFix);
    m_status->setText(tr("No findings."));
}

SqlEditorTab::~SqlEditorTab() = default;

void SqlEditorTab::setLintOptions(const LintOptions &given)
{
    // Rules off and levels come from the lint files of the project this
    // file belongs to (its .tusk-lint.toml over the user's), never piled up.
    LintOptions options = given;
    options.excludedRules.clear();
    options.severities.clear();
    Preferences::instance()->lintConfigFor(m_path).applyTo(options);
    m_runner->setOptions(options);
    m_runner->lintNow();
}

void SqlEditorTab::setLintMode(const QString &mode, bool assumeInTransaction, const QString &why)
{
    m_lintMode = mode;
    m_status->setToolTip(why);
    LintOptions options = m_runner->options();
    options.assumeInTransaction = assumeInTransaction;
    setLintOptions(options);
}

void SqlEditorTab::setSchemaFacts(std::shared_ptr<const SchemaFacts> catalog)
{
    LintOptions options = m_runner->options();
    if (catalog && catalog->serverVersion > 0)
        options.serverVersion = catalog->serverVersion;
    m_runner->setCatalog(std::move(catalog));
    setLintOptions(options);
}

void SqlEditorTab::showLinted(quint64 revision, const QList<Finding> &findings, qint64 elapsedMs)
{
    if (!m_editor->setFindings(revision, findings))
        return; // the text moved on; its own lint follows
    m_findings->setFindings(findings);
    int errors = 0, warnings = 0;
    for (const Finding &f : findings) {
        errors += f.severity >= Severity::Error ? 1 : 0;
        warnings += f.severity == Severity::Warning ? 1 : 0;
    }
    m_status->setText(findings.isEmpty() ? tr("No findings · linted in %1 ms").arg(elapsedMs)
                                         : tr("%1 errors, %2 warnings, %3 notes · linted in %4 ms")
                                               .arg(errors)
                                               .arg(warnings)
                                               .arg(findings.size() - errors - warnings)
                                               .arg(elapsedMs));
    if (!m_lintMode.isEmpty())
        m_status->setText(m_status->text() + tr(" · as %1").arg(m_lintMode));
    // Whose table sizes weighed the findings: only the target's may lower one.
    if (const auto &catalog = m_runner->catalog())
        m_status->setText(m_status->text()
            + (catalog->sizesFromTarget ? tr(" · table sizes of the target")
                                        : tr(" · local table sizes, not trusted")));
    m_fix->setEnabled(!quickFixes().isEmpty());
    emit linted();
}

QList<int> SqlEditorTab::quickFixes() const
{
    return m_fixes->fixes();
}

bool SqlEditorTab::applyQuickFix(const QString &rule)
{
    return m_fixes->apply(rule);
}

void SqlEditorTab::setTarget(const ConnInfo &info, const QString &label, bool production)
{
    // What the old target's locks were says nothing about the new one.
    if (m_lockRun->isChecking() && !(info == m_query->connInfo())) {
        m_lockRun->drop();
        m_results->appendMessage(
            tr("Not run: the connection changed while its locks were checked."));
    }
    m_query->setConnInfo(info);
    m_production = production;
    m_runBar->setTarget(label, production);
}

void SqlEditorTab::setCatalog(const CatalogSnapshot &catalog)
{
    m_completion->setCatalog(catalog);
}

void SqlEditorTab::setKeywords(const QStringList &words)
{
    m_editor->setKeywords(words);
    QStringList upper;
    upper.reserve(words.size());
    for (const QString &word : words)
        upper << word.toUpper();
    m_completion->setKeywords(upper);
}

bool SqlEditorTab::hasOpenTransaction() const
{
    const auto state = m_query->transaction();
    return state == QueryRunner::Transaction::InTransaction
        || state == QueryRunner::Transaction::Failed;
}

bool SqlEditorTab::runStatement()
{
    const auto [from, to] = m_editor->selectionRange();
    if (from != to)
        return runRange(from, to);
    const ByteRange statement =
        StatementFinder::statementAt(m_editor->bytes(), m_editor->caretPosition());
    if (statement.size() == 0) {
        m_results->appendMessage(tr("There is no statement at the caret to run."));
        return false;
    }
    return runRange(int(statement.begin), int(statement.end));
}

bool SqlEditorTab::runScript()
{
    const auto [from, to] = m_editor->selectionRange();
    if (from != to)
        return runRange(from, to);
    return runRange(0, int(m_editor->bytes().size()));
}

bool SqlEditorTab::confirmChanges(const QByteArray &sql, const LockWaitCheck::Outcome *locks)
{
    // The question is core's, the same one every face asks.
    Confirmation question =
        ConfirmationPolicy(m_production, false, m_approveSchema)
            .beforeRunning(sql, m_query->isReadOnly(), m_runner->catalog().get());
    if (locks)
        question = LockWaitCheck::question(question, *locks);
    return question.isNull() || m_confirm(question.title, question.text);
}

bool SqlEditorTab::runRange(int begin, int end)
{
    if (m_query->isRunning())
        return false;
    if (!m_query->hasConnInfo()) {
        m_results->appendMessage(
            tr("Not connected: pick a profile first (Profiles, or the bar at the top)."),
            ResultsPane::Kind::Error);
        m_results->showMessages();
        return false;
    }
    const QByteArray text = m_editor->bytes().mid(begin, end - begin);
    if (text.trimmed().isEmpty())
        return false;
    // A read-only session's structure change is refused, never queued.
    if (!m_query->isReadOnly()) {
        // The tab's own session may hold locks of its open transaction:
        // they hold up nothing it runs itself.
        const Connection *session = m_query->connection();
        const int ownPid = session && session->isOpen() ? session->server().backendPid : 0;
        const QString relations =
            m_lockRun->start({begin, text, m_editor->revision()}, m_query->connInfo(),
                m_runner->options().serverVersion, m_runner->catalog().get(), ownPid);
        if (!relations.isEmpty()) {
            m_results->appendMessage(
                tr("Checking who holds or waits for locks on %1…").arg(relations));
            return true;
        }
    }
    if (!confirmChanges(text)) {
        m_results->appendMessage(tr("Not run: the statements were not confirmed."));
        return false;
    }
    return startRun(begin, text, 0);
}

void SqlEditorTab::lockChecked(
    const LockCheckedRun::Pending &run, const LockWaitCheck::Outcome &outcome)
{
    if (m_editor->revision() != run.revision || m_query->isRunning()) {
        m_results->appendMessage(tr("Not run: the text changed (or another run started) while "
                                    "its locks were checked. Run it again."));
        m_results->showMessages();
        return;
    }
    if (outcome.failed())
        m_results->appendMessage(outcome.failureText(), ResultsPane::Kind::Error);
    else if (outcome.lines.isEmpty())
        m_results->appendMessage(tr("Nobody holds or waits for a lock in the way (checked in %1).")
                                     .arg(durationText(outcome.elapsedMs)));
    for (const QString &line : outcome.lines)
        m_results->appendMessage(line, ResultsPane::Kind::Notice);
    if (!confirmChanges(run.text, &outcome)) {
        m_results->appendMessage(tr("Not run: the statements were not confirmed."));
        m_results->showMessages();
        return;
    }
    startRun(run.begin, run.text, 0);
}

bool SqlEditorTab::startRun(int begin, const QByteArray &sent, int prefix)
{
    m_lockRun->drop(); // a run that starts (an Explain, say) makes its answer stale
    m_offer->hide();
    m_runBegin = begin;
    m_runPrefix = prefix;
    m_runText = sent;
    m_runRevision = m_editor->revision();
    m_editor->clearRunError();
    m_results->clearResults();
    if (!m_query->run(QString::fromUtf8(sent))) {
        m_explain.reset();
        return false;
    }
    m_results->appendMessage(tr("Running line %1…").arg(m_editor->lineOfPosition(begin) + 1));
    return true;
}

bool SqlEditorTab::explainStatement(const core::ExplainOptions &options)
{
    if (m_query->isRunning())
        return false;
    auto [from, to] = m_editor->selectionRange();
    const QByteArray bytes = m_editor->bytes();
    if (from != to) {
        const QList<ByteRange> inside = StatementFinder::statements(bytes.mid(from, to - from));
        if (inside.size() != 1) {
            m_results->appendMessage(
                tr("Select one statement to explain."), ResultsPane::Kind::Error);
            m_results->showMessages();
            return false;
        }
        to = from + int(inside.first().end);
        from += int(inside.first().begin);
    } else {
        const ByteRange statement = StatementFinder::statementAt(bytes, m_editor->caretPosition());
        from = int(statement.begin);
        to = int(statement.end);
    }
    const QByteArray statement = bytes.mid(from, to - from);
    if (statement.trimmed().isEmpty()) {
        m_results->appendMessage(tr("There is no statement at the caret to explain."));
        return false;
    }
    if (m_query->transaction() == QueryRunner::Transaction::Failed) {
        m_results->appendMessage(tr("The transaction failed: roll it back before explaining."),
            ResultsPane::Kind::Error);
        m_results->showMessages();
        return false;
    }
    if (!m_query->hasConnInfo())
        return runRange(from, to); // says "Not connected"
    const int version = m_query->connection() ? m_query->connection()->server().versionNumber : 0;
    const ExplainCommand command = ExplainCommand::make(statement, options, version,
        m_query->transaction() == QueryRunner::Transaction::InTransaction);
    const QByteArray sent = command.sql.toUtf8();
    if (!confirmChanges(sent)) {
        m_results->appendMessage(tr("Not run: the statements were not confirmed."));
        return false;
    }
    const QString first = QString::fromUtf8(statement).simplified();
    m_explain = PendingExplain {
        tr("Explain: %1").arg(first.size() > 40 ? first.left(39) + QStringLiteral("…") : first),
        command.note, {}, command.rolledBack, QString::fromUtf8(statement)};
    return startRun(from, sent, command.statementOffset);
}

void SqlEditorTab::runFinished(const PgError &error, qint64 elapsedMs)
{
    const bool wasExplain = m_explain.has_value();
    const QString took = core::durationText(elapsedMs);
    if (m_explain) {
        const PendingExplain explain = *std::exchange(m_explain, std::nullopt);
        // An error skips the ROLLBACK sent with the EXPLAIN: send it now,
        // so the session is not left in a failed transaction of ours.
        if (!error.isNull() && explain.rolledBack && hasOpenTransaction()
            && !error.isConnectionFailure())
            m_query->rollback();
        if (error.isNull() && !explain.plan.isEmpty()) {
            m_results->appendMessage(
                tr("Explained in %1; the plan is open in the Plan tool.").arg(took));
            emit explained(explain.plan, explain.title, explain.note, explain.statement);
            return;
        }
    }
    if (error.isNull()) {
        m_results->appendMessage(tr("Done in %1.").arg(took));
        if (m_results->grids().isEmpty())
            m_results->showMessages();
        if (!wasExplain)
            afterStructureChange(m_runText);
        return;
    }
    if (error.isCancellation()) {
        m_results->appendMessage(tr("Cancelled after %1.").arg(took), ResultsPane::Kind::Error);
        m_results->showMessages();
        return;
    }
    QString where;
    const qsizetype offset = error.byteOffsetIn(m_runText) - m_runPrefix;
    if (offset >= 0 && m_runBegin + offset <= m_editor->bytes().size()) {
        const int position = m_runBegin + int(offset);
        where = tr(" at line %1").arg(m_editor->lineOfPosition(position) + 1);
        // Once the text moved on, the position no longer points at the token.
        if (m_editor->revision() == m_runRevision)
            m_editor->markRunError(position, error.message);
    }
    QString text = error.toString();
    if (error.isConnectionFailure())
        text += tr("\nThe session is gone; an open transaction was rolled back.");
    m_results->appendMessage(
        tr("Failed after %1%2: %3").arg(took, where, text), ResultsPane::Kind::Error);
    m_results->showMessages();
}

// docs/migrations-folder.md: a structure change that succeeded is checked
// against the catalog (✓/✗ in Messages), then offered to the migration.
void SqlEditorTab::afterStructureChange(const QByteArray &ran)
{
    // A dump or a generated script is no migration step to check here, and
    // parsing it again would keep the window waiting.
    constexpr qsizetype kChecked = 256 * 1024;
    if (ran.size() > kChecked || !MigrationStatements::changeStructure(ran))
        return;
    // Inside an open transaction a failing check would abort the user's
    // work; what is not committed is not the database's yet either.
    if (m_query->transaction() == QueryRunner::Transaction::InTransaction) {
        m_results->appendMessage(tr("The change is not committed yet: it is checked against "
                                    "the catalog when it runs outside a transaction."));
    } else {
        m_verification->start(m_query->connection(), ran);
    }
    if (!m_offersMigration)
        return;
    int count = 0;
    const QByteArray statements = MigrationStatements::of(ran, &count);
    if (count > 0)
        m_offer->offer(statements, count);
}

bool SqlEditorTab::load(const QString &path, bool latin1, QString *error, bool *notUtf8)
{
    const SqlFile::Loaded loaded =
        SqlFile::read(path, latin1 ? SqlFile::Encoding::Latin1 : SqlFile::Encoding::Utf8);
    if (notUtf8)
        *notUtf8 = loaded.notUtf8;
    if (!loaded.ok) {
        if (error)
            *error = loaded.error;
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    setLintOptions(m_runner->options()); // the lint files of its project
    m_diskStamp = loaded.modified;
    m_editor->setText(loaded.text);
    m_editor->setModified(latin1); // saving writes UTF-8: the file changes
    m_editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    emit titleChanged();
    m_runner->lintNow();
    return true;
}

void SqlEditorTab::restoreUnsaved(const QString &text, const QString &path)
{
    m_path = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    setLintOptions(m_runner->options()); // the lint files of its project
    m_diskStamp = path.isEmpty() ? QDateTime() : QFileInfo(path).lastModified();
    m_editor->setText(text);
    m_editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    m_editor->setModified(true);
    m_autosavedRevision = m_editor->revision(); // it is on disk already
    emit titleChanged();
    m_runner->lintNow();
}

bool SqlEditorTab::save(const QString &path, const QStringList &migrationsFolders, QString *error)
{
    const QString target = path.isEmpty() ? m_path : QFileInfo(path).absoluteFilePath();
    if (target.isEmpty()) {
        if (error)
            *error = tr("no file name");
        return false;
    }
    if (const FileWriteError failure = SqlFile::write(target, m_editor->text(), migrationsFolders);
        !failure.isNull()) {
        if (error)
            *error = failure.message;
        return false;
    }
    m_path = target;
    setLintOptions(m_runner->options()); // the lint files of its project
    m_diskStamp = QFileInfo(target).lastModified();
    m_editor->setModified(false);
    emit titleChanged();
    return true;
}

bool SqlEditorTab::isModified() const
{
    return m_editor->isModified();
}

QString SqlEditorTab::title() const
{
    const QString name =
        m_path.isEmpty() ? tr("Untitled %1").arg(m_untitled) : QFileInfo(m_path).fileName();
    return isModified() ? name + QStringLiteral(" •") : name;
}

QString SqlEditorTab::lintStatus() const
{
    return m_status->text();
}

} // namespace tusk::widgets
