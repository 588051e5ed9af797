#pragma once

#include <QIcon>
#include <QWidget>

namespace tusk::widgets {

// The page a tool shows before it has anything of its own: its icon, name
// and what it is for. GUI thread.
class ToolPlaceholder : public QWidget {
    Q_OBJECT
public:
    ToolPlaceholder(const QIcon &icon, const QString &title, const QString &description,
        QWidget *parent = nullptr);
};

} // namespace tusk::widgets
