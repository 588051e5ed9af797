#include "auditlog.h"

#include "core/files/userfilewriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>

namespace tusk::core {

QString AuditLog::path()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty())
        state = QDir::homePath() + QStringLiteral("/.local/state");
    return state + QStringLiteral("/tusk/activity-audit.log");
}

bool AuditLog::append(const QString &line, QString *error)
{
    static QMutex mutex; // one process, one writer at a time
    const QMutexLocker lock(&mutex);
    QByteArray text;
    QFile existing(path());
    if (existing.open(QIODevice::ReadOnly))
        text = existing.readAll();
    text +=
        QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + ' ' + line.toUtf8() + '\n';
    UserFileWriter::Options options;
    options.createFolder = true;
    options.permissions = UserFileWriter::Permissions::PrivateWhenNew;
    const FileWriteError written = UserFileWriter::writeFile(path(), text, options);
    if (!written.isNull() && error)
        *error = written.message;
    return written.isNull();
}

} // namespace tusk::core
