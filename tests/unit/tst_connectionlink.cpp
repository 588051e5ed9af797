// A postgresql:// link from outside may say where and as whom, nothing that
// makes Tusk read the user's secrets for a server the link chose.

#include "core/profiles/connectionlink.h"

#include <QTest>

using tusk::core::ConnectionLink;

class TestConnectionLink : public QObject {
    Q_OBJECT
private slots:
    void whereAndWhoAreTaken();
    void secretsAndFilesAreRefused_data();
    void secretsAndFilesAreRefused();
};

void TestConnectionLink::whereAndWhoAreTaken()
{
    QString why;
    const auto info = ConnectionLink::read(
        QStringLiteral("postgresql://alice@db.example.com:5433/shop?sslmode=verify-full"), &why);
    QVERIFY2(info, qPrintable(why));
    QCOMPARE(info->host(), QStringLiteral("db.example.com"));
    QCOMPARE(info->port(), QStringLiteral("5433"));
    QCOMPARE(info->user(), QStringLiteral("alice"));
    QCOMPARE(info->database(), QStringLiteral("shop"));
    QCOMPARE(info->value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
    QVERIFY(ConnectionLink::read(QStringLiteral("postgres://h/db"), &why));
}

void TestConnectionLink::secretsAndFilesAreRefused_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("named");
    QTest::newRow("service") << QStringLiteral("postgresql://evil.example/?service=prod")
                             << QStringLiteral("service");
    QTest::newRow("passfile") << QStringLiteral(
        "postgresql://evil.example/db?passfile=/home/u/.pgpass")
                              << QStringLiteral("passfile");
    QTest::newRow("sslkey") << QStringLiteral("postgresql://evil.example/db?sslkey=/home/u/key")
                            << QStringLiteral("sslkey");
    QTest::newRow("hostaddr") << QStringLiteral("postgresql://trusted.example/db?hostaddr=10.0.0.9")
                              << QStringLiteral("hostaddr");
    QTest::newRow("not a link") << QStringLiteral("host=evil.example service=prod")
                                << QStringLiteral("postgresql://");
}

void TestConnectionLink::secretsAndFilesAreRefused()
{
    QFETCH(QString, link);
    QFETCH(QString, named);
    QString why;
    QVERIFY(!ConnectionLink::read(link, &why));
    QVERIFY2(why.contains(named), qPrintable(why));
}

QTEST_GUILESS_MAIN(TestConnectionLink)
#include "tst_connectionlink.moc"
