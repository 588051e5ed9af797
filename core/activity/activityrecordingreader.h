#pragma once

#include "activitysample.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace tusk::core {

// An activity recording opened to look back (issue 24, point 9): what the
// file says of itself, the list of its samples with a few counts each, and
// the sample at any of them, rebuilt from its JSON. A file that is not a
// recording, a newer format or a damaged row gives an error in words,
// never a crash.
//
// A value: copies share their lists. Every call that touches the file
// opens its own short-lived connection on the calling thread, so a reader
// may be used from any thread, and from several at once. Those calls block
// for as long as the disk takes: from the GUI thread, use the *InBackground
// forms, which run on BackgroundPool and answer on the main thread.
class ActivityRecordingReader {
public:
    struct Entry {
        QDateTime takenAt; // UTC, ms
        int sessions = 0;
        int active = 0;
        int blocked = 0; // waiting on a Lock
    };
    // nullopt with *error set when the file cannot be read as a recording.
    static std::optional<ActivityRecordingReader> open(const QString &path, QString *error);
    // open() on BackgroundPool; `deliver` runs on the main thread, unless
    // `receiver` is gone by then.
    using OpenedFunction =
        std::function<void(std::optional<ActivityRecordingReader> reader, const QString &error)>;
    static void openInBackground(QObject *receiver, const QString &path, OpenedFunction deliver);

    QString path() const { return m_path; }
    int formatVersion() const { return m_format; }
    QString server() const { return m_server; }
    QString writtenBy() const { return m_writtenBy; } // "tusk 0.1.0"
    QDateTime createdAt() const { return m_createdAt; }

    int size() const { return int(m_entries.size()); }
    const QList<Entry> &entries() const { return m_entries; }
    QList<QDateTime> times() const;
    QDateTime first() const;
    QDateTime last() const;
    // The sample at `moment` or the last one before it; -1 when `moment`
    // is before the first.
    int indexAt(const QDateTime &moment) const;

    // nullopt with *error set for an index out of range or a damaged row.
    std::optional<ActivitySample> sampleAt(int index, QString *error) const;
    using LoadedFunction =
        std::function<void(std::optional<ActivitySample> sample, const QString &error)>;
    void sampleInBackground(QObject *receiver, int index, LoadedFunction deliver) const;

private:
    ActivityRecordingReader() = default;

    QString m_path;
    int m_format = 0;
    QString m_server;
    QString m_writtenBy;
    QDateTime m_createdAt;
    QList<Entry> m_entries;
    QList<qint64> m_rows; // rowid of each entry
};

} // namespace tusk::core
