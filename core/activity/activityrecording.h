#pragma once

#include "activitysample.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QThread;

namespace tusk::core {

class ActivityRecordingWriter;

// Records the samples of the activity monitor to a file (issue 24, point
// 9), to open later with ActivityRecordingReader: a SQLite database
// through Qt SQL, one row per sample (its time, a few counts, and the
// sample as compact JSON, compressed), and a meta table (format, server,
// the Tusk that wrote it); the shape is in activityrecordingfile.h.
//
// The file is written on a thread of its own (ActivityRecordingWriter), so
// the thread that samples never waits for the disk: record() only hands
// the sample over. Rows are committed in one transaction every
// flushIntervalMs or every `batch` samples, in WAL mode with synchronous =
// NORMAL; stop() and the destructor write what is pending first. An
// existing recording is appended to; any other existing file is refused
// untouched. A path inside a released part of a migrations folder is
// refused with UserFileWriter's rule (ReleasedMigrations), before anything
// is made. Failures come as failed(message); after one nothing more is
// written, and what was already committed stays readable.
//
// Lives on the thread that creates it; the destructor waits for the
// writer to commit its last batch (at most one flush interval of samples).
class ActivityRecording : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString server; // what was recorded, in words ("db.example.com:5432/shop")
        // Whose released parts are refused (the workspace's fileWriteOptions();
        // the command line adds the working directory, as lint --fix does).
        QStringList migrationsFolders;
        int flushIntervalMs = 1000;
        int batch = 60;
    };

    explicit ActivityRecording(QObject *parent = nullptr);
    ~ActivityRecording() override;

    // False, with failed() emitted and *error set, when the path is refused
    // or a recording is already going; the file itself is opened on the
    // writer's thread, which answers with opened() or failed().
    bool start(const QString &path, const Options &options, QString *error = nullptr);
    void record(const tusk::core::ActivitySample &sample);
    // Writes what is pending and closes the file; stopped() follows.
    void stop();
    bool isRecording() const { return m_thread != nullptr && !m_failed && !m_stopping; }
    QString path() const { return m_path; }
    // Samples committed to the file so far (those it held before included).
    qint64 samplesInFile() const { return m_samplesInFile; }

signals:
    void opened();
    void flushed(qint64 samplesInFile);
    void failed(const QString &message);
    void stopped();

private:
    void refuse(const QString &message, QString *error);

    QThread *m_thread = nullptr;
    ActivityRecordingWriter *m_writer = nullptr; // lives on m_thread, deletes itself
    QString m_path;
    qint64 m_samplesInFile = 0;
    bool m_failed = false;
    bool m_stopping = false; // finish() is posted to the writer
};

} // namespace tusk::core
