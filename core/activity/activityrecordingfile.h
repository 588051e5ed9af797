#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace tusk::core {

// One connection to an activity recording (a SQLite file, through Qt
// SQL), on the thread that makes it: Qt SQL connections may not cross
// threads, so each user (the writer on its thread, each read of the
// reader) makes its own, under a name no other has, and removes it when
// done. Also the file's shape, in one place:
//
//   meta(key TEXT PRIMARY KEY, value TEXT)  format, application,
//       tusk_version, server, created_at
//   samples(taken_at INTEGER ms UTC, sessions, active, blocked INTEGER,
//       sample BLOB: ActivitySampleJson, compact, qCompress'd)
//
// Private to core's activity folder (its users include Qt SQL, nothing
// else does).
class ActivityRecordingFile {
public:
    static constexpr int formatVersion = 1;
    enum class Mode { Read, Write };

    ActivityRecordingFile(const QString &path, Mode mode);
    ~ActivityRecordingFile();
    ActivityRecordingFile(const ActivityRecordingFile &) = delete;
    ActivityRecordingFile &operator=(const ActivityRecordingFile &) = delete;

    // Read: the file must exist and be a recording Tusk can read. Write: a
    // missing file is created (owner-only: it holds query texts) with the
    // tables and `meta`; an existing one must be a recording of this
    // format, and is appended to. A foreign or broken file is left as it
    // was. False with *error in words.
    bool open(QString *error, const QHash<QString, QString> &meta = {});
    QSqlDatabase database() const;
    const QHash<QString, QString> &meta() const { return m_meta; }
    QString path() const { return m_path; }

private:
    bool readMeta(QString *error);
    bool create(const QHash<QString, QString> &meta, QString *error);
    bool run(const QString &sql, QString *error);

    QString m_path;
    Mode m_mode;
    QString m_name;
    QHash<QString, QString> m_meta;
};

} // namespace tusk::core
