// Activity recordings (core/activity/ActivityRecording, its reader) and the
// in-memory history against real sessions of the test cluster: while a
// lock queue stands (LockScenario: A holds a row lock idle in transaction,
// B's ALTER TABLE waits for ACCESS EXCLUSIVE, C's SELECT behind it), the
// collector's samples are recorded and kept in an ActivityHistory for a few
// seconds; the file, reopened, shows the queue at a moment in it, sample
// for sample what was recorded, and so does the history. `tusk activity
// --watch --record` records until interrupted, `tusk activity replay`
// prints the tree. A corrupted file, a damaged row, a foreign database, a
// folder and a path under `x_released/` give errors in words.

#include "lockscenario.h"
#include "testsupport.h"

#include "core/activity/activitycollector.h"
#include "core/activity/activityhistory.h"
#include "core/activity/activityrecording.h"
#include "core/activity/activityrecordingreader.h"
#include "core/activity/activitysamplejson.h"
#include "core/activity/blockingtree.h"
#include "core/activity/lockqueue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace tusk::core;
using namespace tusk::test;

class TestActivityRecording : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void recordsAQueueAndReadsItBack();
    void replayPrintsTheTree();
    void commandRecordsUntilInterrupted();
    void appendsToItsOwnRecording();
    void refusesAReleasedFolder();
    void brokenFilesGiveErrors();

private:
    QString path(const QString &name) const { return m_folder + QLatin1Char('/') + name; }

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<LockScenario> m_scenario;
    QString m_folder;
    QString m_recording; // made by recordsAQueueAndReadsItBack
    QList<ActivitySample> m_recorded; // what went into it
    int m_a = 0, m_b = 0, m_c = 0;
};

namespace {
// Only this test's database: other tests share the cluster.
ActivitySample mine(const ActivitySample &s, const QString &database)
{
    return s.restrictedTo(database);
}

QJsonObject json(const ActivitySample &s)
{
    return ActivitySampleJson::toJson(s);
}
} // namespace

void TestActivityRecording::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
    m_db = std::make_unique<ScratchDatabase>(QStringLiteral("recording"));
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_folder = scratchFolder(QStringLiteral("activity-recording"));
    QVERIFY(QDir().mkpath(m_folder));
    m_scenario = std::make_unique<LockScenario>(m_db->connInfo());
    QVERIFY2(m_scenario->createTable(), qPrintable(m_scenario->error()));
    m_a = m_scenario->hold(QStringLiteral("BEGIN; UPDATE shop.items SET v = v + 1 WHERE id = 1;"));
    m_b = m_scenario->queue(QStringLiteral("ALTER TABLE shop.items ADD COLUMN w int"));
    m_c = m_scenario->queue(QStringLiteral("SELECT count(*) FROM shop.items"));
    QVERIFY2(m_a && m_b && m_c, qPrintable(m_scenario->error()));
}

void TestActivityRecording::cleanupTestCase()
{
    m_scenario.reset();
}

void TestActivityRecording::recordsAQueueAndReadsItBack()
{
    m_recording = path(QStringLiteral("incident.tuskactivity"));
    ActivityCollector collector;
    collector.setIntervalMs(500);
    ActivityHistory history;
    ActivityRecording recording;
    QSignalSpy opened(&recording, &ActivityRecording::opened);
    QSignalSpy flushed(&recording, &ActivityRecording::flushed);
    QSignalSpy failed(&recording, &ActivityRecording::failed);
    ActivityRecording::Options options;
    options.server = m_db->connInfo().toDisplayString();
    options.migrationsFolders = {m_folder};
    options.flushIntervalMs = 400;
    options.batch = 3;
    QString error;
    QVERIFY2(recording.start(m_recording, options, &error), qPrintable(error));
    QVERIFY(recording.isRecording());
    connect(&collector, &ActivityCollector::sampled, this, [&](const ActivitySample &s) {
        m_recorded << s;
        history.append(s);
        recording.record(s);
    });
    collector.start(m_db->connInfo());
    QTRY_VERIFY_WITH_TIMEOUT(m_recorded.size() >= 7, 15000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QVERIFY(!opened.isEmpty());

    // Readable while it is written (WAL): the batches committed so far.
    QTRY_VERIFY(!flushed.isEmpty());
    const auto early = ActivityRecordingReader::open(m_recording, &error);
    QVERIFY2(early, qPrintable(error));
    QVERIFY(early->size() >= 3);

    collector.stop();
    QSignalSpy stopped(&recording, &ActivityRecording::stopped);
    recording.stop();
    QVERIFY(stopped.wait(5000));
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(recording.samplesInFile(), qint64(m_recorded.size()));
    QCOMPARE(QFile::permissions(m_recording) & (QFile::ReadOther | QFile::ReadGroup),
        QFile::Permissions());

    const auto reader = ActivityRecordingReader::open(m_recording, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->size(), m_recorded.size());
    QCOMPARE(reader->formatVersion(), 1);
    QCOMPARE(reader->server(), options.server);
    QVERIFY2(
        reader->writtenBy().startsWith(QLatin1String("tusk")), qPrintable(reader->writtenBy()));
    for (int i = 0; i < reader->size(); ++i) {
        QCOMPARE(reader->entries().at(i).takenAt, m_recorded.at(i).takenAt);
        QCOMPARE(qsizetype(reader->entries().at(i).sessions), m_recorded.at(i).sessions.size());
        QVERIFY(reader->entries().at(i).blocked >= 2); // B and C, at least
    }

    // A moment inside the recording: the sample taken just before it.
    const int middle = reader->size() / 2;
    const QDateTime moment = reader->entries().at(middle).takenAt.addMSecs(250);
    QCOMPARE(reader->indexAt(moment), middle);
    QCOMPARE(reader->indexAt(reader->first().addMSecs(-1)), -1);
    const std::optional<ActivitySample> back = reader->sampleAt(middle, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(json(*back), json(m_recorded.at(middle))); // every field, as recorded
    const ActivitySample s = mine(*back, m_db->name());
    const BlockingTree tree = BlockingTree::build(s);
    QVERIFY(tree.edge(m_a, m_b) && tree.edge(m_a, m_b)->hard);
    QVERIFY(tree.edge(m_b, m_c) && !tree.edge(m_b, m_c)->hard);
    const QList<LockQueue> queues = LockQueue::build(s);
    QCOMPARE(queues.size(), 1);
    QCOMPARE(queues.first().waiters.first().pid, m_b);

    // The in-memory history holds the same moments, and the same state.
    QCOMPARE(history.size(), m_recorded.size());
    QCOMPARE(history.indexAt(moment), middle);
    for (int i = 0; i < history.size(); ++i) {
        const ActivitySample h = history.sampleAt(i);
        const ActivitySample &want = m_recorded.at(i);
        QCOMPARE(h.takenAt, want.takenAt);
        QCOMPARE(h.sessions.size(), want.sessions.size());
        for (qsizetype k = 0; k < want.sessions.size(); ++k) {
            const ActivitySession &x = h.sessions.at(k);
            const ActivitySession &y = want.sessions.at(k);
            QCOMPARE(x.pid, y.pid);
            QCOMPARE(x.state, y.state);
            QCOMPARE(x.query, y.query);
            QCOMPARE(x.blockedBy, y.blockedBy);
            for (const auto &[got, was] :
                {std::pair {x.transactionAgeMs, y.transactionAgeMs},
                    std::pair {x.queryAgeMs, y.queryAgeMs}, std::pair {x.stateAgeMs, y.stateAgeMs}})
                QVERIFY2(qAbs(got - was) <= 1,
                    qPrintable(QStringLiteral("sample %1 pid %2: age %3 vs %4")
                                   .arg(i)
                                   .arg(y.pid)
                                   .arg(got)
                                   .arg(was)));
        }
        QCOMPARE(h.locks.size(), want.locks.size());
        QCOMPARE(BlockingTree::build(mine(h, m_db->name())).edges(),
            BlockingTree::build(mine(want, m_db->name())).edges());
    }

    // The background forms, as the window uses them.
    std::optional<ActivityRecordingReader> opened2;
    bool answered = false;
    ActivityRecordingReader::openInBackground(
        this, m_recording, [&](std::optional<ActivityRecordingReader> r, const QString &) {
            opened2 = std::move(r);
            answered = true;
        });
    QTRY_VERIFY(answered);
    QVERIFY(opened2);
    std::optional<ActivitySample> loaded;
    answered = false;
    opened2->sampleInBackground(this, 0, [&](std::optional<ActivitySample> x, const QString &) {
        loaded = std::move(x);
        answered = true;
    });
    QTRY_VERIFY(answered);
    QVERIFY(loaded);
    QCOMPARE(json(*loaded), json(m_recorded.first()));
}

void TestActivityRecording::replayPrintsTheTree()
{
    QVERIFY2(!m_recording.isEmpty(), "needs recordsAQueueAndReadsItBack");
    const auto reader = ActivityRecordingReader::open(m_recording, nullptr);
    QVERIFY(reader);
    const QDateTime at = reader->entries().at(reader->size() / 2).takenAt;
    QString output;
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("replay"), m_recording,
                         QStringLiteral("--at"),
                         at.toLocalTime().toString(QStringLiteral("hh:mm:ss.zzz")),
                         QStringLiteral("--tree")},
                 QString(), &output),
        0);
    qInfo("%s", qPrintable(output));
    QVERIFY2(output.startsWith(at.toLocalTime().toString(QStringLiteral("== hh:mm:ss\n"))),
        qPrintable(output));
    QVERIFY2(
        output.contains(QStringLiteral("%1 idle in transaction").arg(m_a)), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("└ hard %1 active").arg(m_b)), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("└ soft %1 active").arg(m_c)), qPrintable(output));

    // An ISO time and JSON: the sample with the tree's edges.
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("replay"), m_recording,
                         QStringLiteral("--at"), at.toString(Qt::ISODateWithMs),
                         QStringLiteral("--format"), QStringLiteral("json")},
                 QString(), &output),
        0);
    const QJsonObject sample = QJsonDocument::fromJson(output.toUtf8()).object();
    QCOMPARE(sample.value(QStringLiteral("taken_at")).toString(), at.toString(Qt::ISODateWithMs));
    QVERIFY(sample.value(QStringLiteral("edges"))
                .toArray()
                .contains(
                    QJsonObject {{QStringLiteral("blocker"), m_a}, {QStringLiteral("waiter"), m_b},
                        {QStringLiteral("kind"), QStringLiteral("hard")}}));
    QVERIFY(!sample.value(QStringLiteral("locks")).toArray().isEmpty());

    // Without --at: what the file holds.
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("replay"), m_recording}, QString(),
                 &output),
        0);
    QVERIFY2(
        output.contains(QStringLiteral("%1 sample(s)").arg(reader->size())), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("TIME         SESSIONS  ACTIVE  BLOCKED")),
        qPrintable(output));
    QCOMPARE(output.count(QLatin1Char('\n')), 3 + reader->size());
    // Before the recording: an error, not a sample.
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("replay"), m_recording,
                         QStringLiteral("--at"),
                         reader->first().addSecs(-60).toString(Qt::ISODateWithMs)},
                 QString(), &output),
        1);
    QVERIFY2(output.contains(QLatin1String("before the recording starts")), qPrintable(output));
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("replay"), m_recording,
                         QStringLiteral("--at"), QStringLiteral("teatime")},
                 QString(), &output),
        2);
}

// `tusk activity --watch --record FILE` until Ctrl+C: what was sampled is
// in the file.
void TestActivityRecording::commandRecordsUntilInterrupted()
{
    const QString file = path(QStringLiteral("watched.tuskactivity"));
    QProcess tusk;
    tusk.setWorkingDirectory(m_folder);
    tusk.start(qEnvironmentVariable("TUSK_EXECUTABLE"),
        {QStringLiteral("activity"), QStringLiteral("--watch"), QStringLiteral("--interval"),
            QStringLiteral("500"), QStringLiteral("--tree"), QStringLiteral("--record"), file,
            QStringLiteral("--db"), m_db->connInfo().toUrl()});
    QVERIFY(tusk.waitForStarted());
    // Three samples printed, then interrupted.
    QByteArray printed;
    QTRY_VERIFY_WITH_TIMEOUT((printed += tusk.readAllStandardOutput()).count("== ") >= 3, 15000);
    QVERIFY2(printed.contains(QStringLiteral("└ hard %1 active").arg(m_b).toUtf8()),
        printed.constData());
    ::kill(pid_t(tusk.processId()), SIGINT);
    QVERIFY(tusk.waitForFinished(10000));
    const QString errors = QString::fromUtf8(tusk.readAllStandardError());
    QCOMPARE(tusk.exitStatus(), QProcess::NormalExit);
    QVERIFY2(tusk.exitCode() == 0, qPrintable(errors));
    QVERIFY2(errors.contains(QLatin1String("recorded ")), qPrintable(errors));
    QString error;
    const auto reader = ActivityRecordingReader::open(file, &error);
    QVERIFY2(reader, qPrintable(error));
    QVERIFY2(reader->size() >= 2, qPrintable(QString::number(reader->size())));
    QVERIFY2(errors.contains(QStringLiteral("recorded %1 sample(s)").arg(reader->size())),
        qPrintable(errors));
    const auto last = reader->sampleAt(reader->size() - 1, &error);
    QVERIFY2(last, qPrintable(error));
    QVERIFY(BlockingTree::build(mine(*last, m_db->name())).edge(m_a, m_b));
}

// Nothing written is lost: a second recording into the same file adds to it.
void TestActivityRecording::appendsToItsOwnRecording()
{
    const QString file = path(QStringLiteral("twice.tuskactivity"));
    const ActivitySample first = m_recorded.value(0);
    QVERIFY(first.takenAt.isValid());
    for (int round = 0; round < 2; ++round) {
        ActivityRecording recording;
        QSignalSpy failed(&recording, &ActivityRecording::failed);
        QVERIFY(recording.start(file, {}));
        for (int i = 0; i < 3; ++i) {
            ActivitySample s = first;
            s.takenAt = first.takenAt.addSecs(round * 10 + i);
            recording.record(s);
        }
        // No stop(): the destructor writes what is pending.
        QTest::qWait(50);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    }
    QString error;
    const auto reader = ActivityRecordingReader::open(file, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->size(), 6);
    QCOMPARE(reader->last(), first.takenAt.addSecs(12));
}

void TestActivityRecording::refusesAReleasedFolder()
{
    const QString released = path(QStringLiteral("x_released"));
    QVERIFY(QDir().mkpath(released));
    const QString file = released + QStringLiteral("/rec.tuskactivity");
    ActivityRecording recording;
    QSignalSpy failed(&recording, &ActivityRecording::failed);
    ActivityRecording::Options options;
    options.migrationsFolders = {m_folder};
    QString error;
    QVERIFY(!recording.start(file, options, &error));
    QVERIFY2(error.contains(QLatin1String("released")), qPrintable(error));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!recording.isRecording());
    QVERIFY(!QFileInfo::exists(file));

    // The command line protects the working directory, as lint --fix does.
    QString output;
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("--watch"),
                         QStringLiteral("--record"), QStringLiteral("x_released/rec.tuskactivity"),
                         QStringLiteral("--db"), m_db->connInfo().toUrl()},
                 m_folder, &output),
        1);
    QVERIFY2(output.contains(QLatin1String("released")), qPrintable(output));
    QVERIFY(!QFileInfo::exists(file));
}

void TestActivityRecording::brokenFilesGiveErrors()
{
    QVERIFY2(!m_recording.isEmpty(), "needs recordsAQueueAndReadsItBack");
    QString error;
    // Not SQLite at all: refused by the reader, and left as it was by a
    // recording asked to append to it.
    const QString garbage = path(QStringLiteral("garbage.tuskactivity"));
    const QByteArray noise = QByteArray("not a database, just bytes ").repeated(200);
    QVERIFY(writeFile(garbage, noise));
    QVERIFY(!ActivityRecordingReader::open(garbage, &error));
    QVERIFY2(error.contains(QLatin1String("is not a Tusk activity recording")), qPrintable(error));
    {
        ActivityRecording recording;
        QSignalSpy failed(&recording, &ActivityRecording::failed);
        QVERIFY(recording.start(garbage, {}));
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().first().toString().contains(QLatin1String("not a Tusk")),
            qPrintable(failed.first().first().toString()));
    }
    QCOMPARE(readFile(garbage), noise);

    // A recording cut in half.
    const QString truncated = path(QStringLiteral("truncated.tuskactivity"));
    const QByteArray whole = readFile(m_recording);
    QVERIFY(writeFile(truncated, whole.left(whole.size() / 2)));
    const auto cut = ActivityRecordingReader::open(truncated, &error);
    if (cut) { // SQLite may still read the first pages: each sample is then checked
        for (int i = 0; i < cut->size(); ++i)
            cut->sampleAt(i, &error);
    } else {
        QVERIFY(!error.isEmpty());
    }

    // Somebody else's SQLite database.
    const QString foreign = path(QStringLiteral("foreign.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("f"));
        db.setDatabaseName(foreign);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes (body TEXT)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("f"));
    QVERIFY(!ActivityRecordingReader::open(foreign, &error));
    QVERIFY2(error.contains(QLatin1String("is not a Tusk activity recording")), qPrintable(error));

    // One damaged row: that sample gives an error, the others still read.
    const QString damaged = path(QStringLiteral("damaged.tuskactivity"));
    QFile::remove(damaged);
    QVERIFY(QFile::copy(m_recording, damaged));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("d"));
        db.setDatabaseName(damaged);
        QVERIFY(db.open());
        // Not zlib; then zlib, but not JSON; then a length no sample has.
        const QByteArray blobs[] = {QByteArray::fromHex("0000ffff78da0102030405"),
            qCompress("this is not json"), QByteArray::fromHex("7fffffff78da0102030405")};
        for (int i = 0; i < 3; ++i) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("UPDATE samples SET sample = ? WHERE rowid = ?"));
            q.bindValue(0, blobs[i]);
            q.bindValue(1, i + 2);
            QVERIFY(q.exec());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("d"));
    const auto reader = ActivityRecordingReader::open(damaged, &error);
    QVERIFY2(reader, qPrintable(error));
    QVERIFY(reader->sampleAt(0, &error));
    QVERIFY(!reader->sampleAt(1, &error));
    QVERIFY2(error.contains(QLatin1String("damaged")), qPrintable(error));
    QVERIFY(!reader->sampleAt(2, &error));
    QVERIFY2(error.contains(QLatin1String("damaged")), qPrintable(error));
    QVERIFY(!reader->sampleAt(3, &error));
    QVERIFY2(error.contains(QLatin1String("damaged")), qPrintable(error));
    QVERIFY(reader->sampleAt(4, &error));
    QVERIFY(!reader->sampleAt(reader->size(), &error));
    QString output;
    QCOMPARE(runTusk({QStringLiteral("activity"), QStringLiteral("replay"), damaged,
                         QStringLiteral("--at"),
                         reader->entries().at(1).takenAt.toString(Qt::ISODateWithMs)},
                 QString(), &output),
        1);
    QVERIFY2(output.contains(QLatin1String("damaged")), qPrintable(output));

    // Neither a missing file, nor a folder, nor a file in a missing folder.
    QVERIFY(!ActivityRecordingReader::open(path(QStringLiteral("missing")), &error));
    QVERIFY2(error.contains(QLatin1String("no such file")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("missing"))));
    QVERIFY(!ActivityRecordingReader::open(m_folder, &error));
    QVERIFY2(error.contains(QLatin1String("not a file")), qPrintable(error));
    for (const QString &where : {m_folder, path(QStringLiteral("nowhere/rec.tuskactivity"))}) {
        ActivityRecording recording;
        QSignalSpy failed(&recording, &ActivityRecording::failed);
        QVERIFY(recording.start(where, {}));
        QVERIFY(failed.wait(5000));
        qInfo("%s", qPrintable(failed.first().first().toString()));
        QVERIFY(!recording.isRecording());
    }
}

QTEST_GUILESS_MAIN(TestActivityRecording)
#include "tst_activityrecording.moc"
