#include "sqlcompletion.h"

#include "core/sql/sqlidentifier.h"
#include "core/sql/statementfinder.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cctype>

namespace tusk::core {

namespace {

bool isWordByte(char c)
{
    return std::isalnum(uchar(c)) || c == '_' || c == '$' || uchar(c) >= 0x80;
}

// Identifiers, dots and the rest, as a forgiving scanner sees them;
// comments and string literals are skipped.
struct Token {
    QString text; // identifiers folded to lower case unless quoted
    bool identifier = false;
    bool quoted = false;
};

QList<Token> tokens(const QByteArray &sql)
{
    QList<Token> out;
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n;) {
        const char c = sql.at(i);
        if (std::isspace(uchar(c))) {
            ++i;
        } else if (c == '-' && i + 1 < n && sql.at(i + 1) == '-') {
            while (i < n && sql.at(i) != '\n')
                ++i;
        } else if (c == '/' && i + 1 < n && sql.at(i + 1) == '*') {
            const qsizetype end = sql.indexOf("*/", i + 2);
            i = end < 0 ? n : end + 2;
        } else if (c == '\'') {
            ++i;
            while (i < n && !(sql.at(i) == '\'' && (i + 1 >= n || sql.at(i + 1) != '\'')))
                i += sql.at(i) == '\'' ? 2 : 1;
            ++i;
        } else if (c == '"') {
            QByteArray name;
            ++i;
            while (i < n) {
                if (sql.at(i) == '"') {
                    if (i + 1 < n && sql.at(i + 1) == '"') {
                        name += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                name += sql.at(i++);
            }
            out.append({QString::fromUtf8(name), true, true});
        } else if (isWordByte(c)) {
            const qsizetype begin = i;
            while (i < n && isWordByte(sql.at(i)))
                ++i;
            out.append({QString::fromUtf8(sql.mid(begin, i - begin)).toLower(), true, false});
        } else {
            out.append({QString(QLatin1Char(c)), false, false});
            ++i;
        }
    }
    return out;
}

const QSet<QString> &notAliases()
{
    // Words that may follow a table name without being its alias.
    static const QSet<QString> words = {QStringLiteral("where"), QStringLiteral("join"),
        QStringLiteral("inner"), QStringLiteral("left"), QStringLiteral("right"),
        QStringLiteral("full"), QStringLiteral("cross"), QStringLiteral("natural"),
        QStringLiteral("on"), QStringLiteral("using"), QStringLiteral("group"),
        QStringLiteral("order"), QStringLiteral("limit"), QStringLiteral("offset"),
        QStringLiteral("set"), QStringLiteral("values"), QStringLiteral("select"),
        QStringLiteral("returning"), QStringLiteral("union"), QStringLiteral("except"),
        QStringLiteral("intersect"), QStringLiteral("having"), QStringLiteral("window"),
        QStringLiteral("for"), QStringLiteral("lateral"), QStringLiteral("only"),
        QStringLiteral("default"), QStringLiteral("tablesample"), QStringLiteral("fetch")};
    return words;
}

// Columns and tables are what people complete most; keywords last.
int kindOrder(SqlCompletion::Kind kind)
{
    switch (kind) {
    case SqlCompletion::Kind::Column:
        return 0;
    case SqlCompletion::Kind::Relation:
        return 1;
    case SqlCompletion::Kind::Schema:
        return 2;
    case SqlCompletion::Kind::Function:
        return 3;
    case SqlCompletion::Kind::Keyword:
        return 4;
    }
    return 5;
}

int rank(const QString &candidate, const QString &prefix)
{
    // Exact case first, then any case; shorter names before longer.
    return candidate.startsWith(prefix) ? 0 : 1;
}

} // namespace

QHash<QString, QString> SqlCompletion::aliases(const QByteArray &statement)
{
    QHash<QString, QString> found;
    const QList<Token> t = tokens(statement);
    static const QSet<QString> introducers = {QStringLiteral("from"), QStringLiteral("join"),
        QStringLiteral("update"), QStringLiteral("into"), QStringLiteral("table")};
    for (qsizetype i = 0; i < t.size(); ++i) {
        const bool afterComma = t[i].text == QLatin1String(",") && !found.isEmpty();
        if (!(t[i].identifier && !t[i].quoted && introducers.contains(t[i].text)) && !afterComma)
            continue;
        qsizetype j = i + 1;
        if (j < t.size() && t[j].text == QLatin1String("only"))
            ++j;
        if (j >= t.size() || !t[j].identifier)
            continue;
        // Names as SQL, so findRelation() reads "Odd" as it was written.
        auto sql = [](const Token &token) {
            return token.quoted ? SqlIdentifier::quote(token.text) : token.text;
        };
        QString name = sql(t[j]);
        QString bare = t[j].text;
        if (j + 2 < t.size() && t[j + 1].text == QLatin1String(".") && t[j + 2].identifier) {
            bare = t[j + 2].text;
            name += QLatin1Char('.') + sql(t[j + 2]);
            j += 2;
        }
        found.insert(bare, name);
        qsizetype k = j + 1;
        if (k < t.size() && t[k].text == QLatin1String("as"))
            ++k;
        if (k < t.size() && t[k].identifier && (t[k].quoted || !notAliases().contains(t[k].text)))
            found.insert(t[k].text, name);
    }
    return found;
}

SqlCompletion::Result SqlCompletion::complete(const QByteArray &script, qsizetype caret,
    const CatalogSnapshot &catalog, const QStringList &keywords, int limit)
{
    Result result;
    caret = std::clamp<qsizetype>(caret, 0, script.size());
    qsizetype begin = caret;
    while (begin > 0 && isWordByte(script.at(begin - 1)))
        --begin;
    result.prefixBegin = begin;
    result.prefix = QString::fromUtf8(script.mid(begin, caret - begin));
    const QString lower = result.prefix.toLower();
    auto matches = [&lower](const QString &name) { return name.toLower().startsWith(lower); };

    // A qualifier before a dot: `word.` or `"Word".`
    QString qualifier;
    bool qualified = false;
    if (begin > 0 && script.at(begin - 1) == '.') {
        qualified = true;
        qsizetype end = begin - 1;
        qsizetype start = end;
        if (start > 0 && script.at(start - 1) == '"') {
            const qsizetype open = script.lastIndexOf('"', start - 2);
            qualifier = QString::fromUtf8(script.mid(open + 1, start - 2 - open));
        } else {
            while (start > 0 && isWordByte(script.at(start - 1)))
                --start;
            qualifier = QString::fromUtf8(script.mid(start, end - start)).toLower();
        }
    }

    QList<Item> items;
    if (qualified) {
        for (const DbSchema &schema : catalog.schemas()) {
            if (schema.name != qualifier)
                continue;
            for (int index : catalog.relationsOf(schema.oid)) {
                const DbRelation &relation = catalog.relations().at(index);
                if (relation.kind != RelationKind::Sequence && !relation.isPartition
                    && matches(relation.name))
                    items.append({SqlIdentifier::quote(relation.name), Kind::Relation, {}});
            }
            for (const DbFunction &function : catalog.functions()) {
                if (function.schemaOid == schema.oid && matches(function.name))
                    items.append(
                        {SqlIdentifier::quote(function.name), Kind::Function, function.arguments});
            }
        }
        if (items.isEmpty()) {
            const ByteRange statement = StatementFinder::statementAt(script, caret);
            const QByteArray text =
                script.mid(statement.begin, std::max(statement.end, caret) - statement.begin);
            const QString target = aliases(text).value(qualifier, qualifier);
            if (const DbRelation *relation = catalog.findRelation(target)) {
                for (int index : relation->columns) {
                    const DbColumn &column = catalog.columns().at(index);
                    if (matches(column.name))
                        items.append(
                            {SqlIdentifier::quote(column.name), Kind::Column, column.type});
                }
            }
        }
    } else {
        for (const QString &keyword : keywords) {
            if (!lower.isEmpty() && matches(keyword))
                items.append({keyword, Kind::Keyword, {}});
        }
        for (const DbSchema &schema : catalog.schemas()) {
            if (matches(schema.name))
                items.append({SqlIdentifier::quote(schema.name), Kind::Schema, {}});
        }
        for (const DbRelation &relation : catalog.relations()) {
            if (relation.kind != RelationKind::Sequence && !relation.isPartition
                && matches(relation.name))
                items.append({SqlIdentifier::quote(relation.name), Kind::Relation,
                    catalog.schemaName(relation.schemaOid)});
        }
        for (const DbFunction &function : catalog.functions()) {
            if (!function.fromExtension && matches(function.name))
                items.append(
                    {SqlIdentifier::quote(function.name), Kind::Function, function.arguments});
        }
    }
    std::stable_sort(items.begin(), items.end(), [&result](const Item &a, const Item &b) {
        const int ra = rank(a.text, result.prefix), rb = rank(b.text, result.prefix);
        if (ra != rb)
            return ra < rb;
        if (a.kind != b.kind)
            return kindOrder(a.kind) < kindOrder(b.kind);
        return a.text.compare(b.text, Qt::CaseInsensitive) < 0;
    });
    // One entry per text (overloads, the same table in two schemas).
    QSet<QString> seen;
    for (const Item &item : std::as_const(items)) {
        if (result.items.size() >= limit)
            break;
        if (!seen.contains(item.text)) {
            seen.insert(item.text);
            result.items.append(item);
        }
    }
    return result;
}

} // namespace tusk::core
