#pragma once

#include <QObject>

class QTreeView;

namespace tusk::widgets {

class SqlEditor;

// Quick fix (Ctrl+.): the fixes of the findings under the caret (or of the
// finding selected in the list). One is applied at once; several are offered
// in a menu at the caret, which answers later (popup, no second event loop)
// and applies the one picked.
class QuickFixPicker : public QObject {
    Q_OBJECT
public:
    QuickFixPicker(SqlEditor *editor, QTreeView *findings, QObject *parent = nullptr);

    // Indexes into the editor's findings that carry a fix, here and now.
    QList<int> fixes() const;
    // Applies the fix of `rule`, or the only one there is. True when a fix
    // was applied now; with several and no rule, the menu opens instead.
    bool apply(const QString &rule = {});

signals:
    void applied();

private:
    SqlEditor *m_editor;
    QTreeView *m_findings;
};

} // namespace tusk::widgets
