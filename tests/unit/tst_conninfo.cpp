#include "core/pg/conninfo.h"

#include "testsecrets.h"

#include <QTest>

using tusk::core::ConnInfo;

class TestConnInfo : public QObject {
    Q_OBJECT
private slots:
    void parsesBothForms_data();
    void parsesBothForms();
    void rejectsGarbage();
    void neverShowsThePassword_data();
    void neverShowsThePassword();
    void urlRoundTrips_data();
    void urlRoundTrips();
    void keywordStringQuotes();
    void setAndRemove();
};

void TestConnInfo::parsesBothForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("sslmode");

    QTest::addRow("url") << "postgresql://alice@db.example.com:6432/shop?sslmode=require"
                         << "db.example.com"
                         << "6432"
                         << "shop"
                         << "alice"
                         << "require";
    QTest::addRow("short scheme") << "postgres://bob@localhost/app"
                                  << "localhost"
                                  << ""
                                  << "app"
                                  << "bob"
                                  << "";
    QTest::addRow("keywords") << "host=/var/run/postgresql port=5433 dbname='my db' user=carol"
                              << "/var/run/postgresql"
                              << "5433"
                              << "my db"
                              << "carol"
                              << "";
    QTest::addRow("socket in query") << "postgresql:///tusk_demo?host=%2Ftmp%2Fsb&port=5999"
                                     << "/tmp/sb"
                                     << "5999"
                                     << "tusk_demo"
                                     << ""
                                     << "";
    QTest::addRow("ipv6") << "postgresql://[::1]:5432/x"
                          << "::1"
                          << "5432"
                          << "x"
                          << ""
                          << "";
}

void TestConnInfo::parsesBothForms()
{
    QFETCH(QString, text);
    QString error;
    const ConnInfo info = ConnInfo::parse(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTEST(info.host(), "host");
    QTEST(info.port(), "port");
    QTEST(info.database(), "database");
    QTEST(info.user(), "user");
    QTEST(info.value(QStringLiteral("sslmode")), "sslmode");
}

void TestConnInfo::rejectsGarbage()
{
    QString error;
    const ConnInfo info = ConnInfo::parse(QStringLiteral("host=x nonsense_option=1"), &error);
    QVERIFY(info.isEmpty());
    QVERIFY2(error.contains(QLatin1String("nonsense_option")), qPrintable(error));

    const ConnInfo badUrl = ConnInfo::parse(QStringLiteral("postgresql://h/db?bogus=1"), &error);
    QVERIFY(badUrl.isEmpty());
    QVERIFY2(error.contains(QLatin1String("bogus")), qPrintable(error));
}

void TestConnInfo::neverShowsThePassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("url") << "postgresql://alice:" TUSK_TEST_PASSWORD_WITH_EQUALS_IN_URL
                            "@db:5432/shop";
    QTest::addRow("keywords") << "host=db user=alice password='" TUSK_TEST_PASSWORD_WITH_EQUALS
                                 "' dbname=shop";
}

void TestConnInfo::neverShowsThePassword()
{
    QFETCH(QString, text);
    const QString secret = QStringLiteral("S3cr");
    const ConnInfo info = ConnInfo::parse(text);
    QVERIFY(info.hasPassword());
    QCOMPARE(
        info.value(QStringLiteral("password")), QStringLiteral(TUSK_TEST_PASSWORD_WITH_EQUALS));
    QVERIFY(!info.toDisplayString().contains(secret));
    QVERIFY(!info.toUrl().contains(secret));
    QVERIFY(!info.toKeywordString().contains(secret));
    QString debugText;
    QDebug(&debugText) << info;
    QVERIFY(!debugText.contains(secret));
    QVERIFY(debugText.contains(QLatin1String("alice@db")));
    // Only on explicit request, and for libpq.
    QVERIFY(info.toUrl(true).contains(QLatin1String(TUSK_TEST_PASSWORD_WITH_EQUALS_IN_URL)));
    bool handedToLibpq = false;
    for (const auto &[k, v] : info.libpqParameters())
        handedToLibpq |= (k == "password" && v == TUSK_TEST_PASSWORD_WITH_EQUALS);
    QVERIFY(handedToLibpq);
}

void TestConnInfo::urlRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("tcp")
        << "host=db.example.com port=6432 dbname=shop user=alice sslmode=verify-full";
    QTest::addRow("socket") << "host='/tmp/tusk sandbox' port=5999 dbname=tusk_demo user=postgres";
    QTest::addRow("unicode db") << "host=localhost dbname=Grüße user=ü";
    QTest::addRow("host list")
        << "host=a,b port=5432,5433 dbname=x target_session_attrs=read-write";
    QTest::addRow("password") << "host=h user=u password='" TUSK_TEST_PASSWORD_URL_UNSAFE
                                 "' dbname=d";
}

void TestConnInfo::urlRoundTrips()
{
    QFETCH(QString, text);
    const ConnInfo original = ConnInfo::parse(text);
    QVERIFY(!original.isEmpty());
    QString error;
    const ConnInfo again = ConnInfo::parse(original.toUrl(true), &error);
    QVERIFY2(error.isEmpty(), qPrintable(original.toUrl() + QLatin1String(": ") + error));
    for (const QString &keyword : original.keywords())
        QCOMPARE(again.value(keyword), original.value(keyword));
    const ConnInfo fromKeywords = ConnInfo::parse(original.toKeywordString(true));
    QCOMPARE(fromKeywords, original);
}

void TestConnInfo::keywordStringQuotes()
{
    ConnInfo info;
    info.setValue(QStringLiteral("dbname"), QStringLiteral("it's a db"));
    info.setValue(QStringLiteral("application_name"), QString());
    QCOMPARE(info.toKeywordString(), QStringLiteral("dbname='it\\'s a db' application_name=''"));
}

void TestConnInfo::setAndRemove()
{
    ConnInfo info;
    info.setValue(QStringLiteral("host"), QStringLiteral("a"));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("b"));
    info.setValue(QStringLiteral("dbname"), QStringLiteral("c"));
    info.setValue(QStringLiteral("port"), QStringLiteral("1"));
    QCOMPARE(info.keywords(),
        (QList<QString> {
            QStringLiteral("host"), QStringLiteral("dbname"), QStringLiteral("port")}));
    info.remove(QStringLiteral("host"));
    QVERIFY(!info.contains(QStringLiteral("host")));
    QCOMPARE(info.toDisplayString(), QStringLiteral("local socket:1/c"));
}

QTEST_GUILESS_MAIN(TestConnInfo)
#include "tst_conninfo.moc"
