#include "sqlidentifier.h"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <QByteArray>
#include <QHash>

namespace tusk::core {

namespace {
// True when PostgreSQL's scanner reads `word` as a keyword that cannot
// stand as a plain name everywhere (what quote_ident() quotes).
bool scanReservedWord(const QByteArray &word)
{
    PgQueryScanResult scan = pg_query_scan(word.constData());
    bool reserved = false;
    if (!scan.error) {
        PgQuery__ScanResult *tokens = pg_query__scan_result__unpack(
            nullptr, scan.pbuf.len, reinterpret_cast<const uint8_t *>(scan.pbuf.data));
        if (tokens && tokens->n_tokens == 1)
            reserved = tokens->tokens[0]->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD
                && tokens->tokens[0]->keyword_kind != PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD;
        if (tokens)
            pg_query__scan_result__free_unpacked(tokens, nullptr);
    }
    pg_query_free_scan_result(scan);
    return reserved;
}
// Fixes name the same few tables again and again: remember the answers
// (per thread, as rules run on any thread).
bool isReservedWord(const QByteArray &word)
{
    thread_local QHash<QByteArray, bool> known;
    const auto it = known.constFind(word);
    if (it != known.constEnd())
        return *it;
    const bool reserved = scanReservedWord(word);
    if (known.size() < 4096)
        known.insert(word, reserved);
    return reserved;
}
} // namespace

QString SqlIdentifier::quote(const QString &name)
{
    // Plain: lower-case letters, digits, '_' and '$', not starting with a
    // digit or '$'. Keywords never hold a digit or '$', so only names of
    // letters alone need the scanner.
    bool plain = !name.isEmpty();
    bool lettersOnly = true;
    for (qsizetype i = 0; plain && i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool letter = (c >= u'a' && c <= u'z') || c == u'_';
        const bool other = (c >= u'0' && c <= u'9') || c == u'$';
        plain = letter || (other && i > 0);
        lettersOnly = lettersOnly && letter;
    }
    if (plain && (!lettersOnly || !isReservedWord(name.toLatin1())))
        return name;
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString SqlIdentifier::qualified(const QString &schema, const QString &name)
{
    if (schema.isEmpty())
        return quote(name);
    return quote(schema) + QLatin1Char('.') + quote(name);
}

QString SqlIdentifier::literal(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString SqlIdentifier::withSuffix(const QString &base, const QString &suffix)
{
    // NAMEDATALEN - 1 bytes of UTF-8.
    qsizetype room = 63 - suffix.toUtf8().size();
    qsizetype end = 0;
    while (end < base.size()) {
        const qsizetype width = base.at(end).isHighSurrogate() && end + 1 < base.size() ? 2 : 1;
        const qsizetype bytes = base.mid(end, width).toUtf8().size();
        if (bytes > room)
            break;
        room -= bytes;
        end += width;
    }
    return base.left(end) + suffix;
}

QString SqlIdentifier::commentText(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out;
}

} // namespace tusk::core
