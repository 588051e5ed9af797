#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace tusk::widgets {

// The SQL tab's own keys (find, replace, complete, comment, quick fix): each
// an action of the tab, named so Help → Keyboard Shortcuts lists it, that
// fires while the focus is inside that tab only.
class EditorShortcuts {
public:
    struct Key {
        QString text;
        QList<QKeySequence> keys;
        std::function<void()> run;
    };
    static void add(QWidget *tab, const QList<Key> &keys);
};

} // namespace tusk::widgets
