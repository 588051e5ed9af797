#pragma once

#include "core/catalog/catalogsnapshot.h"
#include "core/completion/sqlcompletion.h"

#include <QObject>
#include <QStringList>

namespace tusk::widgets {

class SqlEditor;

// Completion in an editor: Ctrl+Space any time, and by itself after a
// `.` or three letters of a word. Candidates come from SqlCompletion over
// the connected database's catalog snapshot and PostgreSQL's keywords (the
// server's own list once connected); Scintilla's list shows them in our
// order and inserts the one picked in place of the typed prefix.
class EditorCompletion : public QObject {
    Q_OBJECT
public:
    explicit EditorCompletion(SqlEditor *editor);

    void setCatalog(const core::CatalogSnapshot &catalog) { m_catalog = catalog; }
    // Upper-case words; the grammar's list until the server's comes.
    void setKeywords(const QStringList &keywords) { m_keywords = keywords; }
    const QStringList &keywords() const { return m_keywords; }

    // Shows the list at the caret; false when nothing matches. `typed`:
    // opened by typing, so an exact single match is not worth a list.
    bool completeNow(bool typed = false);
    // What the list would hold at the caret.
    core::SqlCompletion::Result candidates() const;

private:
    void charAdded(int character);

    SqlEditor *m_editor;
    core::CatalogSnapshot m_catalog;
    QStringList m_keywords;
};

} // namespace tusk::widgets
