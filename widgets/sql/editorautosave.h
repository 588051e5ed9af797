#pragma once

#include <QLockFile>
#include <QString>

#include <functional>

#include <memory>

namespace tusk::widgets {

// Unsaved editor text kept on disk, so a crash, a kill or a power cut
// loses at most a few seconds of typing. Each running Tusk writes under
// <root>/<pid>/ and holds <root>/<pid>.lock; the next start adopts the
// folders whose lock is stale (their process is gone) and offers their
// buffers again. Two Tusks never take each other's buffers.
class EditorAutosave {
public:
    struct Entry {
        QString id; // the tab's, stable while it lives
        QString path; // the file behind the tab; empty for an untitled one
        QString text;
    };

    // `root` is usually defaultRoot().
    explicit EditorAutosave(const QString &root);
    ~EditorAutosave();

    // Creates and locks this process's folder; false with `error` set.
    bool start(QString *error);
    bool isStarted() const { return m_lock != nullptr; }
    // Buffers left by Tusks that are no longer running, moved into this
    // one's folder (so they stay safe until their tabs are saved or
    // closed), oldest first. One that cannot be moved stays in its old
    // folder, untouched, with the first failure in `error`.
    QList<Entry> adoptOrphans(QString *error = nullptr);
    bool write(const Entry &entry, QString *error);
    // The same into `folder` (this process's), from any thread: the files
    // are synced to disk before they replace the old ones, which may take
    // a while on a busy disk, so the window writes from a worker.
    static bool writeIn(const QString &folder, const Entry &entry, QString *error);
    // writeIn on the BackgroundPool; `done(ok, error)` runs on the main
    // thread if `receiver` still exists.
    void writeLater(QObject *receiver, const Entry &entry,
        std::function<void(bool ok, const QString &error)> done) const;
    void remove(const QString &id);
    QString folder() const { return m_folder; }

    // $XDG_STATE_HOME/tusk/autosave, or ~/.local/state/tusk/autosave.
    static QString defaultRoot();

private:
    QString m_root;
    QString m_folder;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace tusk::widgets
