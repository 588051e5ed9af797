// Column types and what changing them costs: ColumnType::fromCatalog reads
// format_type() output into the parser's spelling, and TypeChange::between
// tells the binary-compatible changes (catalog-only) from the ones that
// rewrite the table. The changing-column-type rule and the lock model both
// stand on this matrix.

#include "core/lint/columntype.h"
#include "core/lint/typechange.h"

#include <QTest>

using namespace tusk::core;

Q_DECLARE_METATYPE(TypeChange::Cost)

class TestTypeChange : public QObject {
    Q_OBJECT
private slots:
    void fromCatalog_data();
    void fromCatalog();
    void between_data();
    void between();
    void unknownOldType();
    void userTypeStartingWithTime();
    void timeZoneDecidesTimestamptz();
    void namesTheSafeOldTypes();
};

void TestTypeChange::fromCatalog_data()
{
    QTest::addColumn<QString>("formatted");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<int>>("modifiers");
    QTest::addColumn<bool>("isArray");
    auto row = [](const char *formatted, const char *name, QList<int> mods = {},
                   bool isArray = false) {
        QTest::newRow(formatted) << QString::fromLatin1(formatted) << QString::fromLatin1(name)
                                 << mods << isArray;
    };
    row("integer", "int4");
    row("bigint", "int8");
    row("smallint", "int2");
    row("text", "text");
    row("boolean", "bool");
    row("double precision", "float8");
    row("character varying", "varchar");
    row("character varying(20)", "varchar", {20});
    row("character(3)", "bpchar", {3});
    row("numeric", "numeric");
    row("numeric(10,2)", "numeric", {10, 2});
    row("bit varying(8)", "varbit", {8});
    row("timestamp without time zone", "timestamp");
    row("timestamp(3) without time zone", "timestamp", {3});
    row("timestamp with time zone", "timestamptz");
    row("timestamp(0) with time zone", "timestamptz", {0});
    row("time(6) without time zone", "time", {6});
    row("time with time zone", "timetz");
    row("integer[]", "int4", {}, true);
    row("character varying(20)[]", "varchar", {20}, true);
    row("jsonb", "jsonb");
    row("public.mood", "public.mood");
}

void TestTypeChange::fromCatalog()
{
    QFETCH(QString, formatted);
    QFETCH(QString, name);
    QFETCH(QList<int>, modifiers);
    QFETCH(bool, isArray);
    const ColumnType type = ColumnType::fromCatalog(formatted);
    QCOMPARE(type.name, name);
    QCOMPARE(type.modifiers, modifiers);
    QCOMPARE(type.isArray, isArray);
}

void TestTypeChange::between_data()
{
    using Cost = TypeChange::Cost;
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<Cost>("cost");
    auto row = [](const char *from, const char *to, Cost cost) {
        QTest::addRow("%s -> %s", from, to)
            << QString::fromLatin1(from) << QString::fromLatin1(to) << cost;
    };
    // Length limits: widening or dropping is catalog-only, narrowing checks
    // and rewrites every row.
    row("character varying(20)", "character varying(50)", Cost::CatalogOnly);
    row("character varying(20)", "character varying", Cost::CatalogOnly);
    row("character varying(50)", "character varying(20)", Cost::Rewrite);
    row("character varying", "character varying(20)", Cost::Rewrite);
    row("character varying(20)", "text", Cost::CatalogOnly);
    row("text", "character varying", Cost::CatalogOnly);
    row("text", "character varying(20)", Cost::Rewrite);
    row("bit varying(8)", "bit varying(16)", Cost::CatalogOnly);
    // numeric: more precision at the same scale, or no limit, is catalog-only.
    row("numeric(10,2)", "numeric(12,2)", Cost::CatalogOnly);
    row("numeric(10,2)", "numeric", Cost::CatalogOnly);
    row("numeric(10,2)", "numeric(8,2)", Cost::Rewrite);
    row("numeric(10,2)", "numeric(12,3)", Cost::Rewrite);
    row("numeric", "numeric(10,2)", Cost::Rewrite);
    // Temporal precision.
    row("timestamp(3) without time zone", "timestamp(6) without time zone", Cost::CatalogOnly);
    row("timestamp(6) with time zone", "timestamp with time zone", Cost::CatalogOnly);
    row("timestamp(6) without time zone", "timestamp(3) without time zone", Cost::Rewrite);
    row("timestamp without time zone", "timestamp with time zone", Cost::Rewrite);
    // Other binary-compatible pairs, and the rest.
    row("cidr", "inet", Cost::CatalogOnly);
    row("inet", "cidr", Cost::Rewrite);
    row("integer", "bigint", Cost::Rewrite);
    row("bigint", "integer", Cost::Rewrite);
    row("character(3)", "text", Cost::Rewrite);
    row("text", "jsonb", Cost::Rewrite);
    row("integer", "integer[]", Cost::Rewrite);
    // Checked on PostgreSQL 15: the element-wise length coercion of an array
    // is not recognised as binary compatible, so the table is rewritten.
    row("character varying(20)[]", "character varying(50)[]", Cost::Rewrite);
    row("integer", "integer", Cost::None);
    row("character varying(20)", "character varying(20)", Cost::None);
}

void TestTypeChange::between()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(TypeChange::Cost, cost);
    const TypeChange change =
        TypeChange::between(ColumnType::fromCatalog(from), ColumnType::fromCatalog(to));
    QCOMPARE(change.cost, cost);
    QVERIFY(!change.reason.isEmpty());
}

void TestTypeChange::unknownOldType()
{
    const TypeChange change =
        TypeChange::between({}, ColumnType::fromCatalog(QStringLiteral("bigint")));
    QCOMPARE(change.cost, TypeChange::Cost::Unknown);
}

void TestTypeChange::userTypeStartingWithTime()
{
    // A user type whose name merely starts with "time" is not a time type.
    QCOMPARE(ColumnType::fromCatalog(QStringLiteral("timeslot")).name, QStringLiteral("timeslot"));
}

void TestTypeChange::timeZoneDecidesTimestamptz()
{
    const ColumnType from = ColumnType::fromCatalog(QStringLiteral("timestamp without time zone"));
    const ColumnType to = ColumnType::fromCatalog(QStringLiteral("timestamp with time zone"));
    // The script's SET wins over the catalog's session setting.
    TypeChange change = TypeChange::between(
        from, to, TypeChange::contextOf(150000, QStringLiteral("Etc/UTC"), QStringLiteral("CET")));
    QCOMPARE(change.cost, TypeChange::Cost::CatalogOnly);
    QVERIFY(change.rebuildsIndexes);
    change =
        TypeChange::between(from, to, TypeChange::contextOf(150000, {}, QStringLiteral("UTC")));
    QCOMPARE(change.cost, TypeChange::Cost::CatalogOnly);
    change = TypeChange::between(
        from, to, TypeChange::contextOf(150000, QStringLiteral("CET"), QStringLiteral("UTC")));
    QCOMPARE(change.cost, TypeChange::Cost::Rewrite);
    change =
        TypeChange::between(from, to, TypeChange::contextOf(110000, QStringLiteral("UTC"), {}));
    QCOMPARE(change.cost, TypeChange::Cost::Rewrite);
    change = TypeChange::between(from, to, TypeChange::contextOf(150000, {}, {}));
    QCOMPARE(change.cost, TypeChange::Cost::Rewrite);
    QVERIFY(change.reason.contains(QLatin1String("only when the session's TimeZone is UTC")));
}

void TestTypeChange::namesTheSafeOldTypes()
{
    QCOMPARE(
        TypeChange::safeSources(ColumnType::fromCatalog(QStringLiteral("character varying(50)"))),
        QStringLiteral("varchar(n ≤ 50)"));
    QCOMPARE(TypeChange::safeSources(ColumnType::fromCatalog(QStringLiteral("numeric(12,2)"))),
        QStringLiteral("numeric(p ≤ 12, 2)"));
    QCOMPARE(TypeChange::safeSources(ColumnType::fromCatalog(QStringLiteral("inet"))),
        QStringLiteral("cidr"));
    QVERIFY(TypeChange::safeSources(ColumnType::fromCatalog(QStringLiteral("bigint"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestTypeChange)
#include "tst_typechange.moc"
