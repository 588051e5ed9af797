#pragma once

#include <QList>

class QWidget;

namespace tusk::core {
class ProfileRegistry;
}

namespace tusk::widgets {

class ToolPage;

// The one list of Tusk's tools, in rail order (Ctrl+1…6). The window
// registers what this returns; a new tool is one more line here.
class ToolSet {
public:
    static QList<ToolPage *> create(core::ProfileRegistry *profiles, QWidget *parent);
};

} // namespace tusk::widgets
