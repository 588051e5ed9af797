#include "core/profiles/tomltext.h"

#include "testsecrets.h"

#include <QTest>

using tusk::core::TomlText;

// Every edit must change only the bytes it names; the expected texts below
// are the whole file, byte for byte.
class TestTomlText : public QObject {
    Q_OBJECT

private slots:
    void readsTreeAndLines();
    void reportsBrokenTextWithPosition();
    void replacesValueKeepingComment();
    void replacesNonAsciiValue();
    void addsKeyAtEndOfSection();
    void addsTableAfterSiblings();
    void addsParentBeforeFirstChild();
    void addsTableAtTopBelowOpeningComment();
    void removesTableWithItsComment();
    void removesKeyLine();
    void renamesTableKeepingComment();
    void refusesInlineAndDottedTables();
    void ignoresHeaderInsideMultilineString();
    void neverWritesIntoAMultilineString();
    void keepsCrLf();
    void spellsKeysAndStrings();
};

void TestTomlText::readsTreeAndLines()
{
    const TomlText toml("# profiles\n[database]\nsslmode = false\n\n[database.local]\n"
                        "host = \"localhost\"\nport = 5432\n\n[database.ci]\nhost = \"ci\"\n");
    QVERIFY(toml.isValid());
    const QVariantMap tree = toml.tree();
    const QVariantMap database = tree.value(QStringLiteral("database")).toMap();
    QCOMPARE(database.value(QStringLiteral("sslmode")).toBool(), false);
    QCOMPARE(database.value(QStringLiteral("local")).toMap().value(QStringLiteral("port")).toInt(),
        5432);
    QCOMPARE(toml.headerLine({QStringLiteral("database"), QStringLiteral("local")}), 5);
    QCOMPARE(
        toml.valueLine({QStringLiteral("database"), QStringLiteral("ci")}, QStringLiteral("host")),
        10);
    // Document order, not the parser's alphabetical map order.
    QCOMPARE(toml.childTables({QStringLiteral("database")}),
        QStringList({QStringLiteral("local"), QStringLiteral("ci")}));
}

void TestTomlText::reportsBrokenTextWithPosition()
{
    const TomlText toml("[database.local]\nhost = \"x\"\nport = = 5432\n");
    QVERIFY(!toml.isValid());
    QCOMPARE(toml.error().line, 3);
    QCOMPARE(toml.error().column, 8);
    QVERIFY(!toml.error().message.isEmpty());
    TomlText copy = toml;
    QString error;
    QVERIFY(!copy.setValue(
        {QStringLiteral("database")}, QStringLiteral("x"), QStringLiteral("1"), &error));
    QCOMPARE(copy.text(), toml.text());
}

void TestTomlText::replacesValueKeepingComment()
{
    TomlText toml("[database.local]\nsslmode = false   # dev has no certificate\nport = 1\n");
    QString error;
    QVERIFY(toml.setValue({QStringLiteral("database"), QStringLiteral("local")},
        QStringLiteral("sslmode"), QStringLiteral("true"), &error));
    QCOMPARE(toml.text(),
        QByteArray("[database.local]\nsslmode = true   # dev has no certificate\nport = 1\n"));
}

void TestTomlText::replacesNonAsciiValue()
{
    // toml++ counts columns in code points; the edit must land on bytes.
    TomlText toml("[d]\nname = \"Zoë's db\" # ü\nnext = \"é\"\n");
    QString error;
    QVERIFY(toml.setValue({QStringLiteral("d")}, QStringLiteral("next"),
        TomlText::stringLiteral(QStringLiteral("ø")), &error));
    QCOMPARE(toml.text(), QByteArray("[d]\nname = \"Zoë's db\" # ü\nnext = \"ø\"\n"));
}

void TestTomlText::addsKeyAtEndOfSection()
{
    TomlText toml("[a]\nx = 1\n\n# about b\n[b]\ny = 2\n");
    QString error;
    QVERIFY(toml.setValue({QStringLiteral("a")}, QStringLiteral("z"), QStringLiteral("3"), &error));
    QCOMPARE(toml.text(), QByteArray("[a]\nx = 1\nz = 3\n\n# about b\n[b]\ny = 2\n"));
    // An empty section gets its key right under the header.
    TomlText empty("[a]\n\n[b]\n");
    QVERIFY(empty.setValue(
        {QStringLiteral("a")}, QStringLiteral("k"), QStringLiteral("\"v\""), &error));
    QCOMPARE(empty.text(), QByteArray("[a]\nk = \"v\"\n\n[b]\n"));
}

void TestTomlText::addsTableAfterSiblings()
{
    TomlText toml("[database.local]\nhost = \"a\"\n\n[database.ci]\nhost = \"b\"\n\n"
                  "# per-user default\n[migrations]\npath = \"db\"\n");
    QString error;
    QVERIFY(toml.addTable({QStringLiteral("database"), QStringLiteral("staging")},
        {{QStringLiteral("host"), QStringLiteral("\"s\"")}}, &error));
    QCOMPARE(toml.text(),
        QByteArray("[database.local]\nhost = \"a\"\n\n[database.ci]\nhost = \"b\"\n\n"
                   "[database.staging]\nhost = \"s\"\n\n"
                   "# per-user default\n[migrations]\npath = \"db\"\n"));
    QVERIFY(!toml.addTable({QStringLiteral("database"), QStringLiteral("ci")}, {}, &error));
    QVERIFY2(error.contains(QLatin1String("exists")), qPrintable(error));
}

void TestTomlText::addsParentBeforeFirstChild()
{
    TomlText toml("# local\n[database.local]\nhost = \"a\"\n");
    QString error;
    // [database] does not exist as a section: setValue creates it above its
    // first child and that child's comment.
    QVERIFY(toml.setValue(
        {QStringLiteral("database")}, QStringLiteral("sslmode"), QStringLiteral("false"), &error));
    QCOMPARE(toml.text(),
        QByteArray("[database]\nsslmode = false\n\n# local\n[database.local]\nhost = \"a\"\n"));
}

void TestTomlText::addsTableAtTopBelowOpeningComment()
{
    TomlText toml("# Team profiles; see README\n[database.local]\nhost = \"a\"\n");
    QString error;
    QVERIFY(toml.addTableAtTop({QStringLiteral("configuration")},
        {{QStringLiteral("schema_version"), QStringLiteral("1")}}, &error));
    QCOMPARE(toml.text(),
        QByteArray("# Team profiles; see README\n[configuration]\nschema_version = 1\n\n"
                   "[database.local]\nhost = \"a\"\n"));
    TomlText withGap("# header\n\n# local db\n[database.local]\n");
    QVERIFY(withGap.addTableAtTop({QStringLiteral("configuration")},
        {{QStringLiteral("schema_version"), QStringLiteral("1")}}, &error));
    QCOMPARE(withGap.text(),
        QByteArray("# header\n\n[configuration]\nschema_version = 1\n\n# local db\n"
                   "[database.local]\n"));
}

void TestTomlText::removesTableWithItsComment()
{
    TomlText toml("[database.a]\nhost = \"a\"\n\n# the b server\n[database.b]\nhost = \"b\"\n"
                  "\n# c\n[database.c]\nhost = \"c\"\n");
    QString error;
    QVERIFY(toml.removeTable({QStringLiteral("database"), QStringLiteral("b")}, &error));
    QCOMPARE(
        toml.text(), QByteArray("[database.a]\nhost = \"a\"\n\n# c\n[database.c]\nhost = \"c\"\n"));
    QVERIFY(toml.removeTable({QStringLiteral("database"), QStringLiteral("c")}, &error));
    QCOMPARE(toml.text(), QByteArray("[database.a]\nhost = \"a\"\n\n"));
}

void TestTomlText::removesKeyLine()
{
    TomlText toml("[d]\npassword = \"" TUSK_TEST_PASSWORD_IN_TOML "\" # oops\nuser = \"u\"\n");
    QString error;
    QVERIFY(toml.removeKey({QStringLiteral("d")}, QStringLiteral("password"), &error));
    QCOMPARE(toml.text(), QByteArray("[d]\nuser = \"u\"\n"));
    TomlText inlineTable("d = { password = \"" TUSK_TEST_PASSWORD_IN_TOML "\", user = \"u\" }\n");
    QVERIFY(!inlineTable.removeKey({QStringLiteral("d")}, QStringLiteral("password"), &error));
}

void TestTomlText::renamesTableKeepingComment()
{
    TomlText toml("[database.old] # legacy\nhost = \"a\"\n[database.old.extra]\nk = 1\n");
    QString error;
    QVERIFY(toml.renameTable(
        {QStringLiteral("database"), QStringLiteral("old")}, QStringLiteral("new"), &error));
    QCOMPARE(toml.text(),
        QByteArray("[database.new] # legacy\nhost = \"a\"\n[database.new.extra]\nk = 1\n"));
}

void TestTomlText::refusesInlineAndDottedTables()
{
    TomlText inlineTable("[database]\nlocal = { host = \"a\" }\n");
    QString error;
    QVERIFY(!inlineTable.setValue({QStringLiteral("database"), QStringLiteral("local")},
        QStringLiteral("port"), QStringLiteral("5432"), &error));
    QVERIFY2(error.contains(QLatin1String("by hand")), qPrintable(error));
    // An existing value inside one can still be replaced in place.
    QVERIFY(inlineTable.setValue({QStringLiteral("database"), QStringLiteral("local")},
        QStringLiteral("host"), QStringLiteral("\"b\""), &error));
    QCOMPARE(inlineTable.text(), QByteArray("[database]\nlocal = { host = \"b\" }\n"));
}

void TestTomlText::ignoresHeaderInsideMultilineString()
{
    TomlText toml("[a]\nnote = \"\"\"\n[b]\n\"\"\"\n[c]\nx = 1\n");
    QVERIFY(toml.isValid());
    QCOMPARE(toml.headerLine({QStringLiteral("b")}), 0);
    QCOMPARE(toml.headerLine({QStringLiteral("c")}), 5);
}

void TestTomlText::neverWritesIntoAMultilineString()
{
    // Found by fuzz_profiles: a string's last line that reads like a
    // comment was taken for one, and a new key or table went inside it.
    const QByteArray text = "[configuration]\nschema_version = 1\n\n[database.local]\n"
                            "host = \"localhost\"\ndescription = \"\"\"\n# Heading\"\"\"\n";
    TomlText key(text);
    QString error;
    QVERIFY2(key.setValue({QStringLiteral("database"), QStringLiteral("local")},
                 QStringLiteral("port"), QStringLiteral("5432"), &error),
        qPrintable(error));
    QVariantMap local =
        key.tree().value(QStringLiteral("database")).toMap().value(QStringLiteral("local")).toMap();
    QCOMPARE(local.value(QStringLiteral("port")).toInt(), 5432);
    QCOMPARE(local.value(QStringLiteral("description")).toString(), QStringLiteral("# Heading"));

    TomlText table(text);
    QVERIFY2(table.addTable({QStringLiteral("database"), QStringLiteral("ci")},
                 {{QStringLiteral("host"), QStringLiteral("\"ci\"")}}, &error),
        qPrintable(error));
    const QVariantMap database = table.tree().value(QStringLiteral("database")).toMap();
    QCOMPARE(database.value(QStringLiteral("ci")).toMap().value(QStringLiteral("host")).toString(),
        QStringLiteral("ci"));
    QCOMPARE(database.value(QStringLiteral("local")).toMap().value(QStringLiteral("description")),
        QVariant(QStringLiteral("# Heading")));

    // And in the root section, before any table.
    TomlText root("note = \"\"\"\n# not a comment\"\"\"\n");
    QVERIFY2(
        root.setValue({}, QStringLiteral("pg_bin_path"), QStringLiteral("\"/usr/bin\""), &error),
        qPrintable(error));
    QCOMPARE(
        root.tree().value(QStringLiteral("note")).toString(), QStringLiteral("# not a comment"));
    QCOMPARE(
        root.tree().value(QStringLiteral("pg_bin_path")).toString(), QStringLiteral("/usr/bin"));
}

void TestTomlText::keepsCrLf()
{
    TomlText toml("[a]\r\nx = 1\r\n");
    QString error;
    QVERIFY(toml.setValue({QStringLiteral("a")}, QStringLiteral("y"), QStringLiteral("2"), &error));
    QCOMPARE(toml.text(), QByteArray("[a]\r\nx = 1\r\ny = 2\r\n"));
}

void TestTomlText::spellsKeysAndStrings()
{
    QCOMPARE(
        TomlText::stringLiteral(QStringLiteral("a\"b\\c\n")), QStringLiteral("\"a\\\"b\\\\c\\n\""));
    QCOMPARE(TomlText::keyText(QStringLiteral("db_1")), QStringLiteral("db_1"));
    QCOMPARE(TomlText::keyText(QStringLiteral("my db")), QStringLiteral("\"my db\""));
    QCOMPARE(TomlText::pathText({QStringLiteral("database"), QStringLiteral("a.b")}),
        QStringLiteral("database.\"a.b\""));
}

QTEST_GUILESS_MAIN(TestTomlText)
#include "tst_tomltext.moc"
