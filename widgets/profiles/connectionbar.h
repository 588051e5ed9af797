#pragma once

#include "profiles/profile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace tusk::widgets {

class ProfileCatalog;

// The window's profile picker: every profile in one list, production ones
// marked in red, and a Connect button. Picking does not connect by itself,
// so a slip of the wheel never opens a session on production.
class ConnectionBar : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionBar(ProfileCatalog *catalog, QWidget *parent = nullptr);

    // Shows `name` as the active profile (after a connect from elsewhere).
    void setActiveProfile(const QString &name);
    QString currentProfileName() const;

signals:
    void connectRequested(const tusk::core::Profile &profile);

private:
    void rebuild();
    void updateBadge();

    ProfileCatalog *m_catalog;
    QComboBox *m_profiles;
    QLabel *m_badge;
    QPushButton *m_connect;
    QString m_active;
};

} // namespace tusk::widgets
