#include "editorshortcuts.h"

#include <QAction>
#include <QWidget>

namespace tusk::widgets {

void EditorShortcuts::add(QWidget *tab, const QList<Key> &keys)
{
    for (const Key &key : keys) {
        auto *action = new QAction(key.text, tab);
        action->setShortcuts(key.keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        tab->addAction(action);
        QObject::connect(action, &QAction::triggered, tab, key.run);
    }
}

} // namespace tusk::widgets
