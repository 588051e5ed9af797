// Hostile names, part four: the rollout recipes (core/rollout) and the
// backfill runner for objects named with quotes, semicolons, `--`, line
// breaks, keywords inside names, unicode and 63+ bytes. Each plan's steps
// run as the rollout wizard runs them (comment-only SQL sends nothing, a
// backfill goes through BackfillRun, every gate must hold), then the
// rollbacks in reverse: all must succeed, the end state must be the
// statement's effect on exactly the named object, and the sentinel and the
// look-alikes must be as they were.

#include "catalogtesthelpers.h"
#include "testsupport.h"
#include "tst_hostilenamesfixture.h"

#include "core/migrations/backfill/backfillrun.h"
#include "core/migrations/backfill/backfillspec.h"
#include "core/rollout/rolloutfiles.h"
#include "core/rollout/rolloutplanner.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tusk::core;
using namespace tusk::test;

class TestHostileNamesRollout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void recipeRunsOnTheNamedObject_data();
    void recipeRunsOnTheNamedObject();
    void pendingFilesRunOnTheNamedObject_data();
    void pendingFilesRunOnTheNamedObject();
    void dropGateSeesTheNameInUse_data();
    void dropGateSeesTheNameInUse();
    void backfillRunsOnTheNamedTable_data();
    void backfillRunsOnTheNamedTable();

private:
    RolloutPlan planFor(const QString &sql);
    // A step as the wizard runs it; false with *error when it failed.
    bool runStep(const RolloutStep &step, bool rollback, QString *error);
    // Every check of the step's gate; the failing ones in *error.
    bool gateHolds(const RolloutStep &step, QString *error);
    PgError backfill(const BackfillSpec &spec);

    std::unique_ptr<ScratchDatabase> m_db;
    std::unique_ptr<Connection> m_connection;
};

void TestHostileNamesRollout::initTestCase()
{
    QVERIFY2(!clusterConnInfo().isEmpty(), qPrintable(clusterMissingMessage()));
}

void TestHostileNamesRollout::init()
{
    m_db = std::make_unique<ScratchDatabase>(u"hostilerollout"_s);
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_connection = std::make_unique<Connection>();
    QVERIFY(openAndWait(*m_connection, m_db->connInfo()).isNull());
    QString error;
    QVERIFY2(hostile::run(*m_connection, hostile::baseSql(), &error), qPrintable(error));
}

void TestHostileNamesRollout::cleanup()
{
    m_connection.reset();
    m_db.reset();
}

RolloutPlan TestHostileNamesRollout::planFor(const QString &sql)
{
    QString failure;
    const CatalogSnapshot before = loadSnapshot(*m_connection, {}, &failure);
    if (before.isNull())
        qWarning("no snapshot: %s", qPrintable(failure));
    return RolloutPlanner::plan(sql.toUtf8(), before);
}

PgError TestHostileNamesRollout::backfill(const BackfillSpec &spec)
{
    BackfillRun run;
    run.start(m_db->connInfo(), spec, false);
    QElapsedTimer clock;
    clock.start();
    while (!run.currentProgress().isOver() && clock.elapsed() < 30'000)
        QTest::qWait(10);
    if (!run.currentProgress().isOver())
        return PgError::client(u"the backfill did not finish in time"_s);
    return run.error();
}

bool TestHostileNamesRollout::runStep(const RolloutStep &step, bool rollback, QString *error)
{
    const QString sql = rollback ? step.rollback : step.up;
    if (RolloutStep::isCommentOnly(sql))
        return true;
    if (!rollback && step.backfill) {
        // As the wizard does (RolloutSession): a resumable batched run.
        BackfillSpec spec;
        spec.name = BackfillSpec::defaultName(step.backfill->table, step.backfill->set);
        spec.table = step.backfill->table;
        spec.set = step.backfill->set;
        spec.predicate = step.backfill->where;
        const PgError e = backfill(spec);
        if (!e.isNull())
            *error = e.toString() + u"\n  backfill of "_s + spec.table + u" SET "_s + spec.set
                + u" WHERE "_s + spec.predicate;
        return e.isNull();
    }
    return hostile::run(*m_connection, sql, error);
}

bool TestHostileNamesRollout::gateHolds(const RolloutStep &step, QString *error)
{
    QStringList failed;
    for (const ChangeVerifier::Check &check : step.gate) {
        const Reply reply = runAndWait(*m_connection, check.sql, check.params);
        if (!reply.error.isNull()) {
            failed << check.what + u": "_s + reply.error.toString() + u"\n  in: "_s + check.sql;
            continue;
        }
        const Result &r = reply.results.last();
        const bool ok = r.rowCount() == 0 ? check.absentIsOk : r.value(0, 0).toBool();
        if (!ok)
            failed << check.what + u": "_s + (r.rowCount() ? r.text(0, 1) : check.absentText);
    }
    *error = failed.join(u'\n');
    return failed.isEmpty();
}

void TestHostileNamesRollout::recipeRunsOnTheNamedObject_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("subject"); // the relation it changes, as SQL
    QTest::addColumn<QString>("relation"); // as SQL, after the steps
    QTest::addColumn<QString>("after"); // its columns after every step
    QTest::addColumn<QString>("check"); // true after the steps up to the contract
    const QString orders = hostile::ordersSql();
    const QString mixed = u"public.\"MixedCase\""_s;
    QTest::newRow("rename column, mixed case beside its look-alike")
        << QString() << u"ALTER TABLE \"MixedCase\" RENAME COLUMN \"a\"\"b\" TO \"b\"\"a;--\";"_s
        << mixed << mixed << u"Id,--c,col;x,ÄÖÜ,b\"a;--"_s
        << u"SELECT format_type(atttypid, atttypmod) = 'integer' FROM pg_attribute WHERE "
           "attrelid = 'public.\"MixedCase\"'::regclass AND attname = 'b\"a;--'"_s;
    QTest::newRow("rename column, hostile schema and table")
        << QString() << u"ALTER TABLE %1 RENAME COLUMN \"--c\" TO \"c;--\";"_s.arg(orders) << orders
        << orders << u"Id,a\"b,col;x,ÄÖÜ,c;--"_s
        << u"SELECT count(*) = 0 FROM %1 WHERE \"c;--\" IS DISTINCT FROM \"--c\""_s.arg(orders);
    QTest::newRow("type change, 63 bytes")
        << QString()
        << u"ALTER TABLE \"ünï\".\"Long%1\" ALTER COLUMN \"%2\" TYPE bigint;"_s.arg(
               QString(66, u'x'), QString(40, u'Ä'))
        << hostile::long63Sql() << hostile::long63Sql()
        << u"Id,note,"_s + QString(29, u'Ä') + u"_new"_s
        << u"SELECT count(*) = 0 FROM %1 WHERE \"%2_new\" IS DISTINCT FROM \"%3\""_s.arg(
               hostile::long63Sql(), QString(29, u'Ä'), hostile::longUmlauts());
    QTest::newRow("not null column, line break in its name")
        << QString()
        << u"ALTER TABLE \"MixedCase\" ADD COLUMN \"n\nDROP TABLE victim;--\" int NOT NULL "
           "DEFAULT (random() * 10)::int;"_s
        << mixed << mixed << u"Id,a\"b,--c,col;x,ÄÖÜ,n\nDROP TABLE victim;--"_s
        << u"SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.\"MixedCase\"'"
           "::regclass AND attname = 'n\nDROP TABLE victim;--'"_s;
    QTest::newRow("rename table, line break in the new name")
        << QString() << u"ALTER TABLE \"MixedCase\" RENAME TO \"Re\nDROP TABLE victim;--\";"_s
        << mixed << u"public.\"Re\nDROP TABLE victim;--\""_s << u"Id,a\"b,--c,col;x,ÄÖÜ"_s
        << u"SELECT count(*) = 40 FROM public.\"MixedCase\""_s;
    QTest::newRow("batched backfill, WHERE inside a column's name")
        << u"ALTER TABLE %1 ADD COLUMN elsewhere bigint;"_s.arg(orders)
        << u"UPDATE %1 SET elsewhere = \"Id\" * 2 WHERE elsewhere IS NULL;"_s.arg(orders) << orders
        << orders << u"Id,a\"b,--c,col;x,ÄÖÜ,elsewhere"_s
        << u"SELECT bool_and(elsewhere = \"Id\" * 2) FROM %1"_s.arg(orders);
}

void TestHostileNamesRollout::recipeRunsOnTheNamedObject()
{
    QFETCH(QString, setup);
    QFETCH(QString, sql);
    QFETCH(QString, subject);
    QFETCH(QString, relation);
    QFETCH(QString, after);
    QFETCH(QString, check);
    QString error;
    QVERIFY2(hostile::run(*m_connection, setup, &error), qPrintable(error));
    const auto sentinels = hostile::sentinels(*m_connection);
    const QString subjectBefore = hostile::shape(*m_connection, subject);
    const RolloutPlan plan = planFor(sql);
    QVERIFY(!plan.items.isEmpty());
    const RolloutItem &item = plan.items.first();
    QVERIFY2(item.kind == RolloutItem::Kind::Recipe, qPrintable(item.why));

    // Up to the point of no return, then every rollback, last step first:
    // the table is as it was.
    QList<const RolloutStep *> done;
    for (const RolloutStep &step : item.steps) {
        if (!step.rollbackSafe)
            break;
        QVERIFY2(runStep(step, false, &error), qPrintable(error));
        done.prepend(&step);
    }
    for (const RolloutStep *step : done)
        QVERIFY2(
            runStep(*step, true, &error), qPrintable(error + u"\n  rolling back: "_s + step->up));
    QCOMPARE(hostile::shape(*m_connection, subject), subjectBefore);
    QString changed = hostile::sentinelChanges(sentinels, hostile::sentinels(*m_connection));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
    // The plan's last item: a backfill's progress rows go with the schema.
    QVERIFY2(hostile::run(*m_connection, u"DROP SCHEMA IF EXISTS tusk_rollout CASCADE"_s, &error),
        qPrintable(error));

    // Every step up, each gate holding; the check before the contract step
    // (or at the end when there is none).
    bool checked = false;
    const auto checkNow = [&] {
        checked = true;
        return hostile::scalar(*m_connection, check);
    };
    for (const RolloutStep &step : item.steps) {
        if (step.phase == RolloutStep::Phase::Contract && !checked)
            QCOMPARE(checkNow(), u"t"_s);
        QVERIFY2(runStep(step, false, &error), qPrintable(error));
        QVERIFY2(gateHolds(step, &error), qPrintable(error + u"\n  after: "_s + step.up));
    }
    if (!checked)
        QCOMPARE(checkNow(), u"t"_s);
    const QString columns = hostile::shape(*m_connection, relation).section(u" indexes"_s, 0, 0);
    QStringList names;
    for (const QString &column : columns.split(u','))
        names << column.section(u':', 0, 0);
    QCOMPARE(names.join(u','), after);
    changed = hostile::sentinelChanges(sentinels, hostile::sentinels(*m_connection));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
}

// The steps written as the migrations folder's pending files (a comment
// head per file naming the lock, the gate and the rollback): run file by
// file they do what the plan does, and the names in their comments stay
// comments.
void TestHostileNamesRollout::pendingFilesRunOnTheNamedObject_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("check");
    QTest::newRow("not null column, line break in its name")
        << u"ALTER TABLE \"MixedCase\" ADD COLUMN \"n\nDROP TABLE victim;--\" int NOT NULL "
           "DEFAULT (random() * 10)::int;"_s
        << u"SELECT attnotnull FROM pg_attribute WHERE attrelid = 'public.\"MixedCase\"'"
           "::regclass AND attname = 'n\nDROP TABLE victim;--'"_s;
    QTest::newRow("rename table, line break in the new name")
        << u"ALTER TABLE \"MixedCase\" RENAME TO \"Re\nDROP TABLE victim;--\";"_s
        << u"SELECT count(*) = 40 FROM public.\"Re\nDROP TABLE victim;--\""_s;
}

void TestHostileNamesRollout::pendingFilesRunOnTheNamedObject()
{
    QFETCH(QString, sql);
    QFETCH(QString, check);
    const auto sentinels = hostile::sentinels(*m_connection);
    const RolloutPlan plan = planFor(sql);
    QVERIFY(!plan.items.isEmpty());
    const PendingRewrite files =
        RolloutFiles::rewrite({{u"1_prerelease.sql"_s, sql.toUtf8()}}, plan);
    QVERIFY(files.files.size() > 1);
    QString error;
    for (const PendingRewrite::File &file : files.files) {
        QVERIFY2(hostile::run(*m_connection, QString::fromUtf8(file.sql), &error),
            qPrintable(error + u"\n  in "_s + file.name));
        const QString changed =
            hostile::sentinelChanges(sentinels, hostile::sentinels(*m_connection));
        QVERIFY2(changed.isEmpty(),
            qPrintable(changed + u"\n  after "_s + file.name + u":\n"_s + file.sql));
    }
    QCOMPARE(hostile::scalar(*m_connection, check), u"t"_s);
}

// The contract step's gate (pg_stat_statements) must see a statement that
// still names the column, whatever characters the name holds.
void TestHostileNamesRollout::dropGateSeesTheNameInUse_data()
{
    QTest::addColumn<QString>("column"); // as SQL
    QTest::newRow("leading comment dashes") << u"\"--c\""_s;
    QTest::newRow("regex characters") << u"\"a(b.*\""_s;
    QTest::newRow("quote inside") << u"\"a\"\"b\""_s;
}

void TestHostileNamesRollout::dropGateSeesTheNameInUse()
{
    QFETCH(QString, column);
    QString error;
    QVERIFY2(hostile::run(*m_connection,
                 u"CREATE EXTENSION IF NOT EXISTS pg_stat_statements;"
                 "ALTER TABLE public.\"MixedCase\" ADD COLUMN IF NOT EXISTS \"a(b.*\" int;"_s,
                 &error),
        qPrintable(error));
    const RolloutPlan plan = planFor(u"ALTER TABLE \"MixedCase\" DROP COLUMN %1;"_s.arg(column));
    QVERIFY(!plan.items.isEmpty());
    const RolloutItem &item = plan.items.first();
    QVERIFY2(item.kind == RolloutItem::Kind::Recipe, qPrintable(item.why));
    QCOMPARE(item.steps.size(), 3);
    QVERIFY2(runStep(item.steps.at(0), false, &error), qPrintable(error));
    // The application still reads the column.
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(hostile::run(*m_connection,
                     u"SELECT %1 FROM \"MixedCase\" WHERE \"Id\" = 1"_s.arg(column), &error),
            qPrintable(error));
    }
    const RolloutStep &application = item.steps.at(1);
    QVERIFY(!application.gate.isEmpty());
    const ChangeVerifier::Check &statements = application.gate.last();
    const Reply reply = runAndWait(*m_connection, statements.sql, statements.params);
    QVERIFY2(reply.error.isNull(), qPrintable(reply.error.toString() + u"\n"_s + statements.sql));
    QCOMPARE(reply.results.last().rowCount(), 1);
    QVERIFY2(
        reply.results.last().text(0, 0) == u"f"_s, qPrintable(reply.results.last().text(0, 1)));
    // The drop itself, on that table only.
    const auto sentinels = hostile::sentinels(*m_connection);
    QVERIFY2(runStep(item.steps.at(2), false, &error), qPrintable(error));
    const QString changed = hostile::sentinelChanges(sentinels, hostile::sentinels(*m_connection));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
}

// The backfill runner (core/migrations/backfill) on hostile tables, the
// table spelled as a user writes it.
void TestHostileNamesRollout::backfillRunsOnTheNamedTable_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("check");
    QTest::newRow("hostile schema and table")
        << hostile::ordersSql() << u"\"col;x\" = \"a\"\"b\" * 3"_s
        << u"SELECT bool_and(\"col;x\" = \"a\"\"b\" * 3) FROM %1"_s.arg(hostile::ordersSql());
    QTest::newRow("mixed case beside its look-alike")
        << u"public.\"MixedCase\""_s << u"\"ÄÖÜ\" = 'ü' || \"Id\""_s
        << u"SELECT bool_and(\"ÄÖÜ\" = 'ü' || \"Id\") FROM public.\"MixedCase\""_s;
    QTest::newRow("70 bytes written, 63 kept")
        << u"\"ünï\".\"Long"_s + QString(66, u'x') + u'"' << u"note = 'c' || \"Id\""_s
        << u"SELECT bool_and(note = 'c' || \"Id\") FROM %1"_s.arg(hostile::long63Sql());
    QTest::newRow("63 bytes") << hostile::long63Sql() << u"note = 'b' || \"Id\""_s
                              << u"SELECT bool_and(note = 'b' || \"Id\") FROM %1"_s.arg(
                                     hostile::long63Sql());
}

void TestHostileNamesRollout::backfillRunsOnTheNamedTable()
{
    QFETCH(QString, table);
    QFETCH(QString, set);
    QFETCH(QString, check);
    const auto sentinels = hostile::sentinels(*m_connection);
    BackfillSpec spec;
    spec.name = u"hostile"_s;
    spec.table = table;
    spec.set = set;
    spec.batchSize = 7;
    const PgError e = backfill(spec);
    QVERIFY2(e.isNull(), qPrintable(e.toString()));
    QCOMPARE(hostile::scalar(*m_connection, check), u"t"_s);
    const QString changed = hostile::sentinelChanges(sentinels, hostile::sentinels(*m_connection));
    QVERIFY2(changed.isEmpty(), qPrintable(changed));
}

QTEST_MAIN(TestHostileNamesRollout)
#include "tst_hostilenamesrollout.moc"
