#include "sqlmigrationactions.h"

#include "sqleditor.h"
#include "sqleditortab.h"

#include "core/migrations/migrationstatements.h"
#include "core/migrations/migrationswriter.h"
#include "core/support/backgroundpool.h"
#include "core/workspace/workspace.h"
#include "widgets/results/resultspane.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QFileInfo>

namespace tusk::widgets {

SqlMigrationActions::SqlMigrationActions(core::Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_addSelection(new QAction(tr("Add Selection to Migration"), this))
    , m_addFile(new QAction(tr("Add Tab's Statements to Migration"), this))
{
    m_addSelection->setObjectName(QStringLiteral("addSelectionToMigration"));
    m_addSelection->setToolTip(tr("Append the selected statements (not run) to the latest "
                                  "pending migration file; the CHANGELOG follows"));
    m_addFile->setObjectName(QStringLiteral("addFileToMigration"));
    m_addFile->setToolTip(tr("Append every statement of this tab that changes something (not "
                             "run) to the latest pending migration file"));
    connect(m_addSelection, &QAction::triggered, this, [this] {
        if (SqlEditorTab *tab = current()) {
            const auto [from, to] = tab->editor()->selectionRange();
            if (from == to) {
                tab->resultsPane()->appendMessage(tr("Select the statements to add first."));
                tab->resultsPane()->showMessages();
                return;
            }
            add(tab->editor()->bytes().mid(from, to - from), tab);
        }
    });
    connect(m_addFile, &QAction::triggered, this, [this] {
        if (SqlEditorTab *tab = current())
            add(tab->editor()->bytes(), tab);
    });
    connect(workspace, &core::Workspace::targetChanged, this, &SqlMigrationActions::applyAll);
    connect(
        workspace, &core::Workspace::migrationsFolderChanged, this, &SqlMigrationActions::applyAll);
    applyAll();
}

void SqlMigrationActions::track(SqlEditorTab *tab)
{
    m_tabs << tab;
    connect(tab, &SqlEditorTab::addToMigration, this,
        [this, tab](const QByteArray &statements) { add(statements, tab); });
    apply(tab);
}

void SqlMigrationActions::apply(SqlEditorTab *tab) const
{
    const QString folder = m_workspace->target().migrationsFolder;
    tab->setApprovesSchemaChanges(m_workspace->confirmationPolicy().approvesSchemaChanges());
    tab->setOffersMigration(!folder.isEmpty());
}

void SqlMigrationActions::applyAll()
{
    const bool folder = !m_workspace->target().migrationsFolder.isEmpty();
    m_addSelection->setEnabled(folder);
    m_addFile->setEnabled(folder);
    for (const QPointer<SqlEditorTab> &tab : std::as_const(m_tabs)) {
        if (tab)
            apply(tab);
    }
}

SqlEditorTab *SqlMigrationActions::current() const
{
    // The tab that has the focus, else the last one tracked that is shown.
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (auto *tab = qobject_cast<SqlEditorTab *>(w))
            return tab;
    }
    for (qsizetype i = m_tabs.size() - 1; i >= 0; --i) {
        if (m_tabs.at(i) && m_tabs.at(i)->isVisible())
            return m_tabs.at(i);
    }
    return nullptr;
}

void SqlMigrationActions::add(const QByteArray &sql, SqlEditorTab *tab)
{
    const QString folder = m_workspace->target().migrationsFolder;
    const QPointer<SqlEditorTab> said(tab);
    auto report = [this, said](bool ok, const QString &text) {
        if (said) {
            said->resultsPane()->appendMessage(
                text, ok ? ResultsPane::Kind::Info : ResultsPane::Kind::Error);
            said->resultsPane()->showMessages();
        }
        emit message(text);
        emit added(ok, text);
    };
    if (folder.isEmpty()) {
        report(false, tr("This connection has no migrations folder to add to."));
        return;
    }
    const QDate today = QDate::currentDate();
    using Outcome = core::MigrationsWriter::Outcome;
    core::BackgroundPool::run<Outcome>(
        this,
        [folder, sql, today] {
            QString leftOut;
            const QByteArray statements = core::MigrationStatements::of(sql, nullptr, &leftOut);
            Outcome o;
            if (statements.isEmpty())
                o.message = QStringLiteral(
                    "nothing to add: those statements only read (SELECT, SHOW, EXPLAIN)");
            else
                o = core::MigrationsWriter(folder).add(statements, today);
            if (!leftOut.isEmpty())
                o.message += QStringLiteral("; ") + leftOut;
            return o;
        },
        [report](Outcome &&outcome) {
            QString text = outcome.message;
            if (!outcome.changelogEntries.isEmpty())
                text += QStringLiteral(": ") + outcome.changelogEntries.join(QStringLiteral("; "));
            report(outcome.ok, text);
        });
}

} // namespace tusk::widgets
