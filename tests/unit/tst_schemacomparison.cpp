// SchemaComparison, the dry run's judge: equal catalogs compare equal,
// every object of a catalog is named when it is gone, and a changed column
// or a column moved to the end is reported as what it is.

#include "orderscatalog.h"

#include "core/rollout/schemacomparison.h"

#include <QTest>

using namespace tusk::core;

class TestSchemaComparison : public QObject {
    Q_OBJECT
private slots:
    void equalCatalogsCompareEqual();
    void namesWhatIsGone();
    void reportsChangesAndColumnOrder();
};

void TestSchemaComparison::equalCatalogsCompareEqual()
{
    QVERIFY(SchemaComparison::compare(tusk::test::ordersCatalog(), tusk::test::ordersCatalog())
                .isEmpty());
}

void TestSchemaComparison::namesWhatIsGone()
{
    const QList<SchemaComparison::Difference> gone =
        SchemaComparison::compare(tusk::test::ordersCatalog(), CatalogSnapshot());
    QStringList categories;
    for (const SchemaComparison::Difference &d : gone) {
        QVERIFY2(d.after.isEmpty() && !d.before.isEmpty(), qPrintable(d.describe()));
        if (!categories.contains(d.category))
            categories << d.category;
    }
    for (const char *expected :
        {"column", "column order", "constraint", "index", "relation", "type"})
        QVERIFY2(categories.contains(QLatin1String(expected)),
            qPrintable(categories.join(QLatin1Char(','))));
    const QMap<QString, QString> facts = SchemaComparison::facts(tusk::test::ordersCatalog());
    QCOMPARE(facts.value(QStringLiteral("column order\tpublic.orders")),
        QStringLiteral("id, customer_id, note, status"));
}

void TestSchemaComparison::reportsChangesAndColumnOrder()
{
    QMap<QString, QString> before = SchemaComparison::facts(tusk::test::ordersCatalog());
    QMap<QString, QString> after = before;
    after[QStringLiteral("column\tpublic.orders.note")] = QStringLiteral("text null");
    after[QStringLiteral("column order\tpublic.orders")] =
        QStringLiteral("id, customer_id, status, note");
    const QList<SchemaComparison::Difference> changed = SchemaComparison::compare(before, after);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).category, QStringLiteral("column"));
    QCOMPARE(changed.at(0).object, QStringLiteral("public.orders.note"));
    QCOMPARE(changed.at(0).after, QStringLiteral("text null"));
    QCOMPARE(changed.at(1).describe(),
        QStringLiteral("column order public.orders: id, customer_id, note, status → id, "
                       "customer_id, status, note"));
}

QTEST_GUILESS_MAIN(TestSchemaComparison)
#include "tst_schemacomparison.moc"
