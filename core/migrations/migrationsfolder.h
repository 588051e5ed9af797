#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tusk::core {

// A migrations folder as docs/migrations-folder.md describes it: pending
// changes in prerelease.sql or in ordered 1_prerelease.sql,
// 2_prerelease.sql, … (natural order: 2_ before 10_); released history in
// anything whose name ends in "released", any case; CHANGELOG.md beside
// them. Reading only: what breaks a rule (two files with one number, a
// bare prerelease.sql next to numbered ones) is a problem for the user to
// settle, never guessed around.
class MigrationsFolder {
public:
    struct PendingFile {
        QString name; // "2_prerelease.sql"
        QString path; // absolute
        int number = 0; // 0 for a bare prerelease.sql
    };
    struct Problem {
        enum class Kind { MissingFolder, DuplicateNumber, BareAndNumbered, Unreadable };
        Kind kind;
        QString message; // one sentence for the user
        QStringList paths;
    };

    static MigrationsFolder read(const QString &folder);

    const QString &path() const { return m_path; }
    bool exists() const { return m_exists; }
    // Pending files in the order they run.
    const QList<PendingFile> &pending() const { return m_pending; }
    // The file new changes go to (docs: prefer the latest pending file);
    // prerelease.sql when there is none yet. Null when the order is broken.
    QString latestPendingPath() const;
    // Released files and folders at the top of the folder, by name.
    const QStringList &released() const { return m_released; }
    QString changelogPath() const;
    const QList<Problem> &problems() const { return m_problems; }

    // "prerelease.sql" → 0, "12_prerelease.sql" → 12, anything else → -1
    // (names compare without case, as the rule for "released" does).
    static int pendingNumber(const QString &fileName);
    static bool isReleasedName(const QString &name);

private:
    QString m_path;
    bool m_exists = false;
    QList<PendingFile> m_pending;
    QStringList m_released;
    QList<Problem> m_problems;
};

} // namespace tusk::core
