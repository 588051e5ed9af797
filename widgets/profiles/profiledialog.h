#pragma once

#include "core/profiles/connectiontest.h"
#include "core/profiles/profile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tusk::core {
class ProfileRegistry;
class ProfileFile;
} // namespace tusk::core

namespace tusk::widgets {

// Add, edit or duplicate one profile: every key of the schema in docs/profiles.md and
// Tusk's own, the file it goes to, and a connection test that runs off the
// GUI thread's way (asynchronously) with the values as typed. A password
// goes where the user chooses: memory for this run, the keychain (the
// default when there is one), or the file in plain text, which says what
// that means.
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Add, Edit, Duplicate };

    ProfileDialog(core::ProfileRegistry *profiles, Mode mode, const core::Profile &profile,
        QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // The profile as the form describes it (password only if it is stored).
    core::Profile profile() const;
    const core::ConnectionTestOutcome &lastTest() const { return m_lastTest; }

    void accept() override;

signals:
    void testFinished(const tusk::core::ConnectionTestOutcome &outcome);

private:
    enum class PasswordStorage { Ask, Keychain, File };
    PasswordStorage storage() const;
    // Edit and duplicate: whether the keychain holds this role's password
    // already (for the test, and so that "ask" can remove it).
    void lookUpStoredPassword();
    void validate();
    void runTest();
    void showTest(const core::ConnectionTestOutcome &outcome);
    core::ProfileFile *targetFile() const;

    core::ProfileRegistry *m_profiles;
    Mode m_mode;
    core::Profile m_original;
    core::ConnectionTest *m_test;
    core::ConnectionTestOutcome m_lastTest;
    QString m_storedKey; // set when the keychain had an entry at open
    QString m_storedPassword;

    QLineEdit *m_name;
    QLabel *m_nameError;
    QComboBox *m_file;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_passwordStorage;
    QComboBox *m_sslMode;
    QLineEdit *m_sslRootCert;
    QLineEdit *m_sslCert;
    QLineEdit *m_sslKey;
    QLineEdit *m_project;
    QLineEdit *m_description;
    QLineEdit *m_migrationsPath;
    QComboBox *m_safety;
    QLineEdit *m_lockTimeout;
    QLineEdit *m_statementTimeout;
    QCheckBox *m_readOnly;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QPushButton *m_useFallback;
    QPushButton *m_ok;
};

} // namespace tusk::widgets
