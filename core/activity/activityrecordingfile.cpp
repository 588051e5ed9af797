#include "activityrecordingfile.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace tusk::core {

namespace {
QAtomicInteger<quint64> connections;

QString driverMissing()
{
    return QStringLiteral("Qt's SQLite driver is not installed (Debian: libqt6sql6-sqlite)");
}
} // namespace

ActivityRecordingFile::ActivityRecordingFile(const QString &path, Mode mode)
    : m_path(path)
    , m_mode(mode)
    , m_name(QStringLiteral("tusk-activity-recording-%1").arg(connections.fetchAndAddOrdered(1)))
{
}

ActivityRecordingFile::~ActivityRecordingFile()
{
    if (!QSqlDatabase::contains(m_name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    } // the last handle must be gone before the connection is removed
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase ActivityRecordingFile::database() const
{
    return QSqlDatabase::database(m_name, false);
}

bool ActivityRecordingFile::open(QString *error, const QHash<QString, QString> &meta)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = driverMissing();
        return false;
    }
    const QFileInfo info(m_path);
    const bool fresh = !info.exists() || (m_mode == Mode::Write && info.size() == 0);
    if (m_mode == Mode::Read && !info.exists()) {
        *error = QStringLiteral("%1: no such file").arg(m_path);
        return false;
    }
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1: not a file").arg(m_path);
        return false;
    }
    if (m_mode == Mode::Write && !info.exists()) {
        // Made here first so that it is the owner's only from the start:
        // a recording holds other people's query texts.
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly)
            || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            *error = QStringLiteral("cannot create %1: %2").arg(m_path, file.errorString());
            return false;
        }
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!db.isValid()) {
        *error = driverMissing();
        return false;
    }
    db.setDatabaseName(m_path);
    if (m_mode == Mode::Read)
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    if (fresh && m_mode == Mode::Write)
        return create(meta, error) && readMeta(error);
    // Before anything is changed: a file that is not a recording is
    // somebody else's and stays as it was.
    if (!readMeta(error))
        return false;
    if (m_mode == Mode::Write)
        return run(QStringLiteral("PRAGMA journal_mode = WAL"), error)
            && run(QStringLiteral("PRAGMA synchronous = NORMAL"), error);
    return true;
}

bool ActivityRecordingFile::run(const QString &sql, QString *error)
{
    QSqlQuery q(database());
    if (q.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(m_path, q.lastError().text());
    return false;
}

bool ActivityRecordingFile::create(const QHash<QString, QString> &meta, QString *error)
{
    // WAL: a reader (the scrubber, `tusk activity replay`) can open the
    // file while it is written, and a crash loses at most the last batch.
    if (!run(QStringLiteral("PRAGMA journal_mode = WAL"), error)
        || !run(QStringLiteral("PRAGMA synchronous = NORMAL"), error))
        return false;
    QSqlDatabase db = database();
    db.transaction();
    bool ok =
        run(QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"), error)
        && run(QStringLiteral("CREATE TABLE samples (taken_at INTEGER NOT NULL, sessions INTEGER "
                              "NOT NULL, active INTEGER NOT NULL, blocked INTEGER NOT NULL, "
                              "sample BLOB NOT NULL)"),
            error)
        && run(QStringLiteral("CREATE INDEX samples_taken_at ON samples (taken_at)"), error);
    QHash<QString, QString> all = meta;
    all.insert(QStringLiteral("format"), QString::number(formatVersion));
    all.insert(QStringLiteral("application"), QStringLiteral("tusk"));
    for (auto it = all.cbegin(); ok && it != all.cend(); ++it) {
        if (it.value().isEmpty())
            continue; // unknown (a Tusk version in a test binary): left out
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
        q.addBindValue(it.key());
        q.addBindValue(it.value());
        ok = q.exec();
        if (!ok)
            *error = QStringLiteral("%1: %2").arg(m_path, q.lastError().text());
    }
    if (!ok) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        *error = QStringLiteral("%1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    return true;
}

bool ActivityRecordingFile::readMeta(QString *error)
{
    const QString notOurs = QStringLiteral("%1 is not a Tusk activity recording").arg(m_path);
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta"))) {
        // "file is not a database" for a foreign file, "no such table" for
        // somebody else's SQLite database.
        *error = notOurs + QStringLiteral(" (") + q.lastError().databaseText() + QLatin1Char(')');
        return false;
    }
    m_meta.clear();
    while (q.next())
        m_meta.insert(q.value(0).toString(), q.value(1).toString());
    if (m_meta.value(QStringLiteral("application")) != QLatin1String("tusk")) {
        *error = notOurs;
        return false;
    }
    bool ok = false;
    const int format = m_meta.value(QStringLiteral("format")).toInt(&ok);
    if (!ok || format > formatVersion) {
        *error = QStringLiteral("%1 was written by a newer Tusk (format %2; this one reads %3)")
                     .arg(m_path, m_meta.value(QStringLiteral("format")))
                     .arg(formatVersion);
        return false;
    }
    QSqlQuery samples(database());
    if (!samples.exec(QStringLiteral("SELECT taken_at, sessions, active, blocked, sample FROM "
                                     "samples WHERE 0"))) {
        *error =
            notOurs + QStringLiteral(" (") + samples.lastError().databaseText() + QLatin1Char(')');
        return false;
    }
    return true;
}

} // namespace tusk::core
