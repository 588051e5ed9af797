#pragma once

#include "core/profiles/profile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace tusk::core {
class ProfileRegistry;
}

namespace tusk::widgets {

// The window's profile picker: every profile in one list, production ones
// marked in red, and a Connect button. Picking does not connect by itself,
// so a slip of the wheel never opens a session on production.
class ConnectionBar : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionBar(core::ProfileRegistry *registry, QWidget *parent = nullptr);

    // Shows `name` as the active profile (after a connect from elsewhere).
    void setActiveProfile(const QString &name);
    QString currentProfileName() const;

signals:
    void connectRequested(const tusk::core::Profile &profile);

private:
    void rebuild();
    void updateBadge();

    core::ProfileRegistry *m_registry;
    QComboBox *m_profiles;
    QLabel *m_badge;
    QPushButton *m_connect;
    QString m_active;
};

} // namespace tusk::widgets
