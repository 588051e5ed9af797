#pragma once

#include "core/profiles/profile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace tusk::core {
class ProfileRegistry;
}

namespace tusk::widgets {

// libpq's connection services (pg_service.conf) as profiles: the services
// of the usual files (or one the user opens), each with a checkbox, the
// file they go to, and what was left behind (passwords, keywords the
// profile format has no key for). One write for the whole import.
class ServiceImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ServiceImportDialog(core::ProfileRegistry *profiles, QWidget *parent = nullptr);

    // Reads these files instead of the defaults (the Open button does too).
    void readFiles(const QStringList &paths);
    QList<core::Profile> checkedProfiles() const;
    QStringList importedNames() const { return m_imported; }

    void accept() override;

private:
    void openFile();

    core::ProfileRegistry *m_profiles;
    QLabel *m_sources;
    QTreeWidget *m_services;
    QLabel *m_notes;
    QComboBox *m_target;
    QPushButton *m_import;
    QList<core::Profile> m_found;
    QStringList m_imported;
};

} // namespace tusk::widgets
