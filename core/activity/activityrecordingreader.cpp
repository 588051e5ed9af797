#include "activityrecordingreader.h"

#include "activityrecordingfile.h"
#include "activitysamplejson.h"

#include "core/support/backgroundpool.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QtEndian>

#include <algorithm>

namespace tusk::core {

namespace {
// Far beyond any sample (10,000 sessions of 2 KB queries take 30 MB).
constexpr quint32 maxSampleBytes = 512u << 20;

// What a background task carries back to the main thread.
template<typename T>
struct Answer {
    std::optional<T> value;
    QString error;
};

QString &sink(QString *error, QString &own)
{
    return error ? *error : own;
}
} // namespace

std::optional<ActivityRecordingReader> ActivityRecordingReader::open(
    const QString &path, QString *error)
{
    QString own;
    QString &problem = sink(error, own);
    ActivityRecordingFile file(path, ActivityRecordingFile::Mode::Read);
    if (!file.open(&problem))
        return std::nullopt;
    ActivityRecordingReader r;
    r.m_path = path;
    r.m_format = file.meta().value(QStringLiteral("format")).toInt();
    r.m_server = file.meta().value(QStringLiteral("server"));
    const QString version = file.meta().value(QStringLiteral("tusk_version"));
    r.m_writtenBy = version.isEmpty() ? QStringLiteral("tusk") : QStringLiteral("tusk ") + version;
    r.m_createdAt =
        QDateTime::fromString(file.meta().value(QStringLiteral("created_at")), Qt::ISODateWithMs);
    QSqlQuery q(file.database());
    q.setForwardOnly(true);
    // Appending to a recording may add samples older than its newest (a
    // clock put back); ordered here, the list is always in time order.
    if (!q.exec(QStringLiteral("SELECT rowid, taken_at, sessions, active, blocked FROM samples "
                               "ORDER BY taken_at, rowid"))) {
        problem = QStringLiteral("%1: %2").arg(path, q.lastError().text());
        return std::nullopt;
    }
    while (q.next()) {
        r.m_rows << q.value(0).toLongLong();
        r.m_entries << Entry {QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC),
            q.value(2).toInt(), q.value(3).toInt(), q.value(4).toInt()};
    }
    if (q.lastError().isValid()) {
        problem = QStringLiteral("%1: %2").arg(path, q.lastError().text());
        return std::nullopt;
    }
    return r;
}

void ActivityRecordingReader::openInBackground(
    QObject *receiver, const QString &path, OpenedFunction deliver)
{
    using Opened = Answer<ActivityRecordingReader>;
    BackgroundPool::run<Opened>(
        receiver,
        [path] {
            Opened a;
            a.value = open(path, &a.error);
            return a;
        },
        [deliver = std::move(deliver)](Opened &&a) { deliver(std::move(a.value), a.error); });
}

QList<QDateTime> ActivityRecordingReader::times() const
{
    QList<QDateTime> out;
    out.reserve(m_entries.size());
    for (const Entry &e : m_entries)
        out << e.takenAt;
    return out;
}

QDateTime ActivityRecordingReader::first() const
{
    return m_entries.isEmpty() ? QDateTime() : m_entries.first().takenAt;
}

QDateTime ActivityRecordingReader::last() const
{
    return m_entries.isEmpty() ? QDateTime() : m_entries.last().takenAt;
}

int ActivityRecordingReader::indexAt(const QDateTime &moment) const
{
    if (!moment.isValid())
        return -1;
    const auto after = std::upper_bound(m_entries.cbegin(), m_entries.cend(), moment,
        [](const QDateTime &t, const Entry &e) { return t < e.takenAt; });
    return int(after - m_entries.cbegin()) - 1;
}

std::optional<ActivitySample> ActivityRecordingReader::sampleAt(int index, QString *error) const
{
    QString own;
    QString &problem = sink(error, own);
    if (index < 0 || index >= size()) {
        problem = QStringLiteral("%1 has no sample %2").arg(m_path).arg(index);
        return std::nullopt;
    }
    const QString which = QStringLiteral("%1, sample %2 (%3)")
                              .arg(m_path)
                              .arg(index)
                              .arg(m_entries.at(index).takenAt.toString(Qt::ISODateWithMs));
    ActivityRecordingFile file(m_path, ActivityRecordingFile::Mode::Read);
    if (!file.open(&problem))
        return std::nullopt;
    QSqlQuery q(file.database());
    q.prepare(QStringLiteral("SELECT sample FROM samples WHERE rowid = ?"));
    q.bindValue(0, m_rows.at(index));
    if (!q.exec() || !q.next()) {
        problem = which + QStringLiteral(": ")
            + (q.lastError().isValid() ? q.lastError().text() : QStringLiteral("gone"));
        return std::nullopt;
    }
    const QByteArray compressed = q.value(0).toByteArray();
    // qCompress puts the length first; a damaged one could ask qUncompress
    // for gigabytes before zlib finds out. Otherwise qUncompress answers a
    // damaged blob with an empty array (and a warning), never a crash; a
    // sample is never empty.
    const quint32 length =
        compressed.size() > 4 ? qFromBigEndian<quint32>(compressed.constData()) : 0;
    const QByteArray json =
        length > 0 && length <= maxSampleBytes ? qUncompress(compressed) : QByteArray();
    if (json.isEmpty()) {
        problem = which + QStringLiteral(": damaged (it does not decompress)");
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (!doc.isObject()) {
        problem = which + QStringLiteral(": damaged (") + parse.errorString() + QLatin1Char(')');
        return std::nullopt;
    }
    QString why;
    std::optional<ActivitySample> sample = ActivitySampleJson::fromJson(doc.object(), &why);
    if (!sample)
        problem = which + QStringLiteral(": ") + why;
    return sample;
}

void ActivityRecordingReader::sampleInBackground(
    QObject *receiver, int index, LoadedFunction deliver) const
{
    using Loaded = Answer<ActivitySample>;
    BackgroundPool::run<Loaded>(
        receiver,
        [copy = *this, index] {
            Loaded a;
            a.value = copy.sampleAt(index, &a.error);
            return a;
        },
        [deliver = std::move(deliver)](Loaded &&a) { deliver(std::move(a.value), a.error); });
}

} // namespace tusk::core
