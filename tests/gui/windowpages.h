#pragma once

// Reaching a tool's page through the window, as the window registered it
// (MainWindow knows no tool by type, so tests ask for the page and cast).

#include "widgets/profiles/profilespage.h"
#include "widgets/shell/mainwindow.h"

namespace tusk::test {

inline widgets::ProfilesPage *profilesPage(const widgets::MainWindow &window)
{
    return qobject_cast<widgets::ProfilesPage *>(
        window.toolPage(widgets::MainWindow::Tool::Profiles));
}

} // namespace tusk::test
