#pragma once

#include "activitysample.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace tusk::core {

class ActivityRecordingFile;

// The half of ActivityRecording that lives on the recording's own thread:
// it opens the file there (a Qt SQL connection belongs to the thread that
// made it), turns each sample into its row (JSON, compressed) and inserts
// the rows in one transaction every flush interval or every `batch`
// samples. After a failure it writes nothing more; what was committed
// stays in the file. Every slot runs on its thread; ActivityRecording
// invokes them queued.
class ActivityRecordingWriter : public QObject {
    Q_OBJECT
public:
    struct Settings {
        QString path;
        QHash<QString, QString> meta; // written into a new file
        int flushIntervalMs = 1000;
        int batch = 60;
    };

    explicit ActivityRecordingWriter(Settings settings);
    ~ActivityRecordingWriter() override;

    void open();
    void add(const tusk::core::ActivitySample &sample);
    // Writes what is pending, closes the file, then ends the thread.
    void finish();

signals:
    void opened();
    void flushed(qint64 samplesInFile);
    void failed(const QString &message);

private:
    struct Row {
        qint64 takenAt = 0;
        int sessions = 0;
        int active = 0;
        int blocked = 0;
        QByteArray sample;
    };

    void flush();
    void fail(const QString &message);
    void close();

    Settings m_settings;
    std::unique_ptr<ActivityRecordingFile> m_file;
    QTimer *m_timer = nullptr;
    QList<Row> m_pending;
    qint64 m_inFile = 0;
    bool m_failed = false;
};

} // namespace tusk::core
