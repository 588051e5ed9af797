#pragma once

#include "core/profiles/profile.h"

#include <QLabel>

#include <optional>

namespace tusk::core {
class ProfileRegistry;
}

namespace tusk::widgets {

// What a profile points at, for people: the connection, where its password
// comes from (the keychain is asked in the background and the line updated
// when it answers), session defaults, the migrations folder and where the
// profile is defined.
class ProfileDetails : public QLabel {
    Q_OBJECT
public:
    explicit ProfileDetails(core::ProfileRegistry *profiles, QWidget *parent = nullptr);

    void showProfile(const std::optional<core::Profile> &profile);

private:
    void render();

    core::ProfileRegistry *m_profiles;
    std::optional<core::Profile> m_profile;
    QString m_passwordFrom;
    quint64 m_generation = 0; // a newer profile makes an older keychain answer moot
};

} // namespace tusk::widgets
