#pragma once

#include "core/profiles/connectiontest.h"
#include "core/profiles/profile.h"

#include "widgets/shell/toolpage.h"

#include <QWidget>

#include <optional>

class QLabel;
class QProcess;
class QPushButton;
class QTreeWidget;

namespace tusk::core {
class ProfileRegistry;
}

namespace tusk::widgets {

class ConnectionSummary;
class ProfileDetails;

// The Profiles tool: every profile grouped by the file it lives in (project,
// user, sandbox), which one this folder resolves to and why, problems in the
// files with their lines, and add / edit / duplicate / delete / test / set
// default / connect. Files change only through core::ProfileRegistry (minimal,
// atomic edits); a broken file is shown, never written. GUI thread.
class ProfilesPage : public QWidget, public ToolPage {
    Q_OBJECT
public:
    explicit ProfilesPage(core::ProfileRegistry *profiles, QWidget *parent = nullptr);
    ~ProfilesPage() override;

    // ToolPage: the target's profile is marked active, its session summed
    // up under the details, and Connect makes a profile the target.
    Info toolInfo() const override;
    QWidget *pageWidget() override { return this; }
    void attach(core::Workspace *workspace, ToolHost *host) override;

    std::optional<core::Profile> selectedProfile() const;
    bool selectProfile(const QString &name);
    void testSelected();
    // The window's session: a one-off (DB_URL, --db) offers "Save as profile".
    void setActiveProfile(const core::Profile &profile);

signals:
    // Connect was asked for (the host has already been told).
    void connectRequested(const tusk::core::Profile &profile);
    void testFinished(const tusk::core::ConnectionTestOutcome &outcome);

private:
    void rebuild();
    void updateDetails();
    void showTest(const core::ConnectionTestOutcome &outcome);
    void addProfile();
    void editProfile(bool duplicate);
    void deleteProfile();
    void setDefault();
    void migrateFiles();
    void saveOneOff();
    void importServices();
    void checkGitignore();
    void showNotices();

    core::ProfileRegistry *m_profiles;
    core::ConnectionTest *m_test;
    QString m_testedProfile;
    QLabel *m_resolution;
    QLabel *m_fileNotices;
    QPushButton *m_migrate;
    QPushButton *m_gitignore;
    QTreeWidget *m_tree;
    ProfileDetails *m_details;
    QLabel *m_testResult;
    QPushButton *m_saveFallback;
    QPushButton *m_saveOneOff;
    std::optional<core::Profile> m_activeProfile;
    QWidget *m_side;
    ConnectionSummary *m_summary = nullptr;
    QList<QPushButton *> m_needSelection;
    QList<QPushButton *> m_needFile;
    QStringList m_fileProblems; // from reading the files
    QString m_gitNotice; // from the asynchronous git check
    QProcess *m_gitCheck = nullptr;
};

} // namespace tusk::widgets
