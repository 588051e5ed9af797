#pragma once

#include <QDialog>
#include <QMap>

class QTreeWidget;

namespace tusk::widgets {

// Help → Keyboard Shortcuts: every action of the window that has a key, by
// tool, read from the actions themselves so the list cannot go stale. The
// keys follow pgAdmin and DataGrip where they agree (F5 runs the script, F7
// explains, Ctrl+Enter runs the statement, Ctrl+/ comments).
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    // `toolTitles`: each tool page's id ("sql") and the name it shows.
    ShortcutsDialog(
        QWidget *window, const QMap<QString, QString> &toolTitles, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // "Run Statement\tCtrl+Return, Ctrl+Enter\tSQL" lines, for tests.
    QStringList rows() const;

private:
    QTreeWidget *m_list;
};

} // namespace tusk::widgets
