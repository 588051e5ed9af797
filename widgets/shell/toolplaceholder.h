#pragma once

#include "toolpage.h"

#include <QWidget>

namespace tusk::widgets {

// The page a tool shows before it has anything of its own: its icon, name
// and what it is for. GUI thread.
class ToolPlaceholder : public QWidget, public ToolPage {
    Q_OBJECT
public:
    ToolPlaceholder(const Info &info, QWidget *parent = nullptr);

    Info toolInfo() const override { return m_info; }
    QWidget *pageWidget() override { return this; }
    void attach(core::Workspace *, ToolHost *) override { }

private:
    Info m_info;
};

} // namespace tusk::widgets
