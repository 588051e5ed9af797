#include "sqleditortab.h"

#include "lintfindingsmodel.h"
#include "lintrunner.h"
#include "sqleditor.h"

#include "sql/sqlfile.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
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
{
    m_runner = new LintRunner(
        [this] { return std::make_pair(m_editor->revision(), m_editor->bytes()); }, this);
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
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_editor);
    split->addWidget(panel);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    auto *quickFix = new QAction(tr("Quick fix"), this);
    quickFix->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    quickFix->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(quickFix);
    connect(quickFix, &QAction::triggered, this, [this] { applyQuickFix(); });
    connect(m_fix, &QPushButton::clicked, this, [this] { applyQuickFix(); });
    auto *comment = new QAction(tr("Toggle comment"), this);
    comment->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    comment->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(comment);
    connect(comment, &QAction::triggered, m_editor, &SqlEditor::toggleComment);

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

void SqlEditorTab::setLintOptions(const LintOptions &options)
{
    m_runner->setOptions(options);
    m_runner->lintNow();
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
    m_fix->setEnabled(!quickFixes().isEmpty());
    emit linted();
}

QList<int> SqlEditorTab::quickFixes() const
{
    QList<int> fixes;
    if (!m_editor->findingsAreCurrent())
        return fixes;
    const int caret = int(m_editor->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    for (int i : m_editor->findingsAt(caret)) {
        if (!m_editor->findings().at(i).fix.isEmpty())
            fixes << i;
    }
    const QModelIndex selected = m_findingsView->currentIndex();
    if (fixes.isEmpty() && selected.isValid()
        && selected.data(LintFindingsModel::HasFixRole).toBool())
        fixes << selected.row();
    return fixes;
}

bool SqlEditorTab::applyQuickFix(const QString &rule)
{
    const QList<int> fixes = quickFixes();
    int chosen = -1;
    for (int i : fixes) {
        if (rule.isEmpty() ? fixes.size() == 1 : m_editor->findings().at(i).rule == rule)
            chosen = i;
    }
    if (chosen < 0 && rule.isEmpty() && fixes.size() > 1) {
        QMenu menu(this);
        for (int i : fixes) {
            const Finding &f = m_editor->findings().at(i);
            menu.addAction(QStringLiteral("%1 (%2)").arg(f.message, f.rule))->setData(i);
        }
        const long caret = m_editor->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS);
        const QPoint at(
            int(m_editor->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0, caret)),
            int(m_editor->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0, caret))
                + m_editor->textHeight(0));
        if (QAction *picked = menu.exec(m_editor->viewport()->mapToGlobal(at)))
            chosen = picked->data().toInt();
    }
    if (chosen < 0 || !m_editor->applyFix(chosen))
        return false;
    m_runner->lintNow();
    return true;
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
    m_diskStamp = loaded.modified;
    m_editor->setText(loaded.text);
    m_editor->setModified(latin1); // saving writes UTF-8: the file changes
    m_editor->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    emit titleChanged();
    m_runner->lintNow();
    return true;
}

bool SqlEditorTab::save(const QString &path, QString *error)
{
    const QString target = path.isEmpty() ? m_path : QFileInfo(path).absoluteFilePath();
    if (target.isEmpty()) {
        if (error)
            *error = tr("no file name");
        return false;
    }
    if (!SqlFile::write(target, m_editor->text(), error))
        return false;
    m_path = target;
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
