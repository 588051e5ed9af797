// PostgreSQL's keyword list read from libpg_query: the layout spelled in
// sqlkeywords.cpp must match the library, or these words come out wrong.

#include "core/sql/sqlkeywords.h"

#include <QTest>

using namespace tusk::core;

class TestSqlKeywords : public QObject {
    Q_OBJECT
private slots:
    void listHasTheGrammarsWords();
    void categoriesFollowTheGrammar();
    void spaceSeparatedIsOneSet();
};

void TestSqlKeywords::listHasTheGrammarsWords()
{
    const QList<SqlKeywords::Keyword> &all = SqlKeywords::all();
    // PostgreSQL 15's kwlist.h has 460; a later grammar adds a few.
    QVERIFY2(all.size() >= 450 && all.size() < 600, qPrintable(QString::number(all.size())));
    QCOMPARE(all.first().word, QStringLiteral("abort"));
    for (const char *word : {"select", "concurrently", "valid", "validate", "index", "lock",
             "nowait", "generated", "merge"})
        QVERIFY2(SqlKeywords::isKeyword(QString::fromLatin1(word)), word);
    QVERIFY(SqlKeywords::isKeyword(u"CONCURRENTLY"));
    QVERIFY(!SqlKeywords::isKeyword(u"orders"));
    QVERIFY(!SqlKeywords::isKeyword(u""));
    // In alphabetical order, as the scanner's binary search needs.
    for (int i = 1; i < all.size(); ++i)
        QVERIFY2(all.at(i - 1).word < all.at(i).word, qPrintable(all.at(i).word));
}

void TestSqlKeywords::categoriesFollowTheGrammar()
{
    auto category = [](const QString &word) {
        for (const SqlKeywords::Keyword &k : SqlKeywords::all()) {
            if (k.word == word)
                return int(k.category);
        }
        return -1;
    };
    QCOMPARE(category(QStringLiteral("select")), int(SqlKeywords::Category::Reserved));
    QCOMPARE(category(QStringLiteral("index")), int(SqlKeywords::Category::Unreserved));
    QCOMPARE(category(QStringLiteral("nchar")), int(SqlKeywords::Category::ColumnName));
    QCOMPARE(
        category(QStringLiteral("concurrently")), int(SqlKeywords::Category::TypeOrFunctionName));
}

void TestSqlKeywords::spaceSeparatedIsOneSet()
{
    const QList<QByteArray> words = SqlKeywords::spaceSeparated().split(' ');
    QCOMPARE(words.size(), SqlKeywords::all().size());
    QVERIFY(words.contains("concurrently"));
}

QTEST_GUILESS_MAIN(TestSqlKeywords)
#include "tst_sqlkeywords.moc"
