#pragma once

#include "lockcheckedrun.h"

#include "core/activity/lockwaitcheck.h"
#include "core/catalog/catalogsnapshot.h"
#include "core/lint/rule.h"
#include "core/lint/schemafacts.h"
#include "core/pg/conninfo.h"
#include "core/pg/pgerror.h"
#include "core/plan/explaincommand.h"

#include <QDateTime>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTreeView;

namespace tusk::core {
class ChangeVerification;
class LintRunner;
class QueryRunner;
} // namespace tusk::core

namespace tusk::widgets {

class AddToMigrationBar;
class EditorCompletion;
class FindBar;
class LintFindingsModel;
class QuickFixPicker;
class ResultsPane;
class RunToolbar;
class SqlEditor;

// One tab of the SQL tool: the run bar, the editor and, under it, the
// findings of the live lint (click one to go to it; Ctrl+. or the button
// applies its quick fix as one undoable edit), the result sets of the last
// run and its messages. The tab runs SQL on a session of its own.
class SqlEditorTab : public QWidget {
    Q_OBJECT
public:
    explicit SqlEditorTab(QWidget *parent = nullptr);
    ~SqlEditorTab() override;

    SqlEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_findBar; }
    EditorCompletion *completion() const { return m_completion; }
    // The connected database's catalog, for completion.
    void setCatalog(const core::CatalogSnapshot &catalog);
    // The server's keywords (lower case): highlighting and completion.
    void setKeywords(const QStringList &words);
    core::LintRunner *lintRunner() const { return m_runner; }
    QTreeView *findingsView() const { return m_findingsView; }
    LintFindingsModel *findingsModel() const { return m_findings; }

    void setLintOptions(const core::LintOptions &options);
    // How the text is linted: "plain SQL", or a migration of a tool that
    // runs it in one transaction (or not); `why` says what gave it away.
    void setLintMode(const QString &mode, bool assumeInTransaction, const QString &why = {});
    QString lintMode() const { return m_lintMode; }
    // The server's catalog and version, once connected: sizes, volatility.
    void setSchemaFacts(std::shared_ptr<const core::SchemaFacts> catalog);

    // The file behind the tab; empty for a new one.
    QString filePath() const { return m_path; }
    // Opens `path` (UTF-8, or Latin-1 when asked); false with `error` set,
    // and `notUtf8` true when Latin-1 would open it.
    bool load(const QString &path, bool latin1, QString *error, bool *notUtf8 = nullptr);
    // Writes the text to `path` (empty: the tab's file) in one step.
    // `migrationsFolders`: their released parts are refused (UserFileWriter).
    bool save(const QString &path, const QStringList &migrationsFolders, QString *error);
    bool isModified() const;
    // The title for the tab bar: the file name, or "Untitled n", with • when modified.
    QString title() const;
    void setUntitledNumber(int number) { m_untitled = number; }
    // When the file was last read or written, to notice changes made elsewhere.
    QDateTime diskStamp() const { return m_diskStamp; }
    // Applies a quick fix of the findings at the cursor, else of the one
    // selected in the list; when several apply there, a menu at the caret
    // offers each. `rule` picks one without asking. False when none
    // applies.
    bool applyQuickFix(const QString &rule = QString());
    // The findings with a quick fix at the cursor (or the selected one).
    QList<int> quickFixes() const;
    QString lintStatus() const;

    // Autosave (EditorAutosave): the tab's id, and the text's revision
    // last written there (0: never).
    QString autosaveId() const { return m_autosaveId; }
    void setAutosaveId(const QString &id) { m_autosaveId = id; }
    quint64 autosavedRevision() const { return m_autosavedRevision; }
    void setAutosavedRevision(quint64 revision) { m_autosavedRevision = revision; }
    // Text kept from a session that ended without saving it: shown as an
    // unsaved change of `path` (or of a new tab).
    void restoreUnsaved(const QString &text, const QString &path);

    core::QueryRunner *queryRunner() const { return m_query; }
    RunToolbar *runToolbar() const { return m_runBar; }
    ResultsPane *resultsPane() const { return m_results; }
    // Where runs go. `production` (safety = "production") asks before
    // statements that write or change the schema.
    void setTarget(const core::ConnInfo &info, const QString &label, bool production);
    // Asks yes or no; tests answer instead.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // Structure changes wait for the user's approval (the workspace's
    // ConfirmationPolicy: any profile but the sandbox, unless confirm_ddl = false).
    void setApprovesSchemaChanges(bool approve) { m_approveSchema = approve; }
    // A migrations folder exists: after a structure change, Add to Migration is offered.
    void setOffersMigration(bool offer) { m_offersMigration = offer; }
    AddToMigrationBar *migrationOffer() const { return m_offer; }
    // Ctrl+Enter: the selection, else the statement at the caret.
    bool runStatement();
    // F5: the selection, else the whole text.
    bool runScript();
    // Runs bytes [begin, end) of the text; false when nothing was sent
    // (busy, not connected, empty, or the user said no). A structure change
    // on existing tables first asks the server, asynchronously, who holds
    // or waits for locks it would wait behind (core's LockWaitCheck): true
    // then means the run follows the answer. The answer joins the approval
    // question, or asks one of its own when someone is in the way; it is
    // dropped when the text changed or another run started meanwhile.
    bool runRange(int begin, int end);
    core::LockWaitCheck *lockWaitCheck() const { return m_lockRun->check(); }
    // A lock check is out; its run waits for the answer.
    bool isCheckingLocks() const { return m_lockRun->isChecking(); }
    // F7: EXPLAIN (FORMAT JSON, options) of the selection, else of the
    // statement at the caret; ANALYZE of a statement that changes something
    // runs in a transaction (or savepoint) rolled back at once. The plan
    // arrives through explained().
    bool explainStatement(const core::ExplainOptions &options);
    // A transaction is open (or failed and not rolled back) on the tab's session.
    bool hasOpenTransaction() const;

signals:
    // A lint came back and its findings are shown.
    void linted();
    void titleChanged();
    // An EXPLAIN came back: the JSON plan, a title ("Explain: SELECT …")
    // and a note on how it ran (rolled back, options left out).
    void explained(const QString &planJson, const QString &title, const QString &note,
        const QString &statement);
    // The user asked to append these statements to the latest pending migration.
    void addToMigration(const QByteArray &statements);

private:
    void runFinished(const core::PgError &error, qint64 elapsedMs);
    // `locks`: what the lock check found, for the question (null: no check).
    bool confirmChanges(const QByteArray &sql, const core::LockWaitCheck::Outcome *locks = nullptr);
    void lockChecked(
        const LockCheckedRun::Pending &run, const core::LockWaitCheck::Outcome &outcome);
    void afterStructureChange(const QByteArray &ran);
    // Sends `sent`, whose bytes from `prefix` on are editor bytes from `begin`.
    bool startRun(int begin, const QByteArray &sent, int prefix);
    void showLinted(quint64 revision, const QList<core::Finding> &findings, qint64 elapsedMs);

    SqlEditor *m_editor;
    core::LintRunner *m_runner;
    LintFindingsModel *m_findings;
    QTreeView *m_findingsView;
    QuickFixPicker *m_fixes = nullptr;
    QLabel *m_status;
    QPushButton *m_fix;
    core::QueryRunner *m_query;
    FindBar *m_findBar;
    EditorCompletion *m_completion;
    RunToolbar *m_runBar;
    ResultsPane *m_results;
    Confirm m_confirm;
    bool m_production = false;
    bool m_approveSchema = false;
    bool m_offersMigration = false;
    AddToMigrationBar *m_offer = nullptr;
    core::ChangeVerification *m_verification = nullptr;
    LockCheckedRun *m_lockRun = nullptr; // the run waiting for the lock check's answer
    // What the running text was: where it began in the editor, its bytes,
    // and the revision of the text it was taken from (errors are
    // underlined only while the text is still that one).
    int m_runBegin = 0;
    int m_runPrefix = 0; // bytes of m_runText added before the editor's (EXPLAIN …)
    QByteArray m_runText;
    // The EXPLAIN under way, if the run is one: its title and note, and
    // the plan once its result set arrives.
    struct PendingExplain {
        QString title;
        QString note;
        QString plan;
        bool rolledBack = false;
        QString statement; // as the user wrote it, for the Plan tool's what-if
    };
    std::optional<PendingExplain> m_explain;
    quint64 m_runRevision = 0;
    QString m_path;
    QDateTime m_diskStamp;
    int m_untitled = 1;
    QString m_autosaveId;
    QString m_lintMode;
    quint64 m_autosavedRevision = 0;
};

} // namespace tusk::widgets
