#include "quickfixpicker.h"

#include "lintfindingsmodel.h"
#include "sqleditor.h"

#include <QMenu>
#include <QTreeView>

namespace tusk::widgets {

using core::Finding;

QuickFixPicker::QuickFixPicker(SqlEditor *editor, QTreeView *findings, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_findings(findings)
{
}

QList<int> QuickFixPicker::fixes() const
{
    QList<int> fixes;
    if (!m_editor->findingsAreCurrent())
        return fixes;
    const int caret = m_editor->caretPosition();
    for (int i : m_editor->findingsAt(caret)) {
        if (!m_editor->findings().at(i).fix.isEmpty())
            fixes << i;
    }
    const QModelIndex selected = m_findings->currentIndex();
    if (fixes.isEmpty() && selected.isValid()
        && selected.data(LintFindingsModel::HasFixRole).toBool())
        fixes << selected.row();
    return fixes;
}

bool QuickFixPicker::apply(const QString &rule)
{
    const QList<int> found = fixes();
    int chosen = -1;
    for (int i : found) {
        if (rule.isEmpty() ? found.size() == 1 : m_editor->findings().at(i).rule == rule)
            chosen = i;
    }
    if (chosen < 0 && rule.isEmpty() && found.size() > 1) {
        auto *menu = new QMenu(m_editor);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        for (int i : found) {
            const Finding &f = m_editor->findings().at(i);
            // The finding by rule and place, not by index: a re-lint while
            // the menu is open may reorder the list.
            menu->addAction(QStringLiteral("%1 (%2)").arg(f.message, f.rule))
                ->setData(QStringList({f.rule, QString::number(f.range.begin)}));
        }
        connect(menu, &QMenu::triggered, this, [this](QAction *picked) {
            const QStringList key = picked->data().toStringList();
            const QList<Finding> &now = m_editor->findings();
            for (qsizetype i = 0; i < now.size(); ++i) {
                if (now.at(i).rule == key.value(0)
                    && QString::number(now.at(i).range.begin) == key.value(1)) {
                    if (m_editor->findingsAreCurrent() && m_editor->applyFix(int(i)))
                        emit applied();
                    return;
                }
            }
        });
        const long caret = m_editor->caretPosition();
        const QPoint at(
            int(m_editor->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0, caret)),
            int(m_editor->SendScintilla(QsciScintillaBase::SCI_POINTYFROMPOSITION, 0, caret))
                + m_editor->textHeight(0));
        menu->popup(m_editor->viewport()->mapToGlobal(at));
        return false;
    }
    if (chosen < 0 || !m_editor->applyFix(chosen))
        return false;
    emit applied();
    return true;
}

} // namespace tusk::widgets
