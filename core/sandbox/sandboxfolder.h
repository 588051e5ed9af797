#pragma once

#include <QString>
#include <QStringList>

namespace tusk::core {

class ServerAccount;

// The folder a sandbox lives in, and the rules that keep Tusk away from
// anything else: it creates a folder only where none is or where an empty
// one is (hidden files count), marks it with TUSK_SANDBOX, and on removal
// deletes only the entries a sandbox has, never anything a person put there.
class SandboxFolder {
public:
    explicit SandboxFolder(const QString &path);

    QString path() const { return m_path; }
    bool exists() const;
    bool isMarked() const; // holds TUSK_SANDBOX

    // Creates the folder (and missing parents, open to the server account),
    // marks it and hands it to the account. False with a message otherwise.
    bool prepare(const ServerAccount &account, QString *error) const;

    // Deletes the sandbox's own entries and, when nothing else is left, the
    // folder. Returns the names of entries left because Tusk did not make
    // them; false with a message when something could not be deleted.
    bool removeContents(QStringList *leftOver, QString *error) const;

private:
    QString m_path;
};

} // namespace tusk::core
