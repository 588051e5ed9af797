#include "sqlkeywords.h"

#include <QSet>

#include <cstdint>

// libpg_query exports the scanner's keyword table, PostgreSQL's
// common/kwlookup.h ScanKeywordList, and the grammar's category of each
// word (parser/kwlist.h); pg_query.h declares neither, so the layout is
// spelled here. tst_sqlkeywords checks it against known words.
extern "C" {
struct TuskScanKeywordList {
    const char *kw_string; // every keyword, each ended by \0
    const uint16_t *kw_offsets; // where each starts in kw_string
    int (*hash)(const void *key, size_t keylen);
    int num_keywords;
    int max_kw_len;
};
extern const TuskScanKeywordList ScanKeywords;
extern const uint8_t ScanKeywordCategories[];
}

namespace tusk::core {

const QList<SqlKeywords::Keyword> &SqlKeywords::all()
{
    static const QList<Keyword> list = [] {
        QList<Keyword> words;
        words.reserve(ScanKeywords.num_keywords);
        for (int i = 0; i < ScanKeywords.num_keywords; ++i) {
            const uint8_t category = ScanKeywordCategories[i];
            words << Keyword {
                QString::fromLatin1(ScanKeywords.kw_string + ScanKeywords.kw_offsets[i]),
                category <= 3 ? Category(category) : Category::Unreserved};
        }
        return words;
    }();
    return list;
}

const QByteArray &SqlKeywords::spaceSeparated()
{
    static const QByteArray words = [] {
        QByteArray text;
        for (const Keyword &k : all()) {
            if (!text.isEmpty())
                text += ' ';
            text += k.word.toLatin1();
        }
        return text;
    }();
    return words;
}

bool SqlKeywords::isKeyword(QStringView word)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const Keyword &k : all())
            set.insert(k.word);
        return set;
    }();
    return words.contains(word.toString().toLower());
}

} // namespace tusk::core
