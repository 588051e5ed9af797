#include "libpqsupport.h"

#include <QRegularExpression>
#include <QStringList>

namespace tusk::core::libpq {

namespace {
QString field(const PGresult *result, int code)
{
    const char *value = PQresultErrorField(result, code);
    return value ? QString::fromUtf8(value) : QString();
}

// During connection setup libpq keeps the server's SQLSTATE to itself, so the
// common cases are recognised by the server's own (English) wording.
QString inferSqlState(const QString &message, const QString &fallback)
{
    struct Pattern {
        const char *text;
        const char *sqlState;
    };
    static const Pattern patterns[] = {
        {"password authentication failed", "28P01"},
        {"no password supplied", "28P01"},
        {"no pg_hba.conf entry", "28000"},
        {"role \"", "28000"},
        {"database \"", "3D000"},
        {"too many clients", "53300"},
        {"the database system is starting up", "57P03"},
        {"the database system is shutting down", "57P03"},
        {"server does not support SSL", "08P01"},
    };
    for (const Pattern &p : patterns) {
        if (message.contains(QLatin1String(p.text)))
            return QLatin1String(p.sqlState);
    }
    return fallback;
}

QString option(const PGconn *conn, const char *keyword)
{
    QString value;
    PQconninfoOption *options = PQconninfo(const_cast<PGconn *>(conn));
    for (PQconninfoOption *o = options; o && o->keyword; ++o) {
        if (qstrcmp(o->keyword, keyword) == 0 && o->val)
            value = QString::fromUtf8(o->val);
    }
    PQconninfoFree(options);
    return value;
}

bool isTls(const QString &message)
{
    return message.contains(QLatin1String("SSL")) || message.contains(QLatin1String("certificate"));
}

// libpq names what failed in a TLS handshake but not what it was checking
// against, nor that it will not go on without TLS; these say it.
QString tlsHint(const PGconn *conn, const QString &message)
{
    if (message.contains(QLatin1String("does not match host name")))
        return QStringLiteral("sslmode=verify-full accepts the server only under one of the "
                              "names in the server's certificate: connect by such a name, or use "
                              "a certificate that names this host.");
    if (message.contains(QLatin1String("certificate verify failed"))) {
        const QString root = option(conn, "sslrootcert");
        return QStringLiteral("The server's certificate is not signed by the root certificate "
                              "in %1 (sslrootcert).")
            .arg(root.isEmpty() ? QStringLiteral("~/.postgresql/root.crt") : root);
    }
    if (message.contains(QLatin1String("server does not support SSL")))
        return QStringLiteral("The server does not offer TLS, and sslmode=%1 never falls back to "
                              "an unencrypted connection.")
            .arg(option(conn, "sslmode"));
    return {};
}
} // namespace

QList<Result::Column> columns(const PGresult *result)
{
    QList<Result::Column> list;
    const int count = PQnfields(result);
    list.reserve(count);
    for (int c = 0; c < count; ++c) {
        Result::Column column;
        column.name = QString::fromUtf8(PQfname(result, c));
        column.typeOid = PQftype(result, c);
        column.typeModifier = PQfmod(result, c);
        column.tableOid = PQftable(result, c);
        column.tableColumn = PQftablecol(result, c);
        list << column;
    }
    return list;
}

void addColumns(Result::Builder &builder, const PGresult *result)
{
    for (const Result::Column &column : columns(result))
        builder.addColumn(column);
}

void appendRow(Result::Builder &builder, const PGresult *result, int row)
{
    const int columns = PQnfields(result);
    for (int c = 0; c < columns; ++c) {
        const bool null = PQgetisnull(result, row, c);
        builder.appendCell(
            QByteArrayView(PQgetvalue(result, row, c), PQgetlength(result, row, c)), null);
    }
    builder.endRow();
}

void setCommandTag(Result::Builder &builder, const PGresult *result)
{
    const QString tag = QString::fromUtf8(PQcmdStatus(const_cast<PGresult *>(result)));
    const char *tuples = PQcmdTuples(const_cast<PGresult *>(result));
    const qint64 affected = (tuples && *tuples) ? QByteArray(tuples).toLongLong() : -1;
    const ExecStatusType status = PQresultStatus(result);
    builder.setCommandTag(tag, affected, status == PGRES_TUPLES_OK || status == PGRES_SINGLE_TUPLE);
}

Result toResult(const PGresult *result)
{
    Result::Builder builder;
    addColumns(builder, result);
    const int rows = PQntuples(result);
    const int columns = PQnfields(result);
    builder.reserveRows(rows);
    qsizetype bytes = 0;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            bytes += PQgetlength(result, r, c);
    }
    builder.reserveBytes(bytes);
    for (int r = 0; r < rows; ++r)
        appendRow(builder, result, r);
    setCommandTag(builder, result);
    return builder.build();
}

PgError toError(const PGresult *result)
{
    PgError e;
    e.origin = PgError::Origin::Server;
    e.sqlState = field(result, PG_DIAG_SQLSTATE);
    e.severity = field(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (e.severity.isEmpty())
        e.severity = field(result, PG_DIAG_SEVERITY);
    e.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    e.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
    e.hint = field(result, PG_DIAG_MESSAGE_HINT);
    e.context = field(result, PG_DIAG_CONTEXT);
    e.position = field(result, PG_DIAG_STATEMENT_POSITION).toInt();
    e.internalPosition = field(result, PG_DIAG_INTERNAL_POSITION).toInt();
    e.internalQuery = field(result, PG_DIAG_INTERNAL_QUERY);
    e.schemaName = field(result, PG_DIAG_SCHEMA_NAME);
    e.tableName = field(result, PG_DIAG_TABLE_NAME);
    e.columnName = field(result, PG_DIAG_COLUMN_NAME);
    e.constraintName = field(result, PG_DIAG_CONSTRAINT_NAME);
    if (e.message.isEmpty()) {
        // Errors libpq makes up itself (lost connection, protocol trouble)
        // carry no fields, only the result's message.
        e.message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        if (e.sqlState.isEmpty() && PQresultStatus(result) == PGRES_FATAL_ERROR) {
            e.origin = PgError::Origin::Connection;
            e.sqlState = QStringLiteral("08006");
        }
    }
    if (e.severity.isEmpty())
        e.severity = QStringLiteral("ERROR");
    return e;
}

PgError toConnectionError(const PGconn *conn, const QString &fallbackSqlState)
{
    const QString raw = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    const QStringList lines = raw.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // With several hosts libpq reports one "connection to server ... failed:"
    // line per attempt; the last attempt decides. Lines that start with a tab
    // continue the one before (libpq's own hints).
    static const QRegularExpression attempt(QStringLiteral("^connection to server (.*?) failed: "));
    qsizetype start = 0;
    int attempts = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (attempt.match(lines.at(i)).hasMatch()) {
            start = i;
            ++attempts;
        }
    }
    QString message =
        lines.isEmpty() ? QStringLiteral("could not connect to server") : lines.at(start);
    QString where;
    if (const auto m = attempt.match(message); m.hasMatch()) {
        where = m.captured(1);
        message.remove(attempt);
    }
    // The lines after the last attempt's are libpq's advice on it, some
    // with a tab ("Is the server running…"), some without ("Either provide
    // the file or change sslmode…").
    QStringList hints;
    for (qsizetype i = start + 1; i < lines.size(); ++i)
        hints << lines.at(i).trimmed();

    static const QRegularExpression severity(QStringLiteral("^(FATAL|ERROR):\\s+"));
    QString sev = QStringLiteral("FATAL");
    const auto m = severity.match(message);
    const bool serverAnswered = m.hasMatch();
    if (serverAnswered) {
        sev = m.captured(1);
        message.remove(severity);
    } else if (!where.isEmpty()) {
        // Nothing answered: say where Tusk knocked, not only errno's words.
        // A failed TLS handshake did reach the server: say what failed.
        message = (isTls(message) ? QStringLiteral("cannot set up TLS with the server %1: %2")
                                  : QStringLiteral("cannot reach the server %1: %2"))
                      .arg(where, message.trimmed());
    }
    message = message.trimmed();
    PgError e = PgError::connection(
        message, inferSqlState(message, fallbackSqlState), attempts > 1 ? raw : QString());
    e.severity = sev;
    if (const QString tls = tlsHint(conn, message); !tls.isEmpty())
        hints << tls;
    e.hint = hints.join(QLatin1Char(' '));
    // An answer from the server (wrong password, unknown database) is the
    // server's error; the session never existed, so nothing was lost.
    if (serverAnswered && e.sqlState != fallbackSqlState)
        e.origin = PgError::Origin::Server;
    return e;
}

} // namespace tusk::core::libpq
