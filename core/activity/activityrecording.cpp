#include "activityrecording.h"

#include "activityrecordingwriter.h"

#include "core/files/releasedmigrations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QThread>

namespace tusk::core {

ActivityRecording::ActivityRecording(QObject *parent)
    : QObject(parent)
{
}

ActivityRecording::~ActivityRecording()
{
    if (!m_thread)
        return;
    // The writer only ends its thread once told to, so it is still there
    // unless finish() was already posted.
    if (!m_stopping)
        QMetaObject::invokeMethod(m_writer, &ActivityRecordingWriter::finish, Qt::QueuedConnection);
    m_thread->wait(); // one last batch: at most a flush interval of samples
}

void ActivityRecording::refuse(const QString &message, QString *error)
{
    if (error)
        *error = message;
    emit failed(message);
}

bool ActivityRecording::start(const QString &path, const Options &options, QString *error)
{
    if (m_thread) {
        refuse(QStringLiteral("already recording to %1").arg(m_path), error);
        return false;
    }
    // The same rule, and the same check, as every other file Tusk writes.
    if (ReleasedMigrations::containsAny(path, options.migrationsFolders)) {
        refuse(QStringLiteral("%1 is inside a released part of a migrations folder (a folder "
                              "whose name ends in \"released\"): Tusk never writes there")
                   .arg(path),
            error);
        return false;
    }
    m_path = path;
    m_failed = false;
    m_stopping = false;
    m_samplesInFile = 0;

    ActivityRecordingWriter::Settings settings;
    settings.path = QFileInfo(path).absoluteFilePath();
    settings.flushIntervalMs = options.flushIntervalMs;
    settings.batch = options.batch;
    settings.meta = {{QStringLiteral("server"), options.server},
        {QStringLiteral("tusk_version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("created_at"),
            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("tusk activity recording"));
    m_writer = new ActivityRecordingWriter(settings);
    m_writer->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &ActivityRecordingWriter::opened, this, &ActivityRecording::opened);
    connect(m_writer, &ActivityRecordingWriter::flushed, this, [this](qint64 inFile) {
        m_samplesInFile = inFile;
        emit flushed(inFile);
    });
    connect(m_writer, &ActivityRecordingWriter::failed, this, [this](const QString &message) {
        m_failed = true;
        emit failed(message);
    });
    // Queued after the writer's last signals (both come from its thread),
    // so stopped() follows the last flushed().
    connect(m_thread, &QThread::finished, this, [this, thread = m_thread] {
        if (thread != m_thread)
            return;
        m_thread->deleteLater();
        m_thread = nullptr;
        m_writer = nullptr;
        emit stopped();
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_writer, &ActivityRecordingWriter::open, Qt::QueuedConnection);
    return true;
}

void ActivityRecording::record(const ActivitySample &sample)
{
    if (!m_writer || m_failed || m_stopping)
        return;
    ActivityRecordingWriter *writer = m_writer;
    QMetaObject::invokeMethod(
        writer, [writer, sample] { writer->add(sample); }, Qt::QueuedConnection);
}

void ActivityRecording::stop()
{
    if (!m_thread || m_stopping)
        return;
    m_stopping = true;
    QMetaObject::invokeMethod(m_writer, &ActivityRecordingWriter::finish, Qt::QueuedConnection);
}

} // namespace tusk::core
