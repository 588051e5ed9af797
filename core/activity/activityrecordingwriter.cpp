#include "activityrecordingwriter.h"

#include "activityrecordingfile.h"
#include "activitysamplejson.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QVariant>

namespace tusk::core {

ActivityRecordingWriter::ActivityRecordingWriter(Settings settings)
    : m_settings(std::move(settings))
{
}

ActivityRecordingWriter::~ActivityRecordingWriter()
{
    close();
}

void ActivityRecordingWriter::open()
{
    m_file = std::make_unique<ActivityRecordingFile>(
        m_settings.path, ActivityRecordingFile::Mode::Write);
    QString error;
    if (!m_file->open(&error, m_settings.meta))
        return fail(error);
    QSqlQuery count(m_file->database());
    if (count.exec(QStringLiteral("SELECT count(*) FROM samples")) && count.next())
        m_inFile = count.value(0).toLongLong();
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &ActivityRecordingWriter::flush);
    m_timer->start(std::max(50, m_settings.flushIntervalMs));
    emit opened();
}

void ActivityRecordingWriter::add(const ActivitySample &sample)
{
    if (m_failed || !m_file)
        return;
    // The encoding is the costly part, and it is done here, off the thread
    // that sampled.
    Row row;
    row.takenAt = sample.takenAt.toMSecsSinceEpoch();
    row.sessions = int(sample.sessions.size());
    for (const ActivitySession &s : sample.sessions) {
        if (s.state == QLatin1String("active"))
            ++row.active;
        if (s.isWaitingOnLock())
            ++row.blocked;
    }
    row.sample =
        qCompress(QJsonDocument(ActivitySampleJson::toJson(sample)).toJson(QJsonDocument::Compact));
    m_pending << row;
    if (m_pending.size() >= std::max(1, m_settings.batch))
        flush();
}

void ActivityRecordingWriter::flush()
{
    if (m_pending.isEmpty() || m_failed || !m_file)
        return;
    QSqlDatabase db = m_file->database();
    if (!db.transaction())
        return fail(
            QStringLiteral("cannot write to %1: %2").arg(m_settings.path, db.lastError().text()));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO samples (taken_at, sessions, active, blocked, "
                                  "sample) VALUES (?, ?, ?, ?, ?)"));
    for (const Row &row : std::as_const(m_pending)) {
        insert.bindValue(0, row.takenAt);
        insert.bindValue(1, row.sessions);
        insert.bindValue(2, row.active);
        insert.bindValue(3, row.blocked);
        insert.bindValue(4, row.sample);
        if (!insert.exec()) {
            const QString why = insert.lastError().text();
            insert.finish();
            db.rollback(); // the batch goes; every batch before it stays
            return fail(QStringLiteral("cannot write to %1: %2").arg(m_settings.path, why));
        }
    }
    insert.finish();
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return fail(QStringLiteral("cannot write to %1: %2").arg(m_settings.path, why));
    }
    m_inFile += m_pending.size();
    m_pending.clear();
    emit flushed(m_inFile);
}

void ActivityRecordingWriter::fail(const QString &message)
{
    m_failed = true;
    m_pending.clear();
    close();
    emit failed(message);
}

void ActivityRecordingWriter::close()
{
    if (m_timer)
        m_timer->stop();
    m_file.reset();
}

void ActivityRecordingWriter::finish()
{
    flush();
    close();
    QThread::currentThread()->quit();
}

} // namespace tusk::core
