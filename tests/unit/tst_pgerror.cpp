#include "core/pg/pgerror.h"

#include <QTest>

using tusk::core::PgError;

class TestPgError : public QObject {
    Q_OBJECT
private slots:
    void formatsForPeople();
    void classifiesConnectionFailures_data();
    void classifiesConnectionFailures();
    void positionCountsCharactersNotBytes();
};

void TestPgError::positionCountsCharactersNotBytes()
{
    // The server counts characters: 'é' and '€' are one each, two and
    // three bytes in UTF-8.
    const QByteArray sql = QString::fromUtf8("SELECT 'é€' FRM t").toUtf8();
    PgError e;
    QCOMPARE(e.byteOffsetIn(sql), -1); // no position
    e.position = 1;
    QCOMPARE(e.byteOffsetIn(sql), 0);
    e.position = 13; // "FRM": S-E-L-E-C-T-space-'-é-€-'-space, then F
    QCOMPARE(e.byteOffsetIn(sql), sql.indexOf("FRM"));
    e.position = 999;
    QCOMPARE(e.byteOffsetIn(sql), sql.size());
}

void TestPgError::formatsForPeople()
{
    PgError e;
    e.origin = PgError::Origin::Server;
    e.severity = QStringLiteral("ERROR");
    e.sqlState = QStringLiteral("23505");
    e.message = QStringLiteral("duplicate key value violates unique constraint \"u\"");
    e.detail = QStringLiteral("Key (id)=(1) already exists.");
    e.hint = QStringLiteral("Use another id.");
    QCOMPARE(e.toString(),
        QStringLiteral("ERROR 23505: duplicate key value violates unique constraint \"u\"\n"
                       "DETAIL: Key (id)=(1) already exists.\nHINT: Use another id."));
    QVERIFY(PgError().isNull());
    QVERIFY(PgError().toString().isEmpty());
    QVERIFY(!e.isNull());
}

void TestPgError::classifiesConnectionFailures_data()
{
    QTest::addColumn<int>("origin");
    QTest::addColumn<QString>("sqlState");
    QTest::addColumn<bool>("failure");
    QTest::addColumn<bool>("cancellation");
    QTest::addRow("syntax") << int(PgError::Origin::Server) << "42601" << false << false;
    QTest::addRow("cancel") << int(PgError::Origin::Server) << "57014" << false << true;
    QTest::addRow("terminated") << int(PgError::Origin::Server) << "57P01" << true << false;
    QTest::addRow("class 08") << int(PgError::Origin::Server) << "08006" << true << false;
    QTest::addRow("libpq") << int(PgError::Origin::Connection) << "" << true << false;
    QTest::addRow("auth") << int(PgError::Origin::Server) << "28P01" << false << false;
}

void TestPgError::classifiesConnectionFailures()
{
    QFETCH(int, origin);
    QFETCH(QString, sqlState);
    PgError e;
    e.origin = PgError::Origin(origin);
    e.sqlState = sqlState;
    QTEST(e.isConnectionFailure(), "failure");
    QTEST(e.isCancellation(), "cancellation");
}

QTEST_GUILESS_MAIN(TestPgError)
#include "tst_pgerror.moc"
