// The reviewer's sheet: its hash follows the pending files byte for byte,
// the sign-off written to CHANGELOG.md is read back, a change voids it
// visibly, and the sheet carries each step's lock, gate, dry-run mark and
// rollback. Also the time estimates the dry run puts on it.

#include "core/migrations/changelog.h"
#include "core/rollout/rolloutfiles.h"
#include "core/rollout/rolloutplanner.h"
#include "core/rollout/rolloutsheet.h"
#include "core/rollout/stepestimate.h"

#include <QTest>

using namespace tusk::core;

namespace {
const QByteArray pendingSql = "CREATE INDEX orders_note_idx ON shop.orders (note);\n";

RolloutSheet sheetOf(const QByteArray &sql)
{
    return RolloutSheet(
        {{QStringLiteral("prerelease.sql"), sql}}, RolloutPlanner::plan(sql, CatalogSnapshot()));
}
} // namespace

class TestRolloutSheet : public QObject {
    Q_OBJECT
private slots:
    void hashFollowsTheBytes();
    void signOffRoundTripsThroughTheChangelog();
    void changeVoidsTheSignOff();
    void sheetCarriesEachStep();
    void estimateScalesWorkNotCatalogChanges();
    void stepsAsFiles();
};

void TestRolloutSheet::hashFollowsTheBytes()
{
    QCOMPARE(sheetOf(pendingSql).hash(), sheetOf(pendingSql).hash());
    QCOMPARE(sheetOf(pendingSql).hash().size(), 64);
    QVERIFY(sheetOf(pendingSql).hash() != sheetOf(pendingSql + " ").hash());
    // The file's name is part of what was reviewed.
    const RolloutSheet renamed({{QStringLiteral("1_prerelease.sql"), pendingSql}}, RolloutPlan());
    QVERIFY(renamed.hash() != sheetOf(pendingSql).hash());
}

void TestRolloutSheet::signOffRoundTripsThroughTheChangelog()
{
    const RolloutSheet sheet = sheetOf(pendingSql);
    const RolloutSheet::SignOff given {QStringLiteral("Rita Reviewer"),
        QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC), sheet.hash()};
    Changelog log("# Changelog\n\n## 2026-12-04\n\n- Hand-written line\n");
    log.addEntries(
        QDate(2026, 12, 5), RolloutSheet::changelogKey(), {RolloutSheet::changelogEntry(given)});
    QVERIFY(log.text().contains("<!-- tusk: rollout-sign-off -->"));
    QVERIFY(log.text().contains("- Hand-written line\n"));
    const RolloutSheet::SignOff read = RolloutSheet::signOffIn(log.text());
    QCOMPARE(read.reviewer, given.reviewer);
    QCOMPARE(read.at, given.at);
    QCOMPARE(read.hash, given.hash);
    QVERIFY(RolloutSheet::signOffIn("# Changelog\n").isNull());
}

void TestRolloutSheet::changeVoidsTheSignOff()
{
    RolloutSheet signedSheet = sheetOf(pendingSql);
    const RolloutSheet::SignOff given {QStringLiteral("Rita"),
        QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC), signedSheet.hash()};
    signedSheet.setSignOff(given);
    QVERIFY(!signedSheet.signOffVoid());
    QVERIFY(signedSheet.markdown().contains(QLatin1String("Signed off by **Rita**")));
    RolloutSheet changed = sheetOf(pendingSql + "-- one more line\n");
    changed.setSignOff(given);
    QVERIFY(changed.signOffVoid());
    QVERIFY(changed.markdown().contains(QLatin1String("**VOID**")));
    QVERIFY(sheetOf(pendingSql).markdown().contains(QLatin1String("Not signed off.")));
}

void TestRolloutSheet::sheetCarriesEachStep()
{
    RolloutSheet sheet = sheetOf(pendingSql);
    DryRunReport report;
    DryRunStep step;
    step.number = 1;
    step.outcome = DryRunStep::Outcome::Failed;
    step.explanation = QStringLiteral("the rollback does not restore the schema");
    step.rollbackLeft << SchemaComparison::Difference {QStringLiteral("index"),
        QStringLiteral("shop.orders_note_idx"), QString(), QStringLiteral("btree (note)")};
    step.rollbackRun = QStringLiteral("SELECT 1;");
    report.steps << step;
    sheet.setDryRun(report);
    const QString md = sheet.markdown();
    QVERIFY2(
        md.contains(QLatin1String("CREATE INDEX CONCURRENTLY orders_note_idx")), qPrintable(md));
    QVERIFY(md.contains(QLatin1String("- **Lock**: SHARE UPDATE EXCLUSIVE on shop.orders")));
    QVERIFY(md.contains(QLatin1String("index shop.orders_note_idx exists and is valid")));
    QVERIFY(md.contains(QStringLiteral("- **Dry run**: ✗ failed: the rollback does not restore")));
    QVERIFY(md.contains(QLatin1String("  - the rollback left: index shop.orders_note_idx")));
    // The rollback the dry run ran is the one shown.
    QVERIFY(md.contains(QLatin1String("```sql\nSELECT 1;\n```")));
    QVERIFY(md.contains(QLatin1String("Dry run: 0 proven, 1 failed")));
}

void TestRolloutSheet::estimateScalesWorkNotCatalogChanges()
{
    QCOMPARE(StepEstimate::duration(4), QStringLiteral("< 10 ms"));
    QCOMPARE(StepEstimate::duration(2500), QStringLiteral("2.5 s"));
    QCOMPARE(StepEstimate::duration(240'000), QStringLiteral("4 min"));
    QCOMPARE(StepEstimate::rows(38'000'000), QStringLiteral("38 M"));
    RolloutStep catalogOnly;
    catalogOnly.heldLock =
        RelationLock::on(QStringLiteral("shop.orders"), LockMode::AccessExclusive);
    QVERIFY(StepEstimate::describe(catalogOnly, 3, CatalogSnapshot(), CatalogSnapshot())
                .startsWith(QLatin1String("catalog only: holds ACCESS EXCLUSIVE on shop.orders")));
    RolloutStep scan = catalogOnly;
    scan.heldLock.scans = true;
    QVERIFY(StepEstimate::describe(scan, 30, CatalogSnapshot(), CatalogSnapshot())
                .contains(QLatin1String("the target's size is not known")));
    QVERIFY(
        StepEstimate::describe(RolloutStep(), 30, CatalogSnapshot(), CatalogSnapshot()).isEmpty());
}

// The steps as pending files: one per step, headed by lock, gate and
// rollback; a backfill as the batched procedure (outside a transaction);
// the application's step heads the next file; the old file goes.
void TestRolloutSheet::stepsAsFiles()
{
    const QByteArray sql = "ALTER TABLE shop.orders ADD COLUMN code text;\n"
                           "CREATE INDEX orders_code_idx ON shop.orders (code);\n"
                           "UPDATE shop.orders SET code = 'c' || id WHERE code IS NULL;\n"
                           "ALTER TABLE shop.customers RENAME TO clients;\n";
    const RolloutPlan plan = RolloutPlanner::plan(sql, CatalogSnapshot());
    const PendingRewrite rewrite =
        RolloutFiles::rewrite({{QStringLiteral("prerelease.sql"), sql}}, plan);
    // add, index, backfill, rename + view, (migrate reads), drop the view,
    // drop Tusk's bookkeeping schema.
    QStringList names;
    for (const PendingRewrite::File &f : rewrite.files)
        names << f.name;
    QCOMPARE(names,
        (QStringList {QStringLiteral("1_prerelease.sql"), QStringLiteral("2_prerelease.sql"),
            QStringLiteral("3_prerelease.sql"), QStringLiteral("4_prerelease.sql"),
            QStringLiteral("5_prerelease.sql"), QStringLiteral("6_prerelease.sql")}));
    QCOMPARE(rewrite.removed, QStringList {QStringLiteral("prerelease.sql")});
    QCOMPARE(rewrite.originals.value(QStringLiteral("prerelease.sql")), sql);
    const QByteArray first = rewrite.files.at(0).sql;
    QVERIFY2(first.startsWith("-- Rollout step 1 of 7 (expand), from prerelease.sql\n"
                              "-- Lock: ACCESS EXCLUSIVE on shop.orders"),
        first.constData());
    QVERIFY(first.contains("-- Rollback:\n--   ALTER TABLE shop.orders DROP COLUMN code;\n"));
    QVERIFY(first.contains("SET lock_timeout = '5s';\n"));
    QVERIFY(rewrite.files.at(1).outsideTransaction); // CONCURRENTLY
    const QByteArray fill = rewrite.files.at(2).sql;
    QVERIFY(fill.contains("CREATE OR REPLACE PROCEDURE tusk_rollout.backfill_orders_code("));
    QVERIFY(fill.contains("CALL tusk_rollout.backfill_orders_code("));
    QVERIFY(!fill.contains("\nUPDATE shop.orders SET code"));
    QVERIFY(rewrite.files.at(2).outsideTransaction); // a COMMIT per batch
    QVERIFY2(rewrite.files.at(4).sql.startsWith("-- Before this file, the application's step 5: "
                                                "migrate reads:"),
        rewrite.files.at(4).sql.constData());
    QCOMPARE(rewrite.changelogFile(QStringLiteral("prerelease.sql"), QStringLiteral("x")),
        QStringLiteral("1_prerelease.sql"));
}

QTEST_GUILESS_MAIN(TestRolloutSheet)
#include "tst_rolloutsheet.moc"
