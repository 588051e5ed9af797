#pragma once

#include "core/catalog/catalogsnapshot.h"
#include "core/catalog/healthfinding.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace tusk::widgets {

class HealthFindingsModel;
class SqlViewer;

// Health findings as a list (worst first) and, for the selected one, its
// evidence and the SQL that fixes it, highlighted, with Copy. Double-click
// goes to the object in the tree. GUI thread.
class HealthView : public QWidget {
    Q_OBJECT
public:
    explicit HealthView(QWidget *parent = nullptr);

    // `checked` false: the checks have not run yet (the snapshot still
    // lacks its definitions), which is not the same as no findings.
    void setFindings(const QList<core::HealthFinding> &findings, bool checked = true);
    int count() const;
    QTreeView *list() const { return m_list; }
    QString shownFix() const;
    void select(int row);
    // "Open in editor" is offered only when something takes the SQL.
    void setEditorAvailable(bool available);

signals:
    void openObject(const core::CatalogObjectRef &ref, core::Oid relationOid);
    void openInEditor(const QString &sql);

private:
    void showFinding(int row);

    HealthFindingsModel *m_model;
    QTreeView *m_list;
    QLabel *m_evidence;
    SqlViewer *m_fix;
    QWidget *m_fixButtons;
    bool m_checked = true;
};

} // namespace tusk::widgets
